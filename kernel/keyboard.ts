/**
 * kernel/keyboard.ts: keyboard input, from the interrupt handler to the
 * screen (blog_os post 07, "Keyboard Input"; the queue is post 12's idea,
 * without async yet).
 *
 * Input: pushScancode(byte), called by the architecture's keyboard interrupt
 * handler with each byte of scancode set 1. Output: processKeyboardInput(),
 * called by the kernel's idle loop, decodes the queued bytes on the US layout
 * (lib/pc_keyboard) and echoes them: characters are printed, Backspace erases
 * the last one, other keys print their name as blog_os prints raw keys.
 * Invariants: the handler never allocates and never blocks: a full queue drops
 * the byte and counts it; the loop reports the drops once per flood
 * ("keyboard queue full, N dropped"). One producer (the handler, interrupts
 * off) and one consumer (the idle loop, which takes bytes with interrupts off).
 */
import { print } from "./console.ts";
import { screenErase, screenPutByte } from "./arch/console.ts";
import * as interrupts from "./arch/interrupts.ts";
import { Decoded, KeyCode, Keyboard } from "../lib/pc_keyboard/keyboard.ts";
import { assert, assertEq } from "../lib/core/assert.ts";

const QUEUE_CAPACITY: u32 = 100; // as blog_os's ArrayQueue::new(100)
const BACKSPACE: u8 = 0x08;

/**
 * A ring of scancodes: `head` is the next to read, `count` how many are queued.
 * A layout struct, so that its slots live in place in the module's static data.
 * @struct
 */
class ScancodeQueue {
  head: u32 = 0;
  count: u32 = 0;
  /** Bytes dropped because the queue was full, since the last report. */
  dropped: u32 = 0;
  slots!: FixedArray<u8, 100>;

  /** Interrupt handler only (interrupts off): queue `byte`, or count it as dropped. */
  push(byte: u8): void {
    if (this.count === QUEUE_CAPACITY) {
      this.dropped++;
      return;
    }
    this.slots[(this.head + this.count) % QUEUE_CAPACITY] = byte;
    this.count++;
  }

  /** Interrupts off: the oldest byte; the queue must not be empty. */
  pop(): u8 {
    const byte = this.slots[this.head];
    this.head = (this.head + 1) % QUEUE_CAPACITY;
    this.count--;
    return byte;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }
}

const QUEUE = new ScancodeQueue();
const KEYBOARD = new Keyboard();

/** From the keyboard interrupt handler: never allocates, never waits. */
export function pushScancode(byte: u8): void {
  QUEUE.push(byte);
}

/** Whether scancodes are waiting (call with interrupts off to then halt safely). */
export function keyboardInputPending(): boolean {
  return !QUEUE.isEmpty() || QUEUE.dropped !== 0;
}

/**
 * Scancodes dropped since the last report (a u32 the handler increments: one
 * load, safe with interrupts on). For a kernel that is busy and wants to see
 * a flood end before it reads the keyboard again (test/qmp.test.ts).
 */
export function droppedScancodes(): u32 {
  return QUEUE.dropped;
}

/** The oldest queued byte, taken with interrupts off, or null when none is queued. */
export function takeScancode(): u8 | null {
  const wereEnabled = interrupts.disable();
  const byte = QUEUE.isEmpty() ? null : QUEUE.pop();
  interrupts.restore(wereEnabled);
  return byte;
}

/** Takes the drop count with interrupts off, resetting it. */
function takeDropped(): u32 {
  const wereEnabled = interrupts.disable();
  const dropped = QUEUE.dropped;
  QUEUE.dropped = 0;
  interrupts.restore(wereEnabled);
  return dropped;
}

/** Decodes and echoes every queued scancode. */
export function processKeyboardInput(): void {
  const dropped = takeDropped();
  if (dropped !== 0) print(`\nkeyboard queue full, ${dropped} dropped\n`);
  for (let byte = takeScancode(); byte !== null; byte = takeScancode()) echo(KEYBOARD.process(byte));
}

function echo(decoded: Decoded): void {
  if (decoded === Decoded.Character) {
    if (KEYBOARD.char === BACKSPACE) screenErase();
    else screenPutByte(KEYBOARD.char);
  } else if (decoded === Decoded.RawKey) {
    print(KeyCode[KEYBOARD.key]);
  }
}

/** @test */
function queueKeepsOrderAndCountsWhatItDrops(): void {
  const wereEnabled = interrupts.disable(); // the real handler must not interleave
  assert(QUEUE.isEmpty(), "the queue starts empty");
  for (let i: u32 = 0; i < QUEUE_CAPACITY + 5; i++) QUEUE.push(u8(i));
  assertEq(QUEUE.dropped, 5);
  for (let i: u32 = 0; i < QUEUE_CAPACITY; i++) assertEq(QUEUE.pop(), i);
  assert(QUEUE.isEmpty(), "every queued byte was read");
  QUEUE.dropped = 0;
  interrupts.restore(wereEnabled);
}
