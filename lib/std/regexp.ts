/**
 * lib/std/regexp.ts: RegExp and the string methods that take one, written
 * in the dialect: a backtracking matcher over the programs of
 * lib/std/regexp-syntax.ts.
 *
 * Input:  the program's `RegExp` values (lib/tsos.d.ts) are this file's
 *         class; lower/regexp.ts maps regex literals (compiled at compile
 *         time: `fromProgram` of a program built once at start-up),
 *         `new RegExp(source, flags)` (`compileRegExp`, which throws
 *         SyntaxError as Node does), the members, and `s.match`, `matchAll`,
 *         `replace`, `replaceAll`, `split`, `search` with a regex onto it.
 * Output: match arrays are `(string | undefined)[]` (undefined for a group
 *         that did not participate); positions are UTF-16 code units.
 * Invariants:
 *   - ECMAScript semantics (non-unicode mode): leftmost match, alternatives
 *     in order, greedy/lazy quantifiers, captures reset per iteration,
 *     empty iterations fail, atomic lookahead, case folding by the
 *     specification's Canonicalize (toUpperCase of one code unit).
 *   - Backtracking state lives on one explicit stack of triples: a choice
 *     (pc, position) or the old value of a capture slot or register, so
 *     undoing a failed path restores exactly what it changed.
 *   - An ASCII subject is read byte by byte in place; any other subject is
 *     decoded once into UTF-16 code units.
 */
import {
  matchArrayGroupNames, matchArrayIndex, matchArrayInput, matchArrayIs, matchArrayNew,
  regexpCanonicalize, regexpLowerUnit, regexpPanic, strByteLength, strConcatAll, strIsAscii, strSliceBytes, strSliceUnits, strUnit,
} from "./string-intrinsics";
import {
  compilePattern, OP_ANY, OP_ANYALL, OP_BACKREF, OP_BOL, OP_BOLM, OP_CHAR, OP_CLASS, OP_EOL, OP_EOLM, OP_JMP, OP_LOOK, OP_LOOKEND, OP_MATCH,
  OP_NWORDB, OP_PROGRESS, OP_RESET, OP_SAVE, OP_SETREG, OP_SPLIT, OP_WORDB, OP_ANY_BACK, OP_ANYALL_BACK, OP_BACKREF_BACK, OP_CHAR_BACK, OP_CLASS_BACK,
} from "./regexp-syntax";
import { formatArrayAs, formatObject, showKey, showString } from "./inspect";

// Kinds of backtracking stack entries.
const CHOICE = 0;
const SLOT = 1;
const REG = 2;

/**
 * The `k`th code unit x with Canonicalize(x) = canon that is neither canon
 * nor canon's lowercase, or -1 (generated from Node): the members of a
 * case-insensitive class that matching must also try.
 */
function caseExtra(canon: i32, k: i32): i32 {
  let a: i32 = -1;
  let b: i32 = -1;
  if (canon === 924) a = 181;
  else if (canon === 452) a = 453;
  else if (canon === 455) a = 456;
  else if (canon === 458) a = 459;
  else if (canon === 497) a = 498;
  else if (canon === 921) {
    a = 837;
    b = 8126;
  } else if (canon === 914) a = 976;
  else if (canon === 917) a = 1013;
  else if (canon === 920) a = 977;
  else if (canon === 922) a = 1008;
  else if (canon === 928) a = 982;
  else if (canon === 929) a = 1009;
  else if (canon === 931) a = 962;
  else if (canon === 934) a = 981;
  else if (canon === 1042) a = 7296;
  else if (canon === 1044) a = 7297;
  else if (canon === 1054) a = 7298;
  else if (canon === 1057) a = 7299;
  else if (canon === 1058) {
    a = 7300;
    b = 7301;
  } else if (canon === 1066) a = 7302;
  else if (canon === 1122) a = 7303;
  else if (canon === 42570) a = 7304;
  else if (canon === 7776) a = 7835;
  return k === 0 ? a : k === 1 ? b : -1;
}

/** A compiled pattern: shared by every RegExp object made from one literal. */
export class RegExpProgram {
  source: string;
  flags: string;
  code: i32[];
  groupCount: i32;
  groupNames: string[];
  registers: i32;
  hasNames: boolean = false;
  /** A Matcher not in use, kept for the next call (one allocation less per `test`). */
  spare: Matcher | null = null;

