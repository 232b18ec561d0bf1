/**
 * cli/main.ts: the `tsos` command line, like cargo for tsos.
 *
 * Input:  process.argv: a subcommand and its flags.
 * Output: status lines on stderr (cargo style), program output passed
 *         through, and the exit status of the work done.
 * Invariants: user errors are printed as diagnostics, never stack traces;
 *             an unexpected exception is reported as an internal error. The
 *             compiler is imported only by the commands that compile, and only
 *             when they have to (commands/*.ts): a no-op build stays fast.
 */
import { CompileError, render } from "../compiler/diagnostics.ts";
import { buildCommand } from "./commands/build.ts";
import { emitCCommand, execCommand } from "./commands/host.ts";
import { imageCommand } from "./commands/image.ts";
import { runCommand } from "./commands/run.ts";
import { testCommand } from "./commands/test.ts";
import { type CommandSpec, commandHelp, findCommand, generalHelp } from "./help.ts";
import { UsageError, colorFromArgv, errorLine, parseFlags } from "./options.ts";
import { MissingToolError } from "./tools.ts";

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) {
    process.stderr.write(generalHelp());
    return 2;
  }
  if (cmd === "help" || cmd === "--help" || cmd === "-h") {
    if (args.length > 1) throw new UsageError(`help takes one command, got ${args.join(" ")}`);
    const about = args[0];
    if (about === undefined) process.stdout.write(generalHelp());
    else {
      const spec = findCommand(about);
      if (spec === undefined) throw new UsageError(`no such command \`${about}\``);
      process.stdout.write(commandHelp(spec));
    }
    return 0;
  }
  const spec = findCommand(cmd);
  if (spec === undefined) throw new UsageError(`unknown command \`${cmd}\``);
  try {
    return await runCommandOf(spec, args);
  } catch (e) {
    if (e instanceof UsageError) e.command ??= spec.name;
    throw e;
  }
}

async function runCommandOf(spec: CommandSpec, args: string[]): Promise<number> {
  const cmd = spec.name;
  if (cmd === "exec") {
    // Flags before the file are ours; the rest are the program's.
    const fileIdx = args.findIndex((a) => a.endsWith(".ts"));
    const flags = parseFlags(fileIdx < 0 ? args : args.slice(0, fileIdx), spec);
    if (flags.help) return printHelp(spec);
    if (fileIdx < 0) throw new UsageError("exec needs a .ts file", "exec");
    return execCommand(flags, args[fileIdx]!, args.slice(fileIdx + 1));
  }
  const flags = parseFlags(args, spec);
  if (flags.help) return printHelp(spec);
  if (cmd === "build") return buildCommand(flags);
  if (cmd === "run") return runCommand(flags);
  if (cmd === "test") return testCommand(flags);
  if (cmd === "image") return imageCommand(flags);
  if (cmd === "emit-c") return emitCCommand(flags);
  throw new Error(`command \`${cmd}\` is in help.ts but has no implementation`);
}

function printHelp(spec: CommandSpec): number {
  process.stdout.write(commandHelp(spec));
  return 0;
}

function reportErrors(e: CompileError, color: boolean): number {
  for (const d of e.diagnostics) process.stderr.write(render(d, { color }) + "\n\n");
  const n = e.diagnostics.length;
  errorLine(color, `could not compile due to ${n} previous error${n === 1 ? "" : "s"}`);
  return 1;
}

let color = false;
try {
  color = colorFromArgv(process.argv);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    errorLine(color, e.message);
    const hint = e.command !== undefined ? `tsos ${e.command} --help` : "tsos help";
    process.stderr.write(`${color ? "\x1b[1;36mhelp\x1b[0m" : "help"}: run \`${hint}\` for usage\n`);
    process.exitCode = 2;
  } else if (e instanceof CompileError) process.exitCode = reportErrors(e, color);
  else if (e instanceof MissingToolError) {
    errorLine(color, e.message);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error[TSOS9001]: internal error in tsos: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  }
}
