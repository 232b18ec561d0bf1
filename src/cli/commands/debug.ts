/**
 * cli/commands/debug.ts: `tsos run --gdb`, the kernel paused under QEMU's gdb
 * stub, with gdb at TypeScript lines.
 *
 * Input:  a built kernel image (with -g: the generated C carries #line
 *         directives, so its debug info names the .ts files and lines),
 *         optionally the ISO and firmware to boot instead of -kernel.
 * Output: QEMU started paused (-S) with its gdb stub on a free local TCP
 *         port. In a terminal, gdb runs here with the symbols loaded and
 *         connected (`break kernel/main.ts:24`, `continue`, `next`, `bt`);
 *         COM1 goes to build/kernel/serial.log; QEMU stops when gdb quits.
 *         Otherwise the exact gdb command is printed on stderr, COM1 goes to
 *         stdout, and QEMU runs until it exits or Ctrl-C.
 * Invariants: with gdb in this terminal, QEMU runs in its own process
 *             group, so the Ctrl-C that gdb uses to interrupt the guest does
 *             not kill it; SIGTERM stops QEMU (and gdb); QEMU is never left
 *             running behind us.
 */
import { spawn } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Flags, shown, status } from "../options.ts";
import { runQemu } from "../qemu.ts";
import { requireTool } from "../tools.ts";
import { interrupted } from "./run.ts";

/** A local TCP port nobody listens on now (the machine is shared: not always 1234). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The gdb arguments that load the kernel's symbols and attach to the stub. */
export function gdbArgs(elf: string, port: number): string[] {
  return ["-q", "-ex", `file ${elf}`, "-ex", `target remote 127.0.0.1:${port}`];
}

export async function runWithGdb(elf: string, flags: Flags, boot: { cdrom?: string; bios?: string }): Promise<number> {
  const gdb = requireTool("gdb", "gdb");
  const port = await freePort();
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const command = ["gdb", ...gdbArgs(shown(elf), port).map((a) => (a.includes(" ") ? `'${a}'` : a))].join(" ");
  const serialLog = path.join(path.dirname(path.resolve(elf)), "serial.log");

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  const ignore = () => {};
  process.on("SIGTERM", onSignal);
  if (interactive) {
    // Ctrl-C belongs to gdb (it interrupts the guest); we end when gdb quits.
    process.on("SIGINT", ignore);
    writeFileSync(serialLog, "");
    status(flags, "Debugging", `${shown(elf)} (QEMU paused, gdb stub on 127.0.0.1:${port}, COM1 to ${shown(serialLog)})`);
  } else {
    process.on("SIGINT", onSignal);
    status(flags, "Debugging", `${shown(elf)} (QEMU paused, gdb stub on 127.0.0.1:${port}, COM1 on stdout, Ctrl-C quits)`);
    process.stderr.write(`attach with:\n    ${command}\nthen e.g.: break kernel/main.ts:24, continue, next, bt\n`);
  }
  const qemu = runQemu({
    kernel: elf,
    ...boot,
    display: "none",
    serial: interactive ? "pipe" : "stdio",
    onSerial: interactive ? (chunk) => appendFileSync(serialLog, chunk, "latin1") : undefined,
    signal: stop.signal,
    ownProcessGroup: interactive,
    extraArgs: ["-gdb", `tcp:127.0.0.1:${port}`, "-S"],
  });
  if (interactive) {
    const child = spawn(gdb, gdbArgs(elf, port), { stdio: "inherit" });
    const endGdb = () => child.kill("SIGTERM");
    stop.signal.addEventListener("abort", endGdb);
    await new Promise((resolve) => child.on("close", resolve));
    stop.signal.removeEventListener("abort", endGdb);
    stop.abort();
  }
  const r = await qemu;
  process.off("SIGTERM", onSignal);
  process.off("SIGINT", interactive ? ignore : onSignal);
  if (!interactive && interrupted(r, stop.signal)) return 130;
  return 0;
}
