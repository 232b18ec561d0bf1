/**
 * kernel/testing.ts: the in-kernel unit-test runner (blog_os post 04,
 * "Testing"), used when the kernel is built by `tsos test`.
 *
 * Input: unitTests, every `@test` function of the kernel, collected by the
 * compiler in module order. Output on COM1: `Running N tests`, then one
 * `<module>::<test>...\t[ok]` line per test; then QEMU exits with Success.
 * A failing test panics: panic.ts prints `[failed]` and exits with Failed, so
 * the first failure ends the run.
 */
import { serialPrint, serialPrintln } from "./arch/console.ts";
import { QemuExitCode, exit } from "./arch/machine.ts";

export function runTests(): never {
  serialPrintln(`Running ${unitTests.length} tests`);
  for (const test of unitTests) {
    serialPrint(`${test.name}...\t`);
    test.run();
    serialPrintln("[ok]");
  }
  exit(QemuExitCode.Success);
}
