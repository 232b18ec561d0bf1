/**
 * lower/objects.ts: object literals.
 *
 * Input:  an ObjectLiteralExpression and the type its context wants.
 * Output: `new` of a class synthesized for the literal's shape (one class per
 *         distinct list of property names and IR types; one per literal when
 *         it has methods or accessors), with an init function that stores
 *         the properties in source order. The caller's `coerce` turns the
 *         class pointer into the view the context wants (views.ts).
 * Invariants: property values are evaluated left to right (they are the
 *             init call's arguments); methods and accessors of a literal are
 *             functions whose `this` is the literal. Variables of the
 *             enclosing function they use are captured as closures capture
 *             them (closures.ts): hidden fields of the literal hold the value
 *             or a shared cell, stored after the properties.
 */
import { contextualLiteralType } from "./unions.ts";
import { emptyUnknownRecord, isOpenRecord, isRecord, recordLiteral } from "./records.ts";
import { hasUnionComputedKey, lowerSpreadObject } from "./object-spread.ts";
import ts from "typescript";
import type { ClassInst, Expr, Field, Func, Stmt, Type } from "../ir.ts";
import type { ClosureScope, Lowerer } from "./context.ts";
import { quietIrType } from "./key-distribution.ts";
import { T } from "../ir.ts";
import { captureBeforeDeclaration, captureFields, captureList, readForCapture } from "./closures.ts";
import { fieldName } from "./classes.ts";
import { markConstructed } from "./dispatch.ts";
import { coerce, localType, lowerExpr } from "./expr.ts";
import { instantiateFunction } from "./functions.ts";
import { fnType, irType, mangle, nullableType, tryIrType } from "./types.ts";
import { literalMembers, literalNodes } from "./views.ts";
import { lowerNullLiteral } from "./nullable.ts";
import { ITERATOR_KEY, isResultTsType, isSymbolIteratorName, iteratorArrowType } from "./iterables.ts";
import { deletedProperties, hasKeyOrder, keyOrderFields, stampWritten } from "./key-order.ts";
import { erasedEnv } from "./erasure.ts";
import { namespaceObjectMember } from "./generic-consts.ts";

const shapes = new WeakMap<Lowerer, Map<string, { cls: ClassInst; init: string }>>();

export function propName(l: Lowerer, name: ts.PropertyName): string {
  if (ts.isIdentifier(name)) return name.text;
  // `*[Symbol.iterator]() { ... }`: the iteration method (lower/iterables.ts).
  if (isSymbolIteratorName(name)) return ITERATOR_KEY;
  // A key that is no identifier (`"first-name"`, `1`) has no field name, and integer keys come first in JavaScript's key order.
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) {
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name.text)) return name.text;
    // `"USD->EUR"`: an encoded C field name (classes.ts fieldName) that printing decodes. An integer key
    // (`"1"`, `2`) would come before the others in JavaScript's key order: refused.
    if (ts.isStringLiteral(name) && name.text !== "" && !/^(0|[1-9][0-9]*)$/.test(name.text)) return name.text;
    l.fail("TSOS1005", name, "a property name that is not an identifier, outside a record,");
  }
  // `{ [Status.Active]: 1 }`: a computed key whose type is one string literal (an enum member, a const) is that
  // name; the expression (names and property reads only) has nothing to evaluate.
  const pure = (e: ts.Expression): boolean => ts.isIdentifier(e) || ts.isStringLiteral(e) || (ts.isPropertyAccessExpression(e) && pure(e.expression));
  if (ts.isComputedPropertyName(name) && pure(name.expression)) {
    const t = l.checker.getTypeAtLocation(name.expression);
    if (t.isStringLiteral() && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(t.value)) return t.value;
  }
  l.fail("TSOS1005", name, "a computed property name");
}

/**
 * The optional properties of the one member of the literal's contextual
 * union type that the literal is (by its discriminant), which it leaves out.
 */
