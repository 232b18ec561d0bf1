/**
 * kernel/tests/stack_overflow.ts: integration test, its own kernel (blog_os
 * post 06, "A Stack Overflow Test").
 *
 * Endless recursion runs the kernel stack into its unmapped guard page. The
 * CPU then cannot push the page fault's frame, which is a double fault
 * (Intel SDM vol. 3A, 6.15 "Interrupt 8", table 6-5). This kernel's own IDT
 * has only a double-fault gate, on the IST stack of gdt.ts (6.14.5): if the
 * stack switch works, the handler runs, checks it is on that stack and that
 * CR2 is in the guard page, prints `[ok]` and exits with Success. Without
 * the IST the CPU would triple fault and reset (QEMU -no-reboot: exit 0).
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { DOUBLE_FAULT_IST_INDEX, initGdt, onDoubleFaultStack } from "../arch/x86_64/gdt.ts";
import { InterruptDescriptorTable } from "../../lib/x86_64/structures/idt.ts";

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
  else if (!inGuardPage) serialPrintln(`[failed]: CR2 ${faultAddress} is not in the guard page`);
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

serialPrint("stack_overflow::stack_overflow...\t");
initGdt();
TEST_IDT.doubleFault.setHandler(testDoubleFaultHandler);
TEST_IDT.doubleFault.setStackIndex(DOUBLE_FAULT_IST_INDEX);
TEST_IDT.load();
stackOverflow();
throw new Error("execution continued after the stack overflow");
