/**
 * lower/json.ts: `JSON.stringify(value, replacer?, space?)` on values of
 * static types.
 *
 * Input:  the call; the value's IR type decides everything at compile time.
 * Output: a call of a function generated here for the value's type,
 *         `json(x, options, indent, depth): string`, which serializes the
 *         members with the functions of their types and hands them to
 *         lib/std/json.ts (`jsonArray`, `jsonObject`) for the layout;
 *         `options` (lib/std/json.ts's JsonOptions) carries the gap and the
 *         replacer's property list.
 * Invariants:
 *   - JavaScript's rules by static type: numbers (NaN, ±Infinity -> null),
 *     strings quoted, booleans, null; `undefined` and functions are left out
 *     of objects and are `null` in arrays; class instances and object
 *     literals give their own fields in property order (lower/inspect.ts's
 *     `visibleFields`, without `#private` ones; getters and methods live on
 *     the prototype), a `toJSON()` method replaces the value; Map and Set
 *     give `{}`; records their entries.
 *   - A class or view value dispatches on its runtime class, as printing
 *     does (lower/inspect.ts `addDispatch`).
 *   - A replacer function walks the value boxed as an unknown (lib/std/
 *     json.ts jsonReplaced), refused where the program has `toJSON` methods
 *     or dates (JavaScript calls `toJSON` first).
 *   - What would give `undefined` instead of a string at top level, and a
 *     circular structure (a panic), are refused.
 */
import ts from "typescript";
import { LIB_DIR } from "../load.ts";
import { isBigType } from "./bigint-type.ts";
import { isTuple, refuseOptionalTuple } from "./destructure.ts";
import { hasKeyOrder, inKeyOrder } from "./key-order.ts";
import { literalInitFunction } from "./objects.ts";
import { DYN, buildOrPanic } from "./dynamic.ts";
import { typedArrayJson } from "./typed-arrays.ts";
import type { ClassInst, Expr, Func, Stmt, Type } from "../ir.ts";
import { KEY_ORDER_COUNTER, T, keyOrderStamp } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { isResultTsType } from "./iterables.ts";
import { arrayType, fnType, mangle, nullableType, typeName } from "./types.ts";
import { presentOrPanic, withoutUndefined } from "./nullable.ts";
import { classInfo, fieldName, methodOf } from "./classes.ts";
import { markConstructed, registerFinisher } from "./dispatch.ts";
import { declaredOrder } from "./views.ts";
import {
  addDispatch, buildBody, className, classesBelow, classesOfView, collectionKind, countedLoop, cycleCheck, elementAt, fieldOf,
  isErrorClass, length, libraryBase, literalFunctions, local, num, plus, push, ret, stdFn, str, synthesize, typeArgsOf, visibleFields,
} from "./inspect.ts";

const U32 = T.int("u32");
const JSON_LIB = "std/json.ts";

/** Whether a file of the program's own says `toJSON` or `Date` (lib/ files are not its own). */
export function programMayCallToJson(modules: readonly ts.SourceFile[]): boolean {
  return modules.some((sf) => !sf.fileName.startsWith(LIB_DIR) && /\btoJSON\b|\bDate\b/.test(sf.text));
}

