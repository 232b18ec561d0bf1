/**
 * lower/records.ts: string-keyed records (`Record<string, V>`,
 * `Record<Color, V>`, `{ [key: string]: V }`) onto lib/std/map.ts's `Dict<V>`.
 *
 * Input:  expressions whose TypeScript type is such a record: object
 *         literals typed as one, `r[k]` and `r.name` reads and writes
 *         (`=`, `op=`, `++`, `??=`), `k in r`, `delete r[k]`,
 *         `for (const k in r)`, and `Object.keys/values/entries/fromEntries`.
 * Output: calls of `Dict<V>` methods (a Map<string, V> whose own-key order
 *         is JavaScript's: array-index keys ascending, then the others in
 *         insertion order).
 * Invariants:
 *   - A read of a missing key is `undefined`: the read is `V | undefined`
 *     (`r[k] ?? 0` and printing work). Where the record's key type is a
 *     finite set of names (TypeScript made the literal list every one), the
 *     read is the value, checked present.
 *   - Arithmetic on a missing key is JavaScript's: `r[k]++` and `r[k] += n`
 *     on numbers start from NaN, `r[k] += s` on strings from "undefined".
 *   - Number keys are strings, as in JavaScript: `r[3]` is `r["3"]` and
 *     `Object.keys` gives "3". Other key types are refused (TSOS1112), and
 *     so is `Object.keys` of anything that is not a record (TSOS1113).
 */
import { objectPropertiesCall } from "./object-keys.ts";
import { recordSpreadMember, type DictOps } from "./record-spread.ts";
import { isProbe, isProbedVariable } from "./probes.ts";
import { absentResult } from "./absent-results.ts";
import ts from "typescript";
import { checkerUnion } from "./unions.ts";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { classInfo, classInstance, constructorOf } from "./classes.ts";
import { markConstructed, resolveMember } from "./dispatch.ts";
import { classMember } from "./views.ts";
import { arith, castTo, coerce, lowerExpr } from "./expr.ts";
import { lowerFunctionValue } from "./lambdas.ts";
import { stringIndexOrUndefined } from "./string-methods.ts";
import { bindLocal, destructure, isTuple, newTuple } from "./destructure.ts";
import { mappedElements } from "./inspect.ts";
import { stdCall } from "./array-methods.ts";
import { arrayType, irType, sameType, tryIrType, typeName } from "./types.ts";
import { narrowRead, printable, truthyOf, unwrap } from "./nullable.ts";
import { isInt } from "../ints.ts";
import { STD_MAP, collectionArray, stdClassDecl } from "./collections.ts";
import { isMappedOverParam } from "./mapped-types.ts";
import { isKeyedObject } from "./keyed.ts";
import { enumHasOwn } from "./enums.ts";

/** The IR type of a string-keyed record type, or undefined for any other type. */
export function recordType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  // `{ [K in keyof E]?: ... }` for a parameter E with an index signature in its constraint: a view of E's keys (lower/mapped-types.ts).
  if (isMappedOverParam(l, type)) return undefined;
  const shape = recordShape(l, type) ?? spreadOfRecord(l, type);
  if (!shape) return undefined;
  if (!shape.stringKeys) l.fail("TSOS1112", node, l.checker.typeToString(type.aliasTypeArguments?.[0] ?? type));
  const value = irType(l, shape.value, node);
  return { k: "class", cls: classInstance(l, stdClassDecl(l, "Dict", node), [value]) };
}

/**
 * The type of an object literal that spreads a record, `{ ...row, salary }`: tsc lists only the named
 * properties, but the object has every entry of the record, so it is a record of the record's values.
 */
function spreadOfRecord(l: Lowerer, type: ts.Type): ReturnType<typeof recordShape> {
  const decl = type.flags & ts.TypeFlags.Object ? type.getSymbol()?.declarations?.[0] : undefined;
  if (!decl || !ts.isObjectLiteralExpression(decl)) return undefined;
  for (const p of decl.properties) {
    const shape = ts.isSpreadAssignment(p) ? recordShape(l, l.checker.getTypeAtLocation(p.expression)) : undefined;
    if (shape) return shape;
  }
  return undefined;
}

/** `Record<K, V>` (K string-like or not) or an object type that is only a string index signature. */
/** Whether an object type's named properties are plain data declared in the program's interfaces or type literals. */
function namedEntries(type: ts.Type): boolean {
  if ((type.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) return false;
  return type.getProperties().every((p) => {
    const decls = p.declarations ?? [];
    return decls.length > 0 && decls.every((d) => ts.isPropertySignature(d) && !d.getSourceFile().isDeclarationFile && !(d.type && ts.isFunctionTypeNode(d.type)));
  });
}

function recordShape(l: Lowerer, type: ts.Type): { value: ts.Type; stringKeys: boolean; finite: boolean } | undefined {
  const alias = type.aliasSymbol;
  // `type Schedule = Record<Field, Set<number>>`: the program's own name for a record (its type carries that name only).
  const own = alias?.declarations?.find(ts.isTypeAliasDeclaration);
  if (own && !own.getSourceFile().isDeclarationFile && !own.typeParameters && ts.isTypeReferenceNode(own.type) && own.type.typeName.getText() === "Record" && own.type.typeArguments?.length === 2) {
    const [k, v] = own.type.typeArguments.map((n) => l.checker.getTypeFromTypeNode(n)) as [ts.Type, ts.Type];
    return recordOf(l, k, v);
  }
  // `Readonly<Record<K, V>>` (or of the program's own name for one, `Readonly<CacheStats>`) is the record; TypeScript
  // refuses its writes.
  if (alias?.name === "Readonly" && alias.declarations?.every((d) => d.getSourceFile().isDeclarationFile) && type.aliasTypeArguments?.length === 1) {
    const inner = type.aliasTypeArguments[0]!;
    const own = inner.aliasSymbol?.declarations?.find(ts.isTypeAliasDeclaration);
    if (inner.aliasSymbol?.name === "Record" || (own && !own.getSourceFile().isDeclarationFile)) {
      const shape = recordShape(l, inner);
      if (shape) return shape;
    }
  }
  // `Partial<Record<Coin, number>>` with a numeric enum (or number literal) key, or a key of a string pattern: a record
  // whose keys may be missing.
  // (An object type with those keys would need JavaScript's order of integer keys, ascending before the others.)
  if (alias?.name === "Partial" && alias.declarations?.every((d) => d.getSourceFile().isDeclarationFile) && type.aliasTypeArguments?.length === 1) {
    const inner = type.aliasTypeArguments[0]!;
    const key = inner.aliasSymbol?.name === "Record" ? inner.aliasTypeArguments?.[0] : undefined;
    const keys = key?.isUnion() ? key.types : key ? [key] : [];
    // A key of any string of a pattern (`${string}${number}`) or any string: every key may be missing anyway.
    const open = (k: ts.Type): boolean => !!(k.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.String));
    const shape = keys.length && keys.every(open) ? recordShape(l, inner) : undefined;
    if (shape) return { ...shape, finite: false };
  }
  if (alias?.name === "Record" && alias.declarations?.every((d) => d.getSourceFile().isDeclarationFile) && type.aliasTypeArguments?.length === 2) {
    const [key, value] = type.aliasTypeArguments as [ts.Type, ts.Type];
    return recordOf(l, key, value);
  }
  if (type.isIntersection()) return intersectionShape(l, type);
  if (!(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length) return undefined;
  const numbered = numberKeyedLiteral(l, type);
  if (numbered) return numbered;
  const infos = l.checker.getIndexInfosOfType(type);
  if (infos.length !== 1 || !(infos[0]!.keyType.flags & ts.TypeFlags.String)) return undefined;
  // `interface Totals { [k: string]: number; total?: number }`: tsc makes every named property fit the index
  // signature, so the named ones are entries like the others (not methods, and not a class's).
  if (type.getProperties().length && !namedEntries(type)) return undefined;
  if (onlyForConstraint(type) && !keyedByString(l, type)) return undefined;
  return { value: infos[0]!.type, stringKeys: true, finite: false };
}

/**
 * `interface ShopEvents extends Record<string, unknown> { login: Login; logout: string }`: properties of its own,
 * and an index signature of unknowns only from `extends Record<string, unknown>`, which is there to meet a
 * constraint (`class Emitter<E extends Record<string, unknown>>`). It is an object type with those properties, not
 * a record, unless the program indexes it by a key known only at run time (keyedByString).
 */
function onlyForConstraint(type: ts.Type): boolean {
  const decls = type.getSymbol()?.declarations ?? [];
  if (!decls.length || !decls.every(ts.isInterfaceDeclaration) || !type.getProperties().length) return false;
  return decls.every((d) => {
    if (d.members.some(ts.isIndexSignatureDeclaration)) return false;
    const bases = (d.heritageClauses ?? []).flatMap((h) => h.types);
    return bases.length > 0 && bases.every((b) => {
      const [k, v] = b.typeArguments ?? [];
      return b.expression.getText() === "Record" && k?.kind === ts.SyntaxKind.StringKeyword && (v?.kind === ts.SyntaxKind.UnknownKeyword || v?.kind === ts.SyntaxKind.AnyKeyword);
    });
  });
}

/** Whether the program indexes a value of `type` by a key that is not a literal (`row[col]`, `k in row`): then it is a record. */
function keyedByString(l: Lowerer, type: ts.Type): boolean {
  const sym = type.getSymbol()!;
  let cache = stringKeyed.get(l);
  if (!cache) stringKeyed.set(l, (cache = new Map()));
  const known = cache.get(sym);
  if (known !== undefined) return known;
  const files = new Set<ts.SourceFile>([...(sym.declarations ?? []).map((d) => d.getSourceFile()), ...l.moduleNames.keys()]);
  const literal = (k: ts.Expression): boolean => {
    const t = l.checker.getTypeAtLocation(k);
    return (t.isUnion() ? t.types : [t]).every((p) => p.isStringLiteral() || p.isNumberLiteral());
  };
  const ofType = (x: ts.Expression): boolean => l.checker.getNonNullableType(l.checker.getTypeAtLocation(x)).getSymbol() === sym;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isElementAccessExpression(n) && ofType(n.expression) && !literal(n.argumentExpression)) found = true;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.InKeyword && ofType(n.right) && !literal(n.left)) found = true;
    else ts.forEachChild(n, visit);
  };
  for (const f of files) if (!f.isDeclarationFile) visit(f);
  cache.set(sym, found);
  return found;
}
const stringKeyed = new WeakMap<Lowerer, Map<ts.Symbol, boolean>>();

