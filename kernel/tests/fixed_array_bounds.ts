/**
 * kernel/tests/fixed_array_bounds.ts: integration test, its own kernel.
 *
 * A FixedArray (an array stored inline in a layout struct, as the GDT and IDT
 * use) checks every index against its length exactly: the last element can be
 * written and read, and the first index past the end panics. The stage
 * variable tells the panic handler which access panicked: only the one past
 * the end may. Output on COM1: `fixed_array_bounds::last_then_past_end...\t[ok]`,
 * then QEMU exits with Success; anything else reports `[failed]`.
 */
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";

/** @struct */
class Table {
  entries!: FixedArray<u32, 4>;
  signed!: FixedArray<u16, 3>;
}

const table = new Table();
let stage: u32 = 0;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  if (stage === 3) {
    serialPrintln("[ok]");
    exitQemu(QemuExitCode.Success);
  }
  serialPrintln(`[failed] stage ${stage}: ${message} at ${file}:${line}:${column}`);
  exitQemu(QemuExitCode.Failed);
}

/** An index the compiler cannot see through, so the check runs at run time. */
function at(n: u32): u32 {
  return n;
}

serialPrint("fixed_array_bounds::last_then_past_end...\t");
stage = 1;
let last = at(3);
table.entries[last] = 7;
table.entries[at(0)] = 1;
const sum = table.entries[last] + table.entries[at(0)];
if (sum !== 8) {
  serialPrintln("[failed] the last element did not hold its value");
  exitQemu(QemuExitCode.Failed);
}
stage = 2;
const k: i32 = i32(at(2));
table.signed[k] = 5;
if (table.signed[k] !== 5) {
  serialPrintln("[failed] the last signed-index element did not hold its value");
  exitQemu(QemuExitCode.Failed);
}
stage = 3;
last++;
table.entries[last] = 9;
stage = 4;
serialPrintln("[failed] an index one past the end did not panic");
exitQemu(QemuExitCode.Failed);