  constructor(source: string, flags: string, code: i32[], groupCount: i32, groupNames: string[], registers: i32) {
    this.source = source;
    this.flags = flags;
    this.code = code;
    this.groupCount = groupCount;
    this.groupNames = groupNames;
    this.registers = registers;
    for (let i = 0; i < groupNames.length; i++) if (groupNames[i] !== "") this.hasNames = true;
    if (flags.indexOf("i") >= 0) canonicalizeChars(code);
  }
}

/** Under the `i` flag, each CHAR operand becomes its canonical form once. */
function canonicalizeChars(code: i32[]): void {
  let pc: i32 = 0;
  const n = i32(code.length);
  while (pc < n) {
    const op = code[pc];
    if (op === OP_CHAR || op === OP_CHAR_BACK) code[pc + 1] = regexpCanonicalize(code[pc + 1]);
    pc += instructionLength(code, pc);
  }
}

function instructionLength(code: i32[], pc: i32): i32 {
  const op = code[pc];
  if (op === OP_CHAR || op === OP_CHAR_BACK) return 2;
  if (op === OP_SPLIT) return 3;
  if (op === OP_CLASS || op === OP_CLASS_BACK) return 3 + code[pc + 2] * 2;
  if (op === OP_JMP || op === OP_SAVE || op === OP_SETREG || op === OP_PROGRESS || op === OP_BACKREF || op === OP_BACKREF_BACK) return 2;
  if (op === OP_RESET || op === OP_LOOK) return 3;
  return 1;
}

export class RegExp {
  program: RegExpProgram;
  lastIndex: number = 0;
  source: string;
  flags: string;
  global: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  sticky: boolean;
  unicode: boolean = false;
  hasIndices: boolean = false;

  constructor(program: RegExpProgram) {
    this.program = program;
    this.source = program.source;
    this.flags = program.flags;
    this.global = program.flags.indexOf("g") >= 0;
    this.ignoreCase = program.flags.indexOf("i") >= 0;
    this.multiline = program.flags.indexOf("m") >= 0;
    this.dotAll = program.flags.indexOf("s") >= 0;
    this.sticky = program.flags.indexOf("y") >= 0;
  }

  exec(s: string): (string | undefined)[] | null {
    const m = acquire(this.program, s);
    const found = builtinExec(this, m);
    const out = found ? m.result() : null;
    release(m);
    return out;
  }

  test(s: string): boolean {
    const m = acquire(this.program, s);
    const found = builtinExec(this, m);
    release(m);
    return found;
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/** `String(re)`, console.log(re): `/source/flags`. */
export function regexpToString(re: RegExp): string {
  return `/${re.source}/${re.flags}`;
}

/** A literal's program, built at start-up from the table the compiler made (lower/regexp.ts). */
export function makeProgram(source: string, flags: string, code: i32[], groupCount: i32, groupNames: string[], registers: i32): RegExpProgram {
  return new RegExpProgram(source, flags, code, groupCount, groupNames, registers);
}

/** The regex of a literal: a new object (lastIndex 0) on the program built at start-up. */
export function fromProgram(program: RegExpProgram): RegExp {
  return new RegExp(program);
}

/** The `source` property of a pattern: `/` escaped, line terminators as escapes, "(?:)" for an empty one. */
function escapedSource(source: string): string {
  if (source === "") return "(?:)";
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      out += c;
      if (i + 1 < source.length) {
        i++;
        out += source[i];
      }
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    if (c === "/" && !inClass) out += "\\/";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\u2028") out += "\\u2028";
    else if (c === "\u2029") out += "\\u2029";
    else out += c;
  }
  return out;
}

/** @trackCaller `new RegExp(source, flags)`: compiled now; an invalid pattern throws SyntaxError as Node does. */
export function compileRegExp(source: string, flags: string): RegExp {
  const c = compilePattern(source, flags);
  if (c.error !== "") throw new SyntaxError(c.error);
  if (c.unsupported !== "") throw new SyntaxError(`tsos does not support ${c.unsupported} in regular expressions`);
  const code: i32[] = [];
  for (let i = 0; i < c.code.length; i++) code.push(i32(c.code[i]));
  return new RegExp(new RegExpProgram(escapedSource(source), c.flags, code, i32(c.groupCount), c.groupNames, i32(c.registers)));
}

/** `new RegExp(re)` / `new RegExp(re, flags)`: a copy (lastIndex 0), with other flags when given. */
export function copyRegExp(re: RegExp, flags: string | undefined): RegExp {
  if (flags === undefined || flags === re.flags) return new RegExp(re.program);
  const p = re.program;
  const c = compilePattern(p.source, flags);
  if (c.error !== "") throw new SyntaxError(c.error);
  return new RegExp(new RegExpProgram(p.source, c.flags, p.code.slice(0), p.groupCount, p.groupNames, p.registers));
}

/** A string being matched: its code units. */
class Subject {
  s: string;
  ascii: boolean;
  units: i32[] = [];
  length: i32;

