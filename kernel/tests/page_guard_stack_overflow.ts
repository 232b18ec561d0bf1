// @expect-serial: [ok]
/**
 * kernel/tests/page_guard_stack_overflow.ts: integration test, its own
 * kernel: the kernel's own page tables (kernel/memory/memory.ts,
 * arch/x86_64/paging.ts) keep boot.S's guard page below the stack unmapped,
 * so a stack overflow still ends in a double fault on the IST stack (as
 * stack_overflow.ts checks under boot.S's tables; Intel SDM vol. 3A, 6.15
 * "Interrupt 8", 6.14.5).
 *
 * The IDT has only a double-fault gate; the handler checks it runs on the
 * IST stack, that CR2 is in the guard page, and that CR3 is the kernel's
 * table, not boot.S's.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { DOUBLE_FAULT_IST_INDEX, initGdt, onDoubleFaultStack } from "../arch/x86_64/gdt.ts";
import { InterruptDescriptorTable } from "../../lib/x86_64/structures/idt.ts";
import { initMemory } from "../memory/memory.ts";
import { kernelPageTable } from "../arch/x86_64/paging.ts";

const GUARD_PAGE_SIZE: u64 = 4096;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

const TEST_IDT = new InterruptDescriptorTable();

function testDoubleFaultHandler(frame: InterruptStackFrame, errorCode: u64): never {
  const faultAddress = readCr2();
  const inGuardPage = faultAddress >= stackGuardAddress() && faultAddress < stackGuardAddress() + GUARD_PAGE_SIZE;
  if (!onDoubleFaultStack(readRsp())) serialPrintln("[failed]: the double-fault handler is not on its IST stack");
  else if (!inGuardPage) serialPrintln(`[failed]: CR2 0x${faultAddress.toString(16)} is not in the guard page`);
  else if ((readCr3() & 0x000f_ffff_ffff_f000) !== kernelPageTable().level4) serialPrintln("[failed]: CR3 is not the kernel's level-4 table");
  else {
    serialPrintln("[ok]");
    exitQemu(QemuExitCode.Success);
  }
  exitQemu(QemuExitCode.Failed);
}

/** Always true, but GCC cannot know it, so it sees no "infinite recursion" to warn about. */
const KEEP_RECURSING = new AtomicBool(true);
/** Bumped after each call returns (never): work after the call keeps it from becoming a jump. */
const RETURNS = new AtomicU32(0);

/** Recurses until the stack runs into the guard page. */
function stackOverflow(): void {
  if (KEEP_RECURSING.load()) stackOverflow();
  RETURNS.fetchAdd(1);
}

serialPrint("page_guard_stack_overflow::guardPageSurvivesTheKernelTables...\t");
initGdt();
TEST_IDT.doubleFault.setHandler(testDoubleFaultHandler);
TEST_IDT.doubleFault.setStackIndex(DOUBLE_FAULT_IST_INDEX);
TEST_IDT.load();
initMemory();
stackOverflow();
throw new Error("execution continued after the stack overflow");