/**
 * `{ start: number } & Record<string, number>`, the type of `Object.assign({ start: 0 }, counts)`: a record
 * with any string keys, whose other parts are object literals' types with data properties of its value type.
 */
function intersectionShape(l: Lowerer, type: ts.IntersectionType): ReturnType<typeof recordShape> {
  const shapes = type.types.map((t) => recordShape(l, t));
  const record = shapes.find((s) => s && s.stringKeys && !s.finite);
  if (!record) return undefined;
  const literalData = (t: ts.Type): boolean => {
    const sym = t.getSymbol();
    if (!(t.flags & ts.TypeFlags.Object) || !sym || !(sym.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral))) return false;
    if (t.getCallSignatures().length || l.checker.getIndexInfosOfType(t).length) return false;
    // An optional property (`Props & { key?: string }`) is an entry that may be missing: its present type must fit.
    const entryType = (p: ts.Symbol): ts.Type => (p.flags & ts.SymbolFlags.Optional ? l.checker.getNonNullableType(l.checker.getTypeOfSymbol(p)) : l.checker.getTypeOfSymbol(p));
    return t.getProperties().every((p) => !(p.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor)) && l.checker.isTypeAssignableTo(entryType(p), record.value));
  };
  const same = (s: ReturnType<typeof recordShape>): boolean => !!s && s.stringKeys && !s.finite && s.value === record.value;
  return type.types.every((t, i) => same(shapes[i]) || literalData(t)) ? record : undefined;
}

/**
 * The type of an object literal whose keys are all integers written in ascending order (`{ 1: "st", 2: "nd", 3:
 * "rd" }`, `{ 200: "OK", 404: "Not Found" }`): a record of string keys, as JavaScript holds them (in ascending order
 * of the integers, which is the order written), whose values are the union of the properties' types.
 */
function numberKeyedLiteral(l: Lowerer, type: ts.Type): ReturnType<typeof recordShape> {
  const decl = type.getSymbol()?.flags! & ts.SymbolFlags.ObjectLiteral ? type.getSymbol()?.declarations?.[0] : undefined;
  if (!decl || !ts.isObjectLiteralExpression(decl) || !decl.properties.length) return undefined;
  const keys: number[] = [];
  for (const p of decl.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isNumericLiteral(p.name) || !/^(0|[1-9][0-9]{0,8})$/.test(p.name.text)) return undefined;
    keys.push(Number(p.name.text));
  }
  if (keys.some((k, i) => i > 0 && k <= keys[i - 1]!)) return undefined;
  const values = type.getProperties().map((p) => l.checker.getBaseTypeOfLiteralType(l.checker.getTypeOfSymbol(p)));
  return { value: checkerUnion(l, values), stringKeys: true, finite: false };
}

/** The shape of `Record<key, value>`. */
function recordOf(l: Lowerer, key: ts.Type, value: ts.Type): { value: ts.Type; stringKeys: boolean; finite: boolean } {
  {
    // A type parameter (`K extends string` in a generic helper) stands for keys of its constraint.
    const generic = (p: ts.Type): boolean => !!(p.flags & ts.TypeFlags.TypeParameter);
    const split = (p: ts.Type): ts.Type[] => (p.isUnion() ? p.types : [p]);
    const parts = split(key).flatMap((p) => (generic(p) ? split(l.checker.getBaseConstraintOfType(p) ?? p) : [p]));
    // Number keys are strings in JavaScript: `r[3]` is `r["3"]` (stringKey converts them).
    const stringKeys = parts.every((p) => p.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike));
    const finite = !split(key).some(generic) && parts.every((p) => p.flags & ts.TypeFlags.StringLiteral);
    return { value, stringKeys, finite };
  }
}

/** Whether `t` is a record (an instance of lib/std/map.ts's Dict). */
export function isRecord(t: Type): t is { k: "class"; cls: ClassInst } {
  if (t.k !== "class" || t.cls.literal || !t.cls.header) return false;
  const decl = classInfo(t.cls)?.decl;
  return !!decl && decl.getSourceFile().fileName === STD_MAP && decl.name?.text === "Dict";
}

export function recordValueType(t: Type): Type {
  const m = (t as { cls: ClassInst }).cls;
  return (m.base!.fields.find((f) => f.name === "entryValues")!.type as { elem: Type }).elem;
}

/** A call of the Dict method `name` on `recv` with lowered arguments. */
/** What record-spread.ts needs of records: a Dict method call, the record test and the value type. */
export function recordOps(l: Lowerer): DictOps {
  return { method: (r, name, args, n) => method(l, r, name, args, n), isRecord, valueType: recordValueType };
}

function method(l: Lowerer, recv: Expr, name: string, args: Expr[], node: ts.Node): Expr {
  const cls = (recv.type as { cls: ClassInst }).cls;
  const m = classMember(l, cls, name);
  if (m?.kind !== "method") l.fail("TSOS9001", node, `lib/std/map.ts's Dict has no method \`${name}\``);
  const r = resolveMember(l, cls, m.decl, []);
  return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, recv, r.self, node), ...args.map((a, i) => coerce(l, a, r.params[i]!, node))] };
}

