/**
 * lower/frozen.ts: `Object.freeze`, `Object.isFrozen`, and the checks that
 * make a write to a frozen object throw, as it does in JavaScript's strict
 * mode (modules and class bodies are strict).
 *
 * Input:  `Object.freeze(x)`, `Object.isFrozen(x)` (lower/calls.ts); the
 *         targets of stores (lower/expr.ts lowerLValue), `push` and
 *         `xs.length = n` (lower/array-methods.ts), `delete o.k`.
 * Output: `tsos_freeze(x)`, which sets the object's frozen mark (bit 58 of
 *         its count word, runtime/tsos_rt.h) and yields x; `tsos_is_frozen`;
 *         and before a store, a call of lib/std/error.ts `checkWritable` (or
 *         `checkElementWritable`) given the mark, which throws V8's
 *         TypeError when it is set. The array methods written in the dialect
 *         test `Object.isFrozen(xs)` themselves (lib/std/array.ts).
 * Invariants:
 *   - Only a program that says `freeze` somewhere outside the library can
 *     freeze anything (the library never does). Elsewhere no check is made,
 *     and `Object.isFrozen` of an object is the constant false, so the
 *     library's tests of it cost nothing.
 *   - A checked store evaluates its object once (a temporary when it is not
 *     a plain variable), and the check comes before the store.
 *   - The library's own classes (Map, Set, Error...) are not checked: a
 *     frozen Map still takes `set`, as in JavaScript, where its entries are
 *     not properties.
 *   - Accessors are not checked: a frozen object's setter still runs.
 */
import ts from "typescript";
import type { ClassInst, Expr, Type } from "../ir.ts";
import { T, hasObjectHeader } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import type { Lowerer } from "./context.ts";
import { classInfo } from "./classes.ts";
import { letIn, stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";

/** Whether a program can freeze anything: some file of its own says `freeze` (`Object.freeze`, or the function taken out of Object). */
export function programMayFreeze(modules: readonly ts.SourceFile[]): boolean {
  return modules.some((sf) => !isLibFile(sf.fileName) && /\bfreeze\b/.test(sf.text));
}

function isLibFile(file: string): boolean {
  return file.startsWith(LIB_DIR);
}

/** The object a value of type `t` is, as the runtime's mark sees it (a class instance, tuple or array, or nullable one), or undefined for another type. */
function markable(t: Type): boolean {
  const inner = t.k === "nullable" ? t.inner : t;
  return (inner.k === "class" && hasObjectHeader(inner.cls)) || inner.k === "array";
}

/** `Object.freeze(x)`: x marked frozen (where it is an object with a mark), and x itself. */
export function freezeValue(l: Lowerer, x: Expr): Expr {
  if (l.target !== "host") return x;
  if (markable(x.type)) return { e: "call", type: x.type, fn: "tsos_freeze", args: [x] };
  if (x.type.k === "view") return { e: "call", type: x.type, fn: "tsos_freeze_view", args: [x] };
  return x;
}

/** `Object.isFrozen(x)`: a primitive (and null, undefined) is frozen; an object is when it was given to `Object.freeze`. */
export function isFrozenValue(l: Lowerer, x: Expr, node: ts.Node): Expr {
  const yes: Expr = { e: "bool", type: T.bool, value: true };
  const inner = x.type.k === "nullable" ? x.type.inner : x.type;
  if (inner.k === "int" || inner.k === "str" || inner.k === "bool" || inner.k === "void" || inner.k === "never") return { e: "seq", type: T.bool, xs: [x, yes] };
  if (markable(x.type) || inner.k === "view") {
    // Absent, an object or a view is null or undefined: frozen. A nullable view is tested by its object pointer (lower/nullable-types.ts).
    // A program that never freezes: nothing is frozen but what is absent (the value evaluated for its effects).
    if (!l.mayFreeze) {
      if (x.type.k === "nullable") return { e: "isnullish", type: T.bool, x, which: "either" };
      const no: Expr = { e: "bool", type: T.bool, value: false };
      return readTwice(x) ? no : { e: "seq", type: T.bool, xs: [x, no] };
    }
    return { e: "call", type: T.bool, fn: inner.k === "view" ? "tsos_is_frozen_view" : "tsos_is_frozen", args: [x], pure: true };
  }
  l.fail("TSOS1005", node, `\`Object.isFrozen\` of a value of this type`);
}

/**
 * `if (Object.isFrozen(xs)) ...` (lib/std/array.ts) in a program that never freezes anything: the test is
 * false, and its branch is not compiled at all (it would bring in the TypeError it throws).
 */
export function deadFrozenTest(l: Lowerer, cond: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(cond)) cond = cond.expression;
  return !l.mayFreeze && ts.isCallExpression(cond) && cond.expression.getText() === "Object.isFrozen";
}

/** `use(v)` with v the value of x, evaluated once: x itself when reading it again gives the same value, else a temporary. */
function once(l: Lowerer, x: Expr, use: (v: Expr) => Expr): Expr {
  return readTwice(x) ? use(x) : letIn(l, x, use);
}

