/**
 * lower/typed-arrays.ts: ArrayBuffer, the typed arrays (Int8Array ...
 * Float64Array, Uint8ClampedArray) and DataView, onto lib/std/typed-array.ts.
 *
 * Input:  expressions whose TypeScript type is one of those lib/tsos.d.ts
 *         types: the types, `new`, `X.from`/`X.of`/`X.BYTES_PER_ELEMENT`,
 *         element reads and writes (`ta[i]`, `ta[i] = v`, `ta[i] += v`,
 *         `ta[i]++`), member calls, `for...of`, spread and `Array.from`,
 *         console.log and JSON.stringify; and the intrinsics declared in
 *         lib/std/typed-array.ts.
 * Output: instances of the library's classes `TypedArray<E>` (E the element
 *         type: i8 u8 i16 u16 i32 u32, or number for Float64Array),
 *         `ArrayBuffer` and `DataView`, calls of their methods and functions,
 *         and for element access the macros of runtime/tsos_typed.h (a
 *         bounds check and a plain load or store of the element type).
 * Invariants:
 *   - Reading an element outside the array panics (JavaScript reads
 *     `undefined`, which a number cannot hold); writing one is ignored, as
 *     in JavaScript. Every store converts as JavaScript does.
 *   - The receiver, then the index, then the value are evaluated once each,
 *     in that order; `ta[i] op= v` reads the element once and writes it once,
 *     and its value is the number stored before conversion (as JavaScript).
 *   - An iterator (`keys()`, `values()`, `entries()`) is consumed where it
 *     is made (for...of, spread, Array.from); anything else is TSOS1311.
 *   - Typed arrays need the heap: kernel code refuses them (TSOS1310).
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, IntKind, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { classInfo, classInstance, constructorOf } from "./classes.ts";
import { markConstructed, resolveMember } from "./dispatch.ts";
import { classMember } from "./views.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { isProbe, isStrictlyCompared } from "./probes.ts";
import { arrayType, irType, nullableType, typeName } from "./types.ts";
import { arrayConstructorCall, iteratorStep, stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";
import { accessorUpdate } from "./accessors.ts";
import { collectionArray } from "./collections.ts";
import { spreadArray } from "./destructure.ts";
import { isInt } from "../ints.ts";
import { typeArgsOf } from "./inspect.ts";

export const STD_TYPED = path.join(LIB_DIR, "std/typed-array.ts");
const FILE = "std/typed-array.ts";

/** Each typed array of lib/tsos.d.ts: its element type and whether it clamps. */
const KINDS: Record<string, { elem: IntKind; clamped: boolean }> = {
  Int8Array: { elem: "i8", clamped: false },
  Uint8Array: { elem: "u8", clamped: false },
  Uint8ClampedArray: { elem: "u8", clamped: true },
  Int16Array: { elem: "i16", clamped: false },
  Uint16Array: { elem: "u16", clamped: false },
  Int32Array: { elem: "i32", clamped: false },
  Uint32Array: { elem: "u32", clamped: false },
  Float64Array: { elem: "number", clamped: false },
};
const NAME_OF: Partial<Record<IntKind, string>> = { i8: "Int8Array", u8: "Uint8Array", i16: "Int16Array", u16: "Uint16Array", i32: "Int32Array", u32: "Uint32Array", number: "Float64Array" };
const SIZE_OF: Partial<Record<IntKind, number>> = { i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, number: 8 };
/** The suffix of the runtime/tsos_typed.h macros. */
const SUFFIX: Partial<Record<IntKind, string>> = { i8: "i8", u8: "u8", i16: "i16", u16: "u16", i32: "i32", u32: "u32", number: "f64" };

const MAX: Expr = { e: "num", type: T.number, value: Infinity };
const ZERO: Expr = { e: "int", type: T.number, value: 0n };
const NAN: Expr = { e: "num", type: T.number, value: NaN };
const FALSE: Expr = { e: "bool", type: T.bool, value: false };

type Kind = "typed" | "buffer" | "view";


function stdClass(l: Lowerer, name: string, node: ts.Node): ts.ClassDeclaration {
  const decl = stdDeclaration(FILE, name, ts.isClassDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/${FILE} has no \`${name}\``);
  return decl;
}

function stdFunctionDecl(l: Lowerer, name: string, node: ts.Node): ts.FunctionDeclaration {
  const decl = stdDeclaration(FILE, name, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/${FILE} has no \`${name}\``);
  return decl;
}

function typedOf(l: Lowerer, elem: IntKind, node: ts.Node): Type {
  return { k: "class", cls: classInstance(l, stdClass(l, "TypedArray", node), [T.int(elem)]) };
}

/** The IR type of a lib/tsos.d.ts ArrayBuffer, typed array or DataView type; undefined for any other type. */
export function typedArrayType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const sym = type.getSymbol();
  if (!isLibSymbol(sym)) return undefined;
  const name = sym.name;
  const kind = KINDS[name];
  if (!kind && name !== "ArrayBuffer" && name !== "DataView") return undefined;
  if (l.target === "kernel") l.fail("TSOS1310", node, name);
  if (kind) return typedOf(l, kind.elem, node);
  return { k: "class", cls: classInstance(l, stdClass(l, name, node), []) };
}