function unionMemberOptionals(l: Lowerer, node: ts.ObjectLiteralExpression, litType: ts.Type): ts.Symbol[] {
  const context = l.checker.getContextualType(node);
  if (!context?.isUnion()) return [];
  const members = context.types.filter((t) => t.flags & ts.TypeFlags.Object && l.checker.isTypeAssignableTo(litType, t));
  if (members.length !== 1) return [];
  const given = new Set(l.checker.getPropertiesOfType(litType).map((p) => p.name));
  return l.checker.getPropertiesOfType(members[0]!).filter((p) => p.flags & ts.SymbolFlags.Optional && !given.has(p.name));
}

/** `{ x: 1, y, m() { ... } }`: a new object of the literal's class. */
/**
 * `{ validate: () => [] }` where the interface declares `validate(age: number): string[]`: tsc types the arrow
 * `() => never[]`; it is made to return the method's result type, so its `[]` is built as a `string[]`.
 */
function emptyResultAsSlot(l: Lowerer, want: Type | undefined, name: string, type: Type): Type {
  if (type.k !== "fn" || want?.k !== "view") return type;
  const empty = type.ret.k === "never" || (type.ret.k === "array" && type.ret.elem.k === "never");
  const slot = want.view.slots.find((s) => s.kind === "method" && s.prop === name);
  return empty && slot ? fnType(l, type.params, slot.ret) : type;
}