/** `JSON.stringify(...)`; undefined for other JSON members. */
export function jsonCall(l: Lowerer, name: string, call: ts.CallExpression, want?: Type, given?: Expr): Expr | undefined {
  if (name === "JSON.parse") return jsonParseCall(l, call, want);
  if (name !== "JSON.stringify") return undefined;
  if (l.target === "kernel") l.fail("TSOS3001", call.expression, "JSON.stringify");
  const [valueNode, replacerNode, spaceNode] = call.arguments;
  if (!valueNode) l.fail("TSOS1182", call);
  let value = given ?? lowerExpr(l, valueNode);
  // Unreachable (`never`, after an exhaustive switch): the value itself never completes.
  if (value.type.k === "never") return coerce(l, value, T.str, valueNode);
  // A replacer function: the value boxed as an unknown, walked through it (lib/std/json.ts jsonReplaced), then written as an unknown.
  const replacerFn = !!replacerNode && l.checker.getTypeAtLocation(replacerNode).getCallSignatures().length > 0;
  if (replacerFn && !given) {
    if (l.mayCallToJson) l.fail("TSOS1183", replacerNode!, "a replacer function in a program with `toJSON` methods or dates", "JavaScript calls `toJSON` before the replacer, which tsos does not yet: serialize a value built for it");
    const fn = fnType(l, [T.str, DYN], DYN);
    const replacer = coerce(l, lowerExpr(l, replacerNode!, fn), fn, replacerNode!);
    value = stdFn(l, JSON_LIB, "jsonReplaced", [], [str(""), coerce(l, value, DYN, valueNode), replacer], replacerNode!);
  }
  // An IteratorResult (`gen.next()`) is its value or undefined (lower/iterables.ts): JavaScript writes the object.
  if (!given && isResultTsType(l.checker, l.checker.getTypeAtLocation(valueNode))) {
    if (call.arguments.length > 1) l.fail("TSOS1183", call.arguments[1]!, "a replacer or indentation with an iterator result", "serialize `{ value: r.value, done: r.done }` built for it");
    const written = (inner: Expr): Expr => ({ e: "concat", type: T.str, parts: [str('{"value":'), inner, str(',"done":false}')] });
    // Narrowed to present (`if (!r.done)`, checked where TypeScript could be wrong): the value it holds.
    if (value.type.k !== "nullable") return written(jsonCall(l, name, call, want, value)!);
    const r = l.temp();
    const held: Expr = { e: "local", type: value.type, name: r };
    const inner = jsonCall(l, name, call, want, { e: "unwrap", type: value.type.inner, x: held, loc: l.loc(valueNode) })!;
    const done: Expr = { e: "isnullish", type: T.bool, x: held, which: "undefined" };
    return { e: "bind", type: T.str, name: r, value, body: { e: "cond", type: T.str, c: done, a: str('{"done":true}'), b: written(inner) } };
  }
  if (value.type.k === "nullable" && value.type.undef) {
    // JavaScript's result is undefined for undefined: kept where the program can see it (`?? d`, printed).
    const shown = given ? undefined : showsUndefined(call);
    if (shown) {
      const json = maybeUndefinedJson(l, name, call, want, value, valueNode);
      // Joined to a string, undefined is the text "undefined".
      return shown === "text" ? { e: "optstr", type: T.str, x: json } : json;
    }
    value = presentForStringify(l, value, valueNode);
  }
  if (value.type.k === "dyn" && !given) {
    // An unknown that holds undefined or a function gives undefined (lib/std/json.ts jsonSkips).
    const shown = showsUndefined(call);
    const v = l.temp();
    const held: Expr = { e: "local", type: DYN, name: v };
    const json = jsonCall(l, name, call, want, held)!;
    const skips = stdFn(l, JSON_LIB, "jsonSkips", [], [held], valueNode);
    if (shown) {
      const result = nullableType(l, T.str, false, true);
      const maybe: Expr = { e: "cond", type: result, c: skips, a: { e: "nullish", type: result, undef: true }, b: { e: "some", type: result, x: json } };
      return { e: "bind", type: shown === "text" ? T.str : result, name: v, value, body: shown === "text" ? { e: "optstr", type: T.str, x: maybe } : maybe };
    }
    const message = str("JSON.stringify of undefined gives undefined, not a string (not supported)");
    return { e: "bind", type: T.str, name: v, value, body: { e: "cond", type: T.str, c: skips, a: { e: "seq", type: T.str, xs: [{ e: "panic", type: T.void, message, loc: l.loc(valueNode) }, str("")] }, b: json } };
  }
  const t = value.type;
  if ((t.k === "nullable" && t.undef) || t.k === "fn" || t.k === "void") l.fail("TSOS1182", valueNode);
  let keys: Expr = { e: "nullish", type: T.void, undef: false };
  let gap: Expr = str("");
  const absent = (n: ts.Expression | undefined): boolean => !n || n.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(n) && n.text === "undefined");
  const optionsFn = stdFn(l, JSON_LIB, "jsonOptions", [], [], call) as Extract<Expr, { e: "call" }>;
  const optionsType = optionsFn.type;
  const keysType = (): Type => {
    const f = l.program.funcs.find((f) => f.cname === optionsFn.fn)!;
    return f.params[1]!.type;
  };
  keys = { e: "nullish", type: keysType(), undef: false };
  if (!absent(replacerNode) && !replacerFn) {
    const r = lowerExpr(l, replacerNode!);
    if (r.type.k !== "array" || r.type.elem.k !== "str") l.fail("TSOS1183", replacerNode!, "a replacer other than an array of property names", "serialize a value built for it, or pass the names: `JSON.stringify(x, [\"a\", \"b\"])`");
    keys = coerce(l, r, keysType(), replacerNode!);
  }
  if (!absent(spaceNode)) {
    const s = lowerExpr(l, spaceNode!);
    if (s.type.k === "str") gap = stdFn(l, JSON_LIB, "jsonGapString", [], [s], spaceNode!);
    else if (s.type.k === "int") gap = stdFn(l, JSON_LIB, "jsonGapNumber", [], [coerce(l, s, T.number, spaceNode!)], spaceNode!);
    else l.fail("TSOS1183", spaceNode!, `a \`space\` of type \`${typeName(s.type)}\``, "pass a number of spaces or an indentation string");
  }
  const v = l.temp();
  const o = l.temp();
  const options: Expr = { ...optionsFn, args: [gap, keys] };
  const body = jsonValue(l, local(v, t), local(o, optionsType), str(""), num(0), "top", valueNode);
  return { e: "bind", type: T.str, name: v, value, body: { e: "bind", type: T.str, name: o, value: options, body } };
}

