/**
 * qemu.ts: run a kernel in qemu-system-x86_64, and look at it through QMP.
 *
 * Input:  a multiboot kernel image (kernel/arch/x86_64/boot.S), run options.
 * Output: `runQemu()` resolves when QEMU exits (or is killed on timeout) with
 *         its exit status and everything the guest wrote to COM1.
 *         `Qmp` is a minimal QEMU Machine Protocol client; `readVgaText()`
 *         dumps the 80x25 VGA text buffer at 0xb8000 with `pmemsave`.
 * Invariants:
 *  - Every run has `-device isa-debug-exit,iobase=0xf4,iosize=0x04 -no-reboot`.
 *    Writing v to port 0xf4 makes QEMU exit with status (v << 1) | 1, so the
 *    kernel's 0x10 means 33 = success (QEMU hw/misc/debugexit.c). A triple
 *    fault with -no-reboot exits with status 0, which is not success.
 *  - Serial: "pipe" captures COM1 only; "stdio" also echoes it live to our
 *    stdout. With display "curses" QEMU draws on the terminal, so COM1 goes to
 *    a file instead (`serialFile`, or a temporary one) and is returned when
 *    QEMU exits.
 *  - Curses: QEMU's curses UI puts the terminal in raw mode, where Ctrl-C is
 *    a key for the guest, not a signal. So our stdin goes raw (before QEMU
 *    starts, so we restore the user's modes last) and we forward the keys to
 *    QEMU's stdin pipe, keeping Ctrl-C (0x03) for ourselves: it stops QEMU.
 *  - On timeout or abort QEMU gets SIGTERM (it restores the terminal), then
 *    SIGKILL two seconds later.
 *  - Kernel state (`onState`): QEMU's debug console (port 0xe9) is connected
 *    to a unix socket we listen on; each byte the kernel writes there is a
 *    KernelState of kernel/arch/x86_64/qemu.ts ('I' idle, 'H' halted after a panic).
 */

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireTool } from "./tools.ts";

export interface QemuOptions {
  /** The multiboot image: booted with -kernel, unless `cdrom` is given (then used only to name things). */
  kernel: string;
  /** A bootable ISO (tsos image) to boot with -cdrom instead of -kernel. */
  cdrom?: string;
  /** Firmware for -bios (e.g. OVMF for UEFI); QEMU's SeaBIOS if absent. */
  bios?: string;
  /** `-machine` value, e.g. "pc" or "microvm"; QEMU's default (pc) if absent. */
  machine?: string;
  display?: "none" | "curses";
  serial: "stdio" | "pipe";
  /** Path of a unix socket for QMP (`-qmp unix:PATH,server=on,wait=off`). */
  qmpSocket?: string;
  /** Stop QEMU after this long (timedOut is set); absent: no limit. */
  timeoutMs?: number;
  /** Stops QEMU (interrupted is set), e.g. on Ctrl-C. */
  signal?: AbortSignal;
  /** Called with each chunk of COM1 output as it arrives (not with display "curses"). */
  onSerial?: (chunk: string) => void;
  /** With display "curses": where COM1 goes (default: a temporary file). */
  serialFile?: string;
  /** Called when the kernel reports its state on the debug console (kernel/arch/x86_64/qemu.ts). */
  onState?: (state: KernelState) => void;
  /** Run QEMU in its own process group: the terminal's Ctrl-C (meant for gdb) does not reach it. */
  ownProcessGroup?: boolean;
  /** Stops QEMU without marking the run timed out or interrupted (the caller has seen enough). */
  finish?: AbortSignal;
  extraArgs?: string[];
}

/** The kernel's state bytes on port 0xe9 (kernel/arch/x86_64/qemu.ts KernelState). */
export type KernelState = "idle" | "halted";
const STATE_BYTES: Record<number, KernelState> = { 0x49: "idle", 0x48: "halted" };

export interface QemuResult {
  /** QEMU's exit status; null if it was ended by a signal. */
  exitCode: number | null;
  /** Exit status 33: the kernel wrote 0x10 to isa-debug-exit. */
  success: boolean;
  /** Everything the guest wrote to COM1. */
  serial: string;
  timedOut: boolean;
  /** Stopped by `signal` or, in curses mode, by Ctrl-C. */
  interrupted: boolean;
  /** QEMU's own messages (e.g. "could not load kernel"). */
  stderr: string;
  /** The last state the kernel reported (with `onState`), if any. */
  state?: KernelState;
}

