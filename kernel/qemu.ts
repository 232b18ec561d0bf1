/**
 * kernel/qemu.ts: leaving QEMU with an exit status, for tests.
 *
 * QEMU's isa-debug-exit device (`-device isa-debug-exit,iobase=0xf4,iosize=0x04`)
 * ends QEMU when a value is written to its port, with exit status
 * (value << 1) | 1: Success (0x10) gives 33, Failed (0x11) gives 35. Status 1
 * stays free for QEMU's own errors (blog_os post 04, "Exiting QEMU").
 * Without the device the write does nothing and the CPU halts instead.
 */
import { PortWriteOnly } from "../lib/x86_64/port.ts";

export enum QemuExitCode {
  Success = 0x10,
  Failed = 0x11,
}

const ISA_DEBUG_EXIT = new PortWriteOnly<u32>(0xf4);

export function exitQemu(code: QemuExitCode): never {
  ISA_DEBUG_EXIT.write(u32(code));
  while (true) hlt();
}