/** Which of the library's classes `t` is. */
export function typedKind(t: Type): Kind | undefined {
  if (t.k !== "class" || t.cls.literal || !t.cls.header) return undefined;
  const decl = classInfo(t.cls)?.decl;
  if (!decl || decl.getSourceFile().fileName !== STD_TYPED) return undefined;
  const name = decl.name?.text;
  return name === "TypedArray" ? "typed" : name === "ArrayBuffer" ? "buffer" : name === "DataView" ? "view" : undefined;
}

/**
 * A typed array's elements as a new `number[]` (`new Vector(this.data.map(...))` where the constructor takes
 * `ArrayLike<number>`, which tsos holds as `number[]`); undefined for any other value.
 */
export function typedAsNumbers(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  return typedKind(x.type) === "typed" ? method(l, x, "toNumbers", [], node) : undefined;
}

/** The element type of a TypedArray<E> instance. */
function elemOf(t: Type): IntKind {
  const [e] = typeArgsOf((t as Extract<Type, { k: "class" }>).cls);
  return (e as { kind: IntKind }).kind;
}

function field(recv: Expr, name: string, type: Type): Expr {
  return { e: "field", type, obj: recv, name };
}

/** A call of the library class's method `name` on `recv` with lowered arguments. */
function method(l: Lowerer, recv: Expr, name: string, args: Expr[], node: ts.Node, typeArgs: Type[] = []): Expr {
  if (recv.type.k !== "class") l.fail("TSOS9001", node, "typed array method on a non-class value");
  const m = classMember(l, recv.type.cls, name);
  if (m?.kind !== "method") l.fail("TSOS9001", node, `lib/${FILE} has no method \`${name}\``);
  const r = resolveMember(l, recv.type.cls, m.decl, typeArgs);
  const params = r.params.filter((p) => p.k !== "loc");
  // DataView's one-byte accessors take no endianness: the default `false` is dropped.
  const lowered = args.slice(0, params.length).map((a, i) => coerce(l, a, params[i]!, node));
  if (params.length < r.params.length) lowered.push({ e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) });
  return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, recv, r.self, node), ...lowered] };
}

/** The parameter types (after the receiver) of the library class's method `name`. */
function paramsOf(l: Lowerer, recv: Expr, name: string, node: ts.Node, typeArgs: Type[] = []): Type[] {
  const cls = (recv.type as Extract<Type, { k: "class" }>).cls;
  const m = classMember(l, cls, name);
  if (m?.kind !== "method") l.fail("TSOS9001", node, `lib/${FILE} has no method \`${name}\``);
  return resolveMember(l, cls, m.decl, typeArgs).params.filter((p) => p.k !== "loc");
}

/** A call of the library function `name` instantiated with `typeArgs`. */
function stdCall(l: Lowerer, name: string, typeArgs: Type[], args: Expr[], node: ts.Node): Expr {
  const f = functionOf(l, stdFunctionDecl(l, name, node), typeArgs);
  return { e: "call", type: f.ret, fn: f.cname, args: args.map((a, i) => coerce(l, a, f.params[i]!.type, node)) };
}

/** `let name = value in body(name)`: the value evaluated once, first (a local is used as it is). */
function letIn(l: Lowerer, value: Expr, body: (x: Expr) => Expr): Expr {
  if (value.e === "local") return body(value);
  const name = l.temp();
  const inner = body({ e: "local", type: value.type, name });
  return { e: "let", type: inner.type, name, init: value, body: inner };
}

/** An argument lowered as a number (`undefined` when absent). */
function numberArg(l: Lowerer, a: ts.Expression | undefined, fallback: Expr): Expr {
  if (!a) return fallback;
  const x = lowerExpr(l, a, T.number);
  if (!isInt(x.type)) l.fail("TSOS1031", a, "a number argument", typeName(x.type));
  return coerce(l, x, T.number, a);
}

function boolArg(l: Lowerer, a: ts.Expression | undefined): Expr {
  if (!a) return FALSE;
  return coerce(l, lowerExpr(l, a, T.bool), T.bool, a);
}

function loc(l: Lowerer, node: ts.Node): Expr {
  return { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) };
}

// ---- element access ----------------------------------------------------------

/** `ta[i]` read on an already lowered typed array, or undefined when `obj` is not one. */
export function typedElementRead(l: Lowerer, obj: Expr, x: ts.ElementAccessExpression): Expr | undefined {
  if (typedKind(obj.type) !== "typed") return undefined;
  const idx = numberArg(l, x.argumentExpression, ZERO);
  // Hosted, past the end JavaScript reads undefined: where the program tests for it (`ta[i] ?? 0`,
  // `ta[i] === undefined`) the read is `number | undefined`; as an operand of arithmetic, where undefined
  // becomes NaN (`(ta[i + 1] << 2) | ...`), it is NaN. Anywhere else it panics.
  const absent = !l.doubles ? undefined : isProbe(x) || isStrictlyCompared(x) ? "undefined" : isArithmeticOperand(l, x) ? "nan" : undefined;
  if (absent) return letIn(l, obj, (t) => letIn(l, idx, (i) => readOrAbsent(l, t, i, x, absent)));
  return letIn(l, obj, (t) => readAt(l, t, idx, x));
}