export const SUCCESS_EXIT_CODE = 33;

export function qemuArgs(opts: QemuOptions, serialFile?: string, stateSocket?: string): string[] {
  const args = opts.cdrom !== undefined ? ["-cdrom", opts.cdrom] : ["-kernel", opts.kernel];
  if (opts.bios !== undefined) args.push("-bios", opts.bios);
  args.push("-display", opts.display ?? "none");
  if (stateSocket !== undefined) args.push("-chardev", `socket,id=tsos-state,path=${stateSocket}`, "-device", "isa-debugcon,iobase=0xe9,chardev=tsos-state");
  if (opts.machine !== undefined) args.push("-machine", opts.machine);
  args.push("-serial", serialFile !== undefined ? `file:${serialFile}` : "stdio");
  if (opts.qmpSocket !== undefined) args.push("-qmp", `unix:${opts.qmpSocket},server=on,wait=off`);
  args.push("-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot");
  return args.concat(opts.extraArgs ?? []);
}

/** Listens on a unix socket in `dir` for QEMU's debug console; each byte is a state. */
async function stateServer(dir: string, onByte: (state: KernelState) => void): Promise<{ path: string; server: Server }> {
  const path = join(dir, "state.sock");
  const server = createServer((socket) => {
    socket.on("data", (bytes: Buffer) => {
      for (const b of bytes) {
        const state = STATE_BYTES[b];
        if (state !== undefined) onByte(state);
      }
    });
    socket.on("error", () => {}); // QEMU gone
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, resolve);
  });
  return { path, server };
}

export async function runQemu(opts: QemuOptions): Promise<QemuResult> {
  const qemu = requireTool("qemu-system-x86_64", "qemu-system-x86");
  const curses = opts.display === "curses";
  const needsTmp = (curses && opts.serialFile === undefined) || opts.onState !== undefined;
  const tmp = needsTmp ? mkdtempSync(join(tmpdir(), "tsos-qemu-")) : undefined;
  const serialFile = curses ? (opts.serialFile ?? join(tmp!, "serial.txt")) : undefined;
  let state: KernelState | undefined;
  const states =
    opts.onState === undefined
      ? undefined
      : await stateServer(tmp!, (s) => {
          state = s;
          opts.onState!(s);
        });
  const keyboard = curses && process.stdin.isTTY === true;
  if (keyboard) process.stdin.setRawMode(true);
  const child = spawn(qemu, qemuArgs(opts, serialFile, states?.path), {
    stdio: curses ? ["pipe", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    detached: opts.ownProcessGroup === true,
  });
  let serial = "";
  let stderr = "";
  child.stdout?.setEncoding("latin1");
  child.stdout?.on("data", (chunk: string) => {
    serial += chunk;
    if (opts.serial === "stdio") process.stdout.write(chunk, "latin1");
    opts.onSerial?.(chunk);
  });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
  });

  return new Promise((resolve, reject) => {
    let timedOut = false;
    let interrupted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (killTimer !== undefined || child.exitCode !== null) return;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), 2000);
    };
    // setTimeout fires at once for delays beyond 2^31-1 ms (24.8 days): treat those as no limit.
    const limited = opts.timeoutMs !== undefined && opts.timeoutMs <= 0x7fffffff;
    const timer = limited ? setTimeout(() => ((timedOut = true), stop()), opts.timeoutMs) : undefined;
    const onAbort = () => ((interrupted = true), stop());
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener("abort", onAbort);
    if (opts.finish?.aborted) stop();
    opts.finish?.addEventListener("abort", stop);
    const onKey = (data: Buffer) => {
      if (data.includes(0x03)) onAbort();
      else child.stdin?.write(data);
    };
    if (keyboard) process.stdin.on("data", onKey).resume();
    child.stdin?.on("error", () => {}); // QEMU gone while we forward a key
    const cleanup = () => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      opts.signal?.removeEventListener("abort", onAbort);
      opts.finish?.removeEventListener("abort", stop);
      states?.server.close();
      if (keyboard) {
        process.stdin.off("data", onKey).pause();
        process.stdin.setRawMode(false);
      }
      if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
    };
    child.on("error", (err) => {
      cleanup();
      reject(new Error(`could not start \`${qemu}\`: ${err.message}`));
    });
    child.on("close", (code) => {
      if (serialFile !== undefined) {
        try {
          serial = readFileSync(serialFile, "latin1");
        } catch {
          // QEMU never opened it (e.g. a bad option): no serial output
        }
      }
      cleanup();
      resolve({ exitCode: code, success: code === SUCCESS_EXIT_CODE, serial, timedOut, interrupted, stderr, state });
    });
  });
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** A QMP client over a unix socket: one JSON object per line, replies matched by id. */
export class Qmp {
  private buffer = "";
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeting: Pending | undefined;
  private closedError: Error | undefined;

