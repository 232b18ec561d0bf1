/**
 * lower/destructure.ts: tuples, destructuring, rest parameters and spread.
 *
 * Input:  tuple types and literals, binding patterns (declarations,
 *         parameters, `for...of` heads), destructuring assignments written
 *         as statements (`[a, b] = [b, a]`), rest parameters and spread
 *         arguments/elements.
 * Output: a tuple `[A, B]` is a heap struct `{ A _0; B _1; }` (a class with
 *         one field per element): mutable and shared by reference, as a
 *         JavaScript array is. Patterns become one `let` per name, read
 *         from a temporary holding the value (array index, tuple field or
 *         class field). Rest and spread build arrays with lib/std/array.ts.
 * Invariants:
 *   - The value is evaluated once, before any name is bound; a default is
 *     evaluated only when the element is missing (an array shorter than the
 *     pattern), as in JavaScript. A missing element without a default would
 *     be `undefined`: reading it panics, as an out-of-range index does.
 *   - A destructuring assignment evaluates the whole right side first, then
 *     assigns the targets left to right.
 */
import ts from "typescript";
import type { ClassInst, Expr, Field, Global, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { quietIrType } from "./key-distribution.ts";
import { assignLowered, coerce, lowerCondition, lowerExpr, setLocalType, tryCoerce } from "./expr.ts";
import { arrayType, irType, mangle, nullableType, sameType, tryIrType, typeFromTypeNode, typeName } from "./types.ts";
import { mappedElements } from "./inspect.ts";
import { checkerUnion, unionConvert } from "./unions.ts";
import { unionWidens } from "./fn-params.ts";
import { stdCall } from "./array-methods.ts";
import { optionalSpreadArray, collectionArray } from "./collections.ts";
import { customIterableArray, destructuredIterable } from "./iterables.ts";
import { admitsUndefined, destructureObject, withDefault } from "./object-spread.ts";
import { elementOrUndefined, markProbed, probedType, usesProbe } from "./probes.ts";
import { isOpenRecord } from "./records.ts";
import { earlyLocalName } from "./closures.ts";

// ---------------------------------------------------------------- tuples

const tupleClasses = new WeakSet<ClassInst>();
const tupleInits = new WeakMap<ClassInst, string>();

export function isTuple(t: Type): t is Extract<Type, { k: "class" }> {
  return t.k === "class" && tupleClasses.has(t.cls);
}

/** The struct of a tuple type with these element types (one per distinct list). */
export function tupleType(l: Lowerer, elems: Type[], required = elems.length): Type {
  const optional = required < elems.length;
  const key = `tuple<${elems.map(mangle).join(",")}>${optional ? `?${required}` : ""}`;
  let cls = l.classInstances.get(key);
  if (!cls) {
    const names = elems.map((t, i) => (i >= required && t.k === "nullable" && !t.null ? `${typeName(t.inner)}?` : typeName(t)));
    cls = {
      cname: l.uniqueName(`tsos_tuple_${elems.map(mangle).join("_")}${optional ? `_opt${required}` : ""}`),
      tsName: `[${names.join(", ")}]`,
      fields: elems.map((type, i) => ({ name: `_${i}`, type })),
      tuple: true,
      ...(optional ? { tupleRequired: required } : {}),
    };
    tupleClasses.add(cls);
    l.classInstances.set(key, cls);
    l.program.classes.push(cls);
    const self: Expr = { e: "local", type: { k: "class", cls }, name: "self" };
    const init = l.uniqueName(`${cls.cname}__init`);
    tupleInits.set(cls, init);
    const body: Stmt[] = cls.fields.map((f) => ({
      s: "expr",
      x: { e: "assign", type: f.type, target: { e: "field", type: f.type, obj: self, name: f.name }, value: { e: "local", type: f.type, name: `a${f.name}` } },
      loc: 0,
    }));
    body.push({ s: "return", x: self, loc: 0 });
    l.addFunc({
      cname: init,
      params: [{ name: "self", type: self.type }, ...cls.fields.map((f) => ({ name: `a${f.name}`, type: f.type }))],
      ret: self.type,
      body,
      loc: 0,
      isStatic: true,
      ctor: true,
    });
  }
  return { k: "class", cls };
}

/**
 * The tuple type tsc gives `type` (`[number, string]`), or undefined if it is no tuple; rest elements are refused.
 * An optional element (`[string, number?]`) is a field that holds undefined when the element is absent.
 */
export function tupleFromChecker(l: Lowerer, type: ts.Type, node: ts.Node, irType: (t: ts.Type) => Type): Type | undefined {
  if (!l.checker.isTupleType(type)) return undefined;
  const target = (type as ts.TypeReference).target as ts.TupleType;
  if (target.elementFlags.some((f) => !(f & (ts.ElementFlags.Required | ts.ElementFlags.Optional)))) {
    // `[...Middleware[], Handler]` (a rest parameter of handlers ending in one of another type): an array, as in
    // JavaScript, of the union of its element types; reads of it are cast to the type they want (checked).
    const variadic = target.elementFlags.some((f) => f & ts.ElementFlags.Variadic);
    const elems = l.checker.getTypeArguments(type as ts.TypeReference);
    if (!variadic && elems.length > 1) return arrayType(l, irType(checkerUnion(l, [...elems])));
    // `[T, ...Rest]` in a generic instance where Rest is a tuple (`WaterfallHook<string, [Asset]>`): the elements in a row.
    const flat = variadic ? flattenedTuple(l, target, elems, irType) : undefined;
    if (flat) return flat;
    l.fail("TSOS1086", node, `the tuple type \`${l.checker.typeToString(type)}\` with rest elements`);
  }
  const elems = l.checker.getTypeArguments(type as ts.TypeReference).map((t, i) => {
    const elem = irType(t);
    if (target.elementFlags[i]! & ts.ElementFlags.Required || elem.k === "nullable") return elem;
    return nullableType(l, elem, false, true);
  });
  return tupleType(l, elems, target.minLength);
}

/** A tuple type with variadic elements, each of which is a tuple without optional elements here; else undefined. */
function flattenedTuple(l: Lowerer, target: ts.TupleType, elems: readonly ts.Type[], irType: (t: ts.Type) => Type): Type | undefined {
  const out: Type[] = [];
  for (const [i, t] of elems.entries()) {
    const flags = target.elementFlags[i]!;
    const elem = irType(t);
    if (flags & ts.ElementFlags.Variadic) {
      if (!isTuple(elem) || elem.cls.tupleRequired !== undefined) return undefined;
      out.push(...elem.cls.fields.map((f) => f.type));
    } else if (flags & ts.ElementFlags.Required) out.push(elem);
    else return undefined;
  }
  return tupleType(l, out, out.length);
}

/**
 * Uses of a tuple that would show whether an optional element is absent or holds undefined
 * (printing, `length`, JSON, spreading it into an array): refused, since the struct does not record it.
 */
export function refuseOptionalTuple(l: Lowerer, t: Type, node: ts.Node, what: string): void {
  if (isTuple(t) && t.cls.tupleRequired !== undefined) l.fail("TSOS1086", node, `${what} of the tuple type \`${typeName(t)}\` with optional elements`);
}

/** A new tuple of type `type` holding `args` (one per element, already of the element types). */
export function newTuple(type: Extract<Type, { k: "class" }>, args: Expr[], loc: number): Expr {
  return { e: "new", type, cls: type.cls, init: tupleInits.get(type.cls)!, args, loc };
}

/** `[a, b]` where a tuple is wanted. */
export function tupleLiteral(l: Lowerer, a: ts.ArrayLiteralExpression, type: Extract<Type, { k: "class" }>): Expr {
  const fields = type.cls.fields;
  const required = type.cls.tupleRequired ?? fields.length;
  if (a.elements.length < required || a.elements.length > fields.length || a.elements.some((e) => ts.isSpreadElement(e))) l.fail("TSOS1086", a, `this literal for the tuple type \`${typeName(type)}\``);
  const args = a.elements.map((el, i) => coerce(l, lowerExpr(l, el, fields[i]!.type), fields[i]!.type, el));
  // Absent optional elements read as undefined.
  for (const f of fields.slice(args.length)) args.push({ e: "nullish", type: f.type, undef: true });
  return { e: "new", type, cls: type.cls, init: tupleInits.get(type.cls)!, args, loc: l.loc(a) };
}

/** `t[i]` on a tuple: the field of a literal index. */
export function tupleElement(l: Lowerer, obj: Expr, x: ts.ElementAccessExpression): Expr {
  const cls = (obj.type as Extract<Type, { k: "class" }>).cls;
  const idx = x.argumentExpression;
  const i = ts.isNumericLiteral(idx) ? Number(idx.text) : NaN;
  const field = cls.fields[i];
  if (!field) l.fail("TSOS1087", idx, typeName(obj.type));
  return { e: "field", type: field.type, obj, name: field.name };
}

// ---------------------------------------------------------------- patterns

type Bind = (name: ts.Identifier, value: Expr) => Stmt[];

/** Bind a new local to a value. */
export function bindLocal(l: Lowerer, decl: ts.Node): Bind {
  const bind: Bind = (name, value) => {
    // `for (const [what, cmd] of [["add", new Add(2)], ["mul", new Mul(3)]] as const)`: the pairs merged into one
    // tuple type hold `Add | Mul` as a union; the local is what tsc says, a view over both (each member converted).
    if (value.type.k === "union") {
      const declared = tryIrType(l, l.checker.getTypeAtLocation(name), name);
      if (declared && (declared.k === "view" || declared.k === "class")) value = tryCoerce(l, value, declared, name) ?? value;
    }
    const target = name.parent && (ts.isBindingElement(name.parent) || ts.isVariableDeclaration(name.parent) || ts.isParameter(name.parent)) ? name.parent : decl;
    // A hoisted function above the pattern may have named the variable already (lower/closures.ts).
    const local = earlyLocalName(l, target) ?? l.localName(name.text);
    l.scope.locals.set(target, local);
    setLocalType(l, target, value.type);
    // An element tsc calls `string` that can be undefined (a match array's group): reads check it.
    // So does a record entry tsc calls `string | number` that a pattern reads undefined (lower/object-spread.ts).
    if (value.type.k === "nullable" && !admitsAbsent(l.checker.getTypeAtLocation(name))) markProbed(l, local);
    return [{ s: "let", name: local, type: value.type, init: value, loc: l.loc(name) }];
  };
  localBinders.add(bind);
  return bind;
}

/** Whether tsc's type t has undefined or null in it (or is any or unknown, which do). */
function admitsAbsent(t: ts.Type): boolean {
  const absent = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown;
  return (t.isUnion() ? t.types : [t]).some((m) => (m.flags & absent) !== 0);
}

/** Binders that declare locals (which can hold an element that is missing, see below). */
const localBinders = new WeakSet<Bind>();

/** Statements that bind every name of `pattern` from `value` (evaluated once, first). */
export function destructure(l: Lowerer, pattern: ts.BindingName, value: Expr, bind: Bind): Stmt[] {
  if (ts.isIdentifier(pattern)) return bind(pattern, value);
  const out: Stmt[] = [];
  const tmp = l.temp();
  out.push({ s: "let", name: tmp, type: value.type, init: value, loc: l.loc(pattern) });
  const src: Expr = { e: "local", type: value.type, name: tmp };
  if (ts.isArrayBindingPattern(pattern)) {
    pattern.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      if (el.dotDotDotToken) {
        if (isTuple(src.type)) {
          out.push(...destructure(l, el.name, tupleRest(l, src as Expr & { type: Extract<Type, { k: "class" }> }, i, el), bind));
          return;
        }
        if (src.type.k !== "array") l.fail("TSOS1086", el, `a rest element taken from \`${typeName(src.type)}\``);
        const rest = stdCall(l, "slice", [src.type.elem], [src, num(i), num(2 ** 53 - 1)], el);
        out.push(...destructure(l, el.name, rest, bind));
        return;
      }
      const value = arrayElement(l, src, i, el);
      // `const [verb, arg] = line.split(" ")`: a missing element is undefined in JavaScript, and the
      // program may never use it. The local holds `T | undefined`; a read where TypeScript believes
      // it present panics if it is absent (lower/probes.ts), and a test for undefined sees it.
      if (localBinders.has(bind) && ts.isIdentifier(el.name) && value.e === "index" && probedType(value.type)) {
        const stmts = bind(el.name, elementOrUndefined(l, value, el));
        for (const st of stmts) if (st.s === "let") markProbed(l, st.name);
        out.push(...stmts);
        return;
      }
      out.push(...destructure(l, el.name, value, bind));
    });
    return out;
  }
  // An object pattern (lower/object-spread.ts).
  return [...out, ...destructureObject(l, pattern, src, bind, (p, v, b) => destructure(l, p, v, b))];
}

