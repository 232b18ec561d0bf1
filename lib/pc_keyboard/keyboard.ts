/**
 * lib/pc_keyboard/keyboard.ts: PS/2 scancode set 1 decoded on a US 104-key
 * layout, after the Rust pc-keyboard crate that blog_os post 07 uses.
 *
 * Input:  the bytes the keyboard controller hands over at port 0x60, one at a
 *         time. Set 1 (IBM PC XT; OSDev "PS/2 Keyboard", "Scan Code Set 1"):
 *         a key press sends its make code 0x01-0x58; its release sends the
 *         make code | 0x80 (the break code). Keys added later send 0xE0 first
 *         (arrows, right Ctrl and Alt, keypad Enter and /, Insert, Delete,
 *         Home, End, Page Up/Down, the Windows keys).
 * Output: after each byte, `process` says whether a key press completed and
 *         what it means: a character (`char`, ASCII, with Shift, Caps Lock,
 *         Ctrl and Num Lock applied) or a raw key (`key`) that has none.
 * Tests: feed scancodes and check the decoded key (in the kernel unit tests).
 * Invariants: modifier state follows presses and releases; Caps Lock and Num
 *         Lock toggle on press; no allocation (the interrupt path may use it).
 */

/** Physical keys. The value is the set-1 make code, plus 0x100 for keys sent after 0xE0. */
export enum KeyCode {
  Escape = 0x01, Key1, Key2, Key3, Key4, Key5, Key6, Key7, Key8, Key9, Key0, Minus, Equals, Backspace, Tab,
  Q = 0x10, W, E, R, T, Y, U, I, O, P, BracketSquareLeft, BracketSquareRight, Enter, ControlLeft,
  A = 0x1e, S, D, F, G, H, J, K, L, Semicolon, Quote, Backtick, ShiftLeft, Backslash,
  Z = 0x2c, X, C, V, B, N, M, Comma, Fullstop, Slash, ShiftRight, NumpadMultiply, AltLeft, Spacebar, CapsLock,
  F1 = 0x3b, F2, F3, F4, F5, F6, F7, F8, F9, F10, NumLock, ScrollLock,
  Numpad7 = 0x47, Numpad8, Numpad9, NumpadSubtract, Numpad4, Numpad5, Numpad6, NumpadAdd, Numpad1, Numpad2, Numpad3, Numpad0, NumpadPeriod,
  F11 = 0x57, F12 = 0x58,
  NumpadEnter = 0x11c, ControlRight = 0x11d, NumpadDivide = 0x135, AltRight = 0x138,
  Home = 0x147, ArrowUp = 0x148, PageUp = 0x149, ArrowLeft = 0x14b, ArrowRight = 0x14d,
  End = 0x14f, ArrowDown = 0x150, PageDown = 0x151, Insert = 0x152, Delete = 0x153,
  WindowsLeft = 0x15b, WindowsRight = 0x15c, Apps = 0x15d,
}

/** What one byte completed. */
export enum Decoded {
  /** Nothing yet (a prefix, a release, or a modifier). */
  Nothing,
  /** A key press with a character: read `char`. */
  Character,
  /** A key press without one (F1, an arrow, ...): read `key`. */
  RawKey,
}

const EXTENDED_PREFIX: u8 = 0xe0;
const BREAK_BIT: u8 = 0x80;
const NONE: u8 = 0; // no character in the tables below (a 0 byte)

// The US layout, indexed by make code 0x00-0x39 (a 0 byte: no character).
const UNSHIFTED = "\0\x1b1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
const SHIFTED = "\0\x1b!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";
// The keypad 0x47-0x53 with Num Lock on.
const KEYPAD = "789-456+1230.";
const FIRST_KEYPAD_CODE: u8 = 0x47;
const DELETE_CHAR: u8 = 0x7f;