/**
 * Whether the program can see that `JSON.stringify(x)` gave undefined: the
 * left side of `??`, a template part, an operand of `+` with a string, or a
 * console.log argument (all print `undefined`).
 */
function showsUndefined(call: ts.CallExpression): "value" | "text" | undefined {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && p.left === n) return "value";
  if (ts.isTemplateSpan(p)) return "text";
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken && (p.left === n || p.right === n)) return "text";
  return ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression) && p.expression.getText() === "console.log" ? "value" : undefined;
}

/** `JSON.stringify(v)` of a value that may be undefined, where the result may be: `string | undefined`. */
function maybeUndefinedJson(l: Lowerer, name: string, call: ts.CallExpression, want: Type | undefined, value: Expr, node: ts.Expression): Expr {
  const t = value.type as Extract<Type, { k: "nullable" }>;
  const result = nullableType(l, T.str, false, true);
  const v = l.temp();
  const held: Expr = { e: "local", type: t, name: v };
  const json = jsonCall(l, name, call, want, withoutUndefined(l, held, node))!;
  const written: Expr = { e: "some", type: result, x: json };
  const c: Expr = { e: "isnullish", type: T.bool, x: held, which: "undefined" };
  return { e: "bind", type: result, name: v, value, body: { e: "cond", type: result, c, a: { e: "nullish", type: result, undef: true }, b: written } };
}

/**
 * A value that may be undefined to serialize (`JSON.stringify(xs.find(...))`):
 * the value without undefined, or a panic when it is undefined, where
 * JavaScript's result would be `undefined` instead of a string.
 */
function presentForStringify(l: Lowerer, value: Expr, node: ts.Node): Expr {
  return presentOrPanic(l, value, "undefined", "JSON.stringify of undefined gives undefined, not a string (not supported)", node);
}

type Where = "top" | "element" | "member";

/** Whether a member of this type can be left out of an object (undefined, a function). */
function omittable(t: Type): boolean {
  return t.k === "fn" || t.k === "dyn" || (t.k === "nullable" && t.undef);
}

/**
 * `x` serialized, `x` not undefined unless `where` is "element" (then
 * undefined and functions are `null`). Members that may be left out are
 * tested by the caller (`member`).
 */
function jsonValue(l: Lowerer, x: Expr, options: Expr, indent: Expr, depth: Expr, where: Where, node: ts.Node): Expr {
  const t = x.type;
  switch (t.k) {
    case "str":
      return stdFn(l, JSON_LIB, "jsonQuote", [], [x], node);
    case "bool":
      return { e: "cond", type: T.str, c: x, a: str("true"), b: str("false") };
    case "int":
      return stdFn(l, JSON_LIB, "jsonNumber", [], [coerce(l, x, T.number, node)], node);
    case "fn":
      return { e: "seq", type: T.str, xs: [x, str("null")] };
    case "nullable": {
      const name = l.temp();
      const v = local(name, t);
      const inner: Expr = t.inner.k === "never" ? str("null") : jsonValue(l, { e: "unwrap", type: t.inner, x: v, loc: 0 }, options, indent, depth, where, node);
      // undefined in an array is null, as null is.
      return { e: "bind", type: T.str, name, value: x, body: { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: str("null"), b: inner } };
    }
    case "union": {
      const name = l.temp();
      const v = local(name, t);
      let body: Expr | undefined;
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m = jsonValue(l, { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 }, options, indent, depth, where, node);
        body = body ? { e: "cond", type: T.str, c: { e: "istag", type: T.bool, x: v, tag: i }, a: m, b: body } : m;
      }
      return { e: "bind", type: T.str, name, value: x, body: body! };
    }
    case "array":
      if (t.elem.k === "never") return x.e === "local" || x.e === "index" ? str("[]") : { e: "seq", type: T.str, xs: [x, str("[]")] };
      return { e: "call", type: T.str, fn: jsonFunction(l, t, options.type, node), args: [x, options, indent, depth] };
    case "class":
    case "view":
      // JavaScript has no JSON for a bigint: a TypeError (lib/std/bigint.ts).
      if (isBigType(t)) return stdFn(l, "std/bigint.ts", "bigJson", [], [x], node);
      return typedArrayJson(l, x, options, indent, node) /* lower/typed-arrays.ts */ ?? { e: "call", type: T.str, fn: jsonFunction(l, t, options.type, node), args: [x, options, indent, depth] };
    case "dyn":
      // By what it holds (lib/std/json.ts jsonUnknown); an object by the function of the type it was boxed with.
      return stdFn(l, JSON_LIB, "jsonUnknown", [], [x, options, indent, depth], node);
    default:
      return l.fail("TSOS1181", node, `a value of type \`${typeName(t)}\``);
  }
}

const jsonFns = new WeakMap<Lowerer, Map<string, string>>();

function cache(l: Lowerer): Map<string, string> {
  let fns = jsonFns.get(l);
  if (!fns) {
    fns = new Map();
    jsonFns.set(l, fns);
  }
  return fns;
}

