// @expect-serial: panicked: frame 0x
// @expect-serial: deallocated twice
// @expect-serial: which was never free (excluded)
// @expect-serial: [ok]
/**
 * kernel/tests/frame_double_free_panics.ts: integration test, its own kernel.
 *
 * Freeing a frame twice would let two owners share it later; the bitmap
 * frame allocator (kernel/memory/frame_allocator.ts) must panic instead,
 * and must also refuse a frame it never handed out (one inside the kernel
 * image). This kernel's @panicHandler prints the message and succeeds only
 * for the expected panics, in order.
 */
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { frameAllocator } from "../memory/memory.ts";
import { type PhysFrame, type Size4KiB } from "../../lib/x86_64/structures/paging/page.ts";

const STEP = new AtomicU32(0);

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  serialPrintln(`panicked: ${message}`);
  if (STEP.load() === 1) {
    // The double free panicked; now a frame of the kernel image, never free.
    STEP.store(2);
    frameAllocator().deallocateFrame(kernelStartAddress() as PhysFrame<Size4KiB>);
    serialPrintln("[failed]: deallocating a kernel frame did not panic");
    exitQemu(QemuExitCode.Failed);
  }
  if (STEP.load() === 2) {
    serialPrintln("[ok]");
    exitQemu(QemuExitCode.Success);
  }
  serialPrintln(`[failed] at ${file}:${line}:${column}`);
  exitQemu(QemuExitCode.Failed);
}

serialPrint("frame_double_free_panics::doubleFreeAndForeignFramePanic...\t");
init();
const frame = frameAllocator().allocateFrame();
if (frame === null) throw new Error("no free frame");
frameAllocator().deallocateFrame(frame);
STEP.store(1);
frameAllocator().deallocateFrame(frame);
serialPrintln("[failed]: a double free did not panic");
exitQemu(QemuExitCode.Failed);
