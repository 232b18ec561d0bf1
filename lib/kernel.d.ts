/**
 * lib/kernel.d.ts: the ambient world of the kernel target (x86_64, freestanding).
 *
 * Input:  loaded with lib/tsos.d.ts when compiling with `--target kernel`, and
 *         by kernel/tsconfig.json for tsc/VS Code.
 * Output: declarations only. Every function here is a compiler intrinsic: it
 *         compiles to a few instructions from src/compiler/runtime/tsos_kernel.h.
 * Invariants: nothing here allocates; hosted-only names (console, process)
 *             are rejected on this target (TSOS3001).
 */

declare const __tsosText: unique symbol;
/**
 * A string borrowed for the duration of a call. A template literal passed
 * where a `Text` is expected is formatted on the caller's stack, so printing
 * `println(`x = ${x}`)` never touches the heap. A `Text` can be read
 * (`length`, `[i]`, `charCodeAt`) and passed on as `Text`, never stored
 * (TSOS3002). Any `string` converts to `Text` implicitly.
 */
type Text = string & { readonly [__tsosText]?: "text" };

/** A typed pointer: an address and the type it points at (a C pointer). */
declare class Ptr<T> {
  private constructor();
  /** The pointer to `address`. */
  static at<T>(address: usize): Ptr<T>;
  /** The pointer to a layout-struct object (where it lies in memory). */
  static to<T>(object: T): Ptr<T>;
  /** The address this pointer holds. */
  readonly address: usize;
  read(): T;
  write(value: T): void;
  /** A volatile read: never removed, merged or reordered by the compiler (memory-mapped I/O). */
  readVolatile(): T;
  /** A volatile write: never removed, merged or reordered by the compiler (memory-mapped I/O). */
  writeVolatile(value: T): void;
  /** The pointer `count` elements further on: address + count * size of T. */
  add(count: usize): Ptr<T>;
}

/** An atomic boolean (C11 atomics, sequentially consistent). Use it as a field or module-level constant. */
declare class AtomicBool {
  constructor(initial: boolean);
  load(): boolean;
  store(value: boolean): void;
  /** Stores `value` and returns the previous value, in one atomic step (xchg). */
  swap(value: boolean): boolean;
}

/** An atomic 32-bit counter. Use it as a field or module-level constant. */
declare class AtomicU32 {
  constructor(initial: u32);
  load(): u32;
  store(value: u32): void;
  swap(value: u32): u32;
  /** Adds `value` and returns the previous value, in one atomic step (lock xadd). */
  fetchAdd(value: u32): u32;
}

// Port I/O: the IN and OUT instructions (Intel SDM vol. 1, section 18.2).
declare function inb(port: u16): u8;
declare function inw(port: u16): u16;
declare function inl(port: u16): u32;
declare function outb(port: u16, value: u8): void;
declare function outw(port: u16, value: u16): void;
declare function outl(port: u16, value: u32): void;
/** The widths an I/O port can have. */
type PortWidth = u8 | u16 | u32;
/** IN of T's width: inb for u8, inw for u16, inl for u32 (chosen at compile time). */
declare function portRead<T extends PortWidth>(port: u16): T;
/** OUT of T's width: outb for u8, outw for u16, outl for u32 (chosen at compile time). */
declare function portWrite<T extends PortWidth>(port: u16, value: T): void;

// CPU instructions (Intel SDM vol. 2).
/** HLT: stop the CPU until the next interrupt. */
declare function hlt(): void;
/** CLI: disable maskable interrupts. */
declare function cli(): void;
/** STI: enable maskable interrupts. */
declare function sti(): void;
/** PAUSE: tell the CPU this is a spin-wait loop. */
declare function spinLoopHint(): void;
/** Whether RFLAGS.IF (interrupts enabled) is set. */
declare function interruptsEnabled(): boolean;

// What the boot stub (kernel/arch/x86_64/boot.S) hands over.
/** EAX at entry: 0x2BADB002 when a multiboot loader started the kernel (multiboot spec 3.2). */
declare function multibootMagic(): u32;
/** EBX at entry: the physical address of the multiboot information structure. */
declare function multibootInfoAddress(): usize;
/** First address of the unmapped 4 KiB guard page below the kernel stack. */
declare function stackGuardAddress(): usize;
/** Lowest and highest (exclusive) addresses of the kernel stack. */
declare function stackBottomAddress(): usize;
declare function stackTopAddress(): usize;
/** First and last (exclusive) addresses of the loaded kernel image. */
declare function kernelStartAddress(): usize;
declare function kernelEndAddress(): usize;
/**
 * Where the image's sections start (linker.ld, each 4 KiB-aligned): .text
 * (with the multiboot header) is [kernelStart, rodataStart), .rodata is
 * [rodataStart, dataStart), .data and .bss are [dataStart, kernelEnd).
 */
declare function rodataStartAddress(): usize;
declare function dataStartAddress(): usize;

/** A unit test: a module-level function marked with the JSDoc tag `@test`. */
declare class UnitTest {
  private constructor();
  /** `<module>::<function>`, e.g. `vga::printlnSimple`. */
  readonly name: string;
  readonly run: () => void;
}
/** Every `@test` function of the kernel, in module order (empty unless built by `tsos test`). */
declare const unitTests: UnitTest[];
/** True when the kernel was built by `tsos test`. */
declare const TEST_BUILD: boolean;
/** The heap allocator design the kernel was built with: `tsos build/test --allocator` (default fixed-block). */
declare const HEAP_ALLOCATOR: "bump" | "linked-list" | "fixed-block";

