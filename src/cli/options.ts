/**
 * cli/options.ts: the flags every `tsos` subcommand shares, and the
 * cargo-style status lines they print.
 *
 * Input:  the arguments after the subcommand.
 * Output: a Flags record (a flag the command does not take, per help.ts, is
 *         a UsageError naming the command), and
 *         `status()`, which writes `   Compiling kernel (kernel/main.ts)` on
 *         stderr: the verb right-aligned to 12 columns, bold green when colour is on.
 * Invariants: colour is on only for `--color always`, or for `auto` when
 *             stderr is a TTY and NO_COLOR is unset; this module imports no
 *             part of the compiler (a no-op build must not load TypeScript).
 */
import path from "node:path";
import { COMMANDS, type CommandSpec } from "./help.ts";

export type Target = "host" | "kernel";

/** The kernel heap's allocator designs (lib/alloc; the compiler's HeapAllocatorName). */
export type AllocatorName = "bump" | "linked-list" | "fixed-block";
export const ALLOCATOR_NAMES: readonly AllocatorName[] = ["bump", "linked-list", "fixed-block"];

export interface Flags {
  /** Colour on stderr (status lines, errors). */
  color: boolean;
  /** Colour on stdout (test result lines): decided by stdout, so `tsos test | less` stays plain. */
  colorStdout: boolean;
  quiet: boolean;
  out?: string;
  target?: Target;
  /** The kernel's source directory; its parent is the project root (build/ goes there). */
  kernelDir: string;
  display?: "curses" | "none";
  /** Seconds; undefined means the command's default. */
  timeoutS?: number;
  /** run: boot the GRUB ISO with -cdrom (under OVMF with `uefi`). */
  iso: boolean;
  uefi: boolean;
  /** run: QEMU paused with its gdb stub, and gdb (commands/debug.ts). */
  gdb: boolean;
  /** run: stop with success once COM1 has printed this text. */
  until?: string;
  /** run: the kernel's command line (QEMU -append: the multiboot command line), e.g. `page-tables`. */
  kernelArgs?: string;
  /** build, run, test: the kernel heap's allocator (HEAP_ALLOCATOR); undefined: fixed-block. */
  allocator?: AllocatorName;
  release: boolean;
  /** exec: the memory checks of a debug build (runtime/tsos_alloc.h). */
  checkLeaks?: boolean;
  /** emit-c: print the reference-counting pass's static counts on stderr. */
  rcStats?: boolean;
  checkFrees?: boolean;
  /** Positional arguments (entry file, test filter). */
  rest: string[];
  /** `--help` or `-h` was given: print the command's help and do nothing else. */
  help: boolean;
}

/** A mistake on the command line: exit status 2, one line, and a hint naming the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` the hint names; absent: `tsos help`. */
    public command?: string,
  ) {
    super(message);
  }
}

/** Colour for diagnostics before (or without) flag parsing: `--color` anywhere on the line wins. */
export function colorFromArgv(argv: string[]): boolean {
  const i = argv.indexOf("--color");
  return colorChoice(i >= 0 ? argv[i + 1] : undefined);
}

/** Colour on `stream` (stderr by default): `always`, `never`, or `auto`: a TTY and NO_COLOR unset. */
function colorChoice(value: string | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
  if (value === "always") return true;
  if (value === "never") return false;
  if (value !== undefined && value !== "auto") throw new UsageError(`--color takes auto, always or never, not \`${value}\``);
  return stream.isTTY === true && !process.env.NO_COLOR;
}

export function parseFlags(args: string[], spec: CommandSpec): Flags {
  try {
    return parseFlagsOf(args, spec);
  } catch (e) {
    if (e instanceof UsageError) e.command ??= spec.name;
    throw e;
  }
}

function parseFlagsOf(args: string[], spec: CommandSpec): Flags {
  const flags: Flags = { color: colorChoice(undefined), colorStdout: colorChoice(undefined, process.stdout), quiet: false, kernelDir: "kernel", release: false, rest: [], help: false, iso: false, uefi: false, gdb: false };
  const value = (i: number, name: string): string => {
    const v = args[i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  const takes = new Set(spec.flags.flatMap((f) => f.names));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("-") && a !== "-" && !takes.has(a)) {
      const known = COMMANDS.some((c) => c.flags.some((f) => f.names.includes(a)));
      throw new UsageError(known ? `\`tsos ${spec.name}\` does not take ${a}` : `unknown flag \`${a}\``);
    }
    if (a === "--help" || a === "-h") flags.help = true;
    else if (a === "-o" || a === "--out") flags.out = value(++i, a);
    else if (a === "--target") {
      const t = value(++i, a);
      if (t !== "host" && t !== "kernel") throw new UsageError(`unknown target \`${t}\` (host or kernel)`);
      flags.target = t;
    } else if (a === "--color") {
      flags.color = colorChoice(value(i + 1, a));
      flags.colorStdout = colorChoice(value(++i, a), process.stdout);
    }
    else if (a === "-q" || a === "--quiet") flags.quiet = true;
    else if (a === "--kernel-dir") flags.kernelDir = value(++i, a);
    else if (a === "--display") {
      const d = value(++i, a);
      if (d !== "curses" && d !== "none") throw new UsageError(`--display takes curses or none, not \`${d}\``);
      flags.display = d;
    } else if (a === "--timeout") {
      const s = Number(value(++i, a));
      if (!(s > 0)) throw new UsageError(`--timeout takes a positive number of seconds`);
      flags.timeoutS = s;
    } else if (a === "--until") {
      flags.until = value(++i, a);
      if (flags.until === "") throw new UsageError("--until takes a non-empty text");
    } else if (a === "--kernel-args") flags.kernelArgs = value(++i, a);
    else if (a === "--allocator") {
      const name = value(++i, a);
      const known = ALLOCATOR_NAMES.find((n) => n === name);
      if (known === undefined) throw new UsageError(`--allocator takes ${ALLOCATOR_NAMES.join(", ")}, not \`${name}\``);
      flags.allocator = known;
    }
    else if (a === "--iso") flags.iso = true;
    else if (a === "--uefi") flags.iso = flags.uefi = true;
    else if (a === "--gdb") flags.gdb = true;
    else if (a === "--release") flags.release = true;
    else if (a === "--check-leaks") flags.checkLeaks = true;
    else if (a === "--rc-stats") flags.rcStats = true;
    else if (a === "--check-frees") flags.checkFrees = true;
    else flags.rest.push(a);
  }
  return flags;
}

/** A cargo status line on stderr: `verb` right-aligned in 12 columns. */
export function status(flags: Pick<Flags, "color" | "quiet">, verb: string, message: string): void {
  if (flags.quiet) return;
  const v = verb.padStart(12);
  process.stderr.write(`${flags.color ? `\x1b[1;32m${v}\x1b[0m` : v} ${message}\n`);
}

/** `error: message` on stderr, `error` in bold red when colour is on. */
export function errorLine(color: boolean, message: string): void {
  process.stderr.write(`${color ? "\x1b[1;31merror\x1b[0m" : "error"}: ${message}\n`);
}

/** `warning: message` on stderr, `warning` in bold yellow when colour is on. */
export function warningLine(color: boolean, message: string): void {
  process.stderr.write(`${color ? "\x1b[1;33mwarning\x1b[0m" : "warning"}: ${message}\n`);
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}
