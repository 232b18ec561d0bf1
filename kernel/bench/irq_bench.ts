/**
 * kernel/bench/irq_bench.ts: the interrupt benchmarks' kernel, built and run
 * by bench/irq.ts (`npm run bench`). Not a test: it measures.
 *
 * Output on COM1, raw TSC counts for the host to turn into time:
 *   `calibration <pit clocks> <cycles>`: the TSC across about 10 ms of a
 *     one-shot count, both read from the counters (periodic ticks would not
 *     do: QEMU drops the ticks that come due while the host has it
 *     preempted). A count is paired with the TSC only when both were read
 *     within PAIR_CYCLES, and a count that wrapped (a stall longer than the
 *     55 ms count) is thrown away; the host takes the median;
 *   `oneshot spin|halt <pit clocks> <cycles>`: one-shot PIT intervals (mode
 *     0): the count left when first read back after the write, paired with
 *     the TSC, and the cycles from that TSC to the one read first thing in
 *     the IRQ 0 handler, with the CPU spinning or halted. The host subtracts
 *     the clocks' length: what is left is IRQ to handler entry. An IRQ taken while the count still runs (one left pending from
 *     before the shot) is not the shot's and is waited past;
 *   `int3 typescript|asm <cycles> <rounds>`: ROUNDS round trips of INT3 into
 *     an empty TypeScript interrupt handler, and into a hand-written one that
 *     is a single IRETQ (iretHandlerAddress()), alternately;
 *   `done`, then QEMU exits with Success.
 * Hardware: PIT modes 0 and 3 (pit.ts), the 8259 PICs remapped to 32-47
 * (pic.ts), RDTSC (Intel SDM vol. 2B), INT3 through an interrupt gate
 * (vol. 3A, 6.12.1). Under QEMU's TCG every figure is the emulator's.
 */
import "../panic.ts"; // first: COM1 and the panic handler before anything can fail
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { initGdt } from "../arch/x86_64/gdt.ts";
import { InterruptIndex, PICS, initPics } from "../arch/x86_64/pic.ts";
import { pitDivisor, readPitCount, setPitDivisor, startPitOneShot } from "../arch/x86_64/pit.ts";
import { InterruptDescriptorTable } from "../../lib/x86_64/structures/idt.ts";

const CALIBRATIONS: u32 = 15;
const CALIBRATION_CLOCKS: u16 = 11932; // about 10 ms
const PAIR_CYCLES: u64 = 20000; // about 8 us: a pair read within it is good to 4 us
const ONE_SHOT: u16 = 1193; // about 1 ms of the PIT's 1.193182 MHz
const SAMPLES: u32 = 40;
const ROUNDS: u32 = 2000;
const INT3_REPEATS: u32 = 51;
const PS2_DATA_PORT: u16 = 0x60;

const IDT = new InterruptDescriptorTable();
/** The count of the one-shot in flight (0xffff: none), and whether its IRQ came, at TSC shotTsc. */
let armedCount: u16 = 0xffff;
const SHOT_FIRED = new AtomicBool(false);
let shotTsc: u64 = 0;

/** The shot's IRQ comes after its count ran out, so the counter has wrapped past it; an older IRQ left pending has not. */
function timerInterrupt(frame: InterruptStackFrame): void {
  const tsc = readTsc();
  if (readPitCount() > armedCount) {
    shotTsc = tsc;
    SHOT_FIRED.store(true);
  }
  PICS.notifyEndOfInterrupt(InterruptIndex.Timer);
}

/** No keys are expected; a stray one is read and acknowledged, as the kernel's handler does. */
function keyboardInterrupt(frame: InterruptStackFrame): void {
  inb(PS2_DATA_PORT);
  PICS.notifyEndOfInterrupt(InterruptIndex.Keyboard);
}

function emptyBreakpoint(frame: InterruptStackFrame): void {}

/** Waits with interrupts on until the shot's IRQ came: spinning, or halted (checked with interrupts off, then STI; HLT). */
function waitForShot(halt: boolean): void {
  if (halt) {
    while (true) {
      cli();
      if (SHOT_FIRED.load()) break;
      enableInterruptsAndHalt();
    }
  } else {
    sti();
    while (!SHOT_FIRED.load()) spinLoopHint();
  }
  cli();
}

/** The PIT's count and the TSC read at (nearly) the same moment, by readPair(). */
let pairCount: u16 = 0;
let pairTsc: u64 = 0;

function readPair(): void {
  while (true) {
    const before = readTsc();
    const count = readPitCount();
    const after = readTsc();
    if (after - before < PAIR_CYCLES) {
      pairCount = count;
      pairTsc = before + (after - before) / 2;
      return;
    }
  }
}

/** TSC cycles against PIT clocks, both read from the counters, interrupts off. */
function calibrate(): void {
  cli();
  let printed: u32 = 0;
  while (printed < CALIBRATIONS) {
    startPitOneShot(0xffff);
    readPair();
    const startCount = pairCount;
    const startTsc = pairTsc;
    let previous = startCount;
    let wrapped = false;
    do {
      readPair();
      wrapped = pairCount > previous;
      previous = pairCount;
    } while (!wrapped && startCount - pairCount < CALIBRATION_CLOCKS);
    if (!wrapped) {
      serialPrintln(`calibration ${startCount - pairCount} ${pairTsc - startTsc}`);
      printed++;
    }
  }
}

/** SAMPLES one-shot intervals of `count` PIT clocks, each timed from the count's write to the handler's entry. */
function measureOneShots(count: u16, halt: boolean): void {
  for (let i: u32 = 0; i < SAMPLES; i++) {
    cli();
    SHOT_FIRED.store(false);
    armedCount = count;
    startPitOneShot(count);
    readPair();
    const left = pairCount;
    const start = pairTsc;
    waitForShot(halt);
    armedCount = 0xffff;
    const cycles = shotTsc - start;
    serialPrintln(`oneshot ${halt ? "halt" : "spin"} ${left} ${cycles}`);
  }
}

/** Cycles for ROUNDS round trips of INT3 into the current breakpoint gate. */
function int3Rounds(): u64 {
  const start = readTsc();
  for (let i: u32 = 0; i < ROUNDS; i++) int3();
  return readTsc() - start;
}

function measureInt3(): void {
  for (let i: u32 = 0; i < INT3_REPEATS; i++) {
    IDT.breakpoint.setHandler(emptyBreakpoint);
    serialPrintln(`int3 typescript ${int3Rounds()} ${ROUNDS}`);
    IDT.breakpoint.setHandlerAddress(iretHandlerAddress());
    serialPrintln(`int3 asm ${int3Rounds()} ${ROUNDS}`);
  }
}

initGdt();
IDT.interrupts[InterruptIndex.Timer - 32].setHandler(timerInterrupt);
IDT.interrupts[InterruptIndex.Keyboard - 32].setHandler(keyboardInterrupt);
IDT.breakpoint.setHandler(emptyBreakpoint);
IDT.load();
initPics();
calibrate();
measureOneShots(ONE_SHOT, false);
measureOneShots(ONE_SHOT, true);
measureInt3();
setPitDivisor(pitDivisor(100)); // the periodic timer back, as the kernel runs it
serialPrintln("done");
exitQemu(QemuExitCode.Success);