function params(t: Type, optionsType: Type) {
  return [
    { name: "x", type: t },
    { name: "options", type: optionsType },
    { name: "indent", type: T.str },
    { name: "depth", type: T.number },
  ];
}

const CIRCULAR = "JSON.stringify of a circular structure is not supported";

function jsonFunction(l: Lowerer, t: Type, optionsType: Type, node: ts.Node): string {
  const fns = cache(l);
  const key = t.k === "class" ? `c:${t.cls.cname}` : t.k === "view" ? `v:${t.view.cname}` : mangle(t);
  const hit = fns.get(key);
  if (hit) return hit;
  const loc = l.loc(node);
  const func = synthesize(l, `json_${key.replace(/^[cv]:/, "")}`, params(t, optionsType), T.str, loc);
  fns.set(key, func.cname);
  const x = local("x", t);
  const options = local("options", optionsType);
  const indent = local("indent", T.str);
  const depth = local("depth", T.number);
  const own = (cls: ClassInst, obj: Expr): Expr =>
    typedArrayJson(l, { e: "convert", type: { k: "class", cls }, x: obj, checked: false, loc: 0 }, options, indent, node) /* lower/typed-arrays.ts */ ??
    { e: "call", type: T.str, fn: ownJsonFunction(l, cls, optionsType, node), args: [obj, options, indent, depth] };
  refuseOptionalTuple(l, t, node, "JSON.stringify");
  const tupleFields = t.k === "class" && isTuple(t) ? t.cls.fields : undefined;
  if (t.k === "array" || tupleFields) {
    // A tuple (`[string, number]`) is the array it is in JavaScript: its elements are its fields.
    buildBody(l, func, () => {
      const strs = arrayType(l, T.str);
      const out = local(l.temp(), strs);
      const inner = local(l.temp(), T.str);
      const element = (e: Expr): Stmt => push(out, jsonValue(l, e, options, inner, plus(depth, num(1)), "element", node), loc);
      return [
        cycleCheck(x, depth, CIRCULAR, loc),
        { s: "let", name: (out as { name: string }).name, type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
        { s: "let", name: (inner as { name: string }).name, type: T.str, init: stdFn(l, JSON_LIB, "jsonInner", [], [options, indent], node), loc },
        ...(t.k === "array"
          ? countedLoop(l, length(x), (i) => [element(elementAt(x, i, loc))], loc)
          : tupleFields!.map((f) => element({ e: "field", type: f.type, obj: x, name: f.name }))),
        ret(stdFn(l, JSON_LIB, "jsonArray", [], [options, out, indent], node), loc),
      ];
    });
  } else if (t.k === "view") addDispatch(l, { func, classes: classesOfView(l, t.view), each: own });
  else if (t.k === "class") {
    if (collectionKind(l, t.cls, node)) buildBody(l, func, () => [ret(own(t.cls, x), loc)]);
    else addDispatch(l, { func, classes: classesBelow(l, t.cls), each: own });
  }
  return func.cname;
}

/** The nearest `toJSON` method in `cls`'s chain. */
function toJSONMethod(cls: ClassInst): { owner: ClassInst; decl: ts.MethodDeclaration } | undefined {
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    if (c.literal) return undefined;
    const m = classInfo(c).decl.members.find((x): x is ts.MethodDeclaration => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === "toJSON");
    if (m) return { owner: c, decl: m };
  }
  return undefined;
}

/** The members of `names`/`values` for one property, left out when undefined or not in the replacer's list. */
function member(l: Lowerer, key: string, value: Expr, names: Expr, values: Expr, options: Expr, inner: Expr, depth: Expr, loc: number, node: ts.Node): Stmt[] {
  if (value.type.k === "fn") return [];
  const wanted: Expr = stdFn(l, JSON_LIB, "jsonWants", [], [options, str(key)], node);
  const name = l.temp();
  const v = local(name, value.type);
  const write = (x: Expr): Stmt[] => [push(names, str(key), loc), push(values, jsonValue(l, x, options, inner, plus(depth, num(1)), "member", node), loc)];
  const skipped: Expr = value.type.k === "dyn" ? stdFn(l, JSON_LIB, "jsonSkips", [], [v], node) : { e: "isnullish", type: T.bool, x: v, which: "undefined" };
  const body: Stmt[] = omittable(value.type) ? [{ s: "if", c: { e: "not", type: T.bool, x: skipped }, then: write(v), loc }] : write(v);
  return [{ s: "if", c: wanted, then: [{ s: "let", name, type: value.type, init: value, loc }, ...body], loc }];
}

const ownFns = new WeakMap<Lowerer, Map<ClassInst, string>>();

