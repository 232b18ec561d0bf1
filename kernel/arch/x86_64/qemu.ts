/**
 * kernel/arch/x86_64/qemu.ts: leaving QEMU with an exit status, for tests.
 *
 * QEMU's isa-debug-exit device (`-device isa-debug-exit,iobase=0xf4,iosize=0x04`)
 * ends QEMU when a value is written to its port, with exit status
 * (value << 1) | 1: Success (0x10) gives 33, Failed (0x11) gives 35. Status 1
 * stays free for QEMU's own errors (blog_os post 04, "Exiting QEMU").
 * Without the device the write does nothing and the CPU halts instead.
 *
 * QEMU's debug console (`-debugcon`, Bochs's "port 0xE9 hack") carries one
 * byte of kernel state to the host, out of band from COM1: `tsos run`
 * headless ends a run when the kernel reports that it idles (success) or that
 * it halted for good after a panic (failure). On a machine without the
 * device (real hardware, plain QEMU) the write goes to an unused ISA port and
 * does nothing.
 */
import { PortWriteOnly } from "../../../lib/x86_64/port.ts";
import { serialFlush } from "./serial.ts";

export enum QemuExitCode {
  Success = 0x10,
  Failed = 0x11,
}

const ISA_DEBUG_EXIT = new PortWriteOnly<u32>(0xf4);

export function exitQemu(code: QemuExitCode): never {
  serialFlush(); // the last line printed reaches the host before QEMU ends (a test's `[ok]` was seen cut to `[ok`)
  ISA_DEBUG_EXIT.write(u32(code));
  while (true) hlt();
}

/** What the kernel reports on the debug console (the bytes are ASCII for a readable log). */
export enum KernelState {
  /** Booted and in the idle loop: from now on only interrupts do work. */
  Idle = 0x49, // 'I'
  /** Halted with interrupts off after a panic: nothing will ever happen again. */
  Halted = 0x48, // 'H'
}

const DEBUG_CONSOLE = new PortWriteOnly<u8>(0xe9);

export function reportState(state: KernelState): void {
  DEBUG_CONSOLE.write(u8(state));
}
