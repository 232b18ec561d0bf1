/**
 * cli/main.ts: the `tsos` command line, like cargo for tsos.
 *
 * Input:  process.argv: a subcommand and its flags.
 * Output: status lines on stderr (cargo style), program output passed
 *         through, and the exit status of the work done.
 * Invariants: user errors are printed as diagnostics, never stack traces;
 *             an unexpected exception is reported as an internal error.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileToC, type Target } from "../compiler/compile.ts";
import { CompileError, render } from "../compiler/diagnostics.ts";
import { gccHost } from "../compiler/gcc.ts";
import { requireTool } from "./tools.ts";

const USAGE = `tsos: the TypeScript kernel toolchain

Usage:
  tsos exec <file.ts> [args...]     compile a program for Linux, run it, exit with its status
  tsos build --target host <file.ts> [-o out]
                                    compile a program to a Linux executable
  tsos emit-c <file.ts> [-o out.c]  print the generated C
  tsos help                         this text

Flags:
  --color auto|always|never         colour diagnostics (default auto; NO_COLOR is respected)
  -q, --quiet                       no status lines
`;

interface Flags {
  color: boolean;
  quiet: boolean;
  out?: string;
  target: Target;
  rest: string[];
}

function parseFlags(args: string[]): Flags {
  let color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  const flags: Flags = { color, quiet: false, target: "host", rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-o") flags.out = args[++i];
    else if (a === "--target") flags.target = args[++i] as Target;
    else if (a === "--color") {
      const v = args[++i];
      color = v === "always" ? true : v === "never" ? false : color;
      flags.color = color;
    } else if (a === "-q" || a === "--quiet") flags.quiet = true;
    else flags.rest.push(a);
  }
  return flags;
}

function status(flags: Flags, verb: string, message: string): void {
  if (flags.quiet) return;
  const v = verb.padStart(12);
  process.stderr.write(`${flags.color ? `\x1b[1;32m${v}\x1b[0m` : v} ${message}\n`);
}

function reportErrors(e: CompileError, color: boolean): number {
  for (const d of e.diagnostics) process.stderr.write(render(d, { color }) + "\n\n");
  const n = e.diagnostics.length;
  const summary = `error: could not compile due to ${n} previous error${n === 1 ? "" : "s"}`;
  process.stderr.write((color ? `\x1b[1;31merror\x1b[0m${summary.slice(5)}` : summary) + "\n");
  return 1;
}

function buildHost(file: string, exe: string, flags: Flags): void {
  requireTool("gcc", "gcc");
  const t0 = performance.now();
  const { c } = compileToC(file, { target: "host" });
  gccHost(c, exe, { opt: "-O2" });
  status(flags, "Finished", `${path.basename(file)} in ${((performance.now() - t0) / 1000).toFixed(2)}s`);
}

function main(argv: string[]): number {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === "exec") {
    // Flags come before the file; everything after the file goes to the program.
    const fileIdx = args.findIndex((a) => a.endsWith(".ts"));
    if (fileIdx < 0) return usageError("exec needs a .ts file");
    const flags = parseFlags(args.slice(0, fileIdx));
    flags.quiet = true;
    const file = args[fileIdx]!;
    const dir = mkdtempSync(path.join(os.tmpdir(), "tsos-exec-"));
    try {
      const exe = path.join(dir, path.basename(file, ".ts"));
      buildHost(file, exe, flags);
      const r = spawnSync(exe, args.slice(fileIdx + 1), { stdio: "inherit" });
      if (r.signal) {
        process.stderr.write(`error: the program was killed by ${r.signal}\n`);
        return 128 + (os.constants.signals[r.signal] ?? 0);
      }
      return r.status ?? 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const flags = parseFlags(args);
  const file = flags.rest[0];
  if (cmd === "emit-c") {
    if (!file) return usageError("emit-c needs a .ts file");
    const { c } = compileToC(file, { target: flags.target });
    if (flags.out) writeFileSync(flags.out, c);
    else process.stdout.write(c);
    return 0;
  }
  if (cmd === "build") {
    if (flags.target !== "host") return usageError("only --target host is built so far; the kernel target arrives with the boot issue");
    if (!file) return usageError("build --target host needs a .ts file");
    status(flags, "Compiling", `${file} (host)`);
    buildHost(file, flags.out ?? path.join("build", path.basename(file, ".ts")), flags);
    return 0;
  }
  return usageError(`unknown command \`${cmd}\``);
}

function usageError(message: string): number {
  process.stderr.write(`error: ${message}\n\n${USAGE}`);
  return 2;
}

const color = process.stderr.isTTY === true && !process.env.NO_COLOR && !process.argv.includes("never");
try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CompileError) process.exitCode = reportErrors(e, color);
  else if (e instanceof Error && /was not found; install it/.test(e.message)) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error[TSOS9001]: internal error in tsos: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  }
}