/** Why objects of `cls` cannot be serialized yet, or undefined. */
function unwritable(l: Lowerer, cls: ClassInst, node: ts.Node): string | undefined {
  if (isErrorClass(cls)) return `an Error object (\`${className(cls)}\`)`;
  const lib = collectionKind(l, cls, node) ? undefined : libraryBase(cls);
  if (lib) return `\`${className(cls)}\` (a class extending \`${className(lib)}\`)`;
  if (literalFunctions(cls).some((p) => ts.isAccessor(p))) return "an object literal with accessors";
  return undefined;
}

/** The serialization of an object whose class is exactly `cls`. */
function ownJsonFunction(l: Lowerer, cls: ClassInst, optionsType: Type, node: ts.Node): string {
  let fns = ownFns.get(l);
  if (!fns) {
    fns = new Map();
    ownFns.set(l, fns);
  }
  const hit = fns.get(cls);
  if (hit) return hit;
  const why = unwritable(l, cls, node);
  if (why) l.fail("TSOS1181", node, why);
  const t: Type = { k: "class", cls };
  const loc = l.loc(node);
  const func = synthesize(l, `json_own_${cls.cname}`, params(t, optionsType), T.str, loc);
  fns.set(cls, func.cname);
  const x = local("x", t);
  const options = local("options", optionsType);
  const indent = local("indent", T.str);
  const depth = local("depth", T.number);
  buildBody(l, func, () => {
    const kind = collectionKind(l, cls, node);
    if (kind === "Map" || kind === "Set") return [ret(str("{}"), loc)];
    const toJSON = toJSONMethod(cls);
    if (toJSON) {
      const m = methodOf(l, toJSON.owner, toJSON.decl, []);
      if (m.params.length) l.fail("TSOS1183", toJSON.decl.name, "a `toJSON` method with parameters", "declare `toJSON()` without parameters");
      // (An `object` or `unknown` result is written by what it holds; tsc's `object` is never undefined.)
      if (omittable(m.ret) && m.ret.k !== "dyn") l.fail("TSOS1182", toJSON.decl.name);
      const result: Expr = { e: "call", type: m.ret, fn: m.cname, args: [{ e: "convert", type: m.self, x, checked: false, loc: 0 }] };
      return [ret(jsonValue(l, result, options, indent, depth, "top", node), loc)];
    }
    const strs = arrayType(l, T.str);
    const names = local(l.temp(), strs);
    const values = local(l.temp(), strs);
    const inner = local(l.temp(), T.str);
    const body: Stmt[] = [
      cycleCheck(x, depth, CIRCULAR, loc),
      { s: "let", name: (names as { name: string }).name, type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
      { s: "let", name: (values as { name: string }).name, type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
      { s: "let", name: (inner as { name: string }).name, type: T.str, init: stdFn(l, JSON_LIB, "jsonInner", [], [options, indent], node), loc },
    ];
    if (kind === "Dict") {
      const V = typeArgsOf(cls)[0]!;
      const ks = local(l.temp(), strs);
      const vs = local(l.temp(), arrayType(l, V));
      body.push({ s: "let", name: (ks as { name: string }).name, type: strs, init: stdFn(l, "std/inspect.ts", "recordKeys", [V], [x], node), loc });
      body.push({ s: "let", name: (vs as { name: string }).name, type: vs.type, init: stdFn(l, "std/inspect.ts", "recordValues", [V], [x], node), loc });
      body.push(
        ...countedLoop(l, length(ks), (i) => {
          const k = elementAt(ks, i, loc);
          if (V.k === "fn") return [];
          const write: Stmt[] = [push(names, k, loc), push(values, jsonValue(l, elementAt(vs, i, loc), options, inner, plus(depth, num(1)), "member", node), loc)];
          const wanted: Expr = stdFn(l, JSON_LIB, "jsonWants", [], [options, k], node);
          const present: Expr = omittable(V) ? { e: "logic", type: T.bool, op: "&&", a: wanted, b: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: elementAt(vs, i, loc), which: "undefined" } } } : wanted;
          return [{ s: "if", c: present, then: write, loc }];
        }, loc),
      );
    } else {
      const added: { field: string; write: Stmt[] }[] = [];
      for (const f of visibleFields(cls)) {
        const write = member(l, f.key, fieldOf(x, f), names, values, options, inner, depth, loc, node);
        if (hasKeyOrder(cls.fields)) added.push({ field: f.name, write });
        else body.push(...write);
      }
      // An object with members its literal left out: in the order the keys were added (lower/key-order.ts).
      if (added.length) body.push(...inKeyOrder(l, x, added, loc));
    }
    body.push(ret(stdFn(l, JSON_LIB, "jsonObject", [], [options, names, values, indent], node), loc));
    return body;
  });
  return func.cname;
}

// ---- JSON.parse ----------------------------------------------------------------

/** lib/std/json.ts's `jsonPanic(message)`: a panic. */
export function jsonIntrinsic(l: Lowerer, decl: ts.Node, call: ts.CallExpression): Expr | undefined {
  if (!ts.isFunctionDeclaration(decl) || decl.body || !decl.getSourceFile().fileName.endsWith("lib/std/json.ts")) return undefined;
  if (decl.name?.text === "jsonOfBoxed") return boxedJson(l, call);
  if (decl.name?.text !== "jsonPanic") return undefined;
  return { e: "panic", type: T.never, message: coerce(l, lowerExpr(l, call.arguments[0]!, T.str), T.str, call), loc: l.loc(call) };
}

