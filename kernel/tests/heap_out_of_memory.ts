// @expect-serial: heap_out_of_memory.ts:47:10: out of memory: allocation of 
// @expect-serial: heap checked after the failure: consistent
/**
 * kernel/tests/heap_out_of_memory.ts: integration test, its own kernel: an
 * allocation that cannot be satisfied panics clearly (blog_os post 10's
 * `alloc_error_handler`), after the heap has grown to its limit.
 *
 * It keeps every object it creates reachable (a linked list) until the heap,
 * grown to HEAP_LIMIT, has no room. The panic must name the allocation's
 * TypeScript location (line 47 below), its size and its alignment. This
 * kernel's panic handler prints the panic, checks the allocator's free lists
 * (the failed request left the heap consistent) and exits with success for
 * an out-of-memory panic, with failure for any other.
 */
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { HEAP_LIMIT, KERNEL_HEAP, initHeapOrPanic } from "../memory/heap.ts";

class Node {
  constructor(
    readonly next: Node | null,
    readonly payload: u64,
  ) {}
}

/** Whether `text` starts with `prefix`. */
function startsWith(text: Text, prefix: Text): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (text.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  serialPrintln(`panicked at ${file}:${line}:${column}: ${message}`);
  if (!startsWith(message, "out of memory")) exitQemu(QemuExitCode.Failed);
  KERNEL_HEAP.allocator().check();
  serialPrintln(`heap checked after the failure: consistent, ${KERNEL_HEAP.mappedBytes() / 1024} KiB mapped of ${HEAP_LIMIT / 1024} KiB`);
  exitQemu(KERNEL_HEAP.mappedBytes() === HEAP_LIMIT ? QemuExitCode.Success : QemuExitCode.Failed);
}

init();
initHeapOrPanic();
let list: Node | null = null;
for (let i: u64 = 0; i < 1_000_000; i++) {
  list = new Node(list, i);
}
serialPrintln(`a million nodes fit in ${HEAP_LIMIT / 1024} KiB: the heap never ran out (${list === null ? 0 : list.payload})`);
exitQemu(QemuExitCode.Failed);