/**
 * `String(r)` of a record: "[object Object]", as for any plain object. A record holding a `toString` key
 * would have JavaScript call it (or fail): that panics instead.
 */
export function recordString(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (!isRecord(x.type)) return undefined;
  return bind(l, x, (r) => {
    const own: Expr = method(l, r, "has", [{ e: "str", type: T.str, value: "toString" }], node);
    const panic: Expr = { e: "panic", type: T.void, message: { e: "str", type: T.str, value: "String() of a record with its own `toString` key is not supported" }, loc: l.loc(node) };
    const text: Expr = { e: "str", type: T.str, value: "[object Object]" };
    return { e: "cond", type: T.str, c: own, a: { e: "seq", type: T.str, xs: [panic, text] }, b: text };
  });
}

/** A temporary bound around `body` (unless `init` is already a plain name or constant). */
function bind(l: Lowerer, init: Expr, body: (ref: Expr) => Expr): Expr {
  if (init.e === "local" || init.e === "str" || init.e === "int" || init.e === "bool") return body(init);
  const name = l.temp();
  const inner = body({ e: "local", type: init.type, name });
  return { e: "let", type: inner.type, name, init, body: inner };
}

/**
 * `root["a"] = {}` with `root: Record<string, unknown>`: an empty object held as `unknown` is one the program
 * fills in later through a record (`(node[seg] ??= {}) as Record<string, unknown>`), so it is built as a new
 * `Record<string, unknown>`, which JSON, printing, `typeof` and `Object.keys` see as the same empty object.
 */
export function emptyUnknownRecord(l: Lowerer, node: ts.Node): Expr {
  return newRecord(l, unknownRecordType(l, node), node);
}

/** `Record<string, unknown>`. */
function unknownRecordType(l: Lowerer, node: ts.Node): Type {
  return { k: "class", cls: classInstance(l, stdClassDecl(l, "Dict", node), [{ k: "dyn" }]) };
}

/** Entry `key` of the record `rec` read as an object type's member (views.ts): an optional one is undefined when missing, a required one panics. */
export function recordEntryRead(l: Lowerer, rec: Expr, key: Expr, optional: boolean, node: ts.Node): Expr {
  return method(l, rec, optional ? "get" : "getPresent", [key], node);
}

/** Whether the record `rec` has the entry `key` (`"id" in v` for a record seen as an object type, inspect.ts). */
export function recordEntryHas(l: Lowerer, rec: Expr, key: Expr, node: ts.Node): Expr {
  return method(l, rec, "has", [key], node);
}

/** Entry `key` of the record `rec` set to `value` through an object type's member (views.ts). */
export function recordEntryWrite(l: Lowerer, rec: Expr, key: Expr, value: Expr, node: ts.Node): Expr {
  const v = recordValueType(rec.type);
  // An optional member's setter takes undefined too, which a record of present values cannot hold: checked.
  const present = value.type.k === "nullable" && v.k !== "nullable" && v.k !== "dyn" ? unwrap(l, value, node, "nonnull") : value;
  return method(l, rec, "set", [key, coerce(l, present, v, node)], node);
}

/** A new empty record of type `t` (record-copies.ts). */
export function newRecordOf(l: Lowerer, t: Type, node: ts.Node): Expr {
  return newRecord(l, t, node);
}

/** A new empty record of type `t`. */
function newRecord(l: Lowerer, t: Type, node: ts.Node): Expr {
  const cls = (t as { cls: ClassInst }).cls;
  markConstructed(l, cls);
  const ctor = constructorOf(l, cls);
  return { e: "new", type: t, cls, init: ctor.init, args: [], loc: l.loc(node) };
}

/** An object literal whose type (or wanted type) is a record, or undefined. */
export function recordLiteral(l: Lowerer, node: ts.ObjectLiteralExpression, want0?: Type): Expr | undefined {
  // An optional record parameter (`extra?: Config`) takes the literal as the record.
  const want = want0?.k === "nullable" ? want0.inner : want0;
  const t = want && isRecord(want) ? want : undefined;
  // `{ ... } satisfies Record<K, V>` checks the literal against the record type; the literal keeps its own type.
  let outer: ts.Node = node.parent;
  const asConst = (n: ts.Node): boolean => ts.isAsExpression(n) && ts.isConstTypeReference(n.type);
  while (ts.isParenthesizedExpression(outer) || asConst(outer)) outer = outer.parent;
  const contextual = ts.isSatisfiesExpression(outer) ? undefined : l.checker.getContextualType(node);
  const type = t ?? (() => {
    const own = l.checker.getTypeAtLocation(node);
    const shape = recordShape(l, contextual ?? own);
    if (shape && contextual) return recordType(l, contextual, node);
    // `JSON.stringify({ msg, ...fields })` with `fields` a record and nothing (or any) to say what the
    // literal should be: it holds every entry of the record, so it is a record of the record's values.
    const free = !contextual || !!(contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
    return free && spreadOfRecord(l, own) ? recordType(l, own, node) : undefined;
  })();
  if (!type || !isRecord(type)) return undefined;
  const v = recordValueType(type);
  const sets: ((d: Expr) => Expr)[] = node.properties.map((p) => {
    // `{ ...defaults, ...overrides }` (lower/record-spread.ts).
    if (ts.isSpreadAssignment(p)) return recordSpreadMember(l, p.expression, v, recordOps(l));
    // `{ go(arg) { ... } }` in a record of functions: the method is a function value like `go: (arg) => ...`
    // (one that uses `this` is refused there, as a function expression's own `this` is).
    if (ts.isMethodDeclaration(p) && !p.asteriskToken && !p.questionToken && v.k === "fn") {
      const key = propertyKey(l, p.name);
      const value = coerce(l, lowerFunctionValue(l, p as unknown as ts.FunctionExpression, v), v, p);
      return (d: Expr) => method(l, d, "set", [key, value], p);
    }
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) l.fail("TSOS1005", p, "this kind of member in a record literal");
    const key = propertyKey(l, p.name);
    const valueNode = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    const value = coerce(l, lowerExpr(l, valueNode, v), v, valueNode);
    return (d: Expr) => method(l, d, "set", [key, value], p);
  });
  return bind(l, newRecord(l, type, node), (d) => ({ e: "seq", type: d.type, xs: [...sets.map((s) => s(d)), d] }));
}