/** `ta[i]` that gives undefined (or NaN) for an index that is no element: `i` an integer in [0, length). */
function readOrAbsent(l: Lowerer, t: Expr, i: Expr, node: ts.Node, absent: "undefined" | "nan"): Expr {
  const I64 = T.int("i64");
  const name = l.temp();
  const slot: Expr = { e: "local", type: I64, name };
  const inRange: Expr = { e: "binary", type: T.bool, op: ">=", a: slot, b: { e: "int", type: I64, value: 0n }, loc: 0 };
  const read = readAt(l, t, i, node);
  const optional = nullableType(l, T.number, false, true);
  const body: Expr =
    absent === "nan"
      ? { e: "cond", type: T.number, c: inRange, a: read, b: { e: "num", type: T.number, value: NaN } }
      : { e: "cond", type: optional, c: inRange, a: { e: "some", type: optional, x: read }, b: { e: "nullish", type: optional, undef: true } };
  const at: Expr = { e: "call", type: I64, fn: "tsos_ta_slot", args: [i, field(t, "length", T.number)], pure: true };
  return { e: "bind", type: body.type, name, value: at, body };
}

/** Whether `node` is an operand of arithmetic, a bitwise operator or an order comparison (not of a string `+`). */
function isArithmeticOperand(l: Lowerer, node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.MinusToken || p.operator === ts.SyntaxKind.PlusToken || p.operator === ts.SyntaxKind.TildeToken;
  if (!ts.isBinaryExpression(p)) return false;
  const K = ts.SyntaxKind;
  const op = p.operatorToken.kind;
  const numeric = [K.AsteriskToken, K.SlashToken, K.PercentToken, K.MinusToken, K.AsteriskAsteriskToken, K.LessThanLessThanToken, K.GreaterThanGreaterThanToken,
    K.GreaterThanGreaterThanGreaterThanToken, K.AmpersandToken, K.BarToken, K.CaretToken, K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken];
  if (numeric.includes(op)) return true;
  const stringy = (e: ts.Expression): boolean => !!(l.checker.getTypeAtLocation(e).flags & ts.TypeFlags.StringLike);
  return op === K.PlusToken && !stringy(p.left) && !stringy(p.right);
}

/** Element `idx` of the typed array local `t`: checked, as a number. */
function readAt(l: Lowerer, t: Expr, idx: Expr, node: ts.Node): Expr {
  const suffix = SUFFIX[elemOf(t.type)]!;
  const bytes = field(t, "bytes", arrayType(l, T.int("u8")));
  return { e: "call", type: T.number, fn: `TSOS_TA_GET_${suffix}`, args: [bytes, field(t, "first", T.number), field(t, "length", T.number), idx, loc(l, node)] };
}

/** Stores `v` at element `idx` of the typed array local `t` (ignored outside it). */
function writeAt(l: Lowerer, t: Expr, idx: Expr, v: Expr): Expr {
  const suffix = SUFFIX[elemOf(t.type)]!;
  const bytes = field(t, "bytes", arrayType(l, T.int("u8")));
  return { e: "call", type: T.void, fn: `TSOS_TA_SET_${suffix}`, args: [bytes, field(t, "first", T.number), field(t, "length", T.number), idx, v, field(t, "clamped", T.bool)] };
}

/** Whether `node` (parentheses skipped) is an element access on a typed array. */
function typedElementNode(l: Lowerer, node: ts.Expression): ts.ElementAccessExpression | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isElementAccessExpression(node)) return undefined;
  const sym = l.checker.getTypeAtLocation(node.expression).getSymbol();
  if (!isLibSymbol(sym) || !KINDS[sym.name]) return undefined;
  return node;
}

/**
 * `ta[i] = v`, `ta[i] op= v`, `++ta[i]`, `ta[i]--` (`update` computes the new
 * value from the old one; undefined for a plain assignment); undefined when
 * the target is not a typed array element.
 */
export function typedElementWrite(l: Lowerer, target: ts.Expression, value: ts.Expression | Expr | undefined, update: ((old: Expr) => Expr) | undefined, postfix: boolean, node: ts.Node): Expr | undefined {
  const x = typedElementNode(l, target);
  if (!x) return undefined;
  const obj = lowerExpr(l, x.expression);
  if (typedKind(obj.type) !== "typed") return undefined;
  const idx = numberArg(l, x.argumentExpression, ZERO);
  return letIn(l, obj, (t) =>
    letIn(l, idx, (i) => {
      if (!update) {
        // A value already lowered: an element of a destructuring assignment's right side.
        const v = "kind" in value! ? coerce(l, lowerExpr(l, value, T.number), T.number, value) : coerce(l, value!, T.number, target);
        return letIn(l, v, (nv) => ({ e: "seq", type: T.number, xs: [writeAt(l, t, i, nv), nv] }));
      }
      return letIn(l, readAt(l, t, i, x), (old) => {
        const next = coerce(l, update(old), T.number, node);
        return letIn(l, next, (nv) => ({ e: "seq", type: T.number, xs: [writeAt(l, t, i, nv), postfix ? old : nv] }));
      });
    }),
  );
}

