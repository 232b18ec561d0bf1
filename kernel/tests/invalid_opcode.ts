// @expect-serial: EXCEPTION: INVALID OPCODE
// @expect-serial: InterruptStackFrame {
// @expect-serial: [ok]
// @expect-serial-ts-line: 29
/**
 * kernel/tests/invalid_opcode.ts: integration test, its own kernel.
 *
 * UD2 is the opcode reserved to be invalid (Intel SDM vol. 2B, UD); it raises
 * #UD, vector 6, a fault without an error code (vol. 3A, table 6-1). With the
 * kernel's IDT (init.ts), the default handler must report it: the name, the
 * instruction pointer (which the runner maps back to the ud2() line of this
 * file) and the frame; expectException turns the report into Success.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("invalid_opcode::ud2RaisesInvalidOpcode...");
init();
expectException(ExceptionVector.InvalidOpcode);
ud2();
serialPrintln("[failed]: execution continued after ud2");
exitQemu(QemuExitCode.Failed);