  constructor(s: string) {
    this.s = s;
    this.ascii = strIsAscii(s);
    this.length = i32(s.length);
    if (!this.ascii) this.decode();
  }

  /** Reused for another string (a Matcher is reused between calls). */
  reset(s: string): void {
    this.s = s;
    this.ascii = strIsAscii(s);
    this.length = i32(s.length);
    this.units.length = 0;
    if (!this.ascii) this.decode();
  }

  /** UTF-8 to UTF-16 code units, once. */
  decode(): void {
    const s = this.s;
    const n = i32(strByteLength(s));
    let i: i32 = 0;
    while (i < n) {
      const b = strUnit(s, i);
      let cp: i32 = b;
      let k: i32 = 1;
      if (b >= 0xf0) {
        cp = ((b & 7) << 18) | ((strUnit(s, i + 1) & 63) << 12) | ((strUnit(s, i + 2) & 63) << 6) | (strUnit(s, i + 3) & 63);
        k = 4;
      } else if (b >= 0xe0) {
        cp = ((b & 15) << 12) | ((strUnit(s, i + 1) & 63) << 6) | (strUnit(s, i + 2) & 63);
        k = 3;
      } else if (b >= 0xc0) {
        cp = ((b & 31) << 6) | (strUnit(s, i + 1) & 63);
        k = 2;
      }
      if (cp >= 0x10000) {
        this.units.push(0xd800 + ((cp - 0x10000) >> 10));
        this.units.push(0xdc00 + ((cp - 0x10000) & 1023));
      } else this.units.push(cp);
      i += k;
    }
  }

  at(i: i32): i32 {
    return this.ascii ? strUnit(this.s, i) : this.units[i];
  }

  /** Code units [from, to) as a string. */
  slice(from: i32, to: i32): string {
    if (this.ascii) return strSliceBytes(this.s, from, to);
    return strSliceUnits(this.s, from, to);
  }
}

function isLineTerminator(c: i32): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isWordUnit(c: i32): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A Matcher of `program` on `s`: the program's spare one when it is free (released by `release`). */
function acquire(program: RegExpProgram, s: string): Matcher {
  const spare = program.spare;
  if (spare === null) return new Matcher(program, new Subject(s));
  program.spare = null;
  spare.subject.reset(s);
  return spare;
}

function release(m: Matcher): void {
  m.program.spare = m;
}

/** One match attempt's state: capture slots, registers and the backtracking stack. */
class Matcher {
  code: i32[];
  subject: Subject;
  ignoreCase: boolean;
  groupCount: i32;
  caps: i32[] = [];
  regs: i32[] = [];
  stack: i32[] = [];
  sp: i32 = 0;
  program: RegExpProgram;

  constructor(program: RegExpProgram, subject: Subject) {
    this.program = program;
    this.code = program.code;
    this.subject = subject;
    this.ignoreCase = program.flags.indexOf("i") >= 0;
    this.groupCount = program.groupCount;
    for (let i: i32 = 0; i < (program.groupCount + 1) * 2; i++) this.caps.push(-1);
    for (let i: i32 = 0; i < program.registers; i++) this.regs.push(-1);
  }

  /** Whether the pattern matches starting exactly at `start`; the captures hold the match. */
  matchAt(start: i32): boolean {
    const caps = this.caps;
    for (let i: i32 = 0; i < i32(caps.length); i++) caps[i] = -1;
    this.sp = 0;
    return this.run(0, start) >= 0;
  }

  push(kind: i32, a: i32, b: i32): void {
    const stack = this.stack;
    const sp = this.sp;
    if (sp + 3 > i32(stack.length)) {
      stack.push(kind);
      stack.push(a);
      stack.push(b);
    } else {
      stack[sp] = kind;
      stack[sp + 1] = a;
      stack[sp + 2] = b;
    }
    this.sp = sp + 3;
  }

