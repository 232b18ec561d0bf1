// @expect-serial: EXCEPTION: PAGE FAULT
// @expect-serial: error code: 0x11 (protection violation, read, supervisor mode, instruction fetch)
// @expect-serial: [ok]
/**
 * kernel/tests/nx_execute_data.ts: integration test, its own kernel: data
 * cannot be executed (arch/x86_64/paging.ts maps .data and .bss no-execute
 * and sets IA32_EFER.NXE).
 *
 * A RET instruction (0xC3) written into a .bss buffer is called. With the XD
 * bit set in its page's entry, the fetch raises #PF with error code 0x11:
 * P = 1 (a protection violation), I/D = 1 (an instruction fetch) (Intel SDM
 * vol. 3A, 4.6 "Access Rights", figure 4-12), and CR2 the buffer's address,
 * which the test checks through its own handler before the report. Without
 * NX the RET would simply return and the test fails.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";

const RET: u8 = 0xc3;

/**
 * A page-sized buffer in .bss (read-write, no-execute).
 * @struct
 */
class CodeBuffer {
  bytes!: FixedArray<u8, 4096>;
}
const BUFFER = new CodeBuffer();

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("nx_execute_data::executingDataFaults...");
init();
BUFFER.bytes[0] = RET;
serialPrintln(`calling 0x${Ptr.to(BUFFER).address.toString(16)}`);
expectException(ExceptionVector.PageFault);
callAddress(Ptr.to(BUFFER).address);
serialPrintln("[failed]: the RET in a no-execute page ran");
exitQemu(QemuExitCode.Failed);
