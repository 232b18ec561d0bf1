/**
 * lower/object-spread.ts: object spread (`{ ...a, b: 1 }`), object
 * destructuring (`const { a, b = 2, ...rest } = o`, in declarations,
 * parameters, `for...of` heads and assignments) and the own properties of
 * an object value they both read.
 *
 * Input:  ObjectLiteralExpressions with spread members, ObjectBindingPatterns
 *         (with the lowered value they destructure), and object-literal
 *         assignment targets (`({ a, b } = f())`).
 * Output: a spread literal is a new plain object (objects.ts
 *         `newLiteralObject`) whose fields are the properties of the literal's
 *         type in first-appearance order; a pattern is one binding per name.
 * Invariants:
 *   - Evaluation order is JavaScript's: members left to right; a spread
 *     source is evaluated once and all its properties are read (getters of
 *     an object literal run) at the spread, before later members; a pattern
 *     reads its properties in pattern order, and a default is evaluated only
 *     when the property is undefined (not null).
 *   - A later member overrides an earlier one, keeping the earlier key's
 *     position. Spreading null or undefined adds nothing.
 *   - A class instance spreads its fields only (its own properties in
 *     JavaScript): getters and methods live on the prototype and are not
 *     copied. `#private` fields are not properties.
 *   - An optional property the source does not have does not override an
 *     earlier value (the `{ ...item, ...patch }` idiom with a Partial
 *     patch); one it has is copied even holding undefined: an object
 *     literal's member written by it or added since (key-order.ts
 *     memberPresent), any member of a view's object by its class
 *     (inspect.ts spreadPresence). Where tsc types the result's property as
 *     always there, such an undefined panics (presentAsTyped). Other
 *     copies (rest, Object.assign, records) still count an optional
 *     property holding undefined as absent.
 */