export function lowerObjectLiteral(l: Lowerer, node: ts.ObjectLiteralExpression, want?: Type): Expr {
  if (node.properties.length === 0 && want?.k === "dyn" && isRecordEntry(l, node)) return emptyUnknownRecord(l, node);
  // A spread, or `{ [line.category]: n }` with a union of key names (each key is written only when it is the one
  // named): built member by member (object-spread.ts), or as a record.
  const unionKey = (): boolean => hasUnionComputedKey(l, node) && !node.properties.some((p) => ts.isMethodDeclaration(p) || ts.isAccessor(p));
  if (node.properties.some(ts.isSpreadAssignment) || unionKey()) return recordLiteral(l, node, want) ?? lowerSpreadObject(l, node, want);
  const record = recordLiteral(l, node, want);
  if (record) return record;
  const litType = l.checker.getTypeAtLocation(node);
  // `{ 1: "st", 2: "nd", 3: "rd" }[n % 10 as 1 | 2 | 3]`: a literal of integer keys is a record of its own (records.ts).
  const numbered = node.properties.some((p) => p.name && ts.isNumericLiteral(p.name));
  const own = !want && numbered ? quietIrType(l, litType, node) : undefined;
  const ownRecord = own && isRecord(own) ? recordLiteral(l, node, own) : undefined;
  if (ownRecord) return ownRecord;
  // `return { ... }` from a function returning `Shape | null`: the literal is built for the view.
  if (want?.k === "nullable" && want.inner.k === "view") want = want.inner;
  const fields: Field[] = [];
  const values: Expr[] = [];
  const fns: (ts.MethodDeclaration | ts.AccessorDeclaration)[] = [];
  // `{ t: "id", v: "x" }` for `{ t: "num"; v: number } | { t: "id"; v: string }`: the member it is keeps its own types.
  const member = want?.k === "view" ? discriminatedMember(l, node) : undefined;
  for (const p of node.properties) {
    // A generic function member only ever called through a namespace-like const: instantiated per call (lower/generic-consts.ts).
    if (namespaceObjectMember(l, p)) continue;
    if (ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) {
      propName(l, p.name);
      fns.push(p);
      continue;
    }
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) l.fail("TSOS1005", p, "this kind of object literal member");
    const name = propName(l, p.name);
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    // An iterator result is its value or undefined (lower/iterables.ts): as a property it would print and serialize as that.
    if (isResultTsType(l.checker, l.checker.getTypeAtLocation(value))) l.fail("TSOS1240", value, "an iterator result as a property", "keep `r.value` and `r.done` as two properties");
    const own = member && l.checker.getPropertyOfType(member, name);
    const ownType = own ? tryIrType(l, l.checker.getTypeOfSymbol(own), value) : undefined;
    const wanted = ownType ?? (want?.k === "view" ? want.view.slots.find((s) => s.kind === "get" && s.prop === name)?.ret ?? iteratorArrowType(l, want, name) : undefined);
    const sym = l.checker.getPropertyOfType(litType, name);
    const contextual = want?.k === "view" && !wanted ? contextualLiteralType(l, value, (t) => tryIrType(l, t, value)) : undefined;
    const type = emptyResultAsSlot(l, want, name, wanted ?? contextual ?? emptyArrayInContext(l, value) ?? irType(l, sym ? l.checker.getTypeOfSymbol(sym) : l.checker.getTypeAtLocation(value), value));
    if (fields.some((f) => f.name === fieldName({ text: name } as ts.Identifier))) l.fail("TSOS1005", p, "a property written twice in one object literal");
    fields.push({ name: fieldName({ text: name } as ts.Identifier), type });
    values.push(coerce(l, lowerExpr(l, value, type), type, value));
  }
  if (want?.k === "view") {
    // Optional members the literal leaves out get a field holding undefined, so a later write has a place to go.
    for (const slot of want.view.slots) {
      if (slot.kind !== "get" || !slot.optional || fields.some((f) => f.name === fieldName({ text: slot.prop } as ts.Identifier))) continue;
      fields.push({ name: fieldName({ text: slot.prop } as ts.Identifier), type: slot.ret, absent: true });
      values.push(coerce(l, lowerNullLiteral("undefined"), slot.ret, node));
    }
    // `{} as Cfg`, filled in afterwards (`out.host = h`): a required member the asserted literal leaves out is
    // absent until written, as an optional one is; a read before the first write panics (JavaScript reads undefined).
    if (isAsserted(node)) {
      for (const slot of want.view.slots) {
        if (slot.kind !== "get" || slot.optional || slot.ret.k === "nullable" || slot.ret.k === "dyn" || slot.ret.k === "void") continue;
        if (fields.some((f) => f.name === fieldName({ text: slot.prop } as ts.Identifier))) continue;
        const type = nullableType(l, slot.ret, false, true);
        fields.push({ name: fieldName({ text: slot.prop } as ts.Identifier), type, absent: true });
        values.push(coerce(l, lowerNullLiteral("undefined"), type, node));
      }
    }
    // A member of a union of object types (`{ kind: "game"; winner?: string } | ...`): its optional members too.
    for (const p of unionMemberOptionals(l, node, litType)) {
      const name = fieldName({ text: p.name } as ts.Identifier);
      if (fields.some((f) => f.name === name)) continue;
      const type = irType(l, l.checker.getTypeOfSymbol(p), node);
      fields.push({ name, type, absent: true });
      values.push(coerce(l, lowerNullLiteral("undefined"), type, node));
    }
  }
  const captured = literalCaptures(l, node, fns, fields);
  fields.push(...captured.fields);
  values.push(...captured.values);
  const shape = literalShape(l, fields, node, fns, captured.scope);
  // The class this literal makes; a literal compiled into several (in generic code) has none of its own.
  const known = literalClasses.get(node);
  literalClasses.set(node, known === undefined || known === shape.cls ? shape.cls : null);
  return { e: "new", type: { k: "class", cls: shape.cls }, cls: shape.cls, init: shape.init, args: values, loc: l.loc(node) };
}

const literalClasses = new WeakMap<ts.Node, ClassInst | null>();

/**
 * Whether the literal is stored as an entry of a record (`root["a"] = {}`, `node[seg] ??= {}`, `{ db: {} }` as a
 * `Record<string, unknown>`): an empty one there is a record the program fills in later (records.ts
 * emptyUnknownRecord). Elsewhere (`const token = {}`) an empty literal stays a plain object.
 */