function num(v: number): Expr {
  return { e: "int", type: T.number, value: BigInt(v) };
}

/** `[first, ...rest]` of a tuple: a new array of the elements from `i` on, as the checker types the rest. */
function tupleRest(l: Lowerer, src: Expr & { type: Extract<Type, { k: "class" }> }, i: number, el: ts.BindingElement): Expr {
  refuseOptionalTuple(l, src.type, el, "a rest element");
  const type = irType(l, l.checker.getTypeAtLocation(el.name), el);
  const fields = src.type.cls.fields.slice(i);
  const read = (f: Field, to: Type): Expr => coerce(l, { e: "field", type: f.type, obj: src, name: f.name }, to, el);
  // tsc types the rest of a tuple as a tuple of the remaining elements.
  if (isTuple(type) && type.cls.fields.length === fields.length) return newTuple(type, fields.map((f, k) => read(f, type.cls.fields[k]!.type)), l.loc(el));
  if (type.k !== "array") return l.fail("TSOS1086", el, `a rest element taken from \`${typeName(src.type)}\``);
  return { e: "arraylit", type, elems: fields.map((f) => read(f, type.elem)), loc: l.loc(el) };
}

/** Element `i` of an array or tuple, with the pattern element's default when an array is too short. */
function arrayElement(l: Lowerer, src: Expr, i: number, el: ts.BindingElement | ts.Expression): Expr {
  const init = ts.isBindingElement(el) ? el.initializer : undefined;
  if (isTuple(src.type)) {
    const field = src.type.cls.fields[i];
    if (!field) l.fail("TSOS1087", el, typeName(src.type));
    const read: Expr = { e: "field", type: field.type, obj: src, name: field.name };
    // An element that can be undefined (an optional one) takes the default when it is.
    return init ? withDefault(l, read, init, el) : read;
  }
  if (src.type.k !== "array") l.fail("TSOS1086", el, `array destructuring of \`${typeName(src.type)}\``);
  const elem = src.type.elem;
  const read: Expr = { e: "index", type: elem, arr: src, idx: num(i), loc: l.loc(el) };
  if (!init) return read;
  const len: Expr = { e: "arraymethod", type: T.number, method: "length", arr: src, args: [], loc: l.loc(el) };
  const inRange: Expr = { e: "binary", type: T.bool, op: ">", a: len, b: num(i), loc: l.loc(el) };
  // An element that can be undefined takes the default when it is, as a missing one does.
  if (admitsUndefined(elem)) return withDefault(l, { e: "cond", type: elem, c: inRange, a: read, b: { e: "nullish", type: elem, undef: true } }, init, el);
  const dflt = coerce(l, lowerExpr(l, init, elem), elem, init);
  return { e: "cond", type: elem, c: inRange, a: read, b: dflt };
}

