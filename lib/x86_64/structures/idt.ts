/**
 * lib/x86_64/structures/idt.ts: the interrupt descriptor table, after the
 * Rust x86_64 crate's structures::idt (blog_os post 05, "CPU Exceptions").
 *
 * The IDT maps each of the 256 vectors to a gate descriptor: the address of
 * its handler and how to enter it (Intel SDM vol. 3A, 6.10 "Interrupt
 * Descriptor Table (IDT)", 6.14.1 "64-Bit Mode IDT", figure 6-8 "64-Bit IDT
 * Gate Descriptors"). Vectors 0-31 are the architecture's exceptions and
 * reserved slots (6.3.1 and table 6-1 "Protected-Mode Exceptions and
 * Interrupts"); 32-255 are free for devices and software.
 * The table has one named field per exception, typed by the kind of handler
 * the CPU expects there: with or without an error code, returning or not. So
 * installing a handler without `errorCode` on `pageFault` fails to compile.
 * Invariants: 4096 bytes, in vector order; a table passed to lidt (load())
 * must stay in place for good: keep it in a module-level constant.
 */
import { DescriptorTablePointer } from "./descriptor_table_pointer.ts";

// The `options` word of a gate (bytes 4-5 of figure 6-8).
/** Bits 0-2: the IST slot to switch to, 1-7; 0 keeps the current stack (6.14.5). */
const OPTIONS_IST_MASK: u16 = 0x0007;
/** Bits 8-11: the gate type (3.5, table 3-2 "System-Segment and Gate-Descriptor Types"). */
const OPTIONS_TYPE_MASK: u16 = 0x0f00;
/** Type 1110b, a 64-bit interrupt gate: the CPU clears RFLAGS.IF on entry (6.12.1.3). */
const OPTIONS_INTERRUPT_GATE: u16 = 0x0e00;
/** Bit 15: the gate is present; delivering through a non-present gate raises #NP (6.12.1.1). */
const OPTIONS_PRESENT: u16 = 0x8000;
/** IST slots in the 64-bit TSS (7.7, figure 7-11 "64-Bit TSS Format"). */
const IST_SLOTS: u16 = 7;

/** The vectors of the architectural exceptions (table 6-1; 30 from the AMD64 APM vol. 2, 8.2). */
export enum ExceptionVector {
  DivideError = 0,
  Debug = 1,
  NonMaskableInterrupt = 2,
  Breakpoint = 3,
  Overflow = 4,
  BoundRangeExceeded = 5,
  InvalidOpcode = 6,
  DeviceNotAvailable = 7,
  DoubleFault = 8,
  InvalidTss = 10,
  SegmentNotPresent = 11,
  StackSegmentFault = 12,
  GeneralProtectionFault = 13,
  PageFault = 14,
  X87FloatingPoint = 16,
  AlignmentCheck = 17,
  MachineCheck = 18,
  SimdFloatingPoint = 19,
  Virtualization = 20,
  ControlProtection = 21,
  SecurityException = 30,
}

/**
 * One 16-byte gate descriptor. `F` is the handler type the vector takes; it
 * only types setHandler. A zeroed entry is a non-present gate.
 * @struct
 */
export class Entry<F extends Function> {
  /** Handler address, bits 0-15. */
  pointerLow: u16 = 0;
  /** Code segment selector the handler runs in (a 64-bit code segment in the GDT). */
  selector: u16 = 0;
  /** IST index (bits 0-2), gate type (8-11), DPL (13-14), present (15). */
  options: u16 = 0;
  /** Handler address, bits 16-31. */
  pointerMiddle: u16 = 0;
  /** Handler address, bits 32-63. */
  pointerHigh: u32 = 0;
  reserved: u32 = 0;

  /**
   * Makes `handler` the vector's handler: a present interrupt gate into the
   * current code segment. Keeps the IST index already set.
   */
  setHandler(handler: F): void {
    this.setHandlerAddress(functionAddress(handler));
  }

  /**
   * Makes the code at `address` the vector's handler (the x86_64 crate's
   * set_handler_addr): for a hand-written handler (iretHandlerAddress()).
   * The code must be an interrupt handler that ends in IRETQ.
   */
  setHandlerAddress(address: u64): void {
    this.pointerLow = u16(address);
    this.pointerMiddle = u16(address >> 16);
    this.pointerHigh = u32(address >> 32);
    this.selector = readCs();
    this.options = (this.options & ~OPTIONS_TYPE_MASK) | OPTIONS_INTERRUPT_GATE | OPTIONS_PRESENT;
  }

  /**
   * Runs the handler on the stack in the TSS's interruptStackTable[index]
   * (0-6; the gate stores index + 1, since 0 there means "no switch").
   * The caller must have put a valid, unused stack into that slot.
   */
  setStackIndex(index: u16): void {
    if (index >= IST_SLOTS) throw new Error(`IST index ${index} is out of range 0..6`);
    this.options = (this.options & ~OPTIONS_IST_MASK) | (index + 1);
  }

  /** The handler's address, as the CPU will read it. */
  handlerAddress(): u64 {
    return u64(this.pointerLow) | (u64(this.pointerMiddle) << 16) | (u64(this.pointerHigh) << 32);
  }