/** The update function of a compound assignment or increment (lower/accessors.ts's, on numbers). */
export function typedUpdate(l: Lowerer, opKind: ts.SyntaxKind | "inc" | "dec", right: ts.Expression | undefined, node: ts.Node): (old: Expr) => Expr {
  return accessorUpdate(l, opKind, right, node);
}

/** Whether `target` is an element of a typed array (checked before lowering anything). */
export function isTypedElement(l: Lowerer, target: ts.Expression): boolean {
  return typedElementNode(l, target) !== undefined;
}

// ---- construction ----------------------------------------------------------------

/** `new Uint8Array(...)`, `new ArrayBuffer(n)`, `new DataView(...)`, or undefined for any other `new`. */
export function typedArrayNew(l: Lowerer, n: ts.NewExpression): Expr | undefined {
  if (!ts.isIdentifier(n.expression)) return undefined;
  const name = n.expression.text;
  if (!KINDS[name] && name !== "ArrayBuffer" && name !== "DataView") return undefined;
  if (!isLibSymbol(l.symbolOf(n.expression))) return undefined;
  const t = irType(l, l.checker.getTypeAtLocation(n), n);
  const kind = typedKind(t);
  if (!kind || t.k !== "class") return undefined;
  const args = n.arguments ?? [];
  if (args.some(ts.isSpreadElement)) l.fail("TSOS1312", n, `spread arguments to \`new ${name}\``);
  if (kind === "buffer") {
    markConstructed(l, t.cls);
    const ctor = constructorOf(l, t.cls);
    return { e: "new", type: t, cls: t.cls, init: ctor.init, args: [numberArg(l, args[0], ZERO)], loc: l.loc(n) };
  }
  if (kind === "view") {
    markConstructed(l, t.cls);
    const ctor = constructorOf(l, t.cls);
    const buf = args[0] ? lowerExpr(l, args[0]) : undefined;
    if (!buf || typedKind(buf.type) !== "buffer") l.fail("TSOS1312", args[0] ?? n, "a DataView over something other than an ArrayBuffer");
    return { e: "new", type: t, cls: t.cls, init: ctor.init, args: [buf, numberArg(l, args[1], ZERO), numberArg(l, args[2], NAN)], loc: l.loc(n) };
  }
  markConstructed(l, t.cls);
  const elem = T.int(elemOf(t));
  const clamped: Expr = { e: "bool", type: T.bool, value: KINDS[name]!.clamped };
  const src = args[0];
  if (!src) return stdCall(l, "typedWithLength", [elem], [ZERO, clamped], n);
  const srcTs = l.checker.getTypeAtLocation(src);
  if (srcTs.flags & ts.TypeFlags.NumberLike) return stdCall(l, "typedWithLength", [elem], [numberArg(l, src, ZERO), clamped], n);
  const values = elementsOf(l, src);
  if (values) return fromValues(l, values, elem, clamped, n);
  const x = lowerExpr(l, src);
  if (typedKind(x.type) === "buffer") return stdCall(l, "typedOnBuffer", [elem], [x, numberArg(l, args[1], ZERO), numberArg(l, args[2], NAN), clamped], n);
  l.fail("TSOS1312", src, `\`new ${name}\` from \`${typeName(x.type)}\``);
}

/** The typed array of element type `elem` holding `values` (a number[] or another typed array). */
function fromValues(l: Lowerer, values: Expr, elem: Type, clamped: Expr, node: ts.Node): Expr {
  if (typedKind(values.type) === "typed") return stdCall(l, "typedFromTyped", [elem, T.int(elemOf(values.type))], [values, clamped], node);
  return stdCall(l, "typedFromNumbers", [elem], [values, clamped], node);
}

/**
 * What a typed array is built from: another typed array (as it is), or an
 * array, Set, Map iterator, string, ... as a number[]; undefined for anything
 * else (a number, an ArrayBuffer).
 */
function elementsOf(l: Lowerer, src: ts.Expression): Expr | undefined {
  const srcTs = l.checker.getTypeAtLocation(src);
  const sym = srcTs.getSymbol();
  if (isLibSymbol(sym) && (sym.name === "ArrayBuffer" || sym.name === "DataView")) return undefined;
  if (isLibSymbol(sym) && KINDS[sym.name]) return lowerExpr(l, src);
  const numbers = arrayType(l, T.number);
  const arr = collectionArray(l, src) ?? lowerExpr(l, src, numbers);
  if (arr.type.k !== "array") return undefined;
  if (arr.type.elem.k !== "int") l.fail("TSOS1312", src, `a typed array from \`${typeName(arr.type)}\``);
  return coerce(l, arr, numbers, src);
}