/** Parameters written as patterns (`function f([a, b]: Pair)`): bound at the top of the body. */
export function destructureParams(l: Lowerer, decl: ts.Node): Stmt[] {
  if (!ts.isFunctionLike(decl)) return [];
  const out: Stmt[] = [];
  for (const p of decl.parameters) {
    if (ts.isIdentifier(p.name)) continue;
    const local = l.scope.locals.get(p);
    if (!local) continue;
    const type = p.type ? typeFromTypeNode(l, p.type) : irType(l, l.checker.getTypeAtLocation(p), p);
    out.push(...destructure(l, p.name, { e: "local", type, name: local }, bindLocal(l, p)));
  }
  return out;
}

/** Module-level `const [a, b] = ...`: one global per name (typed as tsc types it). */
export function declarePatternGlobals(l: Lowerer, d: ts.VariableDeclaration, mod: string): void {
  if (l.isNamespacePattern(d)) return; // its names are the namespace's members (context.ts)
  const visit = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) {
      const el = name.parent as ts.BindingElement;
      // `const { key, ...rest } = props` of a record with any keys, `key` tested: it may be undefined (object-spread.ts).
      const probed = el.parent === d.name && ts.isObjectBindingPattern(d.name) && !el.initializer && !el.dotDotDotToken && isOpenRecord(l, l.checker.getTypeAtLocation(d.name)) && usesProbe(l, el);
      const declared = irType(l, l.checker.getTypeAtLocation(name), name);
      const g: Global = { cname: l.uniqueName(`${mod}__${name.text}`), type: probed ? nullableType(l, declared, false, true) : declared, isConst: false };
      if (probed) markProbed(l, g.cname, true);
      l.globalsByDecl.set(el, g);
      l.program.globals.push(g);
      return;
    }
    for (const el of name.elements) if (!ts.isOmittedExpression(el)) visit(el.name);
  };
  visit(d.name);
}

