/**
 * cli/commands/run.ts: `tsos run`, build the kernel and boot it in QEMU.
 *
 * Input:  [entry.ts], --display curses|none, --timeout <s>, --until <text>,
 *         --kernel-args <text> (QEMU -append: the multiboot command line),
 *         --kernel-dir, -o.
 * Output: in a terminal (stdin and stdout TTYs, no --display) the VGA
 *         screen drawn by `-display curses`, COM1 written to
 *         build/kernel/serial.log; the run lasts until QEMU exits or Ctrl-C.
 *         Otherwise headless with COM1 on stdout, and the run ends:
 *           - when the kernel exits: status 0 iff it exited with success (33);
 *           - without --until, when the kernel reports that it idles (its
 *             `hlt` loop, kernel/arch/x86_64/qemu.ts reportState): status 0; with
 *             --timeout, at the timeout instead, status 0 iff it had idled;
 *           - with --until, as soon as COM1 has printed the text: status 0;
 *           - when it halts for good after a panic: status 1;
 *           - at --timeout, for a kernel that never idled (or never printed
 *             the --until text): status 1.
 *         130 on Ctrl-C.
 * Invariants: QEMU is never left running behind us.
 */
import path from "node:path";
import { type Flags, UsageError, errorLine, shown, status, warningLine } from "../options.ts";
import { type QemuResult, runQemu } from "../qemu.ts";
import { requireFile, requireTool } from "../tools.ts";
import { makeIso, requireIsoTools } from "./image.ts";
import { runWithGdb } from "./debug.ts";
import { buildKernel, kernelJob } from "./build.ts";
import { requireBuildTools } from "../kernel-build.ts";
import { symbolize } from "../symbolize.ts";