function isRecordEntry(l: Lowerer, node: ts.ObjectLiteralExpression): boolean {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  const K = ts.SyntaxKind;
  if (ts.isBinaryExpression(p) && p.right === n && [K.EqualsToken, K.QuestionQuestionEqualsToken, K.BarBarEqualsToken].includes(p.operatorToken.kind)) {
    const target = p.left;
    return (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) && isOpenRecord(l, l.checker.getTypeAtLocation(target.expression));
  }
  if (ts.isPropertyAssignment(p) && p.initializer === n) {
    const context = l.checker.getContextualType(p.parent);
    return !!context && isOpenRecord(l, context);
  }
  return false;
}

/** `{ ... } as T` (or `<T>{ ... }`), which tsc lets leave out members T requires. */
function isAsserted(node: ts.ObjectLiteralExpression): boolean {
  let outer: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(outer)) outer = outer.parent;
  return (ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer)) && !ts.isConstTypeReference(outer.type);
}

/**
 * The class of the object a `const` holds when its initializer is an object literal (`const start = {
 * line, col }`), whatever type the variable is seen as; undefined for any other expression.
 */
export function constLiteralClass(l: Lowerer, node: ts.Node): ClassInst | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const decl = l.symbolOf(node)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || decl.type) return undefined;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  let init: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  return literalClasses.get(init) ?? undefined;
}

/**
 * The member of a union of object types (the literal's contextual type) that
 * an object literal is, told by its literal-typed properties (`t: "id"`), when
 * exactly one member fits; undefined otherwise.
 */
function discriminatedMember(l: Lowerer, node: ts.ObjectLiteralExpression): ts.Type | undefined {
  const ctx = l.checker.getContextualType(node);
  const union = ctx && l.checker.getNonNullableType(ctx);
  if (!union?.isUnion() || !union.types.every((m) => m.flags & ts.TypeFlags.Object)) return undefined;
  const literal = (t: ts.Type): boolean => !!(t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral));
  const tags = node.properties.filter(ts.isPropertyAssignment).map((p) => ({ name: propName(l, p.name), type: l.checker.getTypeAtLocation(p.initializer) })).filter((p) => literal(p.type));
  if (!tags.length) return undefined;
  const fits = union.types.filter((m) =>
    tags.every((t) => {
      const prop = l.checker.getPropertyOfType(m, t.name);
      const pt = prop && l.checker.getTypeOfSymbol(prop);
      return !pt || !(pt.flags & ts.TypeFlags.Literal || (pt.isUnion() && pt.types.every(literal))) || l.checker.isTypeAssignableTo(t.type, pt);
    }),
  );
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * A new plain object with these fields (C names, in key order) and values
 * (evaluated left to right): the class of an object literal of that shape.
 * Used by spread and rest (object-spread.ts) as well.
 */
/**
 * Classes of objects that a spread (or rest pattern) builds: a member the
 * source holds as undefined is not copied (docs/language.md), so whether such
 * an object has a left-out member's key is not exact.
 */
export const spreadShapes = new WeakSet<ClassInst>();

/**
 * Classes of objects a spread builds whose keys the spread stamps itself, in
 * the order its parts add them (object-spread.ts `stampInPartOrder`): a key
 * exists exactly when stamped, whatever its member holds.
 */
export const partOrderedShapes = new WeakSet<ClassInst>();

/** The init function of each literal shape's class (lower/spread-clone.ts makes copies with it). */
export const literalInits = new WeakMap<ClassInst, string>();

export function newLiteralObject(l: Lowerer, fields: Field[], values: Expr[], node: ts.Node, spread = false, partOrdered = false): Expr {
  const shape = literalShape(l, fields, node, [], () => undefined, partOrdered);
  if (spread) spreadShapes.add(shape.cls);
  if (partOrdered) partOrderedShapes.add(shape.cls);
  return { e: "new", type: { k: "class", cls: shape.cls }, cls: shape.cls, init: shape.init, args: values, loc: l.loc(node) };
}