/** The module-init statements of a module-level pattern declaration. */
export function initPatternGlobals(l: Lowerer, d: ts.VariableDeclaration): Stmt[] {
  if (!d.initializer || l.isNamespacePattern(d)) return [];
  const value = destructuredIterable(l, d.name, d.initializer) ?? collectionArray(l, d.initializer) ?? lowerExpr(l, d.initializer, d.type ? typeFromTypeNode(l, d.type) : undefined);
  return destructure(l, d.name, value, (name, v) => {
    const g = l.globalsByDecl.get(name.parent);
    if (!g) l.fail("TSOS9001", name, "pattern global");
    const target: Expr = { e: "global", type: g.type, name: g.cname };
    return [{ s: "expr", x: { e: "assign", type: g.type, target, value: coerce(l, v, g.type, name) }, loc: l.loc(name) }];
  });
}

// ---------------------------------------------------------------- assignment

/** `[a, b] = [b, a]` or `[x, y] = pair` as a statement: the right side first, then each target. */
export function destructuringAssignment(l: Lowerer, b: ts.BinaryExpression): Stmt[] {
  const left = b.left as ts.ArrayLiteralExpression;
  const out: Stmt[] = [];
  const values: Expr[] = [];
  const loc = l.loc(b);
  if (ts.isArrayLiteralExpression(b.right)) {
    if (b.right.elements.some((e) => ts.isSpreadElement(e))) l.fail("TSOS1086", b.right, "spread on the right of a destructuring assignment");
    for (const el of b.right.elements) {
      const v = lowerExpr(l, el);
      const tmp = l.temp();
      out.push({ s: "let", name: tmp, type: v.type, init: v, loc });
      values.push({ e: "local", type: v.type, name: tmp });
    }
  } else {
    const v = customIterableArray(l, b.right, left.elements.length) ?? lowerExpr(l, b.right); // lower/iterables.ts: only the elements named
    const tmp = l.temp();
    out.push({ s: "let", name: tmp, type: v.type, init: v, loc });
    const src: Expr = { e: "local", type: v.type, name: tmp };
    left.elements.forEach((el, i) => values.push(ts.isOmittedExpression(el) ? src : arrayElement(l, src, i, el)));
  }
  left.elements.forEach((el, i) => {
    if (ts.isOmittedExpression(el)) return;
    if (ts.isSpreadElement(el) || ts.isArrayLiteralExpression(el) || ts.isObjectLiteralExpression(el) || ts.isBinaryExpression(el))
      l.fail("TSOS1086", el, "this destructuring target");
    const value = values[i];
    if (!value) l.fail("TSOS1087", el, "the right side");
    out.push({ s: "expr", x: assignLowered(l, el, value, el), loc });
  });
  return out;
}