/** A property name as the string key it is in JavaScript. */
function propertyKey(l: Lowerer, name: ts.PropertyName): Expr {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return { e: "str", type: T.str, value: name.text };
  if (ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return { e: "str", type: T.str, value: ts.isNumericLiteral(name) ? String(Number(name.text)) : name.text };
  if (ts.isComputedPropertyName(name)) return stringKey(l, name.expression);
  l.fail("TSOS1005", name, "this kind of property name in a record literal");
}

/** A key expression as the string JavaScript makes of it (a number key as `String(n)`). */
function stringKey(l: Lowerer, x: ts.Expression): Expr {
  let inner = x;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  // `values[s[i + 1]]` past the end of s: the key is undefined, which JavaScript makes the string "undefined".
  if (ts.isElementAccessExpression(inner)) {
    const read = lowerExpr(l, inner, T.str);
    const maybe = stringIndexOrUndefined(l, read, { k: "nullable", inner: T.str, null: false, undef: true });
    if (maybe) return { e: "optstr", type: T.str, x: maybe };
    if (read.type.k === "str" && !read.type.borrowed) return read;
  }
  const k = lowerExpr(l, x, T.str);
  if (k.type.k === "int" && (k.type.kind === "number" || !l.doubles)) return { e: "concat", type: T.str, parts: [printable(k)] };
  if (k.type.k !== "str" || k.type.borrowed) l.fail("TSOS1112", x, typeName(k.type));
  return k;
}

/** The record and key that `r[k]` or `r.name` reads or writes, or undefined if `x` is no such access. */
function recordAccess(l: Lowerer, x: ts.Expression): { rec: Expr; key: () => Expr; finite: boolean } | undefined {
  // `counts[k]! += 1`: the assertion does not change what is assigned.
  while (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  if (!ts.isElementAccessExpression(x) && !ts.isPropertyAccessExpression(x)) return undefined;
  // `r?.[k]` on an optional record: the chain has tested r (lower/nullable.ts lowerOptionalChain).
  const objType = l.checker.getNonNullableType(l.checker.getTypeAtLocation(x.expression));
  const spread = recordShape(l, objType) ? undefined : spreadOfRecord(l, objType);
  const shape = recordShape(l, objType) ?? spread;
  if (!shape) return undefined;
  const rec = lowerExpr(l, x.expression);
  if (!isRecord(rec.type)) return undefined;
  const key = ts.isElementAccessExpression(x) ? () => stringKey(l, x.argumentExpression) : () => ({ e: "str", type: T.str, value: x.name.text }) as Expr;
  // `{ ...row, salary }.salary`: a property the literal names is there.
  return { rec, key, finite: shape.finite || (!!spread && !!l.checker.getPropertyOfType(objType, ts.isPropertyAccessExpression(x) ? x.name.text : "")) };
}

/**
 * `r[k]` / `r.name` on a record. TypeScript types the read `V`, but a missing
 * key reads `undefined`; what that does depends on where the read is used:
 *   - where `undefined` is tested or printed (`??`, `||`, `=== undefined`,
 *     `!`, a condition, a template, console.log): the read is `V | undefined`;
 *   - as a number operand of arithmetic or a comparison: `undefined` acts as
 *     NaN there (ToNumeric), so a missing key reads NaN;
 *   - anywhere else (stored, passed, returned): the value, and a missing key
 *     panics rather than continuing with a wrong value.
 * Where the key type is a finite set of names, every key is present.
 */
export function recordRead(l: Lowerer, x: ts.Expression): Expr | undefined {
  const a = recordAccess(l, x);
  if (!a) return undefined;
  const v = recordValueType(a.rec.type);
  // Every key of a finite record is there, unless the program built it up from `{} as Record<K, V>`: where the
  // read is tested for undefined (`m[k] ?? 0`) it reads as undefined then.
  const use0 = readUse(l, x, v);
  // A record whose values admit undefined (`Record<string, string | undefined>`): a missing key reads as that undefined.
  if (!a.finite && v?.k === "nullable" && v.undef) return narrowRead(l, x, coerce(l, method(l, a.rec, "get", [a.key()], x), v, x));
  // A record of unknowns (`Record<string, unknown>`): an unknown holds undefined itself, so a missing key is that
  // undefined wherever it is read.
  if (!a.finite && v?.k === "dyn") return narrowRead(l, x, coerce(l, method(l, a.rec, "get", [a.key()], x), v, x));
  const use = a.finite && (use0 !== "maybe" || intoLibraryArgument(l, outermost(x))) ? "value" : use0;
  // `typeof obj["host"] === "string" && obj["host"].length`: a read with a literal key narrows as TypeScript narrowed it (checked).
  if (use === "value") return narrowRead(l, x, method(l, a.rec, "getPresent", [a.key()], x));
  const got = method(l, a.rec, "get", [a.key()], x);
  // An `unknown` value holds undefined itself: a missing key is that undefined.
  if (use === "maybe" && v?.k === "dyn" && got.type.k === "nullable") return coerce(l, got, v, x);
  return use === "maybe" ? got : narrowRead(l, x, missingAs(l, got, v, x));
}

/**
 * `const f = handlers[name]` where the program tests f (`if (f)`, `f ?? d`,
 * lower/probes.ts): the read as `V | undefined`; undefined when `x` is no
 * read of a record with arbitrary keys.
 */
export function recordReadOrUndefined(l: Lowerer, x: ts.Expression): Expr | undefined {
  const a = recordAccess(l, x);
  const v = a && recordValueType(a.rec.type);
  // A record whose values admit undefined already reads it; one of `V | null` reads `V | null | undefined`.
  if (!a || a.finite || (v?.k === "nullable" && v.undef)) return undefined;
  return method(l, a.rec, "get", [a.key()], x);
}

const NUMERIC_OPS = new Set([
  ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.PercentEqualsToken,
]);

/**
 * Whether the read `n` is passed, returned or stored where undefined fits
 * (`return r[k]` from a function returning `V | undefined`, `f(r[k])` to an
 * optional parameter, `cur = cur[part]` with `cur: V | undefined`): then it
 * is the read as it is. TypeScript narrows an assigned local to `V`, so such
 * a local is declared with checked reads (`markProbed`, probes.ts
 * untrackedUndefinedLocal), never unchecked ones.
 */
function intoOptional(l: Lowerer, n: ts.Expression): boolean {
  // Returned from a function whose callers test its result (lower/absent-results.ts).
  const fn = ts.isReturnStatement(n.parent) || (ts.isArrowFunction(n.parent) && n.parent.body === n) ? ts.findAncestor(n.parent, ts.isFunctionLike) : undefined;
  if (fn && absentResult(l, ts.isArrowFunction(n.parent) ? n.parent : fn)) return true;
  const context = l.checker.getContextualType(n);
  if (!context || !(context.flags & ts.TypeFlags.Union) || !(context as ts.UnionType).types.some((t) => t.flags & ts.TypeFlags.Undefined)) return false;
  if (tryIrType(l, context, n)?.k !== "nullable") return false;
  const p = n.parent;
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === n) || ts.isArrayLiteralExpression(p)) return true;
  // A parameter with a default takes the value itself (the default applies at the call), not undefined.
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n)) return !defaultedParameter(l, p, n);
  if (ts.isPropertyAssignment(p) && p.initializer === n) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n && ts.isIdentifier(p.left)) {
    const decl = l.symbolOf(p.left)?.valueDeclaration;
    const local = decl && l.scope.locals.get(decl);
    // Only a local declared knowing it (probes.ts recordAssignedLocal), so that every read of it is checked.
    return !!local && isProbedVariable(l, { e: "local", type: T.void, name: local });
  }
  return false;
}

/**
 * `xs.sort(COMPARATORS[strategy])`: a read passed to a library function's
 * optional parameter, which the library's lowering takes as a value. Read from
 * a record with a finite key set, every key is there.
 */
function intoLibraryArgument(l: Lowerer, n: ts.Expression): boolean {
  const p = n.parent;
  if (!(ts.isCallExpression(p) || ts.isNewExpression(p)) || !p.arguments?.includes(n)) return false;
  return !!l.checker.getResolvedSignature(p)?.getDeclaration()?.getSourceFile().isDeclarationFile;
}

/** Whether `type` is a record whose keys are any strings (a read may find no entry). */
export function isOpenRecord(l: Lowerer, type: ts.Type): boolean {
  const shape = recordShape(l, type);
  return !!shape && shape.stringKeys && !shape.finite;
}

/** How a record read at `x` is used: tested for undefined ("maybe"), as a number operand ("number"), or as a value. */
/** Whether the argument `arg` of `call` is for a parameter declared with a default. */
function defaultedParameter(l: Lowerer, call: ts.CallExpression | ts.NewExpression, arg: ts.Expression): boolean {
  const params = l.checker.getResolvedSignature(call)?.getParameters() ?? [];
  const decl = params[call.arguments!.indexOf(arg)]?.valueDeclaration;
  return !!decl && ts.isParameter(decl) && !!decl.initializer;
}

