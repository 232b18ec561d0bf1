/**
 * lib/std/regexp-syntax.ts: the parser and code generator of regular
 * expressions, shared by the compiler and the run time.
 *
 * Input:  a pattern's source text and its flags (ECMAScript 2022 syntax with
 *         the Annex B rules of non-unicode patterns: `]`, `{` and `}` as
 *         literals, legacy octal escapes, identity escapes).
 * Output: a `CompiledPattern`: either an error (`error`: V8's SyntaxError
 *         message; `unsupported`: a construct tsos refuses) or the program
 *         of lib/std/regexp.ts's backtracking matcher (`code`, opcodes
 *         below), the number of capture groups and their names.
 * Invariants:
 *   - Plain TypeScript on `number`, strings and arrays only: the compiler
 *     runs this file under Node to check and compile regex literals at
 *     compile time (lower/regexp.ts), and `new RegExp(source)` runs the same
 *     code natively, so both accept exactly the same patterns.
 *   - Jumps in `code` are absolute positions. A quantified atom is expanded
 *     (min copies, then optional copies or one loop), each iteration resets
 *     the atom's captures, and an optional iteration that matched the empty
 *     string fails, as the specification's RepeatMatcher says.
 */

// Opcodes of the matcher's program (lib/std/regexp.ts).
export const OP_MATCH = 0;
/** CHAR c: one code unit. */
export const OP_CHAR = 1;
/** ANY: one code unit that is not a line terminator. */
export const OP_ANY = 2;
/** ANYALL: any code unit (the `s` flag). */
export const OP_ANYALL = 3;
/** CLASS invert n lo1 hi1 ... lon hin: one code unit in (or, inverted, not in) the ranges. */
export const OP_CLASS = 4;
export const OP_BOL = 5;
export const OP_EOL = 6;
/** BOLM / EOLM: `^` and `$` under the `m` flag (also at line terminators). */
export const OP_BOLM = 7;
export const OP_EOLM = 8;
export const OP_WORDB = 9;
export const OP_NWORDB = 10;
/** SPLIT a b: try a, and on failure b. */
export const OP_SPLIT = 11;
/** JMP a. */
export const OP_JMP = 12;
/** SAVE slot: capture slot `slot` (2*group, 2*group+1) is the position. */
export const OP_SAVE = 13;
/** RESET from to: groups from..to-1 are undefined. */
export const OP_RESET = 14;
/** SETREG r: register r is the position. */
export const OP_SETREG = 15;
/** PROGRESS r: fails when the position equals register r (an empty iteration). */
export const OP_PROGRESS = 16;
/** BACKREF group. */
export const OP_BACKREF = 17;
/** LOOK negative end: the lookahead whose body follows, up to LOOKEND; `end` is the position after LOOKEND. */
export const OP_LOOK = 18;
export const OP_LOOKEND = 19;
// Inside a lookbehind the body matches backwards: these read the unit before the position and move left.
export const OP_CHAR_BACK = 20;
export const OP_ANY_BACK = 21;
export const OP_ANYALL_BACK = 22;
export const OP_CLASS_BACK = 23;
export const OP_BACKREF_BACK = 24;

/** The largest program a pattern may compile to (quantifier expansion counts). */
const MAX_CODE = 200000;
const INFINITE = -1;

// Syntax tree node kinds.
const N_EMPTY = 0;
const N_CHAR = 1;
const N_ANY = 2;
const N_CLASS = 3;
const N_BOL = 4;
const N_EOL = 5;
const N_WORDB = 6;
const N_NWORDB = 7;
const N_SEQ = 8;
const N_ALT = 9;
const N_GROUP = 10;
const N_REPEAT = 11;
const N_BACKREF = 12;
const N_LOOK = 13;
const N_NAMEDREF = 14;

class RegexNode {
  kind: number;
  /** CHAR: the code unit; GROUP: the group number (0: non-capturing); BACKREF: the group; LOOK: 1 if negative. */
  value: number = 0;
  children: RegexNode[] = [];
  /** CLASS: lo, hi pairs. */
  ranges: number[] = [];
  invert: boolean = false;
  min: number = 0;
  max: number = 0;
  greedy: boolean = true;
  /** The capture groups inside this node: firstGroup .. lastGroup - 1. */
  firstGroup: number = 0;
  lastGroup: number = 0;
  /** NAMEDREF: the name. */
  name: string = "";
  /** LOOK: a lookbehind. */
  behind: boolean = false;