// ---------------------------------------------------------------- rest and spread

/** An array built from elements and spread arrays, left to right: `[...a, 1, ...b]`. */
export function spreadArray(l: Lowerer, elems: readonly ts.Expression[], type: Extract<Type, { k: "array" }>, node: ts.Node, wantAt?: (i: number) => Type | undefined): Expr {
  let acc: Expr | undefined;
  let run: Expr[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const lit: Expr = { e: "arraylit", type, elems: run, loc: l.loc(node) };
    acc = acc ? stdCall(l, "concat", [type.elem], [acc, lit], node) : lit;
    run = [];
  };
  const spread = elems.some((e) => ts.isSpreadElement(e));
  for (const [i, el] of elems.entries()) {
    if (ts.isSpreadElement(el)) {
      flush();
      // `...(augment ? augment.row(i) : [])` where the branches are different iterables: each branch spread on its own.
      const branches = conditionalSpread(l, el.expression, type, el);
      if (branches) {
        acc = stdCall(l, "concat", [type.elem], [acc ?? { e: "arraylit", type, elems: [], loc: l.loc(node) }, branches], node);
        continue;
      }
      let part = optionalSpreadArray(l, el.expression, type) ?? customIterableArray(l, el.expression, undefined, type.elem) ?? collectionArray(l, el.expression) ?? lowerExpr(l, el.expression, type);
      // `[...s]`: the characters of a string, as for...of visits them.
      if (part.type.k === "str") part = stdCall(l, "chars", [], [part], el);
      // `[...triple]`: a tuple's elements, each converted to the array's element type.
      if (isTuple(part.type)) {
        refuseOptionalTuple(l, part.type, el, "a spread");
        const held = l.temp();
        const tuple: Expr = { e: "local", type: part.type, name: held };
        const elems = part.type.cls.fields.map((f) => coerce(l, { e: "field", type: f.type, obj: tuple, name: f.name }, type.elem, el));
        const lit: Expr = { e: "arraylit", type, elems, loc: l.loc(el) };
        if (!acc) {
          acc = { e: "bind", type, name: held, value: part, body: lit };
          continue;
        }
        // The elements before the spread are evaluated first, as in JavaScript.
        const before = l.temp();
        acc = { e: "bind", type, name: before, value: acc, body: { e: "bind", type, name: held, value: part, body: stdCall(l, "concat", [type.elem], [{ e: "local", type, name: before }, lit], node) } };
        continue;
      }
      // `[...people]` with `people: string[] | readonly [string] | readonly [string, string]` (rows of an
      // `as const` table): the member the value holds, as an array of the element type.
      if (part.type.k === "union" && part.type.members.every((m) => m.k === "array" || isTuple(m))) part = unionAsArray(l, part, type, el);
      if (part.type.k !== "array") l.fail("TSOS1086", el, `spread of \`${typeName(part.type)}\``);
      // `[...[1, 2], ...new Set([2, 3]), ..."hi"]` as `(number | string)[]`: the elements, each widened (a spread copies anyway).
      // So are objects seen through an interface (`centroid(...pts)` with `pts` of literals and `...p: Point[]`).
      const viewed = type.elem.k === "view" && (part.type.elem.k === "class" || part.type.elem.k === "view");
      if (!sameType(part.type.elem, type.elem) && (unionWidens(part.type.elem, type.elem) || viewed)) part = widenedElements(l, part, type, el);
      const arr = coerce(l, part, type, el.expression);
      // A spread always copies: the new array never aliases the old one.
      acc = stdCall(l, "concat", [type.elem], [acc ?? { e: "arraylit", type, elems: [], loc: l.loc(node) }, arr], node);
    } else {
      const placed = !spread ? wantAt?.(i) : undefined;
      const want = placed && type.elem.k === "union" && type.elem.members.some((m) => sameType(m, placed)) ? placed : elementWant(l, el, type.elem);
      run.push(coerce(l, coerce(l, lowerExpr(l, el, want), want, el), type.elem, el));
    }
  }
  flush();
  return acc ?? { e: "arraylit", type, elems: [], loc: l.loc(node) };
}

