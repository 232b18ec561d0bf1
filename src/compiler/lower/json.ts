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
 *   - What would give `undefined` instead of a string at top level, a
 *     function replacer, and a circular structure (a panic) are refused.
 */
import ts from "typescript";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { arrayType, mangle, typeName } from "./types.ts";
import { classInfo, methodOf } from "./classes.ts";
import {
  addDispatch, buildBody, className, classesBelow, classesOfView, collectionKind, countedLoop, cycleCheck, elementAt, fieldOf,
  isErrorClass, length, literalFunctions, local, num, plus, push, ret, stdFn, str, synthesize, typeArgsOf, visibleFields,
} from "./inspect.ts";

const JSON_LIB = "std/json.ts";

/** `JSON.stringify(...)`; undefined for other JSON members. */
export function jsonCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (name !== "JSON.stringify") return undefined;
  if (l.target === "kernel") l.fail("TSOS3001", call.expression, "JSON.stringify");
  const [valueNode, replacerNode, spaceNode] = call.arguments;
  if (!valueNode) l.fail("TSOS1182", call);
  const value = lowerExpr(l, valueNode);
  const t = value.type;
  // Unreachable (`never`, after an exhaustive switch): the value itself never completes.
  if (t.k === "never") return coerce(l, value, T.str, valueNode);
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
  if (!absent(replacerNode)) {
    if (l.checker.getTypeAtLocation(replacerNode!).getCallSignatures().length)
      l.fail("TSOS1183", replacerNode!, "a replacer function", "serialize a value built for it, or pass the names to keep: `JSON.stringify(x, [\"a\", \"b\"])`");
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

type Where = "top" | "element" | "member";

/** Whether a member of this type can be left out of an object (undefined, a function). */
function omittable(t: Type): boolean {
  return t.k === "fn" || (t.k === "nullable" && t.undef);
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
      return { e: "call", type: T.str, fn: jsonFunction(l, t, options.type, node), args: [x, options, indent, depth] };
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
  const own = (cls: ClassInst, obj: Expr): Expr => ({ e: "call", type: T.str, fn: ownJsonFunction(l, cls, optionsType, node), args: [obj, options, indent, depth] });
  if (t.k === "array") {
    buildBody(l, func, () => {
      const strs = arrayType(l, T.str);
      const out = local(l.temp(), strs);
      const inner = local(l.temp(), T.str);
      return [
        cycleCheck(x, depth, CIRCULAR, loc),
        { s: "let", name: (out as { name: string }).name, type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
        { s: "let", name: (inner as { name: string }).name, type: T.str, init: stdFn(l, JSON_LIB, "jsonInner", [], [options, indent], node), loc },
        ...countedLoop(l, length(x), (i) => [push(out, jsonValue(l, elementAt(x, i, loc), options, inner, plus(depth, num(1)), "element", node), loc)], loc),
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
  const body: Stmt[] = omittable(value.type)
    ? [{ s: "if", c: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: v, which: "undefined" } }, then: write(v), loc }]
    : write(v);
  return [{ s: "if", c: wanted, then: [{ s: "let", name, type: value.type, init: value, loc }, ...body], loc }];
}

const ownFns = new WeakMap<Lowerer, Map<ClassInst, string>>();

/** The serialization of an object whose class is exactly `cls`. */
function ownJsonFunction(l: Lowerer, cls: ClassInst, optionsType: Type, node: ts.Node): string {
  let fns = ownFns.get(l);
  if (!fns) {
    fns = new Map();
    ownFns.set(l, fns);
  }
  const hit = fns.get(cls);
  if (hit) return hit;
  if (isErrorClass(cls)) l.fail("TSOS1181", node, `an Error object (\`${className(cls)}\`)`);
  if (literalFunctions(cls).some((p) => ts.isAccessor(p))) l.fail("TSOS1181", node, "an object literal with accessors");
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
      if (omittable(m.ret)) l.fail("TSOS1182", toJSON.decl.name);
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
      for (const f of visibleFields(cls)) body.push(...member(l, f.key, fieldOf(x, f), names, values, options, inner, depth, loc, node));
    }
    body.push(ret(stdFn(l, JSON_LIB, "jsonObject", [], [options, names, values, indent], node), loc));
    return body;
  });
  return func.cname;
}