const ANYOBJ: Type = { k: "anyobj" };

/**
 * `jsonOfBoxed(v, options, indent, depth)`: the boxed value's descriptor's
 * JSON function (runtime/tsos_dyn.h tsos_dyn_json). Once the program is
 * lowered, every descriptor gets one (a finisher: boxed types are known
 * only then): jsonValue of the value as its type, or a panic for a type
 * JSON.stringify does not write.
 */
function boxedJson(l: Lowerer, call: ts.CallExpression): Expr {
  const [v, options, indent, depth] = call.arguments.map((a) => lowerExpr(l, a));
  const optionsType = options!.type;
  if (!boxedJsonLowerers.has(l)) {
    boxedJsonLowerers.add(l);
    registerFinisher(l, () => {
      let built = 0;
      for (const d of l.program.dynTypes ?? []) {
        built++;
        if (d.json) continue;
        const loc = l.loc(call);
        const func = synthesize(l, `dynjson_${mangle(d.type)}`, [{ name: "v", type: DYN }, { name: "options", type: ANYOBJ }, { name: "indent", type: T.str }, { name: "depth", type: T.number }], T.str, loc);
        d.json = func.cname;
        const raw: Expr = { e: "fromdyn", type: d.type, x: local("v", DYN), loc, check: false };
        const opts: Expr = { e: "convert", type: optionsType, x: local("options", ANYOBJ), checked: false, loc };
        // Objects JSON.stringify does not write yet (an Error) panic when met; their dispatchers are built later.
        const t = d.type;
        const classes = t.k === "class" ? classesBelow(l, t.cls)() : t.k === "view" ? classesOfView(l, t.view)() : [];
        const refused = classes.some((c) => unwritable(l, c, call) !== undefined);
        buildOrPanic(l, func, () => (refused ? l.fail("TSOS1181", call, d.name) : jsonValue(l, raw, opts, local("indent", T.str), local("depth", T.number), "element", call)), `JSON.stringify of a ${d.name} held in an unknown is not supported`);
      }
      return `${built}`;
    });
  }
  // The options go to the runtime as they are (C converts the pointer to the descriptor's `void *`), borrowed.
  return { e: "call", type: T.str, fn: "tsos_dyn_json", args: [v!, options!, indent!, depth!] };
}

const boxedJsonLowerers = new WeakSet<Lowerer>();

/**
 * `JSON.parse(text)` where the program declares what it gives (`as T`, or a
 * typed variable, parameter or return): the text is checked whole first
 * (SyntaxError with V8's message), then read into T by a function generated
 * for T; a text of another shape throws a TypeError naming the position
 * (TypeScript's cast would let the program go on with a wrong value).
 * Objects are read into object-literal classes: properties must come in the
 * declared order, optional ones may be left out, no others may appear.
 */
export function jsonParseCall(l: Lowerer, call: ts.CallExpression, want: Type | undefined): Expr {
  if (l.target === "kernel") l.fail("TSOS3001", call.expression, "JSON.parse");
  const [textNode, reviver] = call.arguments;
  if (reviver) l.fail("TSOS1183", reviver, "a reviver", "convert the parsed value afterwards");
  // Without a declared type (tsc's `any`), or declared `unknown`: a value of any kind (lower/dynamic.ts).
  if (!want || want.k === "void") want = DYN;
  if (want.k === "never") l.fail("TSOS1184", call, "a value without a declared type");
  const text = coerce(l, lowerExpr(l, textNode!, T.str), T.str, textNode!);
  const where = l.program.locs[l.loc(call)]!;
  const target = `${l.checker.typeToString(l.checker.getTypeAtLocation(call.parent))} (${where.file}:${where.line}:${where.col})`;
  const reader = stdFn(l, JSON_LIB, "jsonReader", [], [text, str(target)], call);
  const name = l.temp();
  const r = local(name, reader.type);
  return { e: "bind", type: want, name, value: reader, body: parseValue(l, r, want, call) };
}

const read = (l: Lowerer, name: string, r: Expr, node: ts.Node, args: Expr[] = [], typeArgs: Type[] = []): Expr => stdFn(l, JSON_LIB, name, typeArgs, [r, ...args], node);

const KINDS: Partial<Record<Type["k"], number>> = { bool: 1, int: 2, str: 3 };