/**
 * What an element of an array of `elem` is lowered as: `elem`, or where that is a union, the member tsc's
 * contextual type for the element names (the last argument of `get("/", auth, (req, res) => ...)` for a rest
 * parameter `[...Middleware[], Handler]` is a Handler, not either), converted into the union after.
 */
function elementWant(l: Lowerer, el: ts.Expression, elem: Type): Type {
  if (elem.k !== "union") return elem;
  const context = l.checker.getContextualType(el);
  const t = context && tryIrType(l, context, el);
  return t && elem.members.some((m) => sameType(m, t)) ? t : elem;
}

/** A new array of `to`'s element type holding `x`'s elements, each converted to it (a union that admits them). */
/** A union of arrays and tuples as a new array of `to`'s element type, from the member it holds. */
function unionAsArray(l: Lowerer, x: Expr, to: Extract<Type, { k: "array" }>, node: ts.Node): Expr {
  return unionConvert(l, x, to, (m) => {
    if (m.type.k === "array") return widenedElements(l, m, to, node);
    const tuple = m.type as Extract<Type, { k: "class" }>;
    refuseOptionalTuple(l, tuple, node, "a spread");
    const inner = l.temp();
    const local: Expr = { e: "local", type: tuple, name: inner };
    const elems = tuple.cls.fields.map((f) => coerce(l, { e: "field", type: f.type, obj: local, name: f.name }, to.elem, node));
    return { e: "bind", type: to, name: inner, value: m, body: { e: "arraylit", type: to, elems, loc: l.loc(node) } };
  })!;
}