/** `Uint8Array.from(...)`, `Uint8Array.of(...)`, or undefined for any other call. */
export function typedArrayStaticCall(l: Lowerer, callee: ts.PropertyAccessExpression, call: ts.CallExpression): Expr | undefined {
  if (!ts.isIdentifier(callee.expression)) return undefined;
  const name = callee.expression.text;
  if (name === "ArrayBuffer" && callee.name.text === "isView" && isLibSymbol(l.symbolOf(callee.expression))) return isView(l, call);
  const kind = KINDS[name];
  if (!kind || !isLibSymbol(l.symbolOf(callee.expression))) return undefined;
  if (l.target === "kernel") l.fail("TSOS1310", callee, name);
  const t = typedOf(l, kind.elem, call);
  markConstructed(l, (t as Extract<Type, { k: "class" }>).cls);
  const elem = T.int(kind.elem);
  const clamped: Expr = { e: "bool", type: T.bool, value: kind.clamped };
  const args = call.arguments;
  const method = callee.name.text;
  if (method === "of") {
    const numbers = arrayType(l, T.number) as Extract<Type, { k: "array" }>;
    return stdCall(l, "typedFromNumbers", [elem], [spreadArray(l, args, numbers, call), clamped], call);
  }
  if (method === "from") {
    const [src, mapfn] = args;
    if (!src || args.length > 2 || args.some(ts.isSpreadElement)) l.fail("TSOS1312", call, `this form of \`${name}.from\``);
    if (!mapfn) {
      const values = elementsOf(l, src);
      if (!values) l.fail("TSOS1312", src, `\`${name}.from\` of \`${l.checker.typeToString(l.checker.getTypeAtLocation(src))}\``);
      return fromValues(l, values, elem, clamped, call);
    }
    // `Uint8Array.from({ length: n }, (_, i) => ...)`, `Int32Array.from(entries, (e) => e.col)` of objects: Array.from's
    // values (lower/array-methods.ts), converted.
    const srcType = l.checker.getTypeAtLocation(src);
    const ofObjects = l.checker.isArrayType(srcType) && !(l.checker.getTypeArguments(srcType as ts.TypeReference)[0]!.flags & ts.TypeFlags.NumberLike);
    if (ts.isObjectLiteralExpression(src) || ofObjects) {
      const numbers = arrayConstructorCall(l, "Array.from", call);
      if (numbers?.type.k !== "array" || numbers.type.elem.k !== "int") l.fail("TSOS1312", src, `this form of \`${name}.from\``);
      return stdCall(l, "typedFromNumbers", [elem], [numbers, clamped], call);
    }
    const values = elementsOf(l, src);
    if (!values) l.fail("TSOS1312", src, `\`${name}.from\` of \`${l.checker.typeToString(l.checker.getTypeAtLocation(src))}\``);
    const arr = typedKind(values.type) === "typed" ? method_(l, values, "toNumbers", [], call) : values;
    const srcElem = (arr.type as Extract<Type, { k: "array" }>).elem;
    const f = functionOf(l, stdFunctionDecl(l, "typedFromMapped", call), [elem, srcElem]);
    const fnParam = f.params[1]!.type;
    return { e: "call", type: f.ret, fn: f.cname, args: [arr, coerce(l, lowerExpr(l, mapfn, fnParam), fnParam, mapfn), clamped] };
  }
  return undefined;
}

const method_ = method;

/** `ArrayBuffer.isView(x)`: whether x is a typed array or DataView, decided by its static type. */
function isView(l: Lowerer, call: ts.CallExpression): Expr {
  const a = call.arguments[0];
  if (!a || call.arguments.length > 1 || ts.isSpreadElement(a)) l.fail("TSOS1312", call, "this form of `ArrayBuffer.isView`");
  const x = lowerExpr(l, a);
  // Arrays, strings, numbers and booleans are never views; an interface or union value could be one at run time.
  if (!["class", "array", "str", "int", "bool"].includes(x.type.k)) l.fail("TSOS1312", a, `\`ArrayBuffer.isView\` of a value of type \`${typeName(x.type)}\``);
  const kind = typedKind(x.type);
  return { e: "seq", type: T.bool, xs: [x, { e: "bool", type: T.bool, value: kind === "typed" || kind === "view" }] };
}

/** `Uint8Array.BYTES_PER_ELEMENT`, or undefined for any other property. */
export function typedArrayStaticProperty(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  if (!ts.isIdentifier(p.expression) || p.name.text !== "BYTES_PER_ELEMENT") return undefined;
  const kind = KINDS[p.expression.text];
  if (!kind || !isLibSymbol(l.symbolOf(p.expression))) return undefined;
  return { e: "int", type: T.number, value: BigInt(SIZE_OF[kind.elem]!) };
}

// ---- methods -----------------------------------------------------------------------

