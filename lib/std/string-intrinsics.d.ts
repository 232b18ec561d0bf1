/**
 * lib/std/string-intrinsics.d.ts: the C intrinsics lib/std/string.ts,
 * lib/std/regexp.ts and lib/std/uri.ts are written on (runtime/tsos_str.h);
 * only lib/std files import them (inspect.ts its panic).
 *
 * Input:  calls from lib/std/string.ts; lower/string-methods.ts maps each
 *         name onto its C helper (`strFind` -> `tsos_str_find`).
 * Output: declarations only.
 * Invariants: byte offsets always fall on character boundaries (UTF-8 search
 *             matches only there); unit indexes count UTF-16 code units; a
 *             result that would hold a lone surrogate panics.
 */
/** The number of UTF-8 bytes of `s`. */
export declare function strByteLength(s: string): number;
/** The byte at byte offset `i` (0 <= i < strByteLength(s)). */
export declare function strByte(s: string, i: number): number;
/** The first byte offset >= fromByte where `pattern` occurs, or -1. */
export declare function strFind(s: string, pattern: string, fromByte: number): number;
/** The last byte offset <= fromByte where `pattern` occurs, or -1. */
export declare function strFindLast(s: string, pattern: string, fromByte: number): number;
/** Whether `pattern` occurs at byte offset `atByte`. */
export declare function strMatchAt(s: string, pattern: string, atByte: number): boolean;
/** The byte offset of code unit `unit` (clamped to 0..length); inside a surrogate pair, the pair's end (`roundUp`) or start. */
export declare function strByteOffset(s: string, unit: number, roundUp: boolean): number;
/** The code-unit index of byte offset `byte` (a character boundary). */
export declare function strUnitIndex(s: string, byte: number): number;
/** Code units [from, to) (0 <= from <= to <= length); splitting a surrogate pair panics. */
export declare function strSliceUnits(s: string, from: number, to: number): string;
/** Bytes [from, to), both character boundaries. */
export declare function strSliceBytes(s: string, from: number, to: number): string;
/** The pieces of `s` between occurrences of `separator` (not empty), at most `limit` (an integer in 0..2^32-1) of them. */
export declare function strSplit(s: string, separator: string, limit: number): string[];
/** `count` copies of `s` (0 <= count, finite), one allocation. */
export declare function strRepeat(s: string, count: number): string;
/** `fill` repeated and cut to `missing` code units (> 0; fill not empty), before `s` when `atStart`, else after it: one allocation. */
export declare function strPad(s: string, fill: string, missing: number, atStart: boolean): string;
/** All parts joined, one allocation (the result of a string builder). */
export declare function strConcatAll(parts: string[]): string;
/** Whether every character of `s` is ASCII (then code unit i is byte i). */
export declare function strIsAscii(s: string): boolean;
/** The byte at byte offset `i` (0 <= i < strByteLength(s)), as an i32: code unit i of an ASCII string. */
export declare function strUnit(s: string, i: i32): i32;
/** The specification's Canonicalize of a code unit without the `u` flag: toUpperCase when that is one unit, not mapping non-ASCII to ASCII. */
export declare function regexpCanonicalize(unit: i32): i32;
/** The lowercase of a code unit when it is one unit, else the unit itself. */
export declare function regexpLowerUnit(unit: i32): i32;
/** Stops the program with `message` (a JavaScript result tsos cannot represent), naming the user's call. */
export declare function regexpPanic(message: string): void;
/**
 * A new empty match array that also holds where the match starts, the string searched and the
 * regex's group names (runtime TSOS_MATCH_ARRAY_OF): `m.index`, `m.input` and `m.groups`.
 */
export declare function matchArrayNew(index: number, input: string, groupNames: string[]): (string | undefined)[];
/** Whether `m` was made by matchArrayNew (a global match's array of whole matches was not). */
export declare function matchArrayIs(m: (string | undefined)[]): boolean;
/** A match array's `index` (only when matchArrayIs). */
export declare function matchArrayIndex(m: (string | undefined)[]): number;
/** A match array's `input` (only when matchArrayIs). */
export declare function matchArrayInput(m: (string | undefined)[]): string;
/** A match array's regex's group names, "" for an unnamed group, group 0 first (only when matchArrayIs). */
export declare function matchArrayGroupNames(m: (string | undefined)[]): string[];
