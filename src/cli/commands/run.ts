/**
 * cli/commands/run.ts: `tsos run`, build the kernel and boot it in QEMU.
 *
 * Input:  [entry.ts], --display curses|none, --timeout <s>, --kernel-dir.
 * Output: in a terminal (stdin and stdout TTYs, no --display) the VGA
 *         screen drawn by `-display curses`, COM1 written to
 *         build/kernel/serial.log;
 *         otherwise headless with COM1 on stdout. Exit status 0 if the kernel
 *         exited with success (QEMU status 33), 130 on Ctrl-C, else 1.
 * Invariants: a booted kernel halts forever, so `run` lasts until QEMU exits,
 *             Ctrl-C, or --timeout; QEMU is never left running behind us.
 */
import path from "node:path";
import { type Flags, errorLine, shown, status } from "../options.ts";
import { type QemuResult, runQemu } from "../qemu.ts";
import { requireTool } from "../tools.ts";
import { buildKernel, kernelJob } from "./build.ts";
import { requireBuildTools } from "../kernel-build.ts";
import { symbolize } from "../symbolize.ts";

export async function runCommand(flags: Flags): Promise<number> {
  requireTool("qemu-system-x86_64", "qemu-system-x86");
  requireBuildTools();
  const job = kernelJob(flags);
  await buildKernel(job, flags);

  // Curses needs our stdin too: we forward the keys and keep Ctrl-C (qemu.ts).
  const display = flags.display ?? (process.stdout.isTTY && process.stdin.isTTY ? "curses" : "none");
  const serialFile = display === "curses" ? path.join(path.dirname(path.resolve(job.out)), "serial.log") : undefined;
  const where = serialFile !== undefined ? `COM1 to ${shown(serialFile)}, Ctrl-C quits` : "COM1 on stdout";
  status(flags, "Running", `${shown(job.out)} (qemu-system-x86_64, display ${display}, ${where})`);

  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  try {
    const r = await runQemu({
      kernel: job.out,
      display,
      serial: "pipe",
      onSerial: display === "curses" ? undefined : liveSymbolizer(job.out),
      serialFile,
      timeoutMs: flags.timeoutS === undefined ? undefined : flags.timeoutS * 1000,
      signal: interrupt.signal,
    });
    if (display === "none" && process.stdout.isTTY && r.serial !== "" && !r.serial.endsWith("\n")) process.stdout.write("\n");
    if (r.timedOut) {
      errorLine(flags.color, `the kernel was still running after ${flags.timeoutS}s (--timeout); QEMU was stopped`);
      return 1;
    }
    if (display === "curses" && r.serial.includes(MARK)) {
      // The screen showed the report; name the TypeScript lines here.
      const lines = symbolize(r.serial, job.out).split("\n").filter((l) => l.startsWith(MARK));
      process.stderr.write(`fault report from the kernel (full serial output in ${shown(serialFile!)}):\n${lines.map((l) => `    ${l}`).join("\n")}\n`);
    }
    if (interrupted(r, interrupt.signal)) return 130;
    if (r.stderr.trim()) process.stderr.write(r.stderr);
    if (r.success) return 0;
    errorLine(flags.color, `QEMU exited with status ${r.exitCode}${explainStatus(r.exitCode)}`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
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