import ts from "typescript";
import type { ClassInst, Expr, Field, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { assignLowered, castTo, coerce, lowerCondition, lowerExpr, tryCoerce } from "./expr.ts";
import { classInfo, fieldName, lookupField, propertyOfField, upcast } from "./classes.ts";
import { arrayType, irType, nullableType, sameType, tryIrType, typeName } from "./types.ts";
import { keysOfParam } from "./key-params.ts";
import { declaredOrder, literalMembers, lowerClassGetByName, lowerViewGet } from "./views.ts";
import { isOpenRecord, isRecord, recordEntryOrUndefined, recordField, recordValueType } from "./records.ts";
import { usesProbe } from "./probes.ts";
import { isTuple } from "./destructure.ts";
import { isnullish, lowerNullLiteral, presentOrPanic, unwrap, withoutUndefined } from "./nullable.ts";
import { constLiteralClass, newLiteralObject, propName } from "./objects.ts";
import { type KeyOrder, checkViewCopyOrder, keyOrderGuard, sourceKeyOrder } from "./spread-order.ts";
import { advanceCounter, memberPresent, stampIfNew } from "./key-order.ts";
import { isErrorClass, spreadPresence, stdFn } from "./inspect.ts";
import { constructorDeclaration } from "./overloads.ts";
import { restClone, spreadClone } from "./spread-clone.ts";

type Bind = (name: ts.Identifier, value: Expr) => Stmt[];
type Recurse = (pattern: ts.BindingName, value: Expr, bind: Bind) => Stmt[];

/** isTuple as a plain test (its type guard would narrow a class type to never when negated). */
function isTupleType(t: Type): boolean {
  return isTuple(t);
}

function isRecordType(t: Type): boolean {
  return isRecord(t);
}

function local(name: string, type: Type): Expr {
  return { e: "local", type, name };
}


/** Whether a value of type `t` can be undefined. */
export function admitsUndefined(t: Type): boolean {
  return (t.k === "nullable" && t.undef) || t.k === "dyn";
}

// ---------------------------------------------------------------- reading properties

/** One own property of an object value: its key, a read of it (pure once the object is in a temporary), and whether it may be absent. */
export interface OwnProperty {
  name: string;
  read: Expr;
  optional: boolean;
  /**
   * A spread's test of whether it is a property (an object literal's
   * member): undefined for one always there, even holding undefined
   * (`{ size: undefined }`), which a spread copies as JavaScript does;
   * for a member the literal left out, whether it was added since.
   */
  present?: Expr;
  /** Whether `present` is known (an object literal's member); otherwise `optional` says it is left out when undefined. */
  knownPresence?: boolean;
}

/** Property `name` of `obj` (a class instance, a view or a record), as `obj.name` reads it. */
export function readProperty(l: Lowerer, obj: Expr, name: string, node: ts.Node): Expr {
  const entry = recordField(l, obj, name, node);
  if (entry) return entry;
  if (obj.type.k === "class" && !isTupleType(obj.type)) {
    const found = lookupField(obj.type.cls, fieldName({ text: name } as ts.Identifier));
    if (found) return { e: "field", type: found.field.type, obj: upcast(obj, found.owner), name: found.field.name, inline: found.field.inline };
    const byName = obj.type.cls.header ? lowerClassGetByName(l, obj, name, node) : undefined;
    if (byName) return byName;
    l.fail("TSOS1018", node, name, typeName(obj.type));
  }
  if (obj.type.k === "view") return lowerViewGet(l, obj, name, node);
  // `{ items: { length } }`: an array's or string's length.
  if (name === "length" && obj.type.k === "array") return { e: "arraymethod", type: T.number, method: "length", arr: obj, args: [], loc: l.loc(node) };
  if (name === "length" && obj.type.k === "str") return { e: "strlen", type: T.number, s: obj };
  l.fail("TSOS1086", node, `object destructuring of \`${typeName(obj.type)}\``);
}

/**
 * The own enumerable properties of `obj` (already in a temporary), in key
 * order, as spread and rest copy them. `tsType` is the checker's type of
 * the source expression (the key order of an interface or object type).
 * `present`: for a spread, the keys the object being built already has
 * (their position is kept, so their order in the source does not matter).
 */
export function ownProperties(l: Lowerer, obj: Expr, tsType: ts.Type, node: ts.Node, present?: ReadonlySet<string>): OwnProperty[] {
  return listOwnProperties(l, obj, tsType, node, present, false).props;
}

/**
 * The own properties as `ownProperties` lists them, and, for an object that may have been given members late,
 * the source's key order (where each one stands among its keys), which the caller gives the copies: a spread
 * of such an object is copied as JavaScript copies it rather than refused.
 */
export function ownPropertiesInSourceOrder(l: Lowerer, obj: Expr, tsType: ts.Type, node: ts.Node, present?: ReadonlySet<string>): { props: OwnProperty[]; order?: KeyOrder } {
  return listOwnProperties(l, obj, tsType, node, present, true);
}

function listOwnProperties(l: Lowerer, obj: Expr, tsType: ts.Type, node: ts.Node, present: ReadonlySet<string> | undefined, inSourceOrder: boolean): { props: OwnProperty[]; order?: KeyOrder } {
  const t = obj.type;
  if (t.k === "class" && !isTupleType(t) && !isRecordType(t) && t.cls.header) {
    // JavaScript's Error keeps `message` and `cause` as own properties that are not enumerable, and `name` on the
    // prototype unless a constructor sets it: which keys an Error lists depends on how it was made.
    if (isErrorClass(t.cls))
      l.fail("TSOS1170", node, t.cls.tsName, "an Error's `message` and `cause` are not enumerable, and it has `name` only once a constructor sets it; copy the properties by name");
    if (t.cls.literal && [...literalMembers(l, t.cls).keys()].length)
      l.fail("TSOS1170", node, l.checker.typeToString(tsType), "an object literal with methods or accessors cannot be copied yet; copy its data properties by name");
    // The object may be of a subclass, whose own fields JavaScript would copy as well.
    if (!t.cls.literal && hasSubclass(l, classInfo(t.cls).decl, node))
      l.fail("TSOS1170", node, t.cls.tsName, "the object may be of a subclass, whose extra fields a spread would copy too; copy the properties by name");
    // Base fields first: the base constructor defines them before the subclass's.
    const chain: ClassInst[] = [];
    for (let c: ClassInst | undefined = t.cls; c; c = c.base) chain.unshift(c);
    const out: OwnProperty[] = [];
    for (const c of chain) {
      for (const f of c.fields) {
        const name = propertyNameOfField(c, f);
        if (name === undefined) continue;
        const read: Expr = { e: "field", type: f.type, obj: upcast(obj, c), name: f.name, inline: f.inline };
        // A literal's absent optional member is a field holding undefined; a class field is always present.
        const presence = t.cls.literal ? { knownPresence: true, ...(f.absent ? { present: memberPresent(c, read as Extract<Expr, { e: "field" }>) } : {}) } : {};
        out.push({ name, read, optional: !!t.cls.literal && admitsUndefined(f.type), ...presence });
      }
    }
    return { props: out, order: inSourceOrder ? sourceKeyOrder(l, obj, out.map((p) => p.name), false, node) : undefined };
  }
  // `{ ...start }` with `const start = { line, col }`: the object is that literal's, whatever its type is seen as.
  const exact = t.k === "view" ? constLiteralClass(l, node) : undefined;
  if (exact) return listOwnProperties(l, { e: "viewobj", type: { k: "class", cls: exact }, x: obj }, tsType, node, present, inSourceOrder);
  if (t.k === "view") {
    // A union whose members have properties of their own (`{ kind: "c"; r: number } | { kind: "s"; side: number }`):
    // the members' common properties are not all the object has.
    const apparent = l.checker.getApparentType(tsType);
    if (tsType.isUnion()) {
      const common = new Set(l.checker.getPropertiesOfType(apparent).map((p) => p.name));
      const own = tsType.types.flatMap((m) => l.checker.getPropertiesOfType(m).map((p) => p.name)).find((n) => !common.has(n));
      if (own !== undefined) l.fail("TSOS1170", node, l.checker.typeToString(tsType), `only some of its members have \`${own}\`, so which properties it has depends on the member; narrow it to one member first`);
    }
    const out: OwnProperty[] = [];
    // A mapped type over a type parameter of this instance (`Omit<T, "id">`): the checker lists no properties;
    // the view's own, in its declared order (lower/mapped-types.ts).
    // A type parameter of this instance (`{ ...cur }` with `cur: T`): its type argument's properties, not its constraint's.
    const listed = tsType.flags & ts.TypeFlags.TypeParameter ? [] : l.checker.getPropertiesOfType(apparent).map((p) => p.name);
    const names = listed.length ? listed : (declaredOrder.get(t.view) ?? []);
    for (const name of names) {
      const p = { name };
      const slot = t.view.slots.find((s) => s.prop === p.name && (s.kind === "get" || s.kind === "method"));
      if (!slot) continue;
      if (slot.kind === "method")
        l.fail("TSOS1170", node, l.checker.typeToString(tsType), `its method \`${p.name}\` is copied only when the object is a literal; copy the data properties by name`);
      // Behind the view may be a class whose getter JavaScript would not copy (it lives on the prototype).
      if (classesWithGetter(l, node, p.name).some((c) => mayBeBehind(l, c, tsType)))
        l.fail("TSOS1170", node, l.checker.typeToString(tsType), `a class of the program has a getter \`${p.name}\`, which a spread of such an object would not copy; copy the properties by name`);
      // An optional property is copied when the object has it, even holding undefined (inspect.ts spreadPresence).
      const presence = slot.optional ? { knownPresence: true, present: spreadPresence(l, obj, p.name, node) } : {};
      out.push({ name: p.name, read: lowerViewGet(l, obj, p.name, node), optional: !!slot.optional, ...presence });
    }
    // A spread of an object that may have been given members late (the type has optional ones) gives the copies
    // the object's own key order. Any other copy takes the type's order: every object behind the view must define
    // its properties in it (lower/spread-order.ts).
    const order = inSourceOrder ? sourceKeyOrder(l, obj, out.map((p) => p.name), out.some((p) => p.optional), node) : undefined;
    const copied = out.map((p) => p.name).filter((n) => !present?.has(n));
    checkViewCopyOrder(l, t.view, copied, node, l.checker.typeToString(tsType), names, !!order);
    if (order) return { props: out, order };
    // A member the object's literal left out and the program added later is its last key in JavaScript: a
    // copy in the type's order would move it, so the first read checks the order first, and panics.
    const guard = copied.length > 1 ? keyOrderGuard(l, t.view, copied, obj, node) : undefined;
    if (guard) {
      // On the first property the copy takes (a rest pattern skips the ones it names).
      const at = out.findIndex((p) => p.name === copied[0]);
      const first = out[at]!;
      const panic: Expr = { e: "panic", type: T.void, message: { e: "str", type: T.str, value: "copying the properties of an object that was given a property after it was made is not supported: JavaScript copies that property last" }, loc: l.loc(node) };
      out[at] = { ...first, read: { e: "cond", type: first.read.type, c: guard, a: first.read, b: { e: "seq", type: first.read.type, xs: [panic, first.read] } } };
    }
    return { props: out };
  }
  l.fail("TSOS1170", node, typeName(t), "spread an object of a class, interface or object type");
}

const getterClasses = new WeakMap<Lowerer, Map<string, ts.ClassLikeDeclaration[]>>();

/** The classes of the program's modules that declare an instance getter `name`. */
function classesWithGetter(l: Lowerer, node: ts.Node, name: string): ts.ClassLikeDeclaration[] {
  let byName = getterClasses.get(l);
  if (!byName) {
    const found = new Map<string, ts.ClassLikeDeclaration[]>();
    const visit = (n: ts.Node): void => {
      if (ts.isGetAccessor(n) && ts.isClassLike(n.parent) && !(ts.getCombinedModifierFlags(n) & ts.ModifierFlags.Static) && ts.isIdentifier(n.name)) {
        const list = found.get(n.name.text) ?? [];
        if (!list.includes(n.parent)) list.push(n.parent);
        found.set(n.name.text, list);
      }
      ts.forEachChild(n, visit);
    };
    for (const sf of new Set([...l.moduleNames.keys(), node.getSourceFile()])) visit(sf);
    getterClasses.set(l, (byName = found));
  }
  return byName.get(name) ?? [];
}

/**
 * Whether an instance of class `decl` or of a class extending it may be what a value of type `tsType`
 * holds: its instance type is assignable to it (an abstract class has no instances of its own). A generic
 * or unnamed class is taken to be possible.
 */
function mayBeBehind(l: Lowerer, decl: ts.ClassLikeDeclaration, tsType: ts.Type, seen = new Set<ts.Node>()): boolean {
  if (seen.has(decl)) return false;
  seen.add(decl);
  const sym = decl.name && l.checker.getSymbolAtLocation(decl.name);
  if (!sym || decl.typeParameters?.length || !ts.isClassDeclaration(decl)) return true;
  const abstract = ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Abstract;
  if (!abstract && l.checker.isTypeAssignableTo(l.checker.getDeclaredTypeOfSymbol(sym), tsType)) return true;
  return (subclassesOf(l, decl).get(decl) ?? []).some((c) => mayBeBehind(l, c, tsType, seen));
}

const extended = new WeakMap<Lowerer, Map<ts.Declaration, ts.ClassLikeDeclaration[]>>();

/** Whether some class of the program extends the class declared by `decl`. */
export function hasSubclass(l: Lowerer, decl: ts.ClassLikeDeclaration, node: ts.Node): boolean {
  return subclassesOf(l, node).has(decl);
}

/** For each class of the program's modules that some class extends, the classes that extend it directly. */
function subclassesOf(l: Lowerer, node: ts.Node): Map<ts.Declaration, ts.ClassLikeDeclaration[]> {
  let bases = extended.get(l);
  if (!bases) {
    const found = new Map<ts.Declaration, ts.ClassLikeDeclaration[]>();
    const visit = (n: ts.Node): void => {
      if (ts.isHeritageClause(n) && n.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(n.parent)) {
        for (const t of n.types) {
          let sym = l.checker.getSymbolAtLocation(t.expression);
          if (sym && sym.flags & ts.SymbolFlags.Alias) sym = l.checker.getAliasedSymbol(sym);
          if (sym?.valueDeclaration) found.set(sym.valueDeclaration, [...(found.get(sym.valueDeclaration) ?? []), n.parent]);
        }
      }
      ts.forEachChild(n, visit);
    };
    for (const sf of new Set([...l.moduleNames.keys(), node.getSourceFile()])) visit(sf);
    bases = found;
    extended.set(l, bases);
  }
  return bases;
}

/** The JavaScript key of field `f` of class `c`, or undefined for a `#private` field (not a property). */
export function propertyNameOfField(c: ClassInst, f: Field): string | undefined {
  // A variable captured by a literal's methods (objects.ts) is no property.
  if (f.hidden) return undefined;
  if (!c.literal) {
    const decl = classInfo(c)?.decl;
    const params = (decl && constructorDeclaration(decl))?.parameters ?? [];
    for (const m of [...(decl?.members ?? []), ...params]) {
      if (!(ts.isPropertyDeclaration(m) || ts.isParameter(m)) || !m.name || ts.isObjectBindingPattern(m.name) || ts.isArrayBindingPattern(m.name)) continue;
      if (ts.isComputedPropertyName(m.name) || fieldName(m.name) !== f.name) continue;
      return ts.isPrivateIdentifier(m.name) ? undefined : m.name.text;
    }
  }
  return propertyOfField(f.name);
}

// ---------------------------------------------------------------- spread

/** One property of the object being built: its current value (a pure read of temporaries). */
interface Slot {
  value: Expr;
  /** It may be an optional property left out (undefined): console.log does not show it then. */
  absent: boolean;
}

/** `{ a: 1, ...b, c }` where some member is a spread: a new plain object. */
/**
 * A computed key `[k]: v` next to a spread, where k's type is a union of
 * string literals (`keyof Form`, `"a" | "b"`): each of those keys takes v
 * when k names it, and one the object does not have yet is added then
 * (`{ ...acc, [role]: n }` over a `Partial<Record<Role, number>>`). k and v
 * are evaluated once, in order. False (nothing done) when k is any string.
 */
/** The string literals a computed key's type is a union of (`[b.kind]` with `kind: "p" | "h"`); undefined for any other key. */
function unionKeyNames(l: Lowerer, keyNode: ts.Expression): string[] | undefined {
  const kt = l.checker.getTypeAtLocation(keyNode);
  // `[k]: v` with `k: K` and `K extends keyof S`: the keys K stands for in this instance.
  const names = keysOfParam(l, kt) ?? (kt.isUnion() ? kt.types : [kt]).map((t) => (t.isStringLiteral() ? t.value : undefined));
  return names.length && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** Whether an object literal has a computed key over several string literals (`{ [l.category]: n }`): built as a spread is. */
export function hasUnionComputedKey(l: Lowerer, node: ts.ObjectLiteralExpression): boolean {
  return node.properties.some((p) => ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name) && (unionKeyNames(l, p.name.expression)?.length ?? 0) > 1);
}

function computedKeyWrite(
  l: Lowerer,
  p: ts.PropertyAssignment,
  temp: (value: Expr) => Expr,
  put: (name: string, value: Expr, optional: boolean, guard?: Expr) => void,
  present: ReadonlySet<string>,
  slots: ReadonlyMap<string, Slot>,
): boolean {
  const keyNode = (p.name as ts.ComputedPropertyName).expression;
  const names = unionKeyNames(l, keyNode);
  if (!names) return false;
  const key = temp(coerce(l, lowerExpr(l, keyNode), T.str, keyNode));
  const value = temp(lowerExpr(l, p.initializer));
  for (const name of names) {
    const type = slots.get(name)?.value.type ?? value.type;
    const guard: Expr = { e: "streq", type: T.bool, negate: false, a: key, b: { e: "str", type: T.str, value: name } };
    put(name, coerce(l, value, type, p.initializer), false, guard);
  }
  return true;
}

export function lowerSpreadObject(l: Lowerer, node: ts.ObjectLiteralExpression, want?: Type): Expr {
  const clone = spreadClone(l, node, want);
  if (clone) return clone;
  return spreadObject(l, node, node.properties.map((p) => (ts.isSpreadAssignment(p) ? p.expression : p)), want);
}

/**
 * `Object.assign({ d: 0 }, a, b)`: a new object with the literal's members, then each source's own properties in
 * turn, which is what `{ d: 0, ...a, ...b }` builds. Undefined when the target is not an object literal of plain
 * `name: value` members.
 */
export function assignToLiteral(l: Lowerer, call: ts.CallExpression): Expr | undefined {
  const [target, ...sources] = call.arguments;
  if (!target || !ts.isObjectLiteralExpression(target) || sources.some(ts.isSpreadElement)) return undefined;
  if (!target.properties.every((p) => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadAssignment(p))) return undefined;
  const members = [...target.properties.map((p) => (ts.isSpreadAssignment(p) ? p.expression : p)), ...sources];
  return spreadObject(l, call, members);
}

/**
 * A new plain object built from `members` in order: an expression is a source whose own properties are
 * copied (`...a`), anything else a member of the literal. `node` is the whole (its type is the object's).
 */
function spreadObject(l: Lowerer, node: ts.Expression, members: (ts.ObjectLiteralElementLike | ts.Expression)[], want?: Type): Expr {
  const binds: { name: string; value: Expr }[] = [];
  const slots = new Map<string, Slot>();
  const temp = (value: Expr): Expr => {
    if (value.e === "int" || value.e === "str" || value.e === "bool" || value.e === "num") return value;
    const name = l.temp();
    binds.push({ name, value });
    return local(name, value.type);
  };
  // Each part's writes in order, with when each adds its key (undefined: always): the key order when a part may add an earlier key late.
  const writes: Write[] = [];
  const put = (name: string, value: Expr, optional: boolean, guard?: Expr, place?: Expr): void => {
    const has: Expr | undefined = optional && admitsUndefined(value.type) ? { e: "not", type: T.bool, x: isnullish(value, "undefined") } : undefined;
    writes.push({ kind: "key", name, when: guard && has ? { e: "logic", type: T.bool, op: "&&", a: guard, b: has } : (guard ?? has), place });
    const prior = slots.get(name)?.value;
    // An absent optional property (undefined) leaves an earlier value in place.
    let v = value;
    if (optional && admitsUndefined(value.type) && prior) v = joinValues(l, isnullish(value, "undefined"), prior, withoutUndefined(l, value, node), node);
    if (guard) v = joinValues(l, guard, v, prior ?? lowerNullLiteral("undefined"), node);
    const before = slots.get(name);
    slots.set(name, { value: v, absent: (optional || !!guard) && (before ? before.absent : true) });
  };
  let computedKeys = false;
  // The keys the object surely has so far: a later source keeps their positions (spread-order.ts).
  const surelyPresent = (): ReadonlySet<string> => new Set([...slots].filter(([, slot]) => !slot.absent).map(([name]) => name));
  for (const p of members) {
    if (!ts.isObjectLiteralElementLike(p)) {
      spreadInto(l, p, node, temp, { put, end: (count, when) => writes.push({ kind: "end", count, when }) }, surelyPresent);
      continue;
    }
    // `{ ...s, [k]: s[k] + 1 }` with k one of the keys already copied: that key's value is replaced.
    if (ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name) && computedKeyWrite(l, p, temp, put, surelyPresent(), slots)) {
      computedKeys = true;
      continue;
    }
    if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
      const name = propName(l, p.name);
      const expr = ts.isPropertyAssignment(p) ? p.initializer : p.name;
      const wanted = want?.k === "view" ? want.view.slots.find((s) => s.kind === "get" && s.prop === name)?.ret : undefined;
      const value = lowerExpr(l, expr, wanted);
      put(name, temp(wanted ? coerce(l, value, wanted, expr) : value), false);
      continue;
    }
    l.fail("TSOS1170", p, "this member", "a method or accessor next to a spread is not supported yet");
  }
  // A key that its first part may leave out and a later part writes: its place depends on which part adds it.
  const late = new Set([...slots.keys()].filter((name) => {
    const own = writes.filter((w) => w.kind === "key" && w.name === name);
    return own.length > 1 && own[0]!.when !== undefined;
  }));
  // The result's fields: the literal's type as the checker infers it, in first-appearance order.
  const litType = l.checker.getTypeAtLocation(node);
  const fields: Field[] = [];
  const values: Expr[] = [];
  for (const [name, slot] of slots) {
    const sym = l.checker.getPropertyOfType(litType, name);
    const wanted = want?.k === "view" ? want.view.slots.find((s) => s.kind === "get" && s.prop === name)?.ret : undefined;
    const type = wanted ?? (sym ? irType(l, l.checker.getTypeOfSymbol(sym), node) : slot.value.type);
    fields.push({ name: fieldName({ text: name } as ts.Identifier), type, absent: late.has(name) || (slot.absent && (admitsUndefined(type) || type.k === "dyn")) });
    // A property present on every path (the checker's type says so) but joined from guarded branches.
    // (An `unknown` holds undefined itself: `body?: unknown` copied from a source that left it out.)
    const v = slot.value.type.k === "nullable" && type.k !== "nullable" && type.k !== "dyn" ? presentAsTyped(l, slot.value, name, type, node) : slot.value;
    values.push(coerce(l, v, type, node));
  }
  if (want?.k === "view") {
    for (const s of want.view.slots) {
      if (s.kind !== "get" || !s.optional || slots.has(s.prop)) continue;
      fields.push({ name: fieldName({ text: s.prop } as ts.Identifier), type: s.ret, absent: true });
      values.push(coerce(l, lowerNullLiteral("undefined"), s.ret, node));
    }
  }
  // A source that may have been given a member late has its own key order, which the copy keeps. A computed key
  // adds the one key it names: the object records which it has (so Object.keys/values/entries can list them).
  const ordered = late.size > 0 || ((computedKeys || writes.some((w) => w.kind === "key" && w.place)) && fields.some((f) => f.absent));
  let out = newLiteralObject(l, fields, values, node, true, ordered);
  if (ordered) out = stampInPartOrder(l, out, writes, node);
  for (let i = binds.length - 1; i >= 0; i--) out = { e: "bind", type: out.type, name: binds[i]!.name, value: binds[i]!.value, body: out };
  return out;
}

