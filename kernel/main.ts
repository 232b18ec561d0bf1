/**
 * kernel/main.ts: the kernel's entry module; its top-level statements are the
 * boot sequence, like blog_os's `_start`.
 *
 * Input: boot.S has entered long mode on the kernel stack; the imported
 * modules are already initialized (COM1 set up, the screen writer ready).
 * Output: a greeting; the GDT and IDT loaded, the kernel's page tables
 * active (init.ts); a boot summary and CR3 (the level-4 table) on the
 * console; the kernel heap mapped and installed (memory/heap.ts) and shown
 * at work (heap_demo.ts); in test builds the unit tests run and QEMU exits.
 * Invariants: the kernel never returns from here; it idles halted, waking
 * for interrupts: the timer's ticks and the keyboard's keys, which it echoes.
 */
import "./panic.ts"; // first: the @panicHandler, and COM1 initialized before anything can panic
import { println } from "./console.ts";
import { bootInfo } from "./boot_info.ts";
import { init } from "./init.ts";
import { frameAllocator, pageTableRegister, printKernelPageTables } from "./memory/memory.ts";
import { initHeapOrPanic } from "./memory/heap.ts";
import { heapDemo } from "./heap_demo.ts";
import { runTests } from "./testing.ts";
import { keyboardInputPending, processKeyboardInput } from "./keyboard.ts";
import * as interrupts from "./arch/interrupts.ts";
import { KernelState, reportState } from "./arch/machine.ts";

const BYTES_PER_MIB: u64 = 1024 * 1024;

println("Hello World!");
init();
println(`tsos: booted, ${bootInfo().regionCount()} memory regions, ${bootInfo().usableBytes() / BYTES_PER_MIB} MiB usable`);
println(`tsos: level 4 page table at 0x${pageTableRegister().toString(16)}, ${frameAllocator().freeFrames()} free frames`);
if (bootInfo().hasBootFlag("page-tables")) printKernelPageTables(); // tsos run --kernel-args page-tables
initHeapOrPanic();
heapDemo();

if (TEST_BUILD) runTests();

// Idle: echo what was typed, then sleep until the next interrupt. The check
// is made with interrupts off and enableAndWait() leaves no gap before the
// sleep, so a key that arrives in between still wakes the loop.
reportState(KernelState.Idle);
while (true) {
  processKeyboardInput();
  interrupts.disable();
  if (keyboardInputPending()) interrupts.enable();
  else interrupts.enableAndWait();
}
