// @expect-serial: EXCEPTION: DIVIDE ERROR
// @expect-serial-ts-line: 28
// @expect-serial: [ok]
/**
 * kernel/tests/divide_error.ts: integration test, its own kernel.
 *
 * DIV with a zero divisor raises #DE, vector 0, a fault without an error code
 * (Intel SDM vol. 2A, DIV; vol. 3A, table 6-1). hardwareDivide is the bare
 * instruction, not the `/` operator, whose zero check would panic first.
 * With the kernel's IDT (init.ts) the default handler must report it;
 * expectException turns the report into Success.
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

serialPrintln("divide_error::divideByZeroRaisesDivideError...");
init();
expectException(ExceptionVector.DivideError);
const quotient = hardwareDivide(1, 0);
serialPrintln(`[failed]: execution continued after dividing by zero (quotient ${quotient})`);
exitQemu(QemuExitCode.Failed);