function isLetter(c: u8): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export class Keyboard {
  private extended = false;
  private shiftLeft = false;
  private shiftRight = false;
  private controlLeft = false;
  private controlRight = false;
  private capsLock = false;
  private numLock = true;
  /** The character of the last Decoded.Character. */
  char: u8 = 0;
  /** The key of the last Decoded.Character or Decoded.RawKey. */
  key: KeyCode = KeyCode.Escape;

  /** Feeds one byte from port 0x60. */
  process(byte: u8): Decoded {
    if (byte === EXTENDED_PREFIX) {
      this.extended = true;
      return Decoded.Nothing;
    }
    const pressed = (byte & BREAK_BIT) === 0;
    const code = u32(byte & ~BREAK_BIT) | (this.extended ? 0x100 : 0);
    this.extended = false;
    this.key = code;
    if (this.updateModifiers(code, pressed) || !pressed) return Decoded.Nothing;
    const typed = this.characterOf(code);
    if (typed === null) return Decoded.RawKey;
    this.char = typed;
    return Decoded.Character;
  }

  /** Tracks Shift, Ctrl, Caps Lock and Num Lock; returns whether `code` was a modifier. */
  private updateModifiers(code: u32, pressed: boolean): boolean {
    switch (code) {
      case KeyCode.ShiftLeft: this.shiftLeft = pressed; return true;
      case KeyCode.ShiftRight: this.shiftRight = pressed; return true;
      case KeyCode.ControlLeft: this.controlLeft = pressed; return true;
      case KeyCode.ControlRight: this.controlRight = pressed; return true;
      case KeyCode.AltLeft: case KeyCode.AltRight: return true;
      case KeyCode.CapsLock: if (pressed) this.capsLock = !this.capsLock; return true;
      case KeyCode.NumLock: if (pressed) this.numLock = !this.numLock; return true;
    }
    return false;
  }

  /** The character a press of `code` types now, or null for a key without one. */
  private characterOf(code: u32): u8 | null {
    if (code === KeyCode.NumpadEnter) return 0x0a;
    if (code === KeyCode.NumpadDivide) return 0x2f;
    if (code === KeyCode.Delete) return DELETE_CHAR;
    if (code >= 0x100) return null;
    if (code >= FIRST_KEYPAD_CODE && code <= KeyCode.NumpadPeriod) {
      return this.numLock ? u8(KEYPAD.charCodeAt(Number(code - FIRST_KEYPAD_CODE))) : null;
    }
    if (code >= u32(UNSHIFTED.length)) return null;
    const shift = this.shiftLeft || this.shiftRight;
    const plain = u8(UNSHIFTED.charCodeAt(Number(code)));
    if (plain === NONE) return null;
    if (this.controlLeft || this.controlRight) return isLetter(plain) ? plain & 0x1f : plain;
    // Caps Lock shifts letters only, and Shift undoes it, as on a PC.
    const upper = isLetter(plain) ? shift !== this.capsLock : shift;
    return upper ? u8(SHIFTED.charCodeAt(Number(code))) : plain;
  }
}

const TEST_KEYBOARD = new Keyboard(); // module level: tests may not allocate

/**
 * Feeds `bytes` (scancodes written as hex pairs, e.g. "2a 23 a3 aa") and
 * checks the last one yields `expected`: a character code, or for a raw key
 * 0x10000 + its KeyCode.
 * @trackCaller
 */
function assertDecodes(bytes: Text, expected: u32): void {
  let last = Decoded.Nothing;
  for (let i = 0; i + 1 < bytes.length; i += 3) last = TEST_KEYBOARD.process(u8(hexDigit(bytes.charCodeAt(i)) * 16 + hexDigit(bytes.charCodeAt(i + 1))));
  const got: u32 = last === Decoded.Character ? u32(TEST_KEYBOARD.char) : last === Decoded.RawKey ? 0x10000 + u32(TEST_KEYBOARD.key) : 0xffffffff;
  if (got !== expected) throw new Error(`assertion failed: "${bytes}" decoded to 0x${got.toString(16)}, expected 0x${expected.toString(16)}`);
}

function hexDigit(c: number): u8 {
  return c <= 0x39 ? u8(c - 0x30) : u8(c - 0x61 + 10);
}

/** @test */
function scancodeSet1DecodesOnTheUsLayout(): void {
  assertDecodes("1e", 0x61); // a
  assertDecodes("9e 2a 1e", 0x41); // release a; Shift down; A
  assertDecodes("aa 02", 0x31); // Shift up; 1
  assertDecodes("36 02", 0x21); // right Shift; !
  assertDecodes("b6 39", 0x20); // Space
  assertDecodes("3a ba 10", 0x51); // Caps Lock (press, release); Q
  assertDecodes("02", 0x31); // Caps Lock leaves digits alone
  assertDecodes("2a 10", 0x71); // Shift undoes Caps Lock on letters: q
  assertDecodes("aa 3a ba 1d 2e", 0x03); // Caps Lock off; Ctrl down; C gives ETX
  assertDecodes("9d 0e", 0x08); // Ctrl up; Backspace
  assertDecodes("1c", 0x0a); // Enter
  assertDecodes("e0 1c", 0x0a); // keypad Enter
  assertDecodes("e0 35", 0x2f); // keypad /
  assertDecodes("4f", 0x31); // keypad 1, Num Lock on
  assertDecodes("e0 48", 0x10000 + u32(KeyCode.ArrowUp)); // an arrow has no character
  assertDecodes("e0 c8 3b", 0x10000 + u32(KeyCode.F1));
  assertDecodes("e0 53", 0x7f); // Delete
  assertDecodes("e0 1d 20", 0x04); // right Ctrl + D
  assertDecodes("e0 9d 29", 0x60); // `
}