/**
 * One write of a spread literal's parts, in order: a key it adds when `when` holds (always when undefined),
 * at `place` in its source for a key a spread copies from an object with its own key order; or the `end` of
 * such a source, whose keys took `count` places.
 */
type Write = { kind: "key"; name: string; when?: Expr; place?: Expr } | { kind: "end"; count: Expr; when?: Expr };

/** Where a spread's parts send what they add: `put` a key's value, `end` a source that has its own key order. */
interface Parts {
  put: (name: string, value: Expr, optional: boolean, guard?: Expr, place?: Expr) => void;
  end: (count: Expr, when?: Expr) => void;
}

/**
 * The new object `made` with its keys stamped in the order the literal's
 * parts add them, as JavaScript adds them: `{ ...d, b: "x" }` puts `b`
 * after `d`'s keys when `d` has no `b`, at `d`'s place for it when it has.
 * A key's first write that happens stamps it; later ones keep its place.
 * The keys a spread copies from an object that records its key order keep
 * that order (`{ ...acc, [k]: n }` after `acc` was given keys late).
 */
function stampInPartOrder(l: Lowerer, made: Expr, writes: Write[], node: ts.Node): Expr {
  const name = l.temp();
  const obj = local(name, made.type);
  const stamps = writes.map((w) =>
    w.kind === "end" ? advanceCounter(obj, w.count, w.when, l.loc(node)) : stampIfNew(obj, fieldName({ text: w.name } as ts.Identifier), w.when, l.loc(node), w.place),
  );
  return { e: "bind", type: made.type, name, value: made, body: { e: "seq", type: made.type, xs: [...stamps, obj] } };
}