/**
 * `form: []` in a literal whose own type says `never[]`, where the literal stands for an object type that says
 * `form: string[]` (`new Map<string, Row>(teams.map((t) => [t.name, { ..., form: [] }]))`): the array type its
 * context gives, so the member can hold what is written to it later; undefined otherwise.
 */
function emptyArrayInContext(l: Lowerer, value: ts.Expression): Type | undefined {
  if (!ts.isArrayLiteralExpression(value) || value.elements.length) return undefined;
  const own = l.checker.getTypeAtLocation(value);
  if (!l.checker.isArrayType(own) || !(l.checker.getTypeArguments(own as ts.TypeReference)[0]!.flags & ts.TypeFlags.Never)) return undefined;
  const ctx = l.checker.getContextualType(value);
  if (!ctx || !l.checker.isArrayType(ctx)) return undefined;
  const t = tryIrType(l, ctx, value);
  return t?.k === "array" && t.elem.k !== "never" ? t : undefined;
}

/** The class of the object literal shape with `fields` (`{ value, done }` for a generator's step, lower/generators.ts). */
export function literalObjectType(l: Lowerer, fields: Field[], node: ts.Node): Type {
  return { k: "class", cls: literalShape(l, fields, node, [], () => undefined).cls };
}

function literalShape(
  l: Lowerer,
  fields: Field[],
  node: ts.Node,
  fns: LiteralFn[],
  scope: (m: LiteralFn, self: Type) => ClosureScope | undefined,
  partOrdered = false,
): { cls: ClassInst; init: string } {
  const key = fields.map((f) => `${f.absent ? "?" : ""}${f.name}:${mangle(f.type)}`).join(",") + (fns.length ? `@${node.pos}:${node.getSourceFile().fileName}` : "") + (partOrdered ? "#parts" : "");
  let byKey = shapes.get(l);
  if (!byKey) {
    byKey = new Map();
    shapes.set(l, byKey);
  }
  let shape = byKey.get(key);
  if (!shape) {
    const cls: ClassInst = { cname: l.uniqueName(`Obj_${fields.map((f) => f.name).join("_") || "empty"}`), tsName: "Object", fields: [...fields, ...keyOrderFields(fields, deletedProperties(l, node))], header: true, literal: true };
    l.program.classes.push(cls);
    literalNodes.set(cls, node);
    markConstructed(l, cls);
    shape = { cls, init: literalInitFunction(l, cls, l.loc(node), !partOrdered) };
    literalInits.set(cls, shape.init);
    byKey.set(key, shape);
    for (const f of fns) literalFunction(l, cls, f, scope(f, { k: "class", cls }));
  }
  return shape;
}

/**
 * The init function of a literal's class: stores each field it is given,
 * stamping the keys of an object that records their order (unless `stamp` is
 * false: the caller stamps them, partOrderedShapes).
 */
export function literalInitFunction(l: Lowerer, cls: ClassInst, loc: number, stamp = true): string {
  const type: Type = { k: "class", cls };
  const self: Expr = { e: "local", type, name: "self" };
  // The key-order stamps start at zero (lower/key-order.ts): the allocation is zeroed.
  const given = cls.fields.filter((f) => !f.keyOrder);
  const params = [{ name: "self", type }, ...given.map((f, i) => ({ name: `a${i}`, type: f.type }))];
  const ordered = hasKeyOrder(cls.fields);
  const body: Stmt[] = given.flatMap((f, i): Stmt[] => [
    ...(ordered && stamp ? stampWritten(self, f, { e: "local", type: f.type, name: `a${i}` }, loc) : []),
    { s: "expr", x: { e: "assign", type: f.type, target: { e: "field", type: f.type, obj: self, name: f.name }, value: { e: "local", type: f.type, name: `a${i}` }, noKey: ordered && (f.absent || !stamp) }, loc },
  ]);
  body.push({ s: "return", x: self, loc });
  const func: Func = { cname: l.uniqueName(`${cls.cname}__init`), params, ret: type, body, loc, isStatic: true, ctor: true };
  l.addFunc(func);
  return func.cname;
}