  constructor(kind: number) {
    this.kind = kind;
  }
}

/** The result of compiling a pattern. */
export class CompiledPattern {
  /** V8's SyntaxError message, or "" when the pattern is valid. */
  error: string = "";
  /** The reason alone ("Unterminated group"), for the compiler's diagnostic. */
  reason: string = "";
  /** A construct tsos does not implement (lookbehind, the `u` flag), or "". */
  unsupported: string = "";
  code: number[] = [];
  /** Capture groups, without group 0. */
  groupCount: number = 0;
  /** The name of each group 1..groupCount ("" when unnamed); index 0 unused. */
  groupNames: string[] = [];
  registers: number = 0;
  global: boolean = false;
  ignoreCase: boolean = false;
  multiline: boolean = false;
  dotAll: boolean = false;
  sticky: boolean = false;
  hasIndices: boolean = false;
  unicode: boolean = false;
  /** The flags in the canonical order `flags` returns ("dgimsuy"). */
  flags: string = "";
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** The ranges of `\d`, `\w`, `\s` (lowercase letter), complemented for the uppercase escape. */
function classEscapeRanges(letter: number): number[] {
  let ranges: number[] = [];
  const lower = letter | 32;
  if (lower === 100) ranges = [48, 57];
  else if (lower === 119) ranges = [48, 57, 65, 90, 95, 95, 97, 122];
  else ranges = [9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288, 65279, 65279];
  if (letter === lower) return ranges;
  return complement(ranges);
}

/** The complement of sorted, disjoint ranges within 0..0xFFFF. */
function complement(ranges: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] > next) out.push(next, ranges[i] - 1);
    next = ranges[i + 1] + 1;
  }
  if (next <= 65535) out.push(next, 65535);
  return out;
}