  setSlot(slot: i32, value: i32): void {
    this.push(SLOT, slot, this.caps[slot]);
    this.caps[slot] = value;
  }

  /** Undoes every entry above `base` (a failed lookahead body); choices are dropped. */
  unwindTo(base: i32): void {
    const stack = this.stack;
    while (this.sp > base) {
      const sp = this.sp - 3;
      this.sp = sp;
      const kind = stack[sp];
      if (kind === SLOT) this.caps[stack[sp + 1]] = stack[sp + 2];
      else if (kind === REG) this.regs[stack[sp + 1]] = stack[sp + 2];
    }
  }

  /** After a lookahead body matched: its choices are dropped, the undo entries of its captures stay. */
  commitTo(base: i32): void {
    const stack = this.stack;
    let out = base;
    for (let i = base; i < this.sp; i += 3) {
      if (stack[i] === CHOICE) continue;
      stack[out] = stack[i];
      stack[out + 1] = stack[i + 1];
      stack[out + 2] = stack[i + 2];
      out += 3;
    }
    this.sp = out;
  }

  /** Whether unit `c` is in the class at `pc` (before inversion), as the `i` flag compares. */
  inClass(pc: i32, c: i32): boolean {
    if (this.inRanges(pc, c)) return true;
    if (!this.ignoreCase) return false;
    const canon = regexpCanonicalize(c);
    if (canon !== c && this.inRanges(pc, canon)) return true;
    const lower = regexpLowerUnit(canon);
    if (lower !== c && lower !== canon && regexpCanonicalize(lower) === canon && this.inRanges(pc, lower)) return true;
    if (canon < 128) return false;
    for (let k: i32 = 0; k < 2; k++) {
      const x = caseExtra(canon, k);
      if (x >= 0 && x !== c && this.inRanges(pc, x)) return true;
    }
    return false;
  }

