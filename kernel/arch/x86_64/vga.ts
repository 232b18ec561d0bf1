/**
 * kernel/arch/x86_64/vga.ts: the VGA text screen (blog_os post 03, "VGA Text Mode").
 *
 * Hardware (OSDev "Text UI", "Printing To Screen"): 25 rows of 80 16-bit cells
 * at physical 0xb8000 (identity-mapped by boot.S). A cell's low byte is a code
 * page 437 character; its high byte the colour: bits 0-3 foreground, 4-6
 * background, 7 blink. Output: Writer prints like a teletype on the bottom row
 * and scrolls up; WRITER is the one global writer, behind a spin lock.
 * Invariants: every buffer access is volatile; 0 <= column <= BUFFER_WIDTH.
 */
import { Mutex } from "../../../lib/core/spin.ts";
import { assertEq } from "../../../lib/core/assert.ts";
import { disableInterrupts, restoreInterrupts } from "../../../lib/x86_64/instructions/interrupts.ts";

export const BUFFER_HEIGHT: usize = 25;
export const BUFFER_WIDTH: usize = 80;
const BUFFER_ADDRESS: usize = 0xb8000;

const NEWLINE: u8 = 0x0a; // "\n"
const BLANK: u8 = 0x20; // " ", what a cleared cell holds
const FIRST_PRINTABLE: u8 = 0x20; // printable ASCII is " " .. "~"
const LAST_PRINTABLE: u8 = 0x7e;
const UNPRINTABLE: u8 = 0xfe; // "■" in code page 437, shown for any other byte

/** The 16 text-mode colours, in attribute-nibble order (OSDev "Text UI", "Colours"). */
export enum Color {
  Black = 0,
  Blue = 1,
  Green = 2,
  Cyan = 3,
  Red = 4,
  Magenta = 5,
  Brown = 6,
  LightGray = 7,
  DarkGray = 8,
  LightBlue = 9,
  LightGreen = 10,
  LightCyan = 11,
  LightRed = 12,
  Pink = 13,
  Yellow = 14,
  White = 15,
}

/** The attribute byte: background in the high nibble, foreground in the low one. */
export function colorCode(foreground: Color, background: Color): u8 {
  return (u8(background) << 4) | u8(foreground);
}

function isPrintable(byte: u8): boolean {
  return byte >= FIRST_PRINTABLE && byte <= LAST_PRINTABLE;
}

/** Writes text to the bottom row, wrapping and scrolling like a terminal. */
export class Writer {
  /** The next column on the bottom row; BUFFER_WIDTH means the row is full. */
  private column: usize = 0;
  /** Yellow on black (0x0e), the colour of blog_os's "Hello World!". */
  private color: u8 = colorCode(Color.Yellow, Color.Black);
  private readonly buffer: Ptr<u16> = Ptr.at<u16>(BUFFER_ADDRESS);

  /** Writes one byte: "\n" starts a new line; other non-printable bytes show as "■". */
  writeByte(byte: u8): void {
    if (byte === NEWLINE) {
      this.newLine();
      return;
    }
    if (this.column >= BUFFER_WIDTH) this.newLine();
    this.putChar(BUFFER_HEIGHT - 1, this.column, isPrintable(byte) ? byte : UNPRINTABLE);
    this.column++;
  }

  writeString(s: Text): void {
    for (let i = 0; i < s.length; i++) this.writeByte(u8(s.charCodeAt(i)));
  }

  writeLine(s: Text): void {
    this.writeString(s);
    this.writeByte(NEWLINE);
  }

  /** Erases the last character on the bottom row (nothing at its start). */
  backspace(): void {
    if (this.column === 0) return;
    this.column--;
    this.putChar(BUFFER_HEIGHT - 1, this.column, BLANK);
  }