/**
 * A joined slot value where tsc types the property as always there. It can
 * hold undefined only when an optional property was set to undefined
 * (`{ ...opts, ...{ size: undefined } as Partial<Opts> }`), which JavaScript
 * copies: tsc's type cannot hold it, so that panics, naming the property.
 */
function presentAsTyped(l: Lowerer, value: Expr, name: string, type: Type, node: ts.Node): Expr {
  const message = `a spread copied \`${name}\` holding undefined, which its type \`${typeName(type)}\` cannot hold (the source has it set to undefined)`;
  return presentOrPanic(l, value, "either", message, node);
}

/** `c ? a : b` over values of possibly different types: the type of `a` made nullable as needed. */
function joinValues(l: Lowerer, c: Expr, a: Expr, b: Expr, node: ts.Node): Expr {
  let type = a.type;
  if (b.type.k === "nullable" && type.k !== "nullable") type = nullableType(l, type, b.type.null, b.type.undef);
  else if (b.type.k === "nullable" && type.k === "nullable" && (b.type.null && !type.null || b.type.undef && !type.undef))
    type = nullableType(l, type.inner, type.null || b.type.null, type.undef || b.type.undef);
  if (a.type.k === "nullable" && a.type.inner.k === "never") type = b.type.k === "nullable" ? b.type : nullableType(l, b.type, a.type.null, a.type.undef);
  return { e: "cond", type, c, a: coerce(l, a, type, node), b: coerce(l, b, type, node) };
}