type LiteralFn = ts.MethodDeclaration | ts.AccessorDeclaration;

/**
 * The variables of enclosing functions that the literal's methods use: a
 * hidden field each (the value, or the variable's cell when it is assigned),
 * its initial value, and the closure scope each method is lowered in.
 */
function literalCaptures(l: Lowerer, lit: ts.ObjectLiteralExpression, fns: LiteralFn[], props: Field[]): { fields: Field[]; values: Expr[]; scope: (m: LiteralFn, self: Type) => ClosureScope | undefined } {
  const decls: ts.Node[] = [];
  for (const m of fns) for (const d of captureList(l, m).decls) if (!decls.includes(d)) decls.push(d);
  if (!decls.length) return { fields: [], values: [], scope: () => undefined };
  if (l.target === "kernel") refuseCapture(l, fns, decls[0]!);
  const read = (d: ts.Node): Expr => readForCapture(l, d, (x) => localType(l, x), (x) => captureBeforeDeclaration(l, (x as ts.NamedDeclaration).name ?? lit, "a method that uses a variable before its declaration"), lit);
  const env = captureFields(l, lit, { decls, usesThis: false }, read, () => l.fail("TSOS9001", lit, "`this` captured by a literal"));
  const taken = new Set(props.map((f) => f.name));
  const fields: Field[] = [];
  for (const [decl, f] of env.fields) {
    let name = `cap__${f.name}`;
    for (let k = 2; taken.has(name); k++) name = `cap__${f.name}_${k}`;
    taken.add(name);
    f.name = name;
    fields.push({ name, type: f.cell ? (f.heap ? { k: "cell", elem: f.type, counted: true } : { k: "cell", elem: f.type, slot: true }) : f.type, hidden: true });
    void decl;
  }
  return { fields, values: env.values, scope: (m, self) => ({ node: m, env: "", type: T.void, fields: env.fields, self }) };
}

/** A method or accessor of an object literal: a function whose `this` is the literal. */
function literalFunction(l: Lowerer, cls: ClassInst, m: LiteralFn, closure: ClosureScope | undefined): void {
  const name = propName(l, m.name);
  const prefix = ts.isGetAccessor(m) ? "get_" : ts.isSetAccessor(m) ? "set_" : "";
  // A generic method (`show<T>(x: T)`): compiled once, its type parameters as `unknown` (lower/erasure.ts).
  const sig = l.checker.getSignatureFromDeclaration(m);
  const env = sig?.typeParameters?.length ? (erasedEnv(l.checker, sig, l.scope.env) ?? l.fail("TSOS1019", m, name)) : l.scope.env;
  const f = instantiateFunction(l, m, env, [], { cname: `${cls.cname}__${prefix}${name === ITERATOR_KEY ? "iterator" : name}`, thisType: { k: "class", cls }, isCtor: false, closure });
  const members = literalMembers(l, cls);
  const entry = members.get(name) ?? {};
  if (ts.isGetAccessor(m)) entry.get = f;
  else if (ts.isSetAccessor(m)) entry.set = f;
  else entry.method = f;
  members.set(name, entry);
}

/** Kernel code has no closures: the first use of the captured `decl` is TSOS1061. */
function refuseCapture(l: Lowerer, fns: LiteralFn[], decl: ts.Node): never {
  let use: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (!use && ts.isIdentifier(n) && l.symbolOf(n)?.valueDeclaration === decl) use = n;
    if (!use) ts.forEachChild(n, visit);
  };
  fns.forEach(visit);
  l.fail("TSOS1061", use ?? fns[0]!, use?.text ?? "a variable");
}
