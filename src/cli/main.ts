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
import { runCommand } from "./commands/run.ts";
import { testCommand } from "./commands/test.ts";
import { UsageError, colorFromArgv, errorLine, parseFlags } from "./options.ts";

const USAGE = `tsos: the TypeScript kernel toolchain

Usage:
  tsos build [entry.ts] [-o image]  build the kernel (default kernel/main.ts -> build/kernel/kernel.elf)
  tsos run [entry.ts]               build the kernel and boot it in QEMU
  tsos test [filter]                build and boot the unit-test kernel and every kernel/tests/*.ts
  tsos exec <file.ts> [args...]     compile a program for Linux, run it, exit with its status
  tsos build --target host <file.ts> [-o out]
                                    compile a program to a Linux executable
  tsos emit-c <file.ts> [-o out.c]  print the generated C (--target kernel for kernel C)
  tsos help                         this text

Flags:
  --kernel-dir <dir>                the kernel's sources (default kernel; images go to <dir>/../build/kernel)
  --display curses|none             run: the VGA screen in this terminal (default when stdout
                                    is a terminal), or headless with COM1 on stdout
  --timeout <s>                     run: stop QEMU after s seconds; test: per kernel (default 300)
  --release                         accepted for cargo habits; kernels are always built -O2 -g
  --color auto|always|never         colour output (default auto; NO_COLOR is respected)
  -q, --quiet                       no status lines
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === "exec") return execCommand(args);
  const flags = parseFlags(args);
  if (cmd === "build") return buildCommand(flags);
  if (cmd === "run") return runCommand(flags);
  if (cmd === "test") return testCommand(flags);
  if (cmd === "emit-c") return emitCCommand(flags);
  throw new UsageError(`unknown command \`${cmd}\``);
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
    errorLine(color, `${e.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (e instanceof CompileError) process.exitCode = reportErrors(e, color);
  else if (e instanceof Error && /was not found; install it/.test(e.message)) {
    errorLine(color, e.message);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error[TSOS9001]: internal error in tsos: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  }
}