export async function runCommand(flags: Flags): Promise<number> {
  requireTool("qemu-system-x86_64", "qemu-system-x86");
  requireBuildTools();
  const job = kernelJob(flags);
  if (flags.iso) requireIsoTools();
  if (flags.kernelArgs !== undefined && (flags.iso || flags.gdb)) throw new UsageError("--kernel-args works with -kernel boots only, not with --iso, --uefi or --gdb", "run");
  const firmware = flags.uefi ? OVMF : undefined;
  if (firmware !== undefined) requireFile(firmware, "ovmf", "UEFI firmware for QEMU");
  await buildKernel(job, flags);
  const iso = flags.iso ? path.join(path.dirname(path.resolve(job.out)), `${path.basename(job.out, ".elf")}.iso`) : undefined;
  if (iso !== undefined) makeIso(job, iso, flags);
  if (flags.gdb) return runWithGdb(job.out, flags, { cdrom: iso, bios: firmware });

  const display = chooseDisplay(flags);
  const serialFile = display === "curses" ? path.join(path.dirname(path.resolve(job.out)), "serial.log") : undefined;
  const where = serialFile !== undefined ? `COM1 to ${shown(serialFile)}, Ctrl-C quits` : "COM1 on stdout";
  const booted = iso !== undefined ? `${shown(iso)} (-cdrom, ${firmware !== undefined ? "UEFI: OVMF" : "BIOS: SeaBIOS"}` : `${shown(job.out)} (-kernel`;
  status(flags, "Running", `${booted}, qemu-system-x86_64, display ${display}, ${where})`);

  const interrupt = new AbortController();
  const finish = new AbortController();
  const headless = display === "none";
  const until = flags.until;
  let seen = "";
  let reached = false;
  const watch = (chunk: string) => {
    if (until === undefined || reached) return;
    seen += chunk;
    if (seen.includes(until)) (reached = true), finish.abort();
    else seen = seen.slice(-until.length);
  };
  const symbolizer = liveSymbolizer(job.out);
  const onSigint = () => interrupt.abort();
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  try {
    const r = await runQemu({
      kernel: job.out,
      cdrom: iso,
      bios: firmware,
      display,
      serial: "pipe",
      onSerial: headless ? (chunk) => (symbolizer(chunk), watch(chunk)) : undefined,
      serialFile,
      timeoutMs: flags.timeoutS === undefined ? undefined : flags.timeoutS * 1000,
      signal: interrupt.signal,
      extraArgs: flags.kernelArgs !== undefined ? ["-append", flags.kernelArgs] : undefined,
      // Headless, the kernel's idle/halted reports end the run (see the header).
      onState: headless
        ? (state) => {
            if (state === "halted" || (until === undefined && flags.timeoutS === undefined)) finish.abort();
          }
        : undefined,
      finish: finish.signal,
    });
    if (headless && process.stdout.isTTY && r.serial !== "" && !r.serial.endsWith("\n")) process.stdout.write("\n");
    if (display === "curses" && r.serial.includes(MARK)) {
      // The screen showed the report; name the TypeScript lines here.
      const lines = symbolize(r.serial, job.out).split("\n").filter((l) => l.startsWith(MARK));
      process.stderr.write(`fault report from the kernel (full serial output in ${shown(serialFile!)}):\n${lines.map((l) => `    ${l}`).join("\n")}\n`);
    }
    if (interrupted(r, interrupt.signal)) return 130;
    if (reached) {
      status(flags, "Stopped", `the kernel after it printed \`${until}\` (--until)`);
      return 0;
    }
    if (r.state === "halted") {
      errorLine(flags.color, "the kernel halted for good (after a panic); QEMU was stopped");
      return 1;
    }
    if (r.timedOut) {
      if (r.state === "idle" && until === undefined) {
        status(flags, "Stopped", `the kernel at --timeout ${flags.timeoutS}s; it had reached its idle loop`);
        return 0;
      }
      const what = until !== undefined ? `had not printed \`${until}\` (--until)` : "never reached its idle loop";
      errorLine(flags.color, `the kernel ${what} after ${flags.timeoutS}s (--timeout); QEMU was stopped`);
      return 1;
    }
    if (finish.signal.aborted && r.state === "idle") {
      status(flags, "Stopped", "the kernel in its idle loop (halted, waiting for interrupts)");
      return 0;
    }
    if (r.stderr.trim()) process.stderr.write(r.stderr);
    if (r.success && until !== undefined) {
      errorLine(flags.color, `the kernel exited without printing \`${until}\` (--until)`);
      return 1;
    }
    if (r.success) return 0;
    errorLine(flags.color, `QEMU exited with status ${r.exitCode}${explainStatus(r.exitCode)}`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
}

/** Debian's OVMF build (package ovmf), usable with -bios. */
const OVMF = "/usr/share/ovmf/OVMF.fd";

/** The VGA text screen QEMU's curses display draws, in terminal cells. */
const VGA_COLS = 80;
const VGA_ROWS = 25;

/**
 * Curses in a terminal (it needs our stdin too: we forward the keys and keep
 * Ctrl-C, qemu.ts), headless otherwise. QEMU's curses display neither scales
 * nor scrolls: in a terminal smaller than 80x25 it would hide the bottom rows,
 * where the console writes. So a small terminal runs headless (the console is
 * mirrored to COM1, so nothing is lost); asked for explicitly, curses runs
 * with a warning.
 */
function chooseDisplay(flags: Flags): "curses" | "none" {
  const cols = process.stdout.columns ?? VGA_COLS;
  const rows = process.stdout.rows ?? VGA_ROWS;
  const small = cols < VGA_COLS || rows < VGA_ROWS;
  const size = `this terminal is ${cols}x${rows}, smaller than the ${VGA_COLS}x${VGA_ROWS} VGA screen`;
  if (flags.display === "curses" && small && process.stdout.isTTY) {
    warningLine(flags.color, `${size}: the curses display will cut off its bottom rows (COM1 has everything)`);
  }
  if (flags.display !== undefined) return flags.display;
  if (!(process.stdout.isTTY && process.stdin.isTTY)) return "none";
  if (small) {
    warningLine(flags.color, `${size}: running headless, console on stdout (enlarge it, or pass --display curses)`);
    return "none";
  }
  return "curses";
}

const MARK = "instruction pointer: ";

/**
 * Writes COM1 output to stdout as it arrives, except that a line starting
 * with "instruction pointer: " is held until it ends and then written with
 * the TypeScript file:line of the address (symbolize.ts). Everything else
 * appears at once, so interactive output is not delayed.
 */
function liveSymbolizer(elf: string): (chunk: string) => void {
  let held = "";
  let midLine = false;
  return (chunk) => {
    let out = "";
    for (const c of chunk) {
      if (midLine) {
        out += c;
        if (c === "\n") midLine = false;
        continue;
      }
      held += c;
      if (c === "\n") {
        out += held.startsWith(MARK) ? symbolize(held, elf) : held;
        held = "";
      } else if (!held.startsWith(MARK) && !MARK.startsWith(held)) {
        out += held;
        held = "";
        midLine = true;
      }
    }
    process.stdout.write(out, "latin1");
  };
}

/**
 * Stopped by Ctrl-C? In a headless run the terminal's SIGINT reaches QEMU too
 * (same process group), and QEMU may exit before we have heard of it.
 */
export function interrupted(r: QemuResult, signal: AbortSignal): boolean {
  return r.interrupted || signal.aborted || /terminating on signal 2\b/.test(r.stderr);
}

/** Why QEMU might have exited with this status (isa-debug-exit: (v << 1) | 1). */
export function explainStatus(code: number | null): string {
  if (code === 35) return " (the kernel reported failure: 0x11 to isa-debug-exit)";
  if (code === 0) return " (no exit code from the kernel: a triple fault resets the machine, which -no-reboot turns into an exit)";
  if (code === null) return " (QEMU was killed by a signal)";
  if (code === 1) return " (QEMU's own error, or the kernel wrote 0 to isa-debug-exit)";
  if (code % 2 === 1) return ` (the kernel wrote ${(code - 1) / 2} to isa-debug-exit; success is 0x10)`;
  return "";
}