/** The IR type of what a callback argument returns. */
function callbackResult(l: Lowerer, a: ts.Expression | undefined, node: ts.Node): Type {
  if (!a) l.fail("TSOS9001", node, "a callback is missing");
  const sig = l.checker.getTypeAtLocation(a).getCallSignatures()[0];
  if (!sig) l.fail("TSOS1031", a, "a callback", l.checker.typeToString(l.checker.getTypeAtLocation(a)));
  return irType(l, sig.getReturnType(), a);
}

/** A call of method `name` whose source arguments are lowered against its parameters; `defaults[i]` stands for a missing argument i. */
function callWith(l: Lowerer, recv: Expr, name: string, given: readonly ts.Expression[], defaults: (Expr | undefined)[], call: ts.CallExpression, typeArgs: Type[] = []): Expr {
  const params = paramsOf(l, recv, name, call, typeArgs);
  if (given.some(ts.isSpreadElement)) l.fail("TSOS1312", call, "spread arguments to a typed array method");
  const args = params.map((p, i) => {
    const a = given[i];
    if (a) return coerce(l, lowerExpr(l, a, p), p, a);
    const d = defaults[i];
    if (!d) l.fail("TSOS9001", call, `missing argument to \`${name}\``);
    return d;
  });
  return method(l, recv, name, args, call, typeArgs);
}

const PREDICATES = new Set(["filter", "every", "some", "find", "findIndex", "findLast", "findLastIndex"]);
const DATAVIEW_GETTERS = new Set(["getInt8", "getUint8", "getInt16", "getUint16", "getInt32", "getUint32", "getFloat32", "getFloat64"]);
const DATAVIEW_SETTERS = new Set(["setInt8", "setUint8", "setInt16", "setUint16", "setInt32", "setUint32", "setFloat32", "setFloat64"]);

/** `x.name(args)` on a typed array, ArrayBuffer or DataView, or undefined when `recv` is none of them. */
export function typedArrayCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  const kind = typedKind(recv.type);
  if (!kind) return undefined;
  const args = call.arguments;
  const callee = call.expression as ts.PropertyAccessExpression;
  if (kind === "buffer") {
    if (name === "slice") return callWith(l, recv, "slice", args, [ZERO, MAX], call);
    if (name === "toString") return method(l, recv, "toString", [], call);
    l.fail("TSOS1018", callee.name, name, "ArrayBuffer");
  }
  if (kind === "view") {
    if (DATAVIEW_GETTERS.has(name)) return method(l, recv, name, [numberArg(l, args[0], ZERO), boolArg(l, args[1])], call);
    if (DATAVIEW_SETTERS.has(name)) return method(l, recv, name, [numberArg(l, args[0], ZERO), numberArg(l, args[1], NAN), boolArg(l, args[2])], call);
    if (name === "toString") return method(l, recv, "toString", [], call);
    l.fail("TSOS1018", callee.name, name, "DataView");
  }
  if (PREDICATES.has(name)) return callWith(l, recv, name, args, [], call, [callbackResult(l, args[0], call)]);
  switch (name) {
    case "fill":
      return callWith(l, recv, "fill", args, [undefined, ZERO, MAX], call);
    case "indexOf":
    case "includes":
      return callWith(l, recv, name, args, [undefined, ZERO], call);
    case "lastIndexOf":
      return callWith(l, recv, name, args, [undefined, MAX], call);
    case "join":
      return callWith(l, recv, "join", args, [{ e: "str", type: T.str, value: "," }], call);
    case "toString":
      return method(l, recv, "join", [{ e: "str", type: T.str, value: "," }], call);
    case "valueOf":
      return recv;
    case "reverse":
    case "at":
    case "forEach":
    case "map":
      return callWith(l, recv, name, args, [], call);
    case "slice":
    case "subarray":
      return callWith(l, recv, name, args, [ZERO, MAX], call);
    case "copyWithin":
      return callWith(l, recv, name, args, [undefined, undefined, MAX], call);
    case "sort":
      return args[0] ? callWith(l, recv, "sortBy", args, [], call) : method(l, recv, "sortNumeric", [], call);
    case "reduce":
    case "reduceRight": {
      if (args.length < 2) return callWith(l, recv, name === "reduce" ? "reduceFirst" : "reduceRightFirst", args, [], call);
      const sig = l.checker.getResolvedSignature(call);
      const own = (sig ? l.checker.getTypeArgumentsForResolvedSignature(sig) : undefined) ?? [];
      const u = own[0] ? irType(l, own[0], call) : T.number;
      return callWith(l, recv, name, args, [], call, [u]);
    }
    case "set": {
      const src = args[0];
      if (!src || args.some(ts.isSpreadElement)) l.fail("TSOS1312", call, "this form of `set`");
      const offset = numberArg(l, args[1], ZERO);
      const values = elementsOf(l, src);
      if (!values) l.fail("TSOS1312", src, `\`set\` from \`${l.checker.typeToString(l.checker.getTypeAtLocation(src))}\``);
      if (typedKind(values.type) === "typed") return stdCall(l, "typedSetTyped", [T.int(elemOf(recv.type)), T.int(elemOf(values.type))], [recv, values, offset], call);
      return method(l, recv, "setFrom", [values, offset], call);
    }
    case "keys":
    case "values":
    case "entries":
      if (!consumedWhole(call)) l.fail("TSOS1311", call, name);
      return iteratorArray(l, recv, name, call);
  }
  l.fail("TSOS1018", callee.name, name, typeName(recv.type));
}