function widenedElements(l: Lowerer, x: Expr, to: Extract<Type, { k: "array" }>, node: ts.Node): Expr {
  return mappedElements(l, "widen", x, to, (e) => coerce(l, e, to.elem, node), node);
}

/**
 * Arguments for a callee whose parameters are `params` (types) and whose
 * declaration may end in a rest parameter: the trailing arguments (spread
 * ones included) are packed into a new array.
 */
export function restArgs(l: Lowerer, decl: ts.SignatureDeclaration | undefined, args: readonly ts.Expression[], params: Type[], lowerArgs: (args: readonly ts.Expression[], params: Type[]) => Expr[]): Expr[] | undefined {
  const last = decl?.parameters[decl.parameters.length - 1];
  const hasSpread = args.some((a) => ts.isSpreadElement(a));
  if (!last?.dotDotDotToken) {
    if (hasSpread) return tupleSpreadArgs(l, args, params, lowerArgs);
    return undefined;
  }
  const k = decl!.parameters.length - 1;
  const restType = params[k];
  // A rest parameter of a tuple type (`...args: A` with A = [number, string]) is one parameter per element,
  // also where the first element is an array (`A = [string[]]`).
  if (!restType || restType.k !== "array" || tupleTypedRest(l, args, k)) return hasSpread ? tupleSpreadArgs(l, args, params, lowerArgs) : undefined;
  if (args.slice(0, k).some((a) => ts.isSpreadElement(a))) l.fail("TSOS1086", args.find((a) => ts.isSpreadElement(a))!, "spread before the rest parameter");
  const fixed = lowerArgs(args.slice(0, k), params.slice(0, k));
  return [...fixed, spreadArray(l, args.slice(k), restType, args[k] ?? decl!, restTupleWants(l, last, args.length - k))];
}