/** `x` with the parentheses around it. */
function outermost(x: ts.Expression): ts.Expression {
  let n = x;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

function readUse(l: Lowerer, x: ts.Expression, v: Type): "maybe" | "number" | "value" {
  const n = outermost(x);
  const p = n.parent;
  const isNumber = v.k === "int" && v.kind === "number" && l.doubles;
  if (intoOptional(l, n as ts.Expression)) return "maybe";
  // `spec.aliases?.[tok]`: the chain's value is `V | undefined` already, and a missing key is one more undefined.
  const chain = ts.isOptionalChain(x) ? l.checker.getTypeAtLocation(x) : undefined;
  if (chain?.isUnion() && chain.types.some((t) => t.flags & ts.TypeFlags.Undefined)) return "maybe";
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    const K = ts.SyntaxKind;
    // `aliases[verb] ?? aliases[noun] ?? noun`: the middle read is tested by the outer `??` (as probes.ts isProbe).
    // `return table[a] ?? fallback[b]` where the result may be undefined: the last read is optional too.
    if (op === K.QuestionQuestionToken || op === K.BarBarToken) return p.left === n || isProbe(p) || intoOptional(l, p) ? "maybe" : "value";
    if (op === K.AmpersandAmpersandToken) return p.left === n ? "maybe" : "value";
    if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) return "maybe";
    if (isNumber && NUMERIC_OPS.has(op) && (p.left !== n || op < K.FirstAssignment || op > K.LastAssignment)) return "number";
    if (isNumber && (op === K.PlusToken || op === K.PlusEqualsToken) && p.right === n) {
      const other = l.checker.getTypeAtLocation(p.left);
      if (other.flags & ts.TypeFlags.NumberLike) return "number";
    }
    if (isNumber && op === K.PlusToken && p.left === n) {
      const other = l.checker.getTypeAtLocation(p.right);
      if (other.flags & ts.TypeFlags.NumberLike) return "number";
    }
    return "value";
  }
  if (ts.isPrefixUnaryExpression(p)) {
    if (p.operator === ts.SyntaxKind.ExclamationToken) return "maybe";
    if (isNumber && (p.operator === ts.SyntaxKind.MinusToken || p.operator === ts.SyntaxKind.PlusToken)) return "number";
    return "value";
  }
  if (ts.isTemplateSpan(p) || ts.isTypeOfExpression(p) || ts.isNonNullExpression(p)) return "maybe";
  // `{ ...defaults, ...overrides[key] }`: spreading undefined copies nothing.
  if (ts.isSpreadAssignment(p)) return "maybe";
  // `aliases[verb]?.toUpperCase()`: the chain tests the read.
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === n && p.questionDotToken) return "maybe";
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) return "maybe";
  if (ts.isConditionalExpression(p) && p.condition === n) return "maybe";
  // `const fn = m ? FILTERS[m[1]] : undefined`: a branch of a conditional whose value may be undefined anyway.
  if (ts.isConditionalExpression(p) && p.condition !== n && (admitsUndefined(l, p) || intoOptional(l, outermost(p)))) return "maybe";
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = p.expression.getText();
    if (callee === "console.log" || callee === "console.error" || callee === "String") return "maybe";
    // `Number(config["port"])` on unknown values: a missing key is undefined, which Number makes NaN.
    if (callee === "Number" && v.k === "dyn") return "maybe";
  }
  return "value";
}

/** Whether the value of `x` is `T | undefined`, in TypeScript and in its lowered type. */
function admitsUndefined(l: Lowerer, x: ts.Expression): boolean {
  const type = l.checker.getTypeAtLocation(x);
  if (!type.isUnion() || !type.types.some((t) => t.flags & ts.TypeFlags.Undefined)) return false;
  return tryIrType(l, type, x)?.k === "nullable";
}

/** `const { a, b: x } = r` on a record: the entry's value (a missing one panics); undefined when `rec` is not a record. */
/** Entry `key` of the record `rec` as `V | undefined` (undefined where it is missing, as JavaScript reads it). */
export function recordEntryOrUndefined(l: Lowerer, rec: Expr, key: string, node: ts.Node): Expr {
  return method(l, rec, "get", [{ e: "str", type: T.str, value: key }], node);
}

export function recordField(l: Lowerer, rec: Expr, key: string, node: ts.Node): Expr | undefined {
  if (!isRecord(rec.type)) return undefined;
  // A record whose values may be undefined (`Record<string, string | undefined>`): a missing key is undefined too.
  const v = recordValueType(rec.type);
  if (v.k === "nullable" && v.undef) return coerce(l, method(l, rec, "get", [{ e: "str", type: T.str, value: key }], node), v, node);
  return method(l, rec, "getPresent", [{ e: "str", type: T.str, value: key }], node);
}

/** The value a missing key reads as in arithmetic: NaN for numbers, "undefined" when concatenated to a string. */
/**
 * `const cur = romans[s[i]]` (no annotation) on a record of numbers, where
 * every use of the local is a number operand (`cur < next`, `total - cur`):
 * a missing key reads NaN, which is what `undefined` is there. Undefined
 * for any other declaration.
 */
export function numericRecordLocal(l: Lowerer, decl: ts.VariableDeclaration): Expr | undefined {
  if (!ts.isIdentifier(decl.name) || decl.type || !decl.initializer || !l.doubles) return undefined;
  const init = decl.initializer;
  if (!ts.isElementAccessExpression(init)) return undefined;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return undefined;
  let uses = 0;
  let numeric = true;
  const visit = (n: ts.Node): void => {
    if (!numeric) return;
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym) {
      uses++;
      let m: ts.Node = n;
      while (ts.isParenthesizedExpression(m.parent)) m = m.parent;
      const p = m.parent;
      const ok = (ts.isBinaryExpression(p) && NUMERIC_OPS.has(p.operatorToken.kind) && !(p.left === m && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment))
        || (ts.isPrefixUnaryExpression(p) && (p.operator === ts.SyntaxKind.MinusToken || p.operator === ts.SyntaxKind.PlusToken))
        // `total += cur`, `cur + 1`: a sum with a number.
        || (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.PlusToken || (p.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && p.right === m))
          && (l.checker.getTypeAtLocation(p.left === m ? p.right : p.left).flags & ts.TypeFlags.NumberLike) !== 0);
      if (!ok) numeric = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  if (!numeric || !uses) return undefined;
  const a = recordAccess(l, init);
  const v = a && recordValueType(a.rec.type);
  if (!a || a.finite || v?.k !== "int" || v.kind !== "number") return undefined;
  return missingAs(l, method(l, a.rec, "get", [a.key()], init), v, init);
}

function missingAs(l: Lowerer, old: Expr, v: Type, node: ts.Node): Expr {
  if (v.k === "int" && v.kind === "number" && l.doubles) return { e: "cond", type: v, c: { e: "isnullish", type: T.bool, x: old, which: "either" }, a: { e: "num", type: v, value: NaN }, b: { e: "unwrap", type: v, x: old, loc: l.loc(node) } };
  if (v.k === "str") return { e: "cond", type: v, c: { e: "isnullish", type: T.bool, x: old, which: "either" }, a: { e: "str", type: T.str, value: "undefined" }, b: { e: "unwrap", type: v, x: old, loc: l.loc(node) } };
  return { e: "unwrap", type: v, x: old, loc: l.loc(node), check: "nonnull" };
}

/**
 * `r[k] = v`, `r[k] op= v`, `r[k] ??= v` on a record; undefined when the
 * target is not a record access.
 */
/** `rec[k] = value` with the value already lowered (a destructuring assignment's element); undefined when not a record. */
export function recordStore(l: Lowerer, target: ts.Expression, value: Expr, node: ts.Node): Expr | undefined {
  const a = recordAccess(l, target);
  if (!a) return undefined;
  const v = coerce(l, value, recordValueType(a.rec.type), node);
  return bind(l, a.rec, (rec) => bind(l, a.key(), (key) => bind(l, v, (t) => ({ e: "seq", type: t.type, xs: [method(l, rec, "set", [key, t], node), t] }))));
}