/** Whether an iterator-returning call is consumed at once: spread, or the argument of `Array.from`. */
function consumedWhole(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isSpreadElement(p)) return true;
  return ts.isCallExpression(p) && p.arguments[0] === n && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "from" && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === "Array";
}

function iteratorArray(l: Lowerer, recv: Expr, which: string, node: ts.Node): Expr {
  if (which === "keys") return method(l, recv, "keyArray", [], node);
  if (which === "values") return method(l, recv, "toNumbers", [], node);
  return method(l, recv, "entryArray", [], node);
}

/** What an iterable expression over a typed array walks: the array and keys, values or entries; undefined otherwise. */
function iterationOf(l: Lowerer, x: ts.Expression): { recv: Expr; which: "keys" | "values" | "entries" } | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && !x.arguments.length) {
    const which = x.expression.name.text;
    if ((which === "keys" || which === "values" || which === "entries") && isTypedTs(l, x.expression.expression))
      return { recv: lowerExpr(l, x.expression.expression), which };
  }
  if (isTypedTs(l, x)) return { recv: lowerExpr(l, x), which: "values" };
  return undefined;
}

function isTypedTs(l: Lowerer, x: ts.Expression): boolean {
  const sym = l.checker.getTypeAtLocation(x).getSymbol();
  return isLibSymbol(sym) && !!KINDS[sym.name];
}

/** The elements of a typed array (or of its keys()/values()/entries()) as a new array, for spread and Array.from; undefined for anything else. */
export function typedArrayElements(l: Lowerer, x: ts.Expression): Expr | undefined {
  const it = iterationOf(l, x);
  if (!it || typedKind(it.recv.type) !== "typed") return undefined;
  return iteratorArray(l, it.recv, it.which, x);
}

/**
 * `for (const x of ta)` (and over `ta.keys()`, `values()`, `entries()`): an
 * index loop over the live array (its length never changes), each step
 * reading the element then; undefined when `f.expression` is not one.
 */
/** `yield* ta` over a typed array (lower/iterables.ts): `each` for every element, read live as for...of reads it. */
export function typedArrayEach(l: Lowerer, ta: Expr, node: ts.Node, each: (elem: Expr) => Stmt[]): Stmt | undefined {
  if (typedKind(ta.type) !== "typed") return undefined;
  const loc = l.loc(node);
  const arrName = l.temp();
  const idxName = l.temp();
  const arr: Expr = { e: "local", type: ta.type, name: arrName };
  const idx: Expr = { e: "local", type: T.number, name: idxName };
  const step: Expr = { e: "assign", type: T.number, target: idx, value: { e: "binary", type: T.number, op: "+", a: idx, b: { e: "int", type: T.number, value: 1n }, loc } };
  return {
    s: "block",
    body: [
      { s: "let", name: arrName, type: ta.type, init: ta, loc },
      { s: "for", init: [{ s: "let", name: idxName, type: T.number, init: ZERO, loc }], c: { e: "binary", type: T.bool, op: "<", a: idx, b: field(arr, "length", T.number), loc }, step: [step], body: each(readAt(l, arr, idx, node)), loc },
    ],
  };
}

export function typedArrayForOf(l: Lowerer, f: ts.ForOfStatement, bind: (x: Expr) => Stmt[], lowerBody: () => Stmt[]): Stmt | undefined {
  const it = iterationOf(l, f.expression);
  if (!it || typedKind(it.recv.type) !== "typed") return undefined;
  const loc = l.loc(f);
  const arrName = l.temp();
  const idxName = l.temp();
  const arr: Expr = { e: "local", type: it.recv.type, name: arrName };
  const idx: Expr = { e: "local", type: T.number, name: idxName };
  const elem = readAt(l, arr, idx, f);
  const first = iteratorStep(l, f, it.which, idx, elem, bind);
  return {
    s: "block",
    body: [
      { s: "let", name: arrName, type: it.recv.type, init: it.recv, loc },
      {
        s: "for",
        init: [{ s: "let", name: idxName, type: T.number, init: ZERO, loc }],
        c: { e: "binary", type: T.bool, op: "<", a: idx, b: field(arr, "length", T.number), loc },
        step: [{ e: "assign", type: T.number, target: idx, value: { e: "binary", type: T.number, op: "+", a: idx, b: { e: "int", type: T.number, value: 1n }, loc } }],
        body: [...first, ...lowerBody()],
        loc,
      },
    ],
  };
}

/**
 * `x instanceof Uint8Array` (or another typed array, ArrayBuffer, DataView),
 * decided by x's static type: its element type, and for Uint8Array and
 * Uint8ClampedArray (one representation) the clamped flag; undefined when
 * the right side is not one of those constructors.
 */