/** The members a spread `...expr` adds; a conditional source adds each branch's under its condition. */
function spreadInto(
  l: Lowerer,
  expr: ts.Expression,
  node: ts.Node,
  temp: (x: Expr) => Expr,
  parts: Parts,
  surelyPresent: () => ReadonlySet<string>,
  guard?: Expr,
): void {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (ts.isConditionalExpression(expr)) {
    // c is `guard && condition`: the false branch is taken when `guard && !condition`, not when `!c`.
    const c = temp(lowerExprAsBool(l, expr.condition, guard));
    const notC: Expr = { e: "not", type: T.bool, x: c };
    const not: Expr = guard ? { e: "logic", type: T.bool, op: "&&", a: guard, b: notC } : notC;
    spreadInto(l, expr.whenTrue, node, temp, parts, surelyPresent, c);
    spreadInto(l, expr.whenFalse, node, temp, parts, surelyPresent, not);
    return;
  }
  // `...(to && { to })`: a falsy left operand (`""`, 0, false, null, undefined) spreads nothing; else the right one.
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    spreadInto(l, expr.right, node, temp, parts, surelyPresent, temp(lowerExprAsBool(l, expr.left, guard)));
    return;
  }
  if (expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === "undefined")) return;
  if (ts.isObjectLiteralExpression(expr) && expr.properties.every((p) => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) {
    // `...{ x: 1 }` (usually a branch of a conditional spread): each value evaluated only when the branch is taken.
    for (const p of expr.properties) {
      const name = propName(l, p.name);
      const v = lowerExpr(l, ts.isPropertyAssignment(p) ? p.initializer : (p.name as ts.Identifier));
      if (!guard) {
        parts.put(name, temp(v), false);
        continue;
      }
      const t = temp({ e: "cond", type: nullableOrSelf(l, v.type), c: guard, a: coerce(l, v, nullableOrSelf(l, v.type), p), b: coerce(l, lowerNullLiteral("undefined"), nullableOrSelf(l, v.type), p) });
      parts.put(name, narrowPresent(l, t, v.type, p), false, guard);
    }
    return;
  }
  const tsType = l.checker.getTypeAtLocation(expr);
  let value = lowerExpr(l, expr);
  if (guard) {
    // Evaluate the source only when its branch is taken.
    const T0 = nullableOrSelf(l, value.type);
    value = { e: "cond", type: T0, c: guard, a: coerce(l, value, T0, expr), b: coerce(l, lowerNullLiteral("undefined"), T0, expr) };
  }
  const src = temp(value);
  if (src.type.k === "nullable") {
    // Spreading null or undefined adds nothing.
    if (src.type.inner.k === "never") return;
    const present: Expr = { e: "not", type: T.bool, x: isnullish(src, "either") };
    const inner = unwrap(l, src, expr);
    const innerTs = l.checker.getNonNullableType(tsType);
    const { props, order } = ownPropertiesInSourceOrder(l, inner, innerTs, expr, surelyPresent());
    for (const p of props) {
      const t = temp({ e: "cond", type: nullableOrSelf(l, p.read.type), c: present, a: coerce(l, p.read, nullableOrSelf(l, p.read.type), expr), b: coerce(l, lowerNullLiteral("undefined"), nullableOrSelf(l, p.read.type), expr) });
      parts.put(p.name, narrowPresent(l, t, p.read.type, expr), p.optional, present, order?.place(p.name));
    }
    if (order && props.length) parts.end(order.count, present);
    return;
  }
  const { props, order } = ownPropertiesInSourceOrder(l, src, tsType, expr, surelyPresent());
  for (const p of props) {
    if (!p.knownPresence) {
      parts.put(p.name, temp(p.read), p.optional, guard, order?.place(p.name));
      continue;
    }
    // A literal's member is copied when it is a property, even one holding undefined (`{ size: undefined }`).
    const present = p.present && temp(p.present);
    const both = present && guard ? { e: "logic", type: T.bool, op: "&&", a: guard, b: present } as Expr : (present ?? guard);
    parts.put(p.name, temp(p.read), false, both, order?.place(p.name));
  }
  if (order && props.length) parts.end(order.count, guard);
}