/** Sorts and merges lo, hi pairs. */
function normalizeRanges(ranges: number[]): number[] {
  const n = ranges.length / 2;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => ranges[a * 2] - ranges[b * 2]);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const lo = ranges[order[k] * 2];
    const hi = ranges[order[k] * 2 + 1];
    const last = out.length;
    if (last > 0 && lo <= out[last - 1] + 1) {
      if (hi > out[last - 1]) out[last - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

class Parser {
  src: string;
  pos: number = 0;
  len: number;
  error: string = "";
  unsupported: string = "";
  groupCount: number = 0;
  /** The number of capturing groups in the whole pattern (a pre-scan: `\2` may come before group 2). */
  totalGroups: number = 0;
  hasNamedGroups: boolean = false;
  groupNames: string[] = [""];
  namedRefs: RegexNode[] = [];

  constructor(src: string) {
    this.src = src;
    this.len = src.length;
  }

  peek(): number {
    return this.pos < this.len ? this.src.charCodeAt(this.pos) : -1;
  }

  at(i: number): number {
    return i < this.len ? this.src.charCodeAt(i) : -1;
  }

  fail(message: string): RegexNode {
    if (this.error === "" && this.unsupported === "") this.error = message;
    return new RegexNode(N_EMPTY);
  }

  refuse(what: string): RegexNode {
    if (this.error === "" && this.unsupported === "") this.unsupported = what;
    return new RegexNode(N_EMPTY);
  }

  failed(): boolean {
    return this.error !== "" || this.unsupported !== "";
  }

  /** Counts capturing groups and finds named ones, skipping escapes and classes. */
  prescan(): void {
    let i = 0;
    let inClass = false;
    while (i < this.len) {
      const c = this.src.charCodeAt(i);
      if (c === 92) i++;
      else if (inClass) {
        if (c === 93) inClass = false;
      } else if (c === 91) inClass = true;
      else if (c === 40) {
        if (this.at(i + 1) !== 63) this.totalGroups++;
        else if (this.at(i + 2) === 60 && this.at(i + 3) !== 61 && this.at(i + 3) !== 33) {
          this.totalGroups++;
          this.hasNamedGroups = true;
        }
      }
      i++;
    }
  }

  parseDisjunction(): RegexNode {
    const first = this.parseAlternative();
    if (this.peek() !== 124) return first;
    const alt = new RegexNode(N_ALT);
    alt.children.push(first);
    while (this.peek() === 124 && !this.failed()) {
      this.pos++;
      alt.children.push(this.parseAlternative());
    }
    return alt;
  }

  parseAlternative(): RegexNode {
    const seq = new RegexNode(N_SEQ);
    while (this.pos < this.len && !this.failed()) {
      const c = this.peek();
      if (c === 124 || c === 41) break;
      const firstGroup = this.groupCount + 1;
      const atom = this.parseTerm();
      if (this.failed()) break;
      seq.children.push(this.parseQuantifier(atom, firstGroup));
    }
    return seq;
  }

  /** `{n}`, `{n,}` or `{n,m}` at the position: [min, max, length], or null when the text is not a quantifier. */
  braceQuantifier(): number[] | null {
    let i = this.pos + 1;
    if (!isDigit(this.at(i))) return null;
    let min = 0;
    while (isDigit(this.at(i))) {
      min = Math.min(min * 10 + (this.at(i) - 48), 2147483647);
      i++;
    }
    let max = min;
    if (this.at(i) === 44) {
      i++;
      if (isDigit(this.at(i))) {
        max = 0;
        while (isDigit(this.at(i))) {
          max = Math.min(max * 10 + (this.at(i) - 48), 2147483647);
          i++;
        }
      } else max = INFINITE;
    }
    if (this.at(i) !== 125) return null;
    return [min, max, i + 1 - this.pos];
  }

  /** Whether the text at the position is a quantifier (`*`, `+`, `?` or a valid `{...}`). */
  atQuantifier(): boolean {
    const c = this.peek();
    return c === 42 || c === 43 || c === 63 || (c === 123 && this.braceQuantifier() !== null);
  }

  parseQuantifier(atom: RegexNode, firstGroup: number): RegexNode {
    const c = this.peek();
    let min = 0;
    let max = 0;
    if (c === 42) {
      min = 0;
      max = INFINITE;
      this.pos++;
    } else if (c === 43) {
      min = 1;
      max = INFINITE;
      this.pos++;
    } else if (c === 63) {
      min = 0;
      max = 1;
      this.pos++;
    } else if (c === 123) {
      const q = this.braceQuantifier();
      if (q === null) return atom;
      min = q[0];
      max = q[1];
      this.pos += q[2];
      if (max !== INFINITE && max < min) return this.fail("numbers out of order in {} quantifier");
    } else return atom;
    let greedy = true;
    if (this.peek() === 63) {
      greedy = false;
      this.pos++;
    }
    if (this.atQuantifier()) return this.fail("Nothing to repeat");
    const k = atom.kind;
    if (k === N_LOOK && atom.behind) return this.fail("Invalid quantifier");
    if (k === N_BOL || k === N_EOL || k === N_WORDB || k === N_NWORDB) return this.fail("Nothing to repeat");
    const r = new RegexNode(N_REPEAT);
    r.children.push(atom);
    r.min = min;
    r.max = max;
    r.greedy = greedy;
    r.firstGroup = firstGroup;
    r.lastGroup = this.groupCount + 1;
    return r;
  }

  parseTerm(): RegexNode {
    const c = this.peek();
    if (c === 94) {
      this.pos++;
      return new RegexNode(N_BOL);
    }
    if (c === 36) {
      this.pos++;
      return new RegexNode(N_EOL);
    }
    if (c === 46) {
      this.pos++;
      return new RegexNode(N_ANY);
    }
    if (c === 40) return this.parseGroup();
    if (c === 91) return this.parseClass();
    if (c === 92) return this.parseAtomEscape();
    if (c === 42 || c === 43 || c === 63) return this.fail("Nothing to repeat");
    if (c === 123 && this.braceQuantifier() !== null) return this.fail("Nothing to repeat");
    this.pos++;
    return charNode(c);
  }

  parseGroup(): RegexNode {
    this.pos++;
    let group = new RegexNode(N_GROUP);
    if (this.peek() === 63) {
      const k = this.at(this.pos + 1);
      if (k === 58) {
        this.pos += 2;
      } else if (k === 61 || k === 33) {
        this.pos += 2;
        group = new RegexNode(N_LOOK);
        group.value = k === 33 ? 1 : 0;
      } else if (k === 60 && (this.at(this.pos + 2) === 61 || this.at(this.pos + 2) === 33)) {
        group = new RegexNode(N_LOOK);
        group.value = this.at(this.pos + 2) === 33 ? 1 : 0;
        group.behind = true;
        this.pos += 3;
      } else if (k === 60) {
        this.pos += 2;
        const name = this.parseGroupName();
        if (this.failed()) return new RegexNode(N_EMPTY);
        if (this.groupNames.indexOf(name) >= 0) return this.fail("Duplicate capture group name");
        this.groupCount++;
        group.value = this.groupCount;
        this.groupNames.push(name);
      } else return this.fail("Invalid group");
    } else {
      this.groupCount++;
      group.value = this.groupCount;
      this.groupNames.push("");
    }
    const firstGroup = this.groupCount + 1;
    const body = this.parseDisjunction();
    if (this.failed()) return body;
    if (this.peek() !== 41) return this.fail("Unterminated group");
    this.pos++;
    group.children.push(body);
    group.firstGroup = firstGroup;
    group.lastGroup = this.groupCount + 1;
    return group;
  }

  /** A group name after `<`, through the `>`. */
  parseGroupName(): string {
    const start = this.pos;
    if (!isIdentStart(this.peek())) {
      if (this.peek() >= 128) this.refuse("a group name with non-ASCII characters");
      else this.fail("Invalid capture group name");
      return "";
    }
    while (isIdentPart(this.peek())) this.pos++;
    if (this.peek() !== 62) {
      if (this.peek() >= 128) this.refuse("a group name with non-ASCII characters");
      else this.fail("Invalid capture group name");
      return "";
    }
    const name = this.src.slice(start, this.pos);
    this.pos++;
    return name;
  }

  parseAtomEscape(): RegexNode {
    this.pos++;
    const c = this.peek();
    if (c < 0) return this.fail("\\ at end of pattern");
    if (c === 98) {
      this.pos++;
      return new RegexNode(N_WORDB);
    }
    if (c === 66) {
      this.pos++;
      return new RegexNode(N_NWORDB);
    }
    if (c >= 49 && c <= 57) {
      // A back reference when the number names a group of the pattern; otherwise a legacy escape.
      const start = this.pos;
      let n = 0;
      while (isDigit(this.peek())) {
        n = Math.min(n * 10 + (this.peek() - 48), 2147483647);
        this.pos++;
      }
      if (n <= this.totalGroups) {
        const ref = new RegexNode(N_BACKREF);
        ref.value = n;
        return ref;
      }
      this.pos = start;
    }
    if (c === 107 && this.hasNamedGroups) {
      this.pos++;
      if (this.peek() !== 60) return this.fail("Invalid named reference");
      this.pos++;
      const name = this.parseGroupName();
      if (this.failed()) return new RegexNode(N_EMPTY);
      const ref = new RegexNode(N_NAMEDREF);
      ref.name = name;
      this.namedRefs.push(ref);
      return ref;
    }
    if (c === 100 || c === 68 || c === 119 || c === 87 || c === 115 || c === 83) {
      this.pos++;
      const cls = new RegexNode(N_CLASS);
      cls.ranges = classEscapeRanges(c);
      return cls;
    }
    const unit = this.parseCharacterEscape(false);
    return this.failed() ? new RegexNode(N_EMPTY) : charNode(unit);
  }

  /** The code unit of a character escape after `\` (the position is at the letter). */
  parseCharacterEscape(inClass: boolean): number {
    const c = this.peek();
    this.pos++;
    if (c === 116) return 9;
    if (c === 110) return 10;
    if (c === 118) return 11;
    if (c === 102) return 12;
    if (c === 114) return 13;
    if (c === 99) {
      const x = this.peek();
      const letter = (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
      if (letter || (inClass && (isDigit(x) || x === 95))) {
        this.pos++;
        return x % 32;
      }
      this.refuse("`\\c` not followed by a letter");
      return 0;
    }
    if (c === 48 && !isDigit(this.peek())) return 0;
    if (c >= 48 && c <= 55) {
      // Legacy octal: up to three digits, at most 0o377.
      let v = c - 48;
      const d1 = this.peek();
      if (d1 >= 48 && d1 <= 55) {
        v = v * 8 + (d1 - 48);
        this.pos++;
        const d2 = this.peek();
        if (c <= 51 && d2 >= 48 && d2 <= 55) {
          v = v * 8 + (d2 - 48);
          this.pos++;
        }
      }
      return v;
    }
    if (c === 120) {
      const h1 = hexValue(this.at(this.pos));
      const h2 = hexValue(this.at(this.pos + 1));
      if (h1 >= 0 && h2 >= 0) {
        this.pos += 2;
        return h1 * 16 + h2;
      }
      return 120;
    }
    if (c === 117) {
      let v = 0;
      for (let i = 0; i < 4; i++) {
        const h = hexValue(this.at(this.pos + i));
        if (h < 0) return 117;
        v = v * 16 + h;
      }
      this.pos += 4;
      return v;
    }
    return c;
  }

  parseClass(): RegexNode {
    this.pos++;
    const cls = new RegexNode(N_CLASS);
    if (this.peek() === 94) {
      cls.invert = true;
      this.pos++;
    }
    const ranges: number[] = [];
    while (true) {
      const c = this.peek();
      if (c < 0) return this.fail("Unterminated character class");
      if (c === 93) {
        this.pos++;
        break;
      }
      const lo = this.parseClassAtom(ranges);
      if (this.failed()) return new RegexNode(N_EMPTY);
      if (this.peek() === 45 && this.at(this.pos + 1) !== 93 && this.at(this.pos + 1) >= 0) {
        this.pos++;
        const hi = this.parseClassAtom(ranges);
        if (this.failed()) return new RegexNode(N_EMPTY);
        if (lo < 0 || hi < 0) {
          // Annex B: a class escape at either end makes the `-` a literal.
          if (lo >= 0) ranges.push(lo, lo);
          ranges.push(45, 45);
          if (hi >= 0) ranges.push(hi, hi);
        } else {
          if (lo > hi) return this.fail("Range out of order in character class");
          ranges.push(lo, hi);
        }
      } else if (lo >= 0) ranges.push(lo, lo);
    }
    cls.ranges = normalizeRanges(ranges);
    return cls;
  }

  /** One class atom: its code unit, or -1 for a class escape (`\d`...), whose ranges go into `ranges`. */
  parseClassAtom(ranges: number[]): number {
    const c = this.peek();
    this.pos++;
    if (c !== 92) return c;
    const e = this.peek();
    if (e < 0) {
      this.fail("\\ at end of pattern");
      return 0;
    }
    if (e === 100 || e === 68 || e === 119 || e === 87 || e === 115 || e === 83) {
      this.pos++;
      const r = classEscapeRanges(e);
      for (let i = 0; i < r.length; i++) ranges.push(r[i]);
      return -1;
    }
    if (e === 98) {
      this.pos++;
      return 8;
    }
    if (e === 99) {
      const x = this.at(this.pos + 1);
      if (!((x >= 65 && x <= 90) || (x >= 97 && x <= 122) || isDigit(x) || x === 95)) return 92; // `\` itself; `c` follows
    }
    if (e === 107 && this.hasNamedGroups) {
      this.fail("Invalid escape");
      return 0;
    }
    return this.parseCharacterEscape(true);
  }
}

function charNode(unit: number): RegexNode {
  const n = new RegexNode(N_CHAR);
  n.value = unit;
  return n;
}

/** Emits the program of a syntax tree. */
class Generator {
  code: number[] = [];
  registers: number = 0;
  tooLarge: boolean = false;
  multiline: boolean;
  dotAll: boolean;
  /** Inside a lookbehind: characters are consumed right to left, sequences run last to first. */
  backward: boolean = false;

  constructor(multiline: boolean, dotAll: boolean) {
    this.multiline = multiline;
    this.dotAll = dotAll;
  }

  emit(op: number): void {
    if (this.code.length >= MAX_CODE) {
      this.tooLarge = true;
      return;
    }
    this.code.push(op);
  }

  node(n: RegexNode): void {
    if (this.tooLarge) return;
    const k = n.kind;
    if (k === N_EMPTY) return;
    const back = this.backward;
    if (k === N_CHAR) {
      this.emit(back ? OP_CHAR_BACK : OP_CHAR);
      this.emit(n.value);
    } else if (k === N_ANY) {
      if (back) this.emit(this.dotAll ? OP_ANYALL_BACK : OP_ANY_BACK);
      else this.emit(this.dotAll ? OP_ANYALL : OP_ANY);
    } else if (k === N_CLASS) {
      this.emit(back ? OP_CLASS_BACK : OP_CLASS);
      this.emit(n.invert ? 1 : 0);
      this.emit(n.ranges.length / 2);
      for (let i = 0; i < n.ranges.length; i++) this.emit(n.ranges[i]);
    } else if (k === N_BOL) this.emit(this.multiline ? OP_BOLM : OP_BOL);
    else if (k === N_EOL) this.emit(this.multiline ? OP_EOLM : OP_EOL);
    else if (k === N_WORDB) this.emit(OP_WORDB);
    else if (k === N_NWORDB) this.emit(OP_NWORDB);
    else if (k === N_SEQ) {
      const count = n.children.length;
      for (let i = 0; i < count; i++) this.node(n.children[back ? count - 1 - i : i]);
    } else if (k === N_ALT) this.alternation(n);
    else if (k === N_GROUP) {
      // Backwards, the group's end is reached first.
      if (n.value > 0) {
        this.emit(OP_SAVE);
        this.emit(back ? n.value * 2 + 1 : n.value * 2);
      }
      this.node(n.children[0]);
      if (n.value > 0) {
        this.emit(OP_SAVE);
        this.emit(back ? n.value * 2 : n.value * 2 + 1);
      }
    } else if (k === N_BACKREF) {
      this.emit(back ? OP_BACKREF_BACK : OP_BACKREF);
      this.emit(n.value);
    } else if (k === N_LOOK) {
      const at = this.code.length;
      this.emit(OP_LOOK);
      this.emit(n.value);
      this.emit(0);
      const outer = this.backward;
      this.backward = n.behind;
      this.node(n.children[0]);
      this.backward = outer;
      this.emit(OP_LOOKEND);
      if (!this.tooLarge) this.code[at + 2] = this.code.length;
    } else if (k === N_REPEAT) this.repeat(n);
  }

  alternation(n: RegexNode): void {
    // SPLIT next_alt_body, next_split ... each body ends with JMP end.
    const jumps: number[] = [];
    const last = n.children.length - 1;
    for (let i = 0; i < last; i++) {
      const split = this.code.length;
      this.emit(OP_SPLIT);
      this.emit(split + 3);
      this.emit(0);
      this.node(n.children[i]);
      jumps.push(this.code.length);
      this.emit(OP_JMP);
      this.emit(0);
      if (!this.tooLarge) this.code[split + 2] = this.code.length;
    }
    this.node(n.children[last]);
    if (this.tooLarge) return;
    for (let i = 0; i < jumps.length; i++) this.code[jumps[i] + 1] = this.code.length;
  }

  /** One iteration of a quantified atom: its captures reset, then the atom. */
  iteration(n: RegexNode): void {
    if (n.lastGroup > n.firstGroup) {
      this.emit(OP_RESET);
      this.emit(n.firstGroup);
      this.emit(n.lastGroup);
    }
    this.node(n.children[0]);
  }

  repeat(n: RegexNode): void {
    for (let i = 0; i < n.min && !this.tooLarge; i++) this.iteration(n);
    if (n.max === n.min || this.tooLarge) return;
    const reg = this.registers;
    this.registers++;
    if (n.max === INFINITE) {
      // loop: SPLIT body, exit; body: SETREG; atom; PROGRESS; JMP loop
      const loop = this.code.length;
      this.emit(OP_SPLIT);
      this.emit(0);
      this.emit(0);
      const body = this.code.length;
      this.emit(OP_SETREG);
      this.emit(reg);
      this.iteration(n);
      this.emit(OP_PROGRESS);
      this.emit(reg);
      this.emit(OP_JMP);
      this.emit(loop);
      if (this.tooLarge) return;
      const exit = this.code.length;
      this.code[loop + 1] = n.greedy ? body : exit;
      this.code[loop + 2] = n.greedy ? exit : body;
      return;
    }
    // max - min optional iterations, each inside the previous one; all exits go to the end.
    const splits: number[] = [];
    for (let i = n.min; i < n.max && !this.tooLarge; i++) {
      splits.push(this.code.length);
      this.emit(OP_SPLIT);
      this.emit(0);
      this.emit(0);
      this.emit(OP_SETREG);
      this.emit(reg);
      this.iteration(n);
      this.emit(OP_PROGRESS);
      this.emit(reg);
    }
    if (this.tooLarge) return;
    const exit = this.code.length;
    for (let i = 0; i < splits.length; i++) {
      const s = splits[i];
      this.code[s + 1] = n.greedy ? s + 3 : exit;
      this.code[s + 2] = n.greedy ? exit : s + 3;
    }
  }
}

/** Parses the flags into `out`; false (with `out.error` set) when they are invalid. */
function parseFlags(flags: string, out: CompiledPattern): boolean {
  const order = "dgimsuyv";
  const seen: boolean[] = [false, false, false, false, false, false, false, false];
  for (let i = 0; i < flags.length; i++) {
    const k = order.indexOf(flags[i]);
    if (k < 0 || seen[k]) {
      out.error = `Invalid flags supplied to RegExp constructor '${flags}'`;
      out.reason = `invalid flags '${flags}'`;
      return false;
    }
    seen[k] = true;
  }
  out.hasIndices = seen[0];
  out.global = seen[1];
  out.ignoreCase = seen[2];
  out.multiline = seen[3];
  out.dotAll = seen[4];
  out.unicode = seen[5];
  out.sticky = seen[6];
  let canonical = "";
  for (let k = 0; k < 8; k++) if (seen[k]) canonical += order[k];
  out.flags = canonical;
  if (seen[5]) out.unsupported = "the `u` flag";
  else if (seen[7]) out.unsupported = "the `v` flag";
  else if (seen[0]) out.unsupported = "the `d` flag";
  return true;
}

/** Parses and compiles `source` with `flags`. */
export function compilePattern(source: string, flags: string): CompiledPattern {
  const out = new CompiledPattern();
  if (!parseFlags(flags, out) || out.unsupported !== "") return out;
  const p = new Parser(source);
  p.prescan();
  const tree = p.parseDisjunction();
  if (!p.failed() && p.pos < p.len) p.fail("Unmatched ')'");
  // Named references are resolved once every group is known.
  for (let i = 0; i < p.namedRefs.length && !p.failed(); i++) {
    const ref = p.namedRefs[i];
    const g = p.groupNames.indexOf(ref.name);
    if (g < 1) p.fail("Invalid named capture referenced");
    ref.kind = N_BACKREF;
    ref.value = g;
  }
  if (p.error !== "") {
    out.error = `Invalid regular expression: /${source}/${out.flags}: ${p.error}`;
    out.reason = p.error;
    return out;
  }
  if (p.unsupported !== "") {
    out.unsupported = p.unsupported;
    return out;
  }
  const gen = new Generator(out.multiline, out.dotAll);
  gen.emit(OP_SAVE);
  gen.emit(0);
  gen.node(tree);
  gen.emit(OP_SAVE);
  gen.emit(1);
  gen.emit(OP_MATCH);
  if (gen.tooLarge) {
    out.unsupported = "a pattern this large (its quantifier counts expand past 200000 instructions)";
    return out;
  }
  out.code = gen.code;
  out.groupCount = p.groupCount;
  out.groupNames = p.groupNames;
  out.registers = gen.registers;
  return out;
}