export function recordAssign(l: Lowerer, b: ts.BinaryExpression, compound: ts.SyntaxKind | undefined): Expr | undefined {
  const op = b.operatorToken.kind;
  const a = recordAccess(l, b.left);
  if (!a) return undefined;
  const v = recordValueType(a.rec.type);
  return bind(l, a.rec, (rec) =>
    bind(l, a.key(), (key) => {
      const store = (value: Expr): Expr => bind(l, value, (t) => ({ e: "seq", type: t.type, xs: [method(l, rec, "set", [key, t], b), t] }));
      if (op === ts.SyntaxKind.EqualsToken) return store(coerce(l, lowerExpr(l, b.right, v), v, b.right));
      const old = method(l, rec, "get", [key], b);
      if (op === ts.SyntaxKind.QuestionQuestionEqualsToken)
        return bind(l, old, (o) => ({
          e: "cond",
          type: v,
          // Missing, or (a record of unknowns, whose unknown holds a missing entry's undefined) holding null or undefined.
          c: { e: "isnullish", type: T.bool, x: v.k === "dyn" ? coerce(l, o, v, b) : o, which: "either" },
          a: store(coerce(l, lowerExpr(l, b.right, v), v, b.right)),
          b: { e: "unwrap", type: v, x: o, loc: l.loc(b) },
        }));
      // `(groups[k] ||= []).push(x)`: a missing or falsy entry is replaced.
      if (op === ts.SyntaxKind.BarBarEqualsToken)
        return bind(l, old, (o) => ({
          e: "cond",
          type: v,
          c: truthyOf(o) ?? l.fail("TSOS2008", b.operatorToken, "||=", typeName(v)),
          a: { e: "unwrap", type: v, x: o, loc: l.loc(b) },
          b: store(coerce(l, lowerExpr(l, b.right, v), v, b.right)),
        }));
      if (compound === undefined) l.fail("TSOS1005", b, "this assignment to a record entry");
      return bind(l, old, (o) => store(coerce(l, arith(l, compound, missingAs(l, o, v, b), b.right, v, b), v, b)));
    }),
  );
}

/** `r[k]++`, `--r.name` on a record; undefined when the operand is not a record access. */
export function recordIncDec(l: Lowerer, operand: ts.Expression, op: "+" | "-", postfix: boolean, node: ts.Node): Expr | undefined {
  const a = recordAccess(l, operand);
  if (!a) return undefined;
  const v = recordValueType(a.rec.type);
  if (!isInt(v)) l.fail("TSOS2008", node, op + op, typeName(v));
  return bind(l, a.rec, (rec) =>
    bind(l, a.key(), (key) =>
      bind(l, missingAs(l, method(l, rec, "get", [key], node), v, node), (old) => {
        const next: Expr = { e: "binary", type: v, op, a: old, b: { e: "int", type: v, value: 1n }, loc: l.loc(node) };
        return bind(l, next, (t) => ({ e: "seq", type: v, xs: [method(l, rec, "set", [key, t], node), postfix ? old : t] }));
      }),
    ),
  );
}

/** `k in r`; undefined when the right side is not a record. */
export function recordIn(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  const right = l.checker.getTypeAtLocation(b.right);
  // `k in o` with `o: T` in a generic instance where T is a record.
  const generic = right.flags & ts.TypeFlags.TypeParameter && isRecord(tryIrType(l, right, b.right) ?? T.void);
  if (!generic && !recordShape(l, right) && !spreadOfRecord(l, right)) return undefined;
  const key = stringKey(l, b.left);
  const rec = lowerExpr(l, b.right);
  if (!isRecord(rec.type)) return undefined;
  // Every object also has what it inherits from Object.prototype: `"toString" in counts` is true.
  return bind(l, key, (k) => method(l, rec, "hasOrInherits", [k], b));
}

/** `delete r[k]`: always true, as in JavaScript; undefined when the operand is not a record access. */
export function recordDelete(l: Lowerer, d: ts.DeleteExpression): Expr | undefined {
  const a = recordAccess(l, d.expression);
  if (!a) return undefined;
  return { e: "seq", type: T.bool, xs: [method(l, a.rec, "delete", [a.key()], d), { e: "bool", type: T.bool, value: true }] };
}

/** `for (const k in r)`: the keys present when the loop starts, in own-key order, each skipped if deleted before its turn. */
export function recordForIn(l: Lowerer, f: ts.ForInStatement, lowerBody: () => Stmt[]): Stmt | undefined {
  const over = l.checker.getTypeAtLocation(f.expression);
  // `for (const k in o)` with `o: T` in a generic instance: by what T is there, a record or an object.
  const generic = !!(over.flags & ts.TypeFlags.TypeParameter);
  if (!generic && !recordShape(l, over) && !spreadOfRecord(l, over)) return objectForIn(l, f, over, lowerBody);
  const rec = lowerExpr(l, f.expression);
  // A mapped type over a type parameter (`{ [K in keyof E]?: H[] }`) in an instance: an object of known properties.
  if (!isRecord(rec.type)) return objectForIn(l, f, over, lowerBody, rec);
  return keyLoop(l, f, rec, (r) => method(l, r, "ownKeys", [], f), (r, k) => ({ e: "not", type: T.bool, x: method(l, r, "has", [k], f) }), lowerBody);
}

/**
 * `for (const key in obj)` over a class instance or an interface value: its own enumerable keys, as
 * `Object.keys(obj)` lists them (methods and getters live on the prototype and are not enumerable), in
 * the object's order. An optional member deleted during the loop is still visited: the keys are listed
 * when the loop starts.
 */
function objectForIn(l: Lowerer, f: ts.ForInStatement, over: ts.Type, lowerBody: () => Stmt[], lowered?: Expr): Stmt | undefined {
  if (!lowered && (!(over.flags & ts.TypeFlags.Object) || l.checker.isArrayType(over) || l.checker.isTupleType(over))) return undefined;
  const obj = lowered ?? lowerExpr(l, f.expression);
  if (!isKeyedObject(obj.type)) return undefined;
  const strings = arrayType(l, T.str);
  const keys = (o: Expr): Expr => objectPropertiesCall(l, "keys", o, f.expression, f, strings) ?? l.fail("TSOS1005", f, "`for...in` over this object");
  return keyLoop(l, f, obj, keys, () => undefined, lowerBody);
}

/** The loop of a `for...in`: `obj` held, its `keys` listed once, each key bound and the body run unless `skip` says so. */
function keyLoop(l: Lowerer, f: ts.ForInStatement, obj: Expr, keysOf: (o: Expr) => Expr, skipKey: (o: Expr, key: Expr) => Expr | undefined, lowerBody: () => Stmt[]): Stmt {
  const rec = obj;
  if (!ts.isVariableDeclarationList(f.initializer) || f.initializer.declarations.length !== 1 || !(f.initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)))
    l.fail("TSOS1005", f.initializer, "this `for...in` head");
  const decl = f.initializer.declarations[0]!;
  const loc = l.loc(f);
  const rName = l.temp();
  const kName = l.temp();
  const iName = l.temp();
  const r: Expr = { e: "local", type: rec.type, name: rName };
  const keysCall = keysOf(r);
  const keys: Expr = { e: "local", type: keysCall.type, name: kName };
  const usize = T.int("usize");
  const i: Expr = { e: "local", type: usize, name: iName };
  const key: Expr = { e: "index", type: T.str, arr: keys, idx: i, loc, unchecked: true };
  const binds = destructure(l, decl.name, key, bindLocal(l, decl));
  const keyRef = binds[0]?.s === "let" ? ({ e: "local", type: T.str, name: binds[0].name } as Expr) : key;
  const skipIf = skipKey(r, keyRef);
  const skip: Stmt[] = skipIf ? [{ s: "if", c: skipIf, then: [{ s: "continue", loc }], loc }] : [];
  return {
    s: "block",
    body: [
      { s: "let", name: rName, type: rec.type, init: rec, loc },
      { s: "let", name: kName, type: keysCall.type, init: keysCall, loc },
      {
        s: "for",
        init: [{ s: "let", name: iName, type: usize, init: { e: "int", type: usize, value: 0n }, loc }],
        c: { e: "binary", type: T.bool, op: "<", a: i, b: { e: "arraymethod", type: usize, method: "length", arr: keys, args: [], loc }, loc },
        step: [{ e: "compound", type: usize, target: i, value: { e: "binary", type: usize, op: "+", a: { e: "current", type: usize }, b: { e: "int", type: usize, value: 1n }, loc }, postfix: false }],
        body: [...binds, ...skip, ...lowerBody()],
        loc,
      },
    ],
  };
}