function lowerExprAsBool(l: Lowerer, cond: ts.Expression, guard?: Expr): Expr {
  const b = lowerCondition(l, cond);
  return guard ? { e: "logic", type: T.bool, op: "&&", a: guard, b } : b;
}

/** `t | undefined` (t itself if it admits undefined already). */
function nullableOrSelf(l: Lowerer, t: Type): Type {
  if (t.k === "nullable") return t.undef ? t : nullableType(l, t.inner, t.null, true);
  return nullableType(l, t, false, true);
}

/**
 * A temporary of type `inner | undefined` read where its guard holds: the
 * value as `inner` (`put` only reads it under the guard), unless `inner`
 * admits undefined itself.
 */
function narrowPresent(l: Lowerer, t: Expr, inner: Type, node: ts.Node): Expr {
  if (inner.k === "nullable" && inner.undef) return t;
  if (inner.k === "nullable") return { e: "reopt", type: inner, x: t };
  return unwrap(l, t, node);
}

// ---------------------------------------------------------------- patterns

/** `{ a, b: { c }, d = 1, ...rest }` against `src` (a temporary): the bindings, in pattern order. */
export function destructureObject(l: Lowerer, pattern: ts.ObjectBindingPattern, src: Expr, bind: Bind, recurse: Recurse): Stmt[] {
  const out: Stmt[] = [];
  const taken: string[] = [];
  for (const el of pattern.elements) {
    if (el.dotDotDotToken) {
      out.push(...recurse(el.name, restObject(l, src, taken, pattern, el), bind));
      continue;
    }
    const key = el.propertyName ?? el.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : l.fail("TSOS1086", key, "a computed key in a pattern");
    taken.push(name);
    // `const { key, ...rest } = props` on a record with any keys, where the program tests `key` (`key === undefined`):
    // a missing entry reads undefined, as in JavaScript (elsewhere it panics); reads where tsc says V are checked.
    const probedEntry = isRecord(src.type) && !el.initializer && ts.isIdentifier(el.name) && isOpenRecord(l, l.checker.getTypeAtLocation(pattern)) && usesProbe(l, el);
    let value = probedEntry ? recordEntryOrUndefined(l, src, name, key) : readProperty(l, src, name, key);
    // `const { key, ...rest } = props` with `props: Props & { key?: string }` (a record with an optional member of
    // its own): a missing entry is undefined, and a present one is cast to the member's type, checked.
    const named = !probedEntry && !el.initializer && isRecord(src.type) && ts.isIdentifier(el.name) ? l.checker.getTypeAtLocation(el.name) : undefined;
    const optionalMember = named && named.isUnion() && named.types.some((m) => m.flags & ts.TypeFlags.Undefined) ? tryIrType(l, named, el.name) : undefined;
    if (optionalMember && ts.isIdentifier(key)) value = castTo(l, recordEntryOrUndefined(l, src, name, key), optionalMember, key);
    // `o.a = 5; const { a } = o;` with `a?: number`: tsc narrows the property, and the name gets its narrowed type.
    if (!el.initializer && !probedEntry && value.type.k === "nullable" && ts.isIdentifier(el.name) && !(l.checker.getTypeAtLocation(el.name).flags & ts.TypeFlags.Any)) {
      const named = l.checker.getTypeAtLocation(el.name);
      if (!(named.flags & ts.TypeFlags.Unknown) && l.checker.getNonNullableType(named) === named) value = { e: "unwrap", type: value.type.inner, x: value, loc: l.loc(el), check: "narrowed" };
    }
    if (el.initializer && isEmptyObjectLiteral(el.initializer) && ts.isObjectBindingPattern(el.name) && admitsUndefined(value.type)) {
      out.push(...destructureOrEmpty(l, el.name, value, bind, recurse));
      continue;
    }
    if (el.initializer) {
      if (isRecord(src.type)) l.fail("TSOS1086", el.initializer, "a default for a record entry");
      value = withDefault(l, value, el.initializer, el);
    }
    out.push(...recurse(el.name, value, bind));
  }
  return out;
}