export function typedInstanceof(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  if (!ts.isIdentifier(b.right)) return undefined;
  const name = b.right.text;
  const wanted = KINDS[name];
  if (!wanted && name !== "ArrayBuffer" && name !== "DataView") return undefined;
  if (!isLibSymbol(l.symbolOf(b.right))) return undefined;
  const x = lowerExpr(l, b.left);
  if (x.type.k !== "class") l.fail("TSOS1312", b, `\`instanceof ${name}\` on a value of type \`${typeName(x.type)}\``);
  const kind = typedKind(x.type);
  const constant = (v: boolean): Expr => ({ e: "seq", type: T.bool, xs: [x, { e: "bool", type: T.bool, value: v }] });
  if (!wanted) return constant(kind === (name === "ArrayBuffer" ? "buffer" : "view"));
  if (kind !== "typed" || elemOf(x.type) !== wanted.elem) return constant(false);
  if (wanted.elem !== "u8") return constant(true);
  return letIn(l, x, (t) => ({ e: "binary", type: T.bool, op: "==", a: field(t, "clamped", T.bool), b: { e: "bool", type: T.bool, value: wanted.clamped }, loc: l.loc(b) }));
}

// ---- printing --------------------------------------------------------------------

/** console.log of a typed array, ArrayBuffer or DataView (as util.inspect shows it), or undefined for another value. */
export function typedArrayShow(l: Lowerer, x: Expr, indent: Expr, depth: Expr, node: ts.Node): Expr | undefined {
  const kind = typedKind(x.type);
  if (!kind) return undefined;
  if (kind === "buffer") return stdCall(l, "inspectBuffer", [], [x, indent, depth], node);
  return method(l, x, "inspect", [indent, depth], node);
}

/** JSON.stringify of a typed array (`{"0":1}`, laid out by `options`), ArrayBuffer or DataView (`{}`), or undefined for another value. */
export function typedArrayJson(l: Lowerer, x: Expr, options: Expr, indent: Expr, node: ts.Node): Expr | undefined {
  const kind = typedKind(x.type);
  if (!kind) return undefined;
  if (kind !== "typed") return { e: "seq", type: T.str, xs: [x, options, indent, { e: "str", type: T.str, value: "{}" }] };
  return stdCall(l, "typedJson", [T.int(elemOf(x.type))], [x, options, indent], node);
}

// ---- the library's intrinsics ----------------------------------------------------

/** The type argument E of a call of a generic intrinsic. */
function intrinsicElem(l: Lowerer, call: ts.CallExpression): IntKind {
  const sig = l.checker.getResolvedSignature(call);
  const [e] = (sig ? l.checker.getTypeArgumentsForResolvedSignature(sig) : undefined) ?? [];
  if (!e) l.fail("TSOS9001", call, "a typed array intrinsic without its element type");
  const t = irType(l, e, call);
  if (t.k !== "int" || !SUFFIX[t.kind]) l.fail("TSOS9001", call, `a typed array of \`${typeName(t)}\``);
  return t.kind;
}

/** lib/std/typed-array.ts's intrinsics, expanded per element type; undefined for any other call. */
export function typedArrayIntrinsic(l: Lowerer, decl: ts.Node, call: ts.CallExpression): Expr | undefined {
  if (!ts.isFunctionDeclaration(decl) || decl.body || decl.getSourceFile().fileName !== STD_TYPED) return undefined;
  const name = decl.name?.text;
  const args = call.arguments;
  switch (name) {
    case "elementSize":
      return { e: "int", type: T.number, value: BigInt(SIZE_OF[intrinsicElem(l, call)]!) };
    case "arrayName":
      return { e: "str", type: T.str, value: NAME_OF[intrinsicElem(l, call)]! };
    case "loadElement": {
      const suffix = SUFFIX[intrinsicElem(l, call)]!;
      const bytes = lowerExpr(l, args[0]!);
      return letIn(l, bytes, (b) => ({ e: "call", type: T.number, fn: `TSOS_TA_LOAD_${suffix}`, args: [b, numberArg(l, args[1], ZERO)] }));
    }
    case "storeElement": {
      const suffix = SUFFIX[intrinsicElem(l, call)]!;
      const bytes = lowerExpr(l, args[0]!);
      return letIn(l, bytes, (b) => ({ e: "call", type: T.void, fn: `TSOS_TA_STORE_${suffix}`, args: [b, numberArg(l, args[1], ZERO), numberArg(l, args[2], ZERO), boolArg(l, args[3])] }));
    }
    case "float32FromBits":
      return { e: "call", type: T.number, fn: "tsos_ta_f32_from_bits", args: [coerce(l, lowerExpr(l, args[0]!, T.int("u32")), T.int("u32"), args[0]!)], pure: true };
    case "float32Bits":
      return { e: "call", type: T.int("u32"), fn: "tsos_ta_f32_bits", args: [numberArg(l, args[0], ZERO)], pure: true };
  }
  return undefined;
}