function parseValue(l: Lowerer, r: Expr, t: Type, node: ts.Node): Expr {
  switch (t.k) {
    case "dyn":
      return read(l, "jsonReadUnknown", r, node);
    case "str":
      return read(l, "jsonReadString", r, node);
    case "bool":
      return read(l, "jsonReadBoolean", r, node);
    case "int":
      if (t.kind !== "number") break;
      return read(l, "jsonReadNumber", r, node);
    case "nullable": {
      if (t.inner.k === "never") break;
      const inner = coerce(l, parseValue(l, r, t.inner, node), t, node);
      if (!t.null) return inner;
      return { e: "cond", type: t, c: read(l, "jsonIsNull", r, node), a: { e: "nullish", type: t, undef: false }, b: inner };
    }
    case "union": {
      // One member per JSON kind: primitives, and an array and an object (a Dict or object type) for
      // `type Json = null | boolean | number | string | Json[] | { [k: string]: Json }`.
      const kinds = t.members.map((m) => jsonKindOf(l, m, node));
      if (kinds.some((k) => k === undefined) || new Set(kinds).size !== kinds.length) break;
      let body: Expr = read(l, "jsonFail", r, node, [str(t.members.map(typeName).join(" or "))], [t]);
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m = t.members[i]!;
        const is: Expr = { e: "binary", type: T.bool, op: "==", a: read(l, "jsonKind", r, node), b: num(kinds[i]!), loc: 0 };
        body = { e: "cond", type: t, c: is, a: { e: "tounion", type: t, x: parseValue(l, r, m, node), tag: i }, b: body };
      }
      return body;
    }
    case "array":
    case "view":
      return { e: "call", type: t, fn: parseFunction(l, t, r.type, node), args: [r] };
    case "class":
      if (collectionKind(l, t.cls, node) === "Dict") return { e: "call", type: t, fn: parseFunction(l, t, r.type, node), args: [r] };
      return l.fail("TSOS1185", node, typeName(t));
  }
  return l.fail("TSOS1184", node, `\`${typeName(t)}\``);
}

/** The JSON kind (lib/std/json.ts `kind()`) a union member reads: 1 boolean, 2 number, 3 string, 4 array, 5 object. */
function jsonKindOf(l: Lowerer, m: Type, node: ts.Node): number | undefined {
  if (m.k === "int") return m.kind === "number" ? 2 : undefined;
  if (KINDS[m.k] !== undefined) return KINDS[m.k];
  if (m.k === "array") return 4;
  if (m.k === "view" || (m.k === "class" && collectionKind(l, m.cls, node) === "Dict")) return 5;
  return undefined;
}

const parseFns = new WeakMap<Lowerer, Map<string, string>>();

function parseFunction(l: Lowerer, t: Type, readerType: Type, node: ts.Node): string {
  let fns = parseFns.get(l);
  if (!fns) {
    fns = new Map();
    parseFns.set(l, fns);
  }
  const key = t.k === "class" ? `c:${t.cls.cname}` : t.k === "view" ? `v:${t.view.cname}` : mangle(t);
  const hit = fns.get(key);
  if (hit) return hit;
  const loc = l.loc(node);
  const func = synthesize(l, `parse_${key.replace(/^[cv]:/, "")}`, [{ name: "r", type: readerType }], t, loc);
  fns.set(key, func.cname);
  const r = local("r", readerType);
  const v = (e: Expr) => (e as { name: string }).name;
  buildBody(l, func, () => {
    if (t.k === "array") {
      const out = local(l.temp(), t);
      return [
        { s: "expr", x: read(l, "jsonEnterArray", r, node), loc },
        { s: "let", name: v(out), type: t, init: { e: "arraylit", type: t, elems: [], loc }, loc },
        { s: "while", c: read(l, "jsonNextElement", r, node), body: [push(out, parseValue(l, r, t.elem, node), loc)], loc },
        ret(out, loc),
      ];
    }
    if (t.k === "class") {
      const V = typeArgsOf(t.cls)[0]!;
      const rec = local(l.temp(), t);
      const k = local(l.temp(), nullableType(l, T.str, true, false));
      const key: Expr = { e: "unwrap", type: T.str, x: k, loc: 0 };
      return [
        { s: "expr", x: read(l, "jsonEnterObject", r, node), loc },
        { s: "let", name: v(rec), type: t, init: coerce(l, stdFn(l, JSON_LIB, "jsonRecord", [V], [], node), t, node), loc },
        { s: "let", name: v(k), type: k.type, init: read(l, "jsonNextKey", r, node), loc },
        {
          s: "while",
          c: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: k, which: "null" } },
          body: [
            { s: "expr", x: stdFn(l, JSON_LIB, "jsonRecordSet", [V], [rec, key, parseValue(l, r, V, node)], node), loc },
            { s: "expr", x: { e: "assign", type: k.type, target: k, value: read(l, "jsonNextKey", r, node) }, loc },
          ],
          loc,
        },
        ret(rec, loc),
      ];
    }
    return parseObject(l, r, t as Extract<Type, { k: "view" }>, node, loc);
  });
  return func.cname;
}