/** `value` with a pattern default: the default is evaluated only when the value is undefined. */
function isEmptyObjectLiteral(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isObjectLiteralExpression(e) && e.properties.length === 0;
}

/**
 * `{ quietHours: { start = -1, end = -1 } = {} }` where `quietHours` may be undefined: the inner pattern reads
 * each property of the value when there is one, and of `{}` (undefined) otherwise, before its own default.
 * tsc accepts `{}` for a type whose members the pattern all defaults; no object of that type is made.
 */
function destructureOrEmpty(l: Lowerer, pattern: ts.ObjectBindingPattern, value: Expr, bind: Bind, recurse: Recurse): Stmt[] {
  const loc = l.loc(pattern);
  const name = l.temp();
  const held = local(name, value.type);
  const out: Stmt[] = [{ s: "let", name, type: value.type, init: value, loc }];
  const absent = isnullish(held, "undefined");
  for (const el of pattern.elements) {
    const key = el.propertyName ?? el.name;
    if (el.dotDotDotToken || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) l.fail("TSOS1086", el, "a rest element or computed key in a pattern defaulted to `{}`");
    const read = readProperty(l, withoutUndefined(l, held, el), key.text, key);
    const type = read.type.k === "nullable" && read.type.undef ? read.type : nullableType(l, read.type, false, true);
    const sub = joinValues(l, absent, lowerNullLiteral("undefined"), coerce(l, read, type, el), el);
    out.push(...recurse(el.name, el.initializer ? withDefault(l, sub, el.initializer, el) : sub, bind));
  }
  return out;
}