/** Whether tsc's type is the standard `Map` (not a record or another iterable). */
function isStdMap(t: ts.Type): boolean {
  const name = t.getSymbol()?.getName();
  return (name === "Map" || name === "ReadonlyMap") && !!t.getSymbol()?.declarations?.some((d) => d.getSourceFile().hasNoDefaultLib || d.getSourceFile().fileName.endsWith(".d.ts"));
}

/**
 * `Object.fromEntries(items.map((i) => [i.id, i.name]))`: entries with number keys, which
 * JavaScript turns into property names (String(key)); a copy with the keys as strings.
 */
function numberKeyedEntries(l: Lowerer, arg: ts.Expression, entriesType: Type): Expr | undefined {
  if (entriesType.k !== "array" || !isTuple(entriesType.elem)) return undefined;
  const argType = l.checker.getTypeAtLocation(arg);
  const entry = l.checker.isArrayType(argType) ? l.checker.getTypeArguments(argType as ts.TypeReference)[0] : undefined;
  const keyType = entry && l.checker.isTupleType(entry) ? l.checker.getTypeArguments(entry as ts.TypeReference)[0] : undefined;
  if (!keyType || !(keyType.flags & ts.TypeFlags.NumberLike)) return undefined;
  const want = entriesType.elem;
  const given = lowerExpr(l, arg);
  if (given.type.k !== "array" || !isTuple(given.type.elem)) return coerce(l, given, entriesType, arg);
  const [key, value] = given.type.elem.cls.fields;
  if (!key || !value || given.type.elem.cls.fields.length !== 2 || key.type.k !== "int") return coerce(l, given, entriesType, arg);
  const loc = l.loc(arg);
  return mappedElements(l, "string_keys", given, entriesType, (e) => {
    const read = (f: { name: string; type: Type }): Expr => ({ e: "field", type: f.type, obj: e, name: f.name });
    const k: Expr = { e: "tostr", type: T.str, x: coerce(l, read(key), T.number, arg), radix: 10 };
    return newTuple(want, [k, coerce(l, read(value), want.cls.fields[1]!.type, arg)], loc);
  }, arg);
}

/**
 * Whether a record has its own entry for a key: `Object.hasOwn(r, k)`, `r.hasOwnProperty(k)` and
 * `Object.prototype.hasOwnProperty.call(r, k)`. Unlike `k in r` these do not see what every object
 * inherits (`toString`). On a class instance or interface value: whether `Object.keys` lists the key
 * (its fields; methods and getters live on the prototype). Undefined when the call is none of these.
 */
export function recordHasOwn(l: Lowerer, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const text = callee.getText().replace(/\s+/g, "");
  let obj: ts.Expression | undefined;
  let key: ts.Expression | undefined;
  if ((text === "Object.hasOwn" || text === "Object.prototype.hasOwnProperty.call") && call.arguments.length === 2) [obj, key] = call.arguments;
  else if (callee.name.text === "hasOwnProperty" && call.arguments.length === 1) [obj, key] = [callee.expression, call.arguments[0]];
  if (!obj || !key) return undefined;
  const ofEnum = enumHasOwn(l, obj, key); // lower/enums.ts
  if (ofEnum) return ofEnum;
  const objType = l.checker.getTypeAtLocation(obj);
  if (!recordShape(l, objType) && !spreadOfRecord(l, objType)) {
    // An object's own properties are its keys (`for (const k in o) if (Object.hasOwn(o, k))`).
    const o = objType.flags & ts.TypeFlags.Object && !l.checker.isArrayType(objType) && !l.checker.isTupleType(objType) ? lowerExpr(l, obj) : undefined;
    if (!o || !isKeyedObject(o.type)) return undefined;
    const k = coerce(l, lowerExpr(l, key), T.str, key);
    return bind(l, o, (x) => bind(l, k, (kk) => {
      const keys = objectPropertiesCall(l, "keys", x, obj, call, arrayType(l, T.str)) ?? l.fail("TSOS1005", call, "this own-property test");
      return stdCall(l, "includes", [T.str], [keys, kk, { e: "num", type: T.number, value: 0 }], call);
    }));
  }
  const rec = lowerExpr(l, obj);
  if (!isRecord(rec.type)) return undefined;
  const k = stringKey(l, key);
  return bind(l, rec, (r) => bind(l, k, (kk) => method(l, r, "has", [kk], call)));
}

/** `Object.keys`, `values` or `entries` of the record `rec`: its own entries, in order. */
export function recordListing(l: Lowerer, name: "keys" | "values" | "entries", rec: Expr, call: ts.Node): Expr {
  return method(l, rec, name === "keys" ? "ownKeys" : name === "values" ? "ownValues" : "ownEntries", [], call);
}

/**
 * The entries `Object.fromEntries(arg)` reads, as the record's `setAll` takes them (`entriesType`):
 * an iterable other than an array (a generator, `map.entries()`, a Set) is read into an array first;
 * entries with number keys get their keys as strings; an array of entries is used as it is.
 */
function entriesOf(l: Lowerer, arg: ts.Expression, entriesType: Type): Expr {
  const argType = l.checker.getTypeAtLocation(arg);
  const iterated = l.checker.isArrayType(argType) || l.checker.isTupleType(argType) ? undefined : collectionArray(l, arg);
  if (iterated) return coerce(l, iterated, entriesType, arg);
  const numbered = numberKeyedEntries(l, arg, entriesType);
  if (numbered) return numbered;
  const entries = lowerExpr(l, arg, entriesType);
  const from = entries.type;
  // `cols.map((c) => [c, null])` for a record of `V | null`: each pair rebuilt with its value converted (the
  // record only reads the pairs, so new ones cannot be told apart).
  if (from.k === "array" && entriesType.k === "array" && isTuple(from.elem) && isTuple(entriesType.elem) && !sameType(from, entriesType)) {
    const src = from.elem.cls.fields;
    const to = entriesType.elem as Extract<Type, { k: "class" }>;
    if (src.length === to.cls.fields.length)
      return mappedElements(l, "entries", entries, entriesType, (pair) => newTuple(to, to.cls.fields.map((f, i) => coerce(l, { e: "field", type: src[i]!.type, obj: pair, name: src[i]!.name }, f.type, arg)), l.loc(arg)), arg);
  }
  return coerce(l, entries, entriesType, arg);
}

/** `Object.fromEntries(arg)`: a new record of the call's type `t` holding the entries in order. */
function fromEntries(l: Lowerer, arg: ts.Expression, call: ts.CallExpression): Expr {
  // `const nulls: Row = Object.fromEntries(cols.map((c) => [c, null]))`: the record the context wants (tsc types the
  // call by its entries, `{ [k: string]: null }`), when its values take the entries' values.
  const context = l.checker.getContextualType(call);
  const wanted = context && tryIrType(l, context, call);
  const own = irType(l, l.checker.getTypeAtLocation(call), call);
  const t = wanted && isRecord(wanted) && isRecord(own) && !sameType(wanted, own) && quietly(l, () => coerce(l, { e: "local", type: recordValueType(own), name: "tsos_probe" }, recordValueType(wanted), call)) ? wanted : own;
  if (!isRecord(t)) l.fail("TSOS1113", call, "Object.fromEntries", typeName(t));
  const paramOf = (name: string): Type => (resolveMember(l, t.cls, (classMember(l, t.cls, name) as { decl: ts.MethodDeclaration }).decl, []).params[0])!;
  // `Object.fromEntries(map)` of a `Map<string, V>`: the record copies the map's entries in order.
  if (isStdMap(l.checker.getTypeAtLocation(arg))) {
    const mapType = paramOf("setFrom");
    const map = coerce(l, lowerExpr(l, arg, mapType), mapType, arg);
    return bind(l, newRecord(l, t, call), (d) => ({ e: "seq", type: t, xs: [method(l, d, "setFrom", [map], call), d] }));
  }
  const entries = entriesOf(l, arg, paramOf("setAll"));
  return bind(l, newRecord(l, t, call), (d) => ({ e: "seq", type: t, xs: [method(l, d, "setAll", [entries], call), d] }));
}