/** A call of the lib/std/error.ts function `name`. */
function stdCheck(l: Lowerer, name: string, args: Expr[]): Expr {
  const decl = stdDeclaration("std/error.ts", name, ts.isFunctionDeclaration)!;
  return { e: "call", type: T.void, fn: functionOf(l, decl, []).cname, args };
}

function markOf(x: Expr): Expr {
  return { e: "call", type: T.bool, fn: "tsos_is_frozen", args: [x], pure: true };
}

/** A class of the program (not of the library), an object literal's class or a tuple: its fields are properties a freeze fixes. */
function checkedClass(cls: ClassInst): boolean {
  if (!hasObjectHeader(cls)) return false;
  const decl = classInfo(cls)?.decl;
  return !decl || !isLibFile(decl.getSourceFile().fileName);
}

/**
 * The target of a store, `obj.name` or `xs[i]`, with the frozen check put
 * before it in a program that may freeze: the store then throws instead of
 * writing. Any other target is returned as it is.
 */
export function checkedStoreTarget(l: Lowerer, target: Expr, node: ts.Node): Expr {
  if (!l.mayFreeze || l.target !== "host") return target;
  if (target.e === "field" && target.obj.type.k === "class" && checkedClass(target.obj.type.cls)) {
    const cls = target.obj.type.cls;
    // V8 names the object by its class (`#<Savings>`, `#<Object>`), a tuple as an array.
    const check = (o: Expr): Expr =>
      cls.tuple
        ? stdCheck(l, "checkElementWritable", [markOf(o), { e: "int", type: T.number, value: BigInt(target.name.replace(/^\D*/, "")) }, { e: "int", type: T.number, value: BigInt(cls.fields.length) }])
        : stdCheck(l, "checkWritable", [markOf(o), str(target.name), { e: "call", type: T.str, fn: "tsos_class_name", args: [o] }]);
    return { ...target, obj: once(l, target.obj, (o) => ({ e: "seq", type: o.type, xs: [check(o), o] })) };
  }
  if (target.e === "index" && target.arr.type.k === "array") {
    const length = (a: Expr): Expr => ({ e: "arraymethod", type: T.number, method: "length", arr: a, args: [], loc: target.loc });
    const check = (a: Expr, i: Expr): Expr => stdCheck(l, "checkElementWritable", [markOf(a), toNumber(i, target.loc), length(a)]);
    // The check goes with whichever of array and index can be read twice; the other is evaluated once.
    if (readTwice(target.arr)) return { ...target, idx: once(l, target.idx, (i) => ({ e: "seq", type: i.type, xs: [check(target.arr, i), i] })) };
    if (readTwice(target.idx)) return { ...target, arr: once(l, target.arr, (a) => ({ e: "seq", type: a.type, xs: [check(a, target.idx), a] })) };
    l.fail("TSOS1005", node, "a store into an element of a computed array at a computed index, in a program that freezes objects");
  }
  return target;
}

/**
 * An array method built in (`push`, `xs.length = n`) on `arr`, given as
 * `write`, with the frozen check before it in a program that may freeze:
 * `push` of values adds an element at the end, anything else sets the length.
 */
export function checkedArrayWrite(l: Lowerer, arr: Expr, adds: boolean, write: (a: Expr) => Expr, loc: number): Expr {
  if (!l.mayFreeze || l.target !== "host") return write(arr);
  return once(l, arr, (a) => {
    const length: Expr = { e: "arraymethod", type: T.number, method: "length", arr: a, args: [], loc };
    const index: Expr = adds ? length : { e: "int", type: T.number, value: -1n };
    const w = write(a);
    return { e: "seq", type: w.type, xs: [stdCheck(l, "checkElementWritable", [markOf(a), index, length]), w] };
  });
}

/** Before `delete obj.key` of an object literal's member that may be a key (`present`): the check, in a program that may freeze. */
export function checkedDelete(l: Lowerer, obj: Expr, present: Expr, key: string): Expr[] {
  if (!l.mayFreeze || l.target !== "host") return [];
  return [stdCheck(l, "checkDeletable", [{ e: "logic", type: T.bool, op: "&&", a: markOf(obj), b: present }, str(key), str("Object")])];
}

/** Whether evaluating x twice is the same as once: a variable, a constant, a field or element of one, arithmetic on them. */
function readTwice(x: Expr): boolean {
  if (x.e === "local" || x.e === "global" || x.e === "envfield" || x.e === "int" || x.e === "num") return true;
  if (x.e === "deref") return readTwice(x.ptr);
  if (x.e === "convert" || x.e === "neg") return readTwice(x.x);
  if (x.e === "binary") return readTwice(x.a) && readTwice(x.b);
  // `dp[0][j] = j`: an element of a variable's array, read again, is the same element (a read past the end panics both times).
  if (x.e === "index") return readTwice(x.arr) && readTwice(x.idx);
  return x.e === "field" && !x.inline && readTwice(x.obj);
}

function str(value: string): Expr {
  return { e: "str", type: T.str, value };
}

function toNumber(x: Expr, loc: number): Expr {
  return x.type.k === "int" && x.type.kind === "number" ? x : { e: "convert", type: T.number, x, checked: false, loc };
}
