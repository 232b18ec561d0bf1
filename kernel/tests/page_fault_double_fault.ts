/**
 * kernel/tests/page_fault_double_fault.ts: integration test, its own kernel
 * (blog_os post 06, "Causing a Double Fault").
 *
 * A write to 0xdeadbeef, above the 1 GiB boot.S maps, raises a page fault.
 * This kernel's own IDT has no page-fault gate: delivering #PF through a
 * non-present gate raises #NP, a contributory exception during a page fault,
 * which makes a double fault (Intel SDM vol. 3A, 6.15 "Interrupt 8", table
 * 6-5). The double-fault gate (on the IST stack of gdt.ts) must catch it:
 * the handler checks CR2, prints `[ok]` and exits with Success, instead of
 * the triple fault (a reset) that follows with no double-fault gate.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { DOUBLE_FAULT_IST_INDEX, initGdt } from "../arch/x86_64/gdt.ts";
import { InterruptDescriptorTable } from "../../lib/x86_64/structures/idt.ts";

/** Not mapped: boot.S identity-maps only the first 1 GiB. */
const UNMAPPED_ADDRESS: usize = 0xdeadbeef;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

const TEST_IDT = new InterruptDescriptorTable();

function testDoubleFaultHandler(frame: InterruptStackFrame, errorCode: u64): never {
  if (readCr2() !== UNMAPPED_ADDRESS) {
    serialPrintln(`[failed]: CR2 is ${readCr2()}, expected ${UNMAPPED_ADDRESS}`);
    exitQemu(QemuExitCode.Failed);
  }
  serialPrintln("[ok]");
  exitQemu(QemuExitCode.Success);
}

serialPrint("page_fault_double_fault::page_fault_without_handler...\t");
initGdt();
TEST_IDT.doubleFault.setHandler(testDoubleFaultHandler);
TEST_IDT.doubleFault.setStackIndex(DOUBLE_FAULT_IST_INDEX);
TEST_IDT.load();
Ptr.at<u8>(UNMAPPED_ADDRESS).writeVolatile(42);
throw new Error("execution continued after the write to an unmapped page");