  isPresent(): boolean {
    return (this.options & OPTIONS_PRESENT) !== 0;
  }
}
staticAssert(sizeOf<Entry<InterruptHandler>>() === 16, "an IDT gate descriptor is 16 bytes");

/**
 * The whole IDT, vector by vector as in table 6-1. Error-code columns are
 * from table 6-1; the AMD-only vectors 28-30 from the AMD64 APM vol. 2, 8.2.
 * @struct
 */
export class InterruptDescriptorTable {
  /** 0, #DE: DIV or IDIV by zero, or a quotient too large. */
  readonly divideError = new Entry<InterruptHandler>();
  /** 1, #DB: a debug condition (breakpoint register, single step). */
  readonly debug = new Entry<InterruptHandler>();
  /** 2, NMI: the non-maskable interrupt pin. */
  readonly nonMaskableInterrupt = new Entry<InterruptHandler>();
  /** 3, #BP: the INT3 instruction. */
  readonly breakpoint = new Entry<InterruptHandler>();
  /** 4, #OF: INTO with RFLAGS.OF set (not valid in 64-bit mode). */
  readonly overflow = new Entry<InterruptHandler>();
  /** 5, #BR: BOUND out of range (not valid in 64-bit mode). */
  readonly boundRangeExceeded = new Entry<InterruptHandler>();
  /** 6, #UD: an undefined or reserved opcode, e.g. UD2. */
  readonly invalidOpcode = new Entry<InterruptHandler>();
  /** 7, #NM: an x87 or SSE instruction while CR0.TS or CR0.EM forbids it. */
  readonly deviceNotAvailable = new Entry<InterruptHandler>();
  /** 8, #DF: an exception while delivering another (table 6-5); error code 0; cannot resume. */
  readonly doubleFault = new Entry<DivergingHandlerWithErrorCode>();
  /** 9: coprocessor segment overrun, reserved since the 386. */
  private readonly reserved9!: FixedArray<Entry<InterruptHandler>, 1>;
  /** 10, #TS: a bad TSS on a task switch or TSS access. Error code: a selector (6.13). */
  readonly invalidTss = new Entry<InterruptHandlerWithErrorCode>();
  /** 11, #NP: loading a segment or gate whose present bit is clear. Error code: a selector. */
  readonly segmentNotPresent = new Entry<InterruptHandlerWithErrorCode>();
  /** 12, #SS: a stack-segment limit or non-canonical stack address. Error code: a selector or 0. */
  readonly stackSegmentFault = new Entry<InterruptHandlerWithErrorCode>();
  /** 13, #GP: any protection violation, e.g. a non-canonical address. Error code: a selector or 0. */
  readonly generalProtectionFault = new Entry<InterruptHandlerWithErrorCode>();
  /** 14, #PF: a page-translation fault; CR2 holds the address (4.7). Error code: figure 4-12. */
  readonly pageFault = new Entry<InterruptHandlerWithErrorCode>();
  /** 15: reserved. */
  private readonly reserved15!: FixedArray<Entry<InterruptHandler>, 1>;
  /** 16, #MF: a pending unmasked x87 floating-point exception. */
  readonly x87FloatingPoint = new Entry<InterruptHandler>();
  /** 17, #AC: an unaligned access at CPL 3 with alignment checking on. Error code 0. */
  readonly alignmentCheck = new Entry<InterruptHandlerWithErrorCode>();
  /** 18, #MC: an internal machine error (model specific); cannot resume. */
  readonly machineCheck = new Entry<DivergingHandler>();
  /** 19, #XM: an unmasked SSE/AVX floating-point exception. */
  readonly simdFloatingPoint = new Entry<InterruptHandler>();
  /** 20, #VE: an EPT violation reported to the guest (virtualization). */
  readonly virtualization = new Entry<InterruptHandler>();
  /** 21, #CP: a control-flow enforcement (CET) violation. Error code: its kind. */
  readonly controlProtection = new Entry<InterruptHandlerWithErrorCode>();
  /** 22-29: reserved (AMD: 28 hypervisor injection, 29 VMM communication). */
  private readonly reserved22!: FixedArray<Entry<InterruptHandler>, 8>;
  /** 30, #SX (AMD only): a security event under SVM. Error code: its kind. */
  readonly securityException = new Entry<InterruptHandlerWithErrorCode>();
  /** 31: reserved. */
  private readonly reserved31!: FixedArray<Entry<InterruptHandler>, 1>;
  /** 32-255: external interrupts and INT n; `interrupts[i]` is vector 32 + i. */
  readonly interrupts!: FixedArray<Entry<InterruptHandler>, 224>;

  /**
   * Makes this the CPU's IDT (LIDT). The table must stay in place and in use
   * for good: only load a module-level table.
   */
  load(): void {
    IDT_POINTER.limit = u16(sizeOf<InterruptDescriptorTable>() - 1);
    IDT_POINTER.base = Ptr.to(this).address;
    lidt(Ptr.to(IDT_POINTER).address);
  }
}
staticAssert(sizeOf<InterruptDescriptorTable>() === 4096, "the IDT has 256 16-byte gates");

/** The LIDT operand; read only while the instruction runs. */
const IDT_POINTER = new DescriptorTablePointer();