  /** Moves every row up one (the top row is lost) and starts a blank bottom row. */
  newLine(): void {
    for (let row: usize = 1; row < BUFFER_HEIGHT; row++) {
      for (let col: usize = 0; col < BUFFER_WIDTH; col++) {
        this.cell(row - 1, col).writeVolatile(this.cell(row, col).readVolatile());
      }
    }
    this.clearRow(BUFFER_HEIGHT - 1);
    this.column = 0;
  }

  clearRow(row: usize): void {
    for (let col: usize = 0; col < BUFFER_WIDTH; col++) this.putChar(row, col, BLANK);
  }

  clearScreen(): void {
    for (let row: usize = 0; row < BUFFER_HEIGHT; row++) this.clearRow(row);
    this.column = 0;
  }

  /** The colour of everything written from now on. */
  setColor(foreground: Color, background: Color): void {
    this.color = colorCode(foreground, background);
  }

  /** The character byte shown at (row, col); row 0 is the top. */
  charAt(row: usize, col: usize): u8 {
    return u8(this.cell(row, col).readVolatile());
  }

  /** The colour attribute at (row, col). */
  colorAt(row: usize, col: usize): u8 {
    return u8(this.cell(row, col).readVolatile() >> 8);
  }

  private putChar(row: usize, col: usize, byte: u8): void {
    this.cell(row, col).writeVolatile((u16(this.color) << 8) | byte);
  }

  /** Every access goes through here: a position off the screen panics instead of writing past the buffer. */
  private cell(row: usize, col: usize): Ptr<u16> {
    checkOnScreen(row, col);
    return this.buffer.add(row * BUFFER_WIDTH + col);
  }
}

function checkOnScreen(row: usize, col: usize): void {
  if (row >= BUFFER_HEIGHT || col >= BUFFER_WIDTH) {
    throw new Error(`screen position (${row}, ${col}) is outside the ${BUFFER_HEIGHT}x${BUFFER_WIDTH} buffer`);
  }
}

/** The screen's one writer; used only through WRITER. */
const SCREEN = new Writer();
// The BIOS leaves its own messages on the screen; start from a blank one.
SCREEN.clearScreen();

/** The screen. Lock it, use the writer, unlock it: `const w = WRITER.lock(); ...; WRITER.unlock();` */
export const WRITER = new Mutex<Writer>(SCREEN);

// Interrupt handlers print (the timer's dots, exception reports): the lock is
// held with interrupts off, or a handler could spin forever on it (blog_os
// post 07, "Deadlocks").
export function vgaPrint(s: Text): void {
  const wereEnabled = disableInterrupts();
  WRITER.lock().writeString(s);
  WRITER.unlock();
  restoreInterrupts(wereEnabled);
}

export function vgaPrintln(s: Text): void {
  const wereEnabled = disableInterrupts();
  WRITER.lock().writeLine(s);
  WRITER.unlock();
  restoreInterrupts(wereEnabled);
}

/**
 * Panics unless screen row `row` shows `expected` from column 0, followed by
 * blanks to the end of the row. Caller holds the writer's lock.
 * @trackCaller
 */
export function assertRowShows(writer: Writer, row: usize, expected: Text): void {
  for (let col: usize = 0; col < BUFFER_WIDTH; col++) {
    const want = col < usize(expected.length) ? u8(expected.charCodeAt(Number(col))) : BLANK;
    const got = writer.charAt(row, col);
    if (got !== want) throw new Error(`assertion failed: row ${row} column ${col} shows ${got}, expected ${want} ("${expected}")`);
  }
}

/**
 * Panics unless screen row `row` starts with `prefix`. Caller holds the lock.
 * @trackCaller
 */
export function assertRowStartsWith(writer: Writer, row: usize, prefix: Text): void {
  for (let i = 0; i < prefix.length; i++) {
    const got = writer.charAt(row, usize(i));
    const want = u8(prefix.charCodeAt(i));
    if (got !== want) throw new Error(`assertion failed: row ${row} column ${i} shows ${got}, expected ${want} ("${prefix}")`);
  }
}