/**
 * An object of a declared object type, into a new object-literal class: its
 * properties in any order (a key given twice keeps its first place and its
 * last value, as JSON.parse does), optional ones may be left out, no others
 * may appear. The object records the order the keys came in (key-order
 * stamps, lower/key-order.ts), so it prints and serializes as Node's would.
 */
function parseObject(l: Lowerer, r: Expr, t: Extract<Type, { k: "view" }>, node: ts.Node, loc: number): Stmt[] {
  const order = declaredOrder.get(t.view) ?? [];
  const at = (s: { prop: string }) => (order.indexOf(s.prop) + 1 || order.length + 1);
  const slots = t.view.slots.filter((s) => s.kind === "get").sort((a, b) => at(a) - at(b));
  const method = t.view.slots.find((s) => s.kind === "method");
  if (method) l.fail("TSOS1185", node, `${typeName(t)} (it has the method \`${method.prop}\`)`);
  const fields = slots.map((s) => ({ name: fieldName({ text: s.prop } as ts.Identifier), type: s.ret, absent: !!s.optional }));
  const stamps = [KEY_ORDER_COUNTER, ...fields.map((f) => keyOrderStamp(f.name))].map((name) => ({ name, type: U32, hidden: true, keyOrder: true }));
  const cls: ClassInst = { cname: l.uniqueName(`Obj_${fields.map((f) => f.name).join("_") || "empty"}`), tsName: "Object", fields: [...fields, ...stamps], header: true, literal: true };
  l.program.classes.push(cls);
  markConstructed(l, cls);
  const ctype: Type = { k: "class", cls };
  const init = literalInitFunction(l, cls, loc);
  const u32 = (value: number): Expr => ({ e: "int", type: U32, value: BigInt(value) });
  const declare = (x: Expr, init: Expr): Stmt => ({ s: "let", name: (x as { name: string }).name, type: x.type, init, loc });
  const k = local(l.temp(), nullableType(l, T.str, true, false));
  const count = local(l.temp(), U32);
  const body: Stmt[] = [
    { s: "expr", x: read(l, "jsonEnterObject", r, node), loc },
    declare(k, read(l, "jsonNextKey", r, node)),
    declare(count, u32(0)),
  ];
  // Per property: its value so far (undefined until read) and its place among the keys (0: not seen).
  const props = slots.map((s) => {
    const held = s.ret.k === "nullable" ? s.ret : nullableType(l, s.ret, false, true);
    const value = local(l.temp(), held);
    const seen = local(l.temp(), U32);
    body.push(declare(value, coerce(l, { e: "nullish", type: held, undef: true }, held, node)), declare(seen, u32(0)));
    return { s, value, seen };
  });
  let dispatch: Stmt[] = [{ s: "expr", x: stdFn(l, JSON_LIB, "jsonUndeclaredKey", [], [r, k], node), loc }];
  for (const { s, value, seen } of [...props].reverse()) {
    const first: Stmt = {
      s: "if", c: { e: "binary", type: T.bool, op: "==", a: seen, b: u32(0), loc },
      then: [{ s: "expr", x: { e: "assign", type: U32, target: seen, value: { e: "compound", type: U32, target: count, value: { e: "binary", type: U32, op: "+", a: { e: "current", type: U32 }, b: u32(1), loc }, postfix: false } }, loc }],
      loc,
    };
    const parsed = coerce(l, parseValue(l, r, s.ret, node), value.type, node);
    const then: Stmt[] = [first, { s: "expr", x: { e: "assign", type: value.type, target: value, value: parsed }, loc }];
    dispatch = [{ s: "if", c: stdFn(l, JSON_LIB, "jsonKeyIs", [], [k, str(s.prop)], node), then, else: dispatch, loc }];
  }
  const next: Stmt = { s: "expr", x: { e: "assign", type: k.type, target: k, value: read(l, "jsonNextKey", r, node) }, loc };
  body.push({ s: "while", c: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: k, which: "null" } }, body: [...dispatch, next], loc });
  const values: Expr[] = props.map(({ s, value, seen }) => {
    if (!s.optional) {
      const missing: Stmt = { s: "expr", x: stdFn(l, JSON_LIB, "jsonMissing", [], [r, str(s.prop)], node), loc };
      body.push({ s: "if", c: { e: "binary", type: T.bool, op: "==", a: seen, b: u32(0), loc }, then: [missing], loc });
    }
    return value.type === s.ret ? value : { e: "unwrap", type: s.ret, x: value, loc };
  });
  const obj = local(l.temp(), ctype);
  body.push(declare(obj, { e: "new", type: ctype, cls, init, args: values, loc }));
  const stamp = (name: string, value: Expr): Stmt => ({ s: "expr", x: { e: "assign", type: U32, target: { e: "field", type: U32, obj, name }, value }, loc });
  body.push(stamp(KEY_ORDER_COUNTER, count), ...props.map(({ s, seen }) => stamp(keyOrderStamp(fieldName({ text: s.prop } as ts.Identifier)), seen)));
  body.push(ret(coerce(l, obj, t, node), loc));
  return body;
}