/** `Object.keys/values/entries/fromEntries(...)`; undefined for other names. */
export function objectCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  const arg = call.arguments[0];
  if (!arg || call.arguments.length !== 1) return undefined;
  if (name === "fromEntries") return fromEntries(l, arg, call);
  // `Object.getOwnPropertyNames(o)`: the same as `Object.keys` for an object that is no array, function or string
  // (such values, or an unknown that may hold one, have a `length` and more that `keys` does not list).
  if (name === "getOwnPropertyNames") {
    const t = l.checker.getTypeAtLocation(arg);
    const plain = t.flags & ts.TypeFlags.Object && !l.checker.isArrayType(t) && !l.checker.isTupleType(t) && !t.getCallSignatures().length;
    if (!plain) l.fail("TSOS1113", arg, "Object.getOwnPropertyNames", l.checker.typeToString(t));
    return objectCall(l, "keys", call);
  }
  const method_ = name === "keys" ? "ownKeys" : name === "values" ? "ownValues" : name === "entries" ? "ownEntries" : undefined;
  if (!method_) return undefined;
  const argType = l.checker.getTypeAtLocation(arg);
  const fromEnum = enumObjectCall(l, name, arg, argType, call);
  if (fromEnum) return fromEnum;
  const orEmpty = propertiesOrNone(l, name, method_, arg, call);
  if (orEmpty) return orEmpty;
  return ownProperties(l, name, method_, lowerExpr(l, arg), arg, argType, call);
}

/**
 * `Object.keys(items[0] ?? {})` (or `|| {}`): no properties when the value is
 * null or undefined, else the value's own; `{}` is never built (in a generic
 * function no object of the value's type could be). Undefined for other
 * arguments.
 */
function propertiesOrNone(l: Lowerer, name: string, method_: string, arg: ts.Expression, call: ts.CallExpression): Expr | undefined {
  let a = arg;
  while (ts.isParenthesizedExpression(a)) a = a.expression;
  if (!ts.isBinaryExpression(a) || (a.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && a.operatorToken.kind !== ts.SyntaxKind.BarBarToken)) return undefined;
  let right = a.right;
  while (ts.isParenthesizedExpression(right)) right = right.expression;
  if (!ts.isObjectLiteralExpression(right) || right.properties.length) return undefined;
  const value = lowerExpr(l, a.left);
  // Only an object that may be absent (a falsy object is always null or undefined).
  if (value.type.k !== "nullable") return undefined;
  const result = irType(l, l.checker.getTypeAtLocation(call), call);
  if (result.k !== "array") return undefined;
  const present = l.checker.getNonNullableType(l.checker.getTypeAtLocation(a.left));
  return bind(l, value, (v) => ({
    e: "cond",
    type: result,
    c: { e: "isnullish", type: T.bool, x: v, which: "either" },
    a: { e: "arraylit", type: result, elems: [], loc: l.loc(right) },
    b: coerce(l, ownProperties(l, name, method_, unwrap(l, v, a.left), a.left, present, call), result, call),
  }));
}

/** `Object.keys/values/entries(obj)` of the lowered `obj` (`arg` where it is written, `argType` its checker type). */
function ownProperties(l: Lowerer, name: string, method_: string, obj0: Expr, arg: ts.Expression, argType: ts.Type, call: ts.CallExpression): Expr {
  // A record lists its own entries. A class instance or an object type: its properties are known at compile time
  // (lower/object-keys.ts); so are those of a mapped type over a type parameter (`{ [K in keyof E]?: H[] }`, which
  // the generic declaration types as indexed by string) in an instance of its generic class or function.
  let obj = obj0;
  // `Object.entries(obj)` with `obj: T` where T is `{}` or `object` (an unknown): the record it holds, or a copy
  // of the object's properties (only read; dynamic.ts unbox), checked.
  if (obj.type.k === "dyn") obj = castTo(l, obj, unknownRecordType(l, arg), arg);
  if (isRecord(obj.type)) return method(l, obj, method_, [], call);
  const listed = objectPropertiesCall(l, name as "keys" | "values" | "entries", obj, arg, call);
  if (listed) return listed;
  l.fail("TSOS1113", arg, `Object.${name}`, recordShape(l, argType) ? typeName(obj.type) : l.checker.typeToString(argType));
}

/**
 * `Object.keys(E)` of an enum object, known at compile time: a string enum
 * has its names; a numeric enum also has a reverse entry per value (`"0"`),
 * and those array-index keys come first. `Object.values`/`entries` of a
 * string enum; undefined when `arg` is not an enum object.
 */
function enumObjectCall(l: Lowerer, name: string, arg: ts.Expression, argType: ts.Type, call: ts.CallExpression): Expr | undefined {
  const sym = argType.getSymbol();
  const decl = sym && sym.flags & ts.SymbolFlags.Enum ? sym.declarations?.find(ts.isEnumDeclaration) : undefined;
  if (!decl || !ts.isIdentifier(arg)) return undefined;
  // The object's properties in creation order: each name, then (numeric members) its reverse entry.
  const props: { key: string; value: string | number }[] = [];
  const set = (key: string, value: string | number): void => {
    const at = props.findIndex((p) => p.key === key);
    if (at >= 0) props[at]!.value = value;
    else props.push({ key, value });
  };
  for (const m of decl.members) {
    const value = l.checker.getConstantValue(m);
    if (value === undefined) l.fail("TSOS1113", arg, `Object.${name}`, l.checker.typeToString(argType));
    const memberName = m.name.getText().replace(/^["']|["']$/g, "");
    set(memberName, value);
    if (typeof value === "number") set(String(value), memberName);
  }
  const isIndex = (k: string): boolean => /^(0|[1-9][0-9]*)$/.test(k) && Number(k) <= 4294967294;
  const ordered = [...props.filter((p) => isIndex(p.key)).sort((a, b) => Number(a.key) - Number(b.key)), ...props.filter((p) => !isIndex(p.key))];
  const str = (s: string): Expr => ({ e: "str", type: T.str, value: s });
  const type = irType(l, l.checker.getTypeAtLocation(call), call);
  if (type.k !== "array") return undefined;
  if (name === "keys") return { e: "arraylit", type, elems: ordered.map((p) => str(p.key)), loc: l.loc(call) };
  // A numeric member's value, and the names of the reverse entries (`string | Priority`).
  const value = (p: { value: string | number }, to: Type): Expr =>
    coerce(l, typeof p.value === "string" ? str(p.value) : { e: "int", type: T.number, value: BigInt(p.value) }, to, call);
  if (name === "values") return { e: "arraylit", type, elems: ordered.map((p) => value(p, type.elem)), loc: l.loc(call) };
  const pair = type.elem;
  if (name !== "entries" || !isTuple(pair) || pair.cls.fields.length !== 2) return undefined;
  const elems = ordered.map((p) => newTuple(pair, [coerce(l, str(p.key), pair.cls.fields[0]!.type, call), value(p, pair.cls.fields[1]!.type)], l.loc(call)));
  return { e: "arraylit", type, elems, loc: l.loc(call) };
}
