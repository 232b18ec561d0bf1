/**
 * kernel/tests/should_panic.ts: integration test, its own kernel (blog_os
 * post 04, "Testing Should Panic").
 *
 * A failing assertion must panic. This kernel's own @panicHandler (it replaces
 * the kernel's) turns the panic into success: `[ok]` on COM1 and QEMU exits
 * with Success. If the assertion does not panic, the test prints
 * `[test did not panic]` and exits with Failed.
 */
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { assertEq } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  serialPrintln("[ok]");
  exitQemu(QemuExitCode.Success);
}

function shouldFail(): void {
  serialPrint("should_panic::should_fail...\t");
  assertEq(0, 1);
}

shouldFail();
serialPrintln("[test did not panic]");
exitQemu(QemuExitCode.Failed);