// ---------------------------------------------------------------------------
// Layout structs (JSDoc `@struct` / `@packed` on a class) and hardware tables.
// ---------------------------------------------------------------------------
/**
 * An array of exactly N elements stored inline in a layout struct (C `T x[N]`).
 * Indexing is bounds-checked. Declare the field with `!` (it starts zeroed).
 */
declare class FixedArray<T, N extends number> {
  private constructor();
  readonly length: N;
  [index: number]: T;
}
/** The size in bytes of an integer type or layout struct, known at compile time. */
declare function sizeOf<T>(): usize;
/** Checked by the compiler: a false constant condition fails the build with `message`. */
declare function staticAssert(condition: boolean, message: string): void;

/** The frame the CPU pushes when it delivers an interrupt (Intel SDM vol. 3A, 6.14.1, figure 6-9). */
declare class InterruptStackFrame {
  private constructor();
  readonly instructionPointer: u64;
  readonly codeSegment: u64;
  readonly cpuFlags: u64;
  readonly stackPointer: u64;
  readonly stackSegment: u64;
}
/** A handler for an interrupt or an exception without an error code. */
type InterruptHandler = (frame: InterruptStackFrame) => void;
/** A handler for an exception that pushes an error code. */
type InterruptHandlerWithErrorCode = (frame: InterruptStackFrame, errorCode: u64) => void;
/** A handler that never returns (double fault, machine check). */
type DivergingHandler = (frame: InterruptStackFrame) => never;
type DivergingHandlerWithErrorCode = (frame: InterruptStackFrame, errorCode: u64) => never;

/** The address of a module-level function (for IDT entries). */
declare function functionAddress(f: Function): u64;

/**
 * The references to a class instance that the compiler counts (blog_os's
 * `Rc::strong_count`): 1 for an object one variable holds, one more for each
 * field or variable that also holds it. A local that the compiler proves
 * needs no count of its own (it only reads the object while nothing can be
 * freed) adds none; a module-level object reports more than 2^62 (it is
 * never freed). The object is freed when its count reaches 0.
 */
declare function refCount(object: object): u64;
/** The address of a class instance on the kernel heap (blog_os's `{:p}`); for a layout struct use `Ptr.to(x).address`. */
declare function addressOf(object: object): u64;

// Descriptor tables and segments (Intel SDM vol. 3A, 3.5.1 and 6.10).
/** LIDT: load the IDT register from a 10-byte {limit: u16, base: u64} at `pointer`. */
declare function lidt(pointer: usize): void;
/** LGDT: load the GDT register from a 10-byte {limit: u16, base: u64} at `pointer`. */
declare function lgdt(pointer: usize): void;
/** LTR: load the task register with a TSS selector. */
declare function ltr(selector: u16): void;
/** Reload CS with a far return (SDM vol. 3A, 5.8.6). */
declare function setCs(selector: u16): void;
/** Load SS, DS, ES, FS and GS with a data selector (0 is allowed in long mode). */
declare function setDataSegments(selector: u16): void;
declare function readCs(): u16;
/** INT3: raise a breakpoint exception (#BP, vector 3). */
declare function int3(): void;
/** UD2: raise an invalid-opcode exception (#UD, vector 6). */
declare function ud2(): void;
/** The DIV instruction itself (no compiler check): divisor 0 raises #DE (vector 0). */
declare function hardwareDivide(dividend: u64, divisor: u64): u64;
/** CR2: the linear address that caused the last page fault. */
declare function readCr2(): u64;
/** CR3: the physical address of the level-4 page table. */
declare function readCr3(): u64;
/** MOV to CR3: switch to the level-4 table at this physical address (flushes non-global TLB entries). */
declare function writeCr3(value: u64): void;
/** CR0 (Intel SDM vol. 3A, 2.5): PE, WP (bit 16), PG (bit 31), ... */
declare function readCr0(): u64;
declare function writeCr0(value: u64): void;
/** RDMSR/WRMSR: a model-specific register, e.g. IA32_EFER (0xC0000080). */
declare function readMsr(msr: u32): u64;
declare function writeMsr(msr: u32, value: u64): void;
/** INVLPG: drop the TLB entries of the page holding `address` (SDM vol. 3A, 4.10.4.1). */
declare function invlpg(address: u64): void;
/** CPUID: EDX of leaf `leaf` (subleaf 0), e.g. 0x80000001 for NX (bit 20) and 1 GiB pages (bit 26). */
declare function cpuidEdx(leaf: u32): u32;
/** Calls the code at `address` as a function without arguments (tests: executing a no-execute page faults). */
declare function callAddress(address: u64): void;
/** The current stack pointer (RSP). */
declare function readRsp(): u64;
/**
 * STI then HLT, back to back: STI enables interrupts only after the next
 * instruction (Intel SDM vol. 2B, STI), so no interrupt can slip in between
 * and leave HLT sleeping with work pending.
 */
declare function enableInterruptsAndHalt(): void;
/** RDTSC: the time-stamp counter (Intel SDM vol. 2B, RDTSC; vol. 3B, 18.17). */
declare function readTsc(): u64;
/**
 * The address of a hand-written interrupt handler that is one IRETQ (Intel
 * SDM vol. 2A, IRET): the floor an interrupt round trip is measured against
 * (kernel/bench/irq_bench.ts). Install it with Entry.setHandlerAddress.
 */
declare function iretHandlerAddress(): u64;