export function withDefault(l: Lowerer, value: Expr, init: ts.Expression, node: ts.Node): Expr {
  // A value that is never undefined never uses (or evaluates) its default.
  if (!admitsUndefined(value.type)) return value;
  const name = l.temp();
  const t = local(name, value.type);
  const present = withoutUndefined(l, t, node);
  const lowered = lowerExpr(l, init, present.type);
  // `{ bold = false } = {}`: a default tsc accepts as the property's type is made that type.
  // `{ value = "" }` with `value: number | string`: the default is made the union it is a member of.
  const dflt = ts.isObjectLiteralExpression(init) && !sameType(lowered.type, present.type) ? coerce(l, lowered, present.type, init) : present.type.k === "union" ? (tryCoerce(l, lowered, present.type, init) ?? lowered) : lowered;
  const joined = joinValues(l, isnullish(t, "undefined"), dflt, present, node);
  return { e: "bind", type: joined.type, name, value, body: joined };
}

/** `...rest` of an object pattern: a new plain object with the properties not named before it. */
function restObject(l: Lowerer, src: Expr, taken: string[], pattern: ts.Node, el: ts.BindingElement): Expr {
  // A record's rest: a new record of its other entries (lib/std/map.ts recordRest).
  if (isRecord(src.type)) {
    const rest = irType(l, l.checker.getTypeAtLocation(el.name), el);
    if (!isRecord(rest)) l.fail("TSOS1171", el, typeName(src.type), "name the entries you need");
    const names: Expr = { e: "arraylit", type: arrayType(l, T.str), elems: taken.map((k) => ({ e: "str", type: T.str, value: k })), loc: l.loc(el) };
    return coerce(l, stdFn(l, "std/map.ts", "recordRest", [recordValueType(src.type)], [src, names], el), rest, el);
  }
  const clone = restClone(l, src, taken, pattern, el);
  if (clone) return clone;
  const srcTs = l.checker.getTypeAtLocation(pattern);
  const restTs = l.checker.getTypeAtLocation(el.name);
  const fields: Field[] = [];
  const values: Expr[] = [];
  // The taken keys are not copied: their place in the source does not matter.
  for (const p of ownProperties(l, src, srcTs, el, new Set(taken))) {
    if (taken.includes(p.name)) continue;
    const sym = l.checker.getPropertyOfType(restTs, p.name);
    if (!sym) continue;
    const type = irType(l, l.checker.getTypeOfSymbol(sym), el);
    fields.push({ name: fieldName({ text: p.name } as ts.Identifier), type, absent: p.optional && admitsUndefined(type) });
    values.push(coerce(l, p.read, type, el));
  }
  return newLiteralObject(l, fields, values, el, true);
}

// ---------------------------------------------------------------- assignment

/** `({ a, b: x.y, c = 1 } = value)` as a statement: the right side first, then each target in order. */
export function objectDestructuringAssignment(l: Lowerer, b: ts.BinaryExpression): Stmt[] {
  const loc = l.loc(b);
  const v = lowerExpr(l, b.right);
  const tmp = l.temp();
  const out: Stmt[] = [{ s: "let", name: tmp, type: v.type, init: v, loc }];
  out.push(...assignObject(l, b.left as ts.ObjectLiteralExpression, local(tmp, v.type)));
  return out;
}

function assignObject(l: Lowerer, pattern: ts.ObjectLiteralExpression, src: Expr): Stmt[] {
  const out: Stmt[] = [];
  const loc = l.loc(pattern);
  for (const p of pattern.properties) {
    let target: ts.Expression;
    let dflt: ts.Expression | undefined;
    let name: string;
    if (ts.isShorthandPropertyAssignment(p)) {
      name = p.name.text;
      target = p.name;
      dflt = p.objectAssignmentInitializer;
    } else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      name = p.name.text;
      target = p.initializer;
      if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        dflt = target.right;
        target = target.left;
      }
    } else l.fail("TSOS1086", p, "this member of a destructuring assignment");
    let value = readProperty(l, src, name, p);
    if (dflt) value = withDefault(l, value, dflt, p);
    if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
      if (ts.isArrayLiteralExpression(target)) l.fail("TSOS1086", target, "this destructuring target");
      const tmp = l.temp();
      out.push({ s: "let", name: tmp, type: value.type, init: value, loc });
      out.push(...assignObject(l, target, local(tmp, value.type)));
      continue;
    }
    out.push({ s: "expr", x: assignLowered(l, target, value, target), loc });
  }
  return out;
}


// ---------------------------------------------------------------- conditionals

/**
 * `c ? { ...t, done: true } : t`: branches of different IR types where the
 * checker types the conditional as one object type (a view): both converted
 * to it. Undefined when the conditional's type is no view.
 */
export function objectBranches(l: Lowerer, node: ts.ConditionalExpression, A: Expr, B: Expr): { type: Type; a: Expr; b: Expr } | undefined {
  const isObject = (t: Type) => t.k === "class" || t.k === "view";
  if (!isObject(A.type) || !isObject(B.type)) return undefined;
  const type = irType(l, l.checker.getTypeAtLocation(node), node);
  if (type.k !== "view") return undefined;
  return { type, a: coerce(l, A, type, node.whenTrue), b: coerce(l, B, type, node.whenFalse) };
}