  inRanges(pc: i32, c: i32): boolean {
    const code = this.code;
    const n = code[pc + 2];
    let lo: i32 = 0;
    let hi: i32 = n;
    // Binary search over the sorted, disjoint ranges.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = pc + 3 + mid * 2;
      if (c < code[at]) hi = mid;
      else if (c > code[at + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Runs the program from `startPc` at `startPos`: the end position of a match, or -1. */
  run(startPc: i32, startPos: i32): i32 {
    const code = this.code;
    const subject = this.subject;
    const len = subject.length;
    const base = this.sp;
    let pc = startPc;
    let pos = startPos;
    while (true) {
      const op = code[pc];
      let ok = true;
      if (op === OP_CHAR) {
        if (pos < len) {
          const c = subject.at(pos);
          ok = c === code[pc + 1] || (this.ignoreCase && regexpCanonicalize(c) === code[pc + 1]);
        } else ok = false;
        pos++;
        pc += 2;
      } else if (op === OP_CLASS) {
        if (pos < len) ok = this.inClass(pc, subject.at(pos)) !== (code[pc + 1] === 1);
        else ok = false;
        pos++;
        pc += 3 + code[pc + 2] * 2;
      } else if (op === OP_SPLIT) {
        this.push(CHOICE, code[pc + 2], pos);
        pc = code[pc + 1];
      } else if (op === OP_JMP) {
        pc = code[pc + 1];
      } else if (op === OP_SAVE) {
        this.setSlot(code[pc + 1], pos);
        pc += 2;
      } else if (op === OP_ANY) {
        ok = pos < len && !isLineTerminator(subject.at(pos));
        pos++;
        pc++;
      } else if (op === OP_ANYALL) {
        ok = pos < len;
        pos++;
        pc++;
      } else if (op === OP_BOL) {
        ok = pos === 0;
        pc++;
      } else if (op === OP_EOL) {
        ok = pos === len;
        pc++;
      } else if (op === OP_BOLM) {
        ok = pos === 0 || isLineTerminator(subject.at(pos - 1));
        pc++;
      } else if (op === OP_EOLM) {
        ok = pos === len || isLineTerminator(subject.at(pos));
        pc++;
      } else if (op === OP_WORDB || op === OP_NWORDB) {
        const a = pos > 0 && isWordUnit(subject.at(pos - 1));
        const b = pos < len && isWordUnit(subject.at(pos));
        ok = (a !== b) === (op === OP_WORDB);
        pc++;
      } else if (op === OP_RESET) {
        const to = code[pc + 2];
        for (let g = code[pc + 1]; g < to; g++) {
          if (this.caps[g * 2] !== -1) this.setSlot(g * 2, -1);
          if (this.caps[g * 2 + 1] !== -1) this.setSlot(g * 2 + 1, -1);
        }
        pc += 3;
      } else if (op === OP_SETREG) {
        const r = code[pc + 1];
        this.push(REG, r, this.regs[r]);
        this.regs[r] = pos;
        pc += 2;
      } else if (op === OP_PROGRESS) {
        ok = pos !== this.regs[code[pc + 1]];
        pc += 2;
      } else if (op === OP_BACKREF) {
        const g = code[pc + 1];
        const from = this.caps[g * 2];
        const to = this.caps[g * 2 + 1];
        if (from >= 0 && to >= 0) {
          const n = to - from;
          if (pos + n > len) ok = false;
          else {
            for (let i: i32 = 0; i < n && ok; i++) {
              const a = subject.at(from + i);
              const b = subject.at(pos + i);
              ok = a === b || (this.ignoreCase && regexpCanonicalize(a) === regexpCanonicalize(b));
            }
            pos += n;
          }
        }
        pc += 2;
      } else if (op === OP_LOOK) {
        const negative = code[pc + 1] === 1;
        const mark = this.sp;
        const end = this.run(pc + 3, pos);
        if (negative) {
          if (end >= 0) {
            this.unwindTo(mark);
            ok = false;
          }
        } else if (end >= 0) this.commitTo(mark);
        else ok = false;
        pc = code[pc + 2];
      } else if (op === OP_LOOKEND || op === OP_MATCH) {
        return pos;
      } else if (op === OP_CHAR_BACK) {
        if (pos > 0) {
          const c = subject.at(pos - 1);
          ok = c === code[pc + 1] || (this.ignoreCase && regexpCanonicalize(c) === code[pc + 1]);
        } else ok = false;
        pos--;
        pc += 2;
      } else if (op === OP_CLASS_BACK) {
        if (pos > 0) ok = this.inClass(pc, subject.at(pos - 1)) !== (code[pc + 1] === 1);
        else ok = false;
        pos--;
        pc += 3 + code[pc + 2] * 2;
      } else if (op === OP_ANY_BACK) {
        ok = pos > 0 && !isLineTerminator(subject.at(pos - 1));
        pos--;
        pc++;
      } else if (op === OP_ANYALL_BACK) {
        ok = pos > 0;
        pos--;
        pc++;
      } else if (op === OP_BACKREF_BACK) {
        const g = code[pc + 1];
        const from = this.caps[g * 2];
        const to = this.caps[g * 2 + 1];
        if (from >= 0 && to >= 0) {
          const n = to - from;
          if (pos - n < 0) ok = false;
          else {
            for (let i: i32 = 0; i < n && ok; i++) {
              const a = subject.at(from + i);
              const b = subject.at(pos - n + i);
              ok = a === b || (this.ignoreCase && regexpCanonicalize(a) === regexpCanonicalize(b));
            }
            pos -= n;
          }
        }
        pc += 2;
      }
      if (!ok) {
        // Backtrack: undo changes down to the latest choice of this run.
        const stack = this.stack;
        let resumed = false;
        while (this.sp > base) {
          const sp = this.sp - 3;
          this.sp = sp;
          const kind = stack[sp];
          if (kind === CHOICE) {
            pc = stack[sp + 1];
            pos = stack[sp + 2];
            resumed = true;
            break;
          }
          if (kind === SLOT) this.caps[stack[sp + 1]] = stack[sp + 2];
          else this.regs[stack[sp + 1]] = stack[sp + 2];
        }
        if (!resumed) return -1;
      }
    }
  }

  /** The match index (after a successful match). */
  index(): i32 {
    return this.caps[0];
  }

  end(): i32 {
    return this.caps[1];
  }

  /** Capture `g` as a string, or undefined when it did not participate. */
  group(g: i32): string | undefined {
    const from = this.caps[g * 2];
    const to = this.caps[g * 2 + 1];
    if (from < 0 || to < 0) return undefined;
    return this.subject.slice(from, to);
  }

  /** The match array: the match and every group. */
  /** The match array of the current match: its groups, and its `index`, `input` and group names. */
  result(): (string | undefined)[] {
    const out = matchArrayNew(this.index(), this.subject.s, this.program.groupNames);
    for (let g: i32 = 0; g <= this.groupCount; g++) out.push(this.group(g));
    return out;
  }

  /** The first match at or after `from` (every position when not sticky). */
  search(from: i32, sticky: boolean): boolean {
    const len = this.subject.length;
    for (let i = from; i <= len; i++) {
      if (this.matchAt(i)) return true;
      if (sticky) return false;
    }
    return false;
  }
}

/** ToLength(lastIndex) as an i32 position clamped past the end. */
function lastIndexOf(re: RegExp, len: i32): i32 {
  const li = re.lastIndex;
  if (isNaN(li) || li <= 0) return 0;
  if (li > len) return len + 1;
  return i32(Math.floor(li));
}

/** RegExpBuiltinExec: matches from lastIndex (`g`/`y`) or 0, and updates lastIndex as the specification does. */
function builtinExec(re: RegExp, m: Matcher): boolean {
  const len = m.subject.length;
  const globalOrSticky = re.global || re.sticky;
  const start = globalOrSticky ? lastIndexOf(re, len) : 0;
  if (start > len || !m.search(start, re.sticky)) {
    if (globalOrSticky) re.lastIndex = 0;
    return false;
  }
  if (globalOrSticky) re.lastIndex = m.end();
  return true;
}

/**
 * The matches `replace` and `match` see, as copies of their capture slots:
 * every match from position 0 for a global regex (an empty match moves
 * lastIndex on by one; lastIndex ends at 0), else the first (from lastIndex
 * when sticky).
 */
function matchList(re: RegExp, m: Matcher): i32[][] {
  const out: i32[][] = [];
  if (!re.global) {
    if (builtinExec(re, m)) out.push(m.caps.slice(0));
    return out;
  }
  re.lastIndex = 0;
  while (builtinExec(re, m)) {
    out.push(m.caps.slice(0));
    if (m.end() === m.index()) re.lastIndex = re.lastIndex + 1;
  }
  return out;
}

/** @trackCaller `s.match(re)`. */
export function match(s: string, re: RegExp): (string | undefined)[] | null {
  const m = acquire(re.program, s);
  let out: (string | undefined)[] | null = null;
  if (!re.global) {
    if (builtinExec(re, m)) out = m.result();
  } else {
    const all: (string | undefined)[] = [];
    re.lastIndex = 0;
    while (builtinExec(re, m)) {
      all.push(m.subject.slice(m.index(), m.end()));
      if (m.end() === m.index()) re.lastIndex = re.lastIndex + 1;
    }
    if (all.length > 0) out = all;
  }
  release(m);
  return out;
}

/** `m.index` of a match array: where the match starts; undefined for a global match's array of whole matches. */
export function matchIndex(m: (string | undefined)[]): number | undefined {
  return matchArrayIs(m) ? matchArrayIndex(m) : undefined;
}

/** `m.input` of a match array: the string searched; undefined as for `index`. */
export function matchInput(m: (string | undefined)[]): string | undefined {
  return matchArrayIs(m) ? matchArrayInput(m) : undefined;
}

/**
 * `m.groups` of a match array: the named groups that took part, by name in the pattern's
 * order; undefined when the regex names no group (or for a global match's array). A named
 * group that did not take part is left out (Node keeps its key, with the value undefined).
 */
export function matchGroups(m: (string | undefined)[]): { [key: string]: string } | undefined {
  if (!matchArrayIs(m)) return undefined;
  const names = matchArrayGroupNames(m);
  let named = false;
  for (let g = 1; g < names.length; g++) if (names[g] !== "") named = true;
  if (!named) return undefined;
  const groups: { [key: string]: string } = {};
  for (let g = 1; g < names.length && g < m.length; g++) {
    const value = m[g];
    if (names[g] !== "" && value !== undefined) groups[names[g]] = value;
  }
  return groups;
}

/**
 * console.log of a match array (or of the null a failed match gives), as Node prints it: the
 * match and its groups, then `index`, `input` and `groups` (`[Object: null prototype] { ... }`)
 * as the array's properties. A global match's array of whole matches prints as any array.
 */
export function inspectMatch(m: (string | undefined)[] | null): string {
  if (m === null) return "null";
  const shown: string[] = [];
  for (const x of m) shown.push(x === undefined ? "undefined" : showString(x, 0, 0));
  if (matchArrayIs(m)) {
    shown.push(`index: ${matchArrayIndex(m)}`);
    shown.push(`input: ${showString(matchArrayInput(m), 0, 0)}`);
    const groups = matchGroups(m);
    if (groups === undefined) shown.push("groups: undefined");
    else {
      const entries: string[] = [];
      for (const name of Object.keys(groups)) entries.push(`${showKey(name)}: ${showString(groups[name], 0, 0)}`);
      shown.push(`groups: ${formatObject("[Object: null prototype] {", entries, 2)}`);
    }
  }
  return shown.length === 0 ? "[]" : formatArrayAs("[", shown, shown.length, 0, false);
}

/**
 * The result of `s.match(/re/g)` (or `?? []` of it) where a `string[]` is
 * wanted: a match of a regex with the g flag holds whole matches only, so no
 * element is undefined; the copy of the new array cannot be told apart.
 */
export function matchedStrings(xs: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const x of xs) out.push(x!);
  return out;
}

/** @trackCaller `[...s.matchAll(re)]`: every match array (re must be global). */
export function matchAll(s: string, re: RegExp): (string | undefined)[][] {
  if (!re.global) throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
  // matchAll iterates a copy of the regex that starts at its lastIndex.
  const copy = new RegExp(re.program);
  copy.lastIndex = re.lastIndex;
  const m = acquire(copy.program, s);
  const out: (string | undefined)[][] = [];
  while (builtinExec(copy, m)) {
    out.push(m.result());
    if (m.end() === m.index()) copy.lastIndex = copy.lastIndex + 1;
  }
  release(m);
  return out;
}

/** @trackCaller `s.search(re)`: lastIndex is left as it was. */
export function search(s: string, re: RegExp): number {
  const m = acquire(re.program, s);
  const at = m.search(0, re.sticky) ? m.index() : -1;
  release(m);
  return at;
}

/**
 * GetSubstitution: the replacement text for the current match of `m`:
 * `$$`, `$&`, `` $` ``, `$'`, `$1`..`$99` (two digits when that group
 * exists) and `$<name>` (when the regex has named groups).
 */
function substitute(m: Matcher, replacement: string, parts: string[]): void {
  const n = replacement.length;
  if (replacement.indexOf("$") < 0) {
    parts.push(replacement);
    return;
  }
  const subject = m.subject;
  const groups = m.groupCount;
  let literalFrom = 0;
  let i = 0;
  while (i + 1 < n) {
    if (replacement.charCodeAt(i) !== 36) {
      i++;
      continue;
    }
    const c = replacement.charCodeAt(i + 1);
    let part: string | undefined = undefined;
    let used = 2;
    let special = true;
    if (c === 36) part = "$";
    else if (c === 38) part = subject.slice(m.index(), m.end());
    else if (c === 96) part = subject.slice(0, m.index());
    else if (c === 39) part = subject.slice(m.end(), subject.length);
    else if (c >= 48 && c <= 57) {
      const d1 = c - 48;
      const c2 = i + 2 < n ? replacement.charCodeAt(i + 2) : -1;
      const two = c2 >= 48 && c2 <= 57 ? d1 * 10 + (c2 - 48) : -1;
      if (two >= 1 && two <= groups) {
        part = m.group(i32(two));
        used = 3;
      } else if (d1 >= 1 && d1 <= groups) part = m.group(i32(d1));
      else special = false;
    } else if (c === 60 && m.program.hasNames) {
      const close = replacement.indexOf(">", i + 2);
      if (close < 0) special = false;
      else {
        const name = replacement.slice(i + 2, close);
        const g = m.program.groupNames.indexOf(name);
        part = g >= 1 ? m.group(i32(g)) : undefined;
        used = close + 1 - i;
      }
    } else special = false;
    if (special) {
      parts.push(replacement.slice(literalFrom, i));
      if (part !== undefined) parts.push(part);
      i += used;
      literalFrom = i;
    } else i++;
  }
  parts.push(replacement.slice(literalFrom, n));
}

/** @trackCaller `s.replace(re, replacement)` and `s.replaceAll(re, replacement)` (which requires `g`). */
export function replace(s: string, re: RegExp, replacement: string, all: boolean): string {
  if (all && !re.global) throw new TypeError("replaceAll must be called with a global RegExp");
  const m = acquire(re.program, s);
  const subject = m.subject;
  const parts: string[] = [];
  let next: i32 = 0;
  if (re.global) re.lastIndex = 0;
  while (builtinExec(re, m)) {
    const at = m.index();
    const end = m.end();
    parts.push(subject.slice(next, at));
    substitute(m, replacement, parts);
    next = end;
    if (!re.global) break;
    if (end === at) re.lastIndex = re.lastIndex + 1;
  }
  let out = s;
  if (parts.length > 0) {
    parts.push(subject.slice(next, subject.length));
    out = strConcatAll(parts);
  }
  release(m);
  return out;
}

/**
 * `s.replace(re, fn)` in steps, so that the compiler can call the program's
 * function with its own parameters (lower/regexp.ts): `begin`, then while
 * `next()` the compiler calls fn(group(0), group(1)..., index, input) and
 * passes the result to `add`, then `finish`.
 */
export class Replacer {
  re: RegExp;
  subject: Subject;
  m: Matcher;
  parts: string[] = [];
  next: i32 = 0;
  /** The matches to replace: index, end and capture slots of each, in order. */
  found: i32[][] = [];
  at: i32 = -1;
  input: string;

  constructor(s: string, re: RegExp, all: boolean) {
    if (all && !re.global) throw new TypeError("replaceAll must be called with a global RegExp");
    this.re = re;
    this.input = s;
    this.m = acquire(re.program, s);
    this.subject = this.m.subject;
    // The matches are found first, as the specification does (the function may use the regex).
    this.found = matchList(re, this.m);
  }

  /** Moves to the next match; false after the last. */
  step(): boolean {
    this.at++;
    if (this.at >= i32(this.found.length)) return false;
    const caps = this.found[this.at];
    for (let i: i32 = 0; i < i32(caps.length); i++) this.m.caps[i] = caps[i];
    return true;
  }

  group(g: number): string | undefined {
    if (g > this.m.groupCount) return undefined;
    return this.m.group(i32(g));
  }

  index(): number {
    return this.m.index();
  }

  add(text: string): void {
    const at = this.m.index();
    if (at < this.next) return;
    this.parts.push(this.subject.slice(this.next, at));
    this.parts.push(text);
    this.next = this.m.end();
  }

  finish(): string {
    release(this.m);
    if (this.parts.length === 0) return this.input;
    this.parts.push(this.subject.slice(this.next, this.subject.length));
    return strConcatAll(this.parts);
  }
}

/** @trackCaller `s.split(re, limit)`: captures are spliced in; a capture that did not participate panics (tsos's string[] holds no undefined). */
export function split(s: string, re: RegExp, limit: number): string[] {
  const lim = Number(u32(limit));
  const out: string[] = [];
  if (lim === 0) return out;
  const m = acquire(re.program, s);
  const subject = m.subject;
  const size = subject.length;
  if (size === 0) {
    if (!m.matchAt(0)) out.push(s);
    release(m);
    return out;
  }
  let p: i32 = 0;
  let q: i32 = 0;
  while (q < size) {
    if (!m.matchAt(q)) {
      q++;
      continue;
    }
    let e = m.end();
    if (e > size) e = size;
    if (e === p) {
      q++;
      continue;
    }
    out.push(subject.slice(p, q));
    if (out.length === lim) {
      release(m);
      return out;
    }
    p = e;
    for (let g: i32 = 1; g <= m.groupCount; g++) {
      const part = m.group(g);
      if (part === undefined) regexpPanic("split by a regex whose capture group did not participate: JavaScript puts undefined in the array, which a tsos string[] cannot hold");
      else out.push(part);
      if (out.length === lim) {
        release(m);
        return out;
      }
    }
    q = p;
  }
  out.push(subject.slice(p, size));
  release(m);
  return out;
}

// The steps of `s.replace(re, fn)` as functions (lower/regexp.ts calls them from a helper it generates).
export function replacerBegin(s: string, re: RegExp, all: boolean): Replacer {
  return new Replacer(s, re, all);
}

export function replacerStep(r: Replacer): boolean {
  return r.step();
}

export function replacerGroup(r: Replacer, g: number): string | undefined {
  return r.group(g);
}

export function replacerIndex(r: Replacer): number {
  return r.index();
}

export function replacerAdd(r: Replacer, text: string): void {
  r.add(text);
}

export function replacerFinish(r: Replacer): string {
  return r.finish();
}
