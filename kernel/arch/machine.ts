/**
 * kernel/arch/machine.ts: the architecture interface, part 4: the emulator's
 * side channels, through which tests end QEMU and `tsos run` learns that the
 * kernel idles or has halted.
 *
 * Contract (a RISC-V port on QEMU virt: the sifive_test device at 0x100000
 * for exit, and a byte of the semihosting console or a second UART for
 * state):
 *   exit(code)          QEMU exits with status (code << 1) | 1 (33 success,
 *                       35 failure); without the device the CPU halts.
 *   reportState(state)  one byte of kernel state for the host.
 * x86_64: the isa-debug-exit device at port 0xf4 and the debug console at
 * port 0xe9 (qemu.ts).
 */
import { KernelState, QemuExitCode, exitQemu, reportState as debugConsoleReport } from "./x86_64/qemu.ts";

export { KernelState, QemuExitCode };

export function exit(code: QemuExitCode): never {
  exitQemu(code);
}

export function reportState(state: KernelState): void {
  debugConsoleReport(state);
}