/** Whether the call `args` belong to passes them to a rest parameter (the `k`th) of a tuple type without rest elements. */
function tupleTypedRest(l: Lowerer, args: readonly ts.Expression[], k: number): boolean {
  const call = args[0]?.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return false;
  const param = l.checker.getResolvedSignature(call)?.parameters[k];
  const t = param && l.checker.getTypeOfSymbol(param);
  if (!t) return false;
  // A type parameter (`(...args: Args) => void` called in a generic class): a tuple in this instance.
  if (t.flags & ts.TypeFlags.TypeParameter) {
    const ir = quietIrType(l, t, call);
    return !!ir && isTuple(ir);
  }
  if (!l.checker.isTupleType(t)) return false;
  return ((t as ts.TypeReference).target as ts.TupleType).elementFlags.every((f) => f & (ts.ElementFlags.Required | ts.ElementFlags.Optional));
}

/**
 * `...fns: [...Middleware[], Handler]` given n arguments: the type each one has by its place (the last a Handler,
 * the others Middleware), as tsc checked them; undefined for a rest parameter of another type or with a spread.
 */
function restTupleWants(l: Lowerer, rest: ts.ParameterDeclaration, n: number): ((i: number) => Type | undefined) | undefined {
  const t = l.checker.getTypeAtLocation(rest);
  if (!l.checker.isTupleType(t)) return undefined;
  const flags = ((t as ts.TypeReference).target as ts.TupleType).elementFlags;
  const elems = l.checker.getTypeArguments(t as ts.TypeReference);
  const r = flags.findIndex((f) => f & ts.ElementFlags.Rest);
  if (r < 0 || flags.some((f, i) => i !== r && !(f & ts.ElementFlags.Required))) return undefined;
  const after = elems.length - r - 1;
  return (i) => {
    const j = i < r ? i : i >= n - after ? elems.length - (n - i) : r;
    return tryIrType(l, elems[j]!, rest);
  };
}

/**
 * The spread operand `c ? a : b` whose branches are iterables of different kinds (a class with
 * `[Symbol.iterator]` and an array literal): the branch taken spread into an array of `type`, or undefined
 * for any other operand (or branches of one type, which the operand's own lowering handles).
 */
function conditionalSpread(l: Lowerer, x: ts.Expression, type: Extract<Type, { k: "array" }>, el: ts.SpreadElement): Expr | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isConditionalExpression(x) || !l.checker.getTypeAtLocation(x).isUnion()) return undefined;
  const branch = (b: ts.Expression): Expr => spreadArray(l, [ts.factory.createSpreadElement(b)], type, el);
  return { e: "cond", type, c: lowerCondition(l, x.condition), a: branch(x.whenTrue), b: branch(x.whenFalse) };
}

/**
 * `f(...sides)` where `sides` is a tuple held in a variable or a field of one:
 * each element is an argument. Reading the variable once per element is
 * reading it once, as nothing runs in between.
 */
function tupleSpreadArgs(l: Lowerer, args: readonly ts.Expression[], params: Type[], lowerArgs: (args: readonly ts.Expression[], params: Type[]) => Expr[]): Expr[] {
  const out: Expr[] = [];
  for (const a of args) {
    if (!ts.isSpreadElement(a)) {
      out.push(...lowerArgs([a], [params[out.length]!]));
      continue;
    }
    const plain = ts.isIdentifier(a.expression) || (ts.isPropertyAccessExpression(a.expression) && a.expression.expression.kind === ts.SyntaxKind.ThisKeyword);
    const tuple = plain ? lowerExpr(l, a.expression) : undefined;
    if (!tuple || !isTuple(tuple.type)) l.fail("TSOS1086", a, "spread into parameters that are not a rest parameter");
    // `f(...args)` with `args: [string, boolean?]` last: an absent element is a parameter left out, which the
    // function sees as undefined; so passing undefined for it is the same. Elsewhere it would shift what follows.
    if (a !== args[args.length - 1]) refuseOptionalTuple(l, tuple.type, a, "a spread");
    for (const f of tuple.type.cls.fields) {
      const param = params[out.length];
      if (!param) l.fail("TSOS1086", a, "a spread of more values than the function has parameters");
      out.push(coerce(l, { e: "field", type: f.type, obj: tuple, name: f.name }, param, a));
    }
  }
  if (out.length < params.length) return [...out, ...lowerArgs([], params.slice(out.length))];
  return out;
}

void arrayType;