/** @test */
function printlnSimple(): void {
  vgaPrintln("printlnSimple output");
  const writer = WRITER.lock();
  assertRowShows(writer, BUFFER_HEIGHT - 2, "printlnSimple output");
  assertRowShows(writer, BUFFER_HEIGHT - 1, "");
  WRITER.unlock();
}

/** @test */
function printlnMany(): void {
  for (let i = 0; i < 200; i++) vgaPrintln(`printlnMany output ${i}`);
  // The last 24 lines are on screen, newest just above the empty bottom row.
  const writer = WRITER.lock();
  for (let k: usize = 0; k < BUFFER_HEIGHT - 1; k++) {
    assertRowShows(writer, BUFFER_HEIGHT - 2 - k, `printlnMany output ${199 - Number(k)}`);
  }
  assertRowShows(writer, BUFFER_HEIGHT - 1, "");
  WRITER.unlock();
}

/** @test */
function newLineScrollsUpAndClearsTheBottomRow(): void {
  const writer = WRITER.lock();
  writer.writeByte(NEWLINE);
  writer.writeString("first");
  writer.newLine();
  writer.writeString("second");
  writer.newLine();
  assertRowShows(writer, BUFFER_HEIGHT - 3, "first");
  assertRowShows(writer, BUFFER_HEIGHT - 2, "second");
  assertRowShows(writer, BUFFER_HEIGHT - 1, "");
  WRITER.unlock();
}

/** @test */
function longLinesWrapAfterColumn80(): void {
  const writer = WRITER.lock();
  writer.writeByte(NEWLINE);
  for (let col: usize = 0; col < BUFFER_WIDTH; col++) writer.writeByte(0x61); // "a" in every column
  assertRowShows(writer, BUFFER_HEIGHT - 1, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  writer.writeByte(0x62); // the 81st byte starts a new row
  assertRowShows(writer, BUFFER_HEIGHT - 2, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  assertRowShows(writer, BUFFER_HEIGHT - 1, "b");
  WRITER.unlock();
}

/** @test */
function unprintableBytesShowAsASquare(): void {
  const writer = WRITER.lock();
  writer.writeByte(NEWLINE);
  writer.writeByte(0x1f); // below " "
  writer.writeByte(0x20); // " ", printable
  writer.writeByte(0x7e); // "~", printable
  writer.writeByte(0x7f); // DEL
  writer.writeByte(0xff);
  assertEq(writer.charAt(BUFFER_HEIGHT - 1, 0), UNPRINTABLE);
  assertEq(writer.charAt(BUFFER_HEIGHT - 1, 1), 0x20);
  assertEq(writer.charAt(BUFFER_HEIGHT - 1, 2), 0x7e);
  assertEq(writer.charAt(BUFFER_HEIGHT - 1, 3), UNPRINTABLE);
  assertEq(writer.charAt(BUFFER_HEIGHT - 1, 4), UNPRINTABLE);
  assertEq(UNPRINTABLE, 0xfe); // "■" in code page 437
  WRITER.unlock();
}

/** @test */
function printlnOutput(): void {
  const line = "Some test string that fits on a single line";
  // Hold the lock from the write to the read-back, so no other output can
  // scroll the line away in between.
  const writer = WRITER.lock();
  writer.writeByte(NEWLINE); // start on an empty row, whatever came before
  writer.writeLine(line); // the line is now one row above the (new) bottom row
  for (let i = 0; i < line.length; i++) {
    assertEq(writer.charAt(BUFFER_HEIGHT - 2, usize(i)), u8(line.charCodeAt(i)));
  }
  WRITER.unlock();
}

/** @test */
function colorCodePacksBackgroundHigh(): void {
  assertEq(colorCode(Color.Yellow, Color.Black), 0x0e);
  assertEq(colorCode(Color.White, Color.Blue), 0x1f);
}