  private constructor(private readonly socket: Socket) {}

  /** Connects (retrying until QEMU has created the socket) and negotiates capabilities. */
  static async connect(path: string, timeoutMs = 5000): Promise<Qmp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = createConnection(path);
          s.once("connect", () => resolve(s));
          s.once("error", reject);
        });
        const qmp = new Qmp(socket);
        const greeting = new Promise<unknown>((resolve, reject) => (qmp.greeting = { resolve, reject }));
        qmp.listen();
        await greeting;
        await qmp.command("qmp_capabilities");
        return qmp;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if ((code !== "ENOENT" && code !== "ECONNREFUSED") || Date.now() > deadline) {
          throw new Error(`cannot connect to QMP at ${path}: ${(err as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  private listen(): void {
    this.socket.setEncoding("utf8");
    this.socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf("\n")) >= 0) {
        const line = this.buffer.slice(0, nl).trim();
        this.buffer = this.buffer.slice(nl + 1);
        if (line !== "") this.onMessage(JSON.parse(line) as Record<string, unknown>);
      }
    });
    const fail = (err: Error) => {
      this.closedError ??= err;
      this.greeting?.reject(this.closedError);
      for (const p of this.pending.values()) p.reject(this.closedError);
      this.pending.clear();
    };
    this.socket.on("error", fail);
    this.socket.on("close", () => fail(new Error("QMP connection closed")));
  }

  private onMessage(msg: Record<string, unknown>): void {
    if ("QMP" in msg) return this.greeting?.resolve(msg.QMP);
    if (typeof msg.id !== "number") return; // an event, e.g. SHUTDOWN
    const p = this.pending.get(msg.id);
    if (p === undefined) return;
    this.pending.delete(msg.id);
    const error = msg.error as { class?: string; desc?: string } | undefined;
    if (error !== undefined) p.reject(new Error(`QMP ${error.class ?? "error"}: ${error.desc ?? ""}`));
    else p.resolve(msg.return);
  }

  /** Runs one QMP command and resolves with its `return` value. */
  command(execute: string, args?: Record<string, unknown>): Promise<unknown> {
    if (this.closedError !== undefined) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const msg = args === undefined ? { execute, id } : { execute, arguments: args, id };
      this.socket.write(JSON.stringify(msg) + "\n");
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }
}

export const VGA_TEXT_ADDR = 0xb8000;
export const VGA_ROWS = 25;
export const VGA_COLS = 80;

/**
 * Reads the VGA text screen of a running guest. chars[row] is an 80-char
 * string of the raw character bytes (as Latin-1, not code page 437);
 * attrs[row][col] is the attribute byte (background << 4 | foreground).
 * The guest keeps running: stop it first (`qmp.command("stop")`) for a
 * consistent snapshot. `file` is where QEMU writes the dump (default: a
 * temporary file, removed afterwards).
 */
export async function readVgaText(qmp: Qmp, file?: string): Promise<{ chars: string[]; attrs: number[][] }> {
  const tmp = file === undefined ? mkdtempSync(join(tmpdir(), "tsos-vga-")) : undefined;
  const path = file ?? join(tmp!, "vga.bin");
  const size = VGA_ROWS * VGA_COLS * 2;
  try {
    await qmp.command("pmemsave", { val: VGA_TEXT_ADDR, size, filename: path });
    const bytes = readFileSync(path);
    if (bytes.length !== size) throw new Error(`pmemsave wrote ${bytes.length} bytes, expected ${size}`);
    const chars: string[] = [];
    const attrs: number[][] = [];
    for (let row = 0; row < VGA_ROWS; row++) {
      const cells = bytes.subarray(row * VGA_COLS * 2, (row + 1) * VGA_COLS * 2);
      let line = "";
      const rowAttrs: number[] = [];
      for (let col = 0; col < VGA_COLS; col++) {
        line += String.fromCharCode(cells[col * 2]!);
        rowAttrs.push(cells[col * 2 + 1]!);
      }
      chars.push(line);
      attrs.push(rowAttrs);
    }
    return { chars, attrs };
  } finally {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }
}
