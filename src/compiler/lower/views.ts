/**
 * lower/views.ts: interfaces, object types and unions of object types as
 * *views* (docs/design/dialect-part1.md, "Objects").
 *
 * Input:  checker types that are interfaces, type literals, anonymous
 *         object types or unions of object types; conversions between them
 *         and classes; member reads, writes and calls on view values.
 * Output: ViewInst (the fat pointer `{ void *obj; const V__vt *vt; }` and
 *         its table layout), ViewTable per (class, view) pair with one thunk
 *         function per slot, and view-to-view conversion functions
 *         (Program.reviews) that find the target table through the class
 *         descriptor.
 * Invariants:
 *   - Views are structural: two object types with the same members (names,
 *     kinds and IR types) are one ViewInst, so converting between them is
 *     free. Slots are sorted by member name.
 *   - A property is two slots, `get_x` and (unless readonly) `set_x`; a
 *     method is `m_<name>`. Thunks receive the object as `void *`.
 *   - Every (class, view) table a view conversion can reach exists before
 *     emission (`finishViews`, run in the dispatch fixpoint).
 */
import ts from "typescript";
import { LIB_DIR } from "../load.ts";
import type { ClassInst, Expr, Func, Stmt, Type, ViewInst, ViewSlot, ViewTable } from "../ir.ts";
import { T } from "../ir.ts";
import { Bail, quietly, type Lowerer, isLibSymbol } from "./context.ts";
import { classInfo, fieldName, isAbstractProperty, lookupField, upcast } from "./classes.ts";
import { abstractPropertyRead, abstractPropertyWrite, registerFinisher, resolveMember, subclassDecls } from "./dispatch.ts";
import { castTo, coerce, tryCoerce } from "./expr.ts";
import { irType, mangle, nullableType, sameType, typeName } from "./types.ts";
import { acceptingUndefined, withDefaults } from "./defaults.ts";
import { missingArgs } from "./nullable.ts";
import { valueArgs } from "./fn-params.ts";
import { leavesOutDefaults } from "./calls.ts";
import { chainSubstitute, lowerNullLiteral, narrowRead } from "./nullable.ts";
import { boundMethod, usesThis, viewMethodValue } from "./method-values.ts";
import { ITERATOR_KEY, isSymbolIteratorName, refuseClosableIterator } from "./iterables.ts";
import { fieldProps, mappedTypeSlots } from "./mapped-types.ts";
import { plainObjectString } from "./inspect.ts";
import { namespaceObjectMember } from "./generic-consts.ts";
import { withKeyArgs } from "./key-params.ts";
import { oneKeyPerCopy } from "./key-distribution.ts";
import { isRecord, recordEntryHas, recordEntryRead, recordEntryWrite } from "./records.ts";
import { arrayMemberCopy, noteBoundMethodValue, noteViewRead } from "./view-copies.ts";
import { intersectionReceiver, missingMethodCall } from "./guarded-calls.ts";
import { checkedStoreTarget } from "./frozen.ts";

interface ViewState {
  byKey: Map<string, ViewInst>;
  cache: Map<string, ViewInst>;
  inProgress: Map<ts.Type, { inst: ViewInst; referenced: boolean; base: string }>;
  tables: Map<string, ViewTable>;
  reviews: Map<string, { fn: string; from: ViewInst; to: ViewInst; pairs: { cls: ClassInst; table: string }[] }>;
  /** Members of classes synthesized for object literals (objects.ts). */
  literalMembers: WeakMap<ClassInst, Map<string, { method?: Func; get?: Func; set?: Func }>>;
  /** Methods read as values through a view (`const { getState } = api`), with the reads; checked in finishViews. */
  unboundReads: Map<ViewInst, Map<string, ts.Node[]>>;
  /** The (read, class) pairs already refused. */
  refusedReads: Set<string>;
}

const states = new WeakMap<Lowerer, ViewState>();

function state(l: Lowerer): ViewState {
  let s = states.get(l);
  if (!s) {
    s = { byKey: new Map(), cache: new Map(), inProgress: new Map(), tables: new Map(), reviews: new Map(), literalMembers: new WeakMap(), unboundReads: new Map(), refusedReads: new Set() };
    states.set(l, s);
    registerFinisher(l, () => finishViews(l));
  }
  return s;
}

export function literalMembers(l: Lowerer, cls: ClassInst): Map<string, { method?: Func; get?: Func; set?: Func }> {
  const s = state(l);
  let m = s.literalMembers.get(cls);
  if (!m) {
    m = new Map();
    s.literalMembers.set(cls, m);
  }
  return m;
}


/** Whether `type` is an object type that a view can stand for. */
/** Interfaces of lib/tsos.d.ts that programs implement, used as views like their own (lower/global-allocator.ts). */
const LIB_VIEW_INTERFACES = new Set(["GlobalAllocator"]);

function isViewable(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  const sym = type.getSymbol();
  if (isLibSymbol(sym) && !LIB_VIEW_INTERFACES.has(sym!.name) && !(sym!.flags & ts.SymbolFlags.TypeLiteral) && !(sym!.flags & ts.SymbolFlags.ObjectLiteral)) return false;
  if (sym && sym.flags & (ts.SymbolFlags.Enum | ts.SymbolFlags.ValueModule | ts.SymbolFlags.Function)) return false;
  if (type.getConstructSignatures().length || type.getCallSignatures().length) return false;
  return true;
}

/** The view IR type for an interface, object type or union of object types, else undefined. */
export function viewType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const objectLike = (t: ts.Type): boolean => isViewable(t) || ((t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) !== 0;
  if (type.isUnion()) {
    // A member may be an intersection of object types (`{ t: number } & ({ kind: "in" } | { kind: "out" })` distributes into them).
    if (!type.types.every((t) => objectLike(t) || (t.isIntersection() && t.types.every(objectLike)))) return undefined;
  } else if (type.isIntersection()) {
    // `A & B` (lower/intersections.ts): the members of every part.
    if (!type.types.every((t) => isViewable(t) || (t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class)) return undefined;
  } else if (!isViewable(type)) return undefined;
  const view = viewOf(l, type, node);
  return { k: "view", view };
}

function viewOf(l: Lowerer, type: ts.Type, node: ts.Node): ViewInst {
  const s = state(l);
  const busy = s.inProgress.get(type);
  if (busy) {
    // A recursive reference (`interface Book { borrower?: Member }` where Member holds `Book[]`):
    // the view gets its C name now, so the types built meanwhile (Book[]) name it as it will be named.
    busy.referenced = true;
    if (!busy.inst.cname) busy.inst.cname = l.uniqueName(`V_${busy.base}`);
    return busy.inst;
  }
  // A module-level interface or alias without type parameters means the same in every generic instance: one view
  // (within Signal<number> and Signal<string>, `Subscriber` is the Subscriber of the rest of the program).
  const envKey = closedType(type) ? "" : [...l.scope.env.values()].map(mangle).join(",");
  const cacheKey = `${(type as { id?: number }).id}|${envKey}`;
  const cached = s.cache.get(cacheKey);
  if (cached) return cached;
  const tsName = l.checker.typeToString(type);
  const base = type.aliasSymbol?.name ?? (type.getSymbol()?.flags! & ts.SymbolFlags.Interface ? type.getSymbol()!.name : "obj");
  const inst: ViewInst = { cname: "", tsName, slots: [] };
  const entry = { inst, referenced: false, base };
  const generics = new Map<string, string>();
  s.inProgress.set(type, entry);
  try {
    // `{ [K in keyof E]?: ... }` inside a generic instance: the keys of E's type argument (lower/mapped-types.ts).
    const mapped = mappedTypeSlots(l, type, (t) => irType(l, t, node), keysOfType, cName, (t) => nullableType(l, t, false, true));
    inst.slots = mapped?.slots ?? slotsOf(l, type, node, generics);
    if (!declaredOrder.has(inst)) declaredOrder.set(inst, mapped?.order ?? l.checker.getPropertiesOfType(type).map((p) => p.name));
  } finally {
    s.inProgress.delete(type);
  }
  const key = slotsKey(inst.slots, generics);
  const same = s.byKey.get(key);
  if (same && !entry.referenced) {
    s.cache.set(cacheKey, same);
    return same;
  }
  if (!inst.cname) inst.cname = l.uniqueName(`V_${base}`);
  if (generics.size) genericMethods.set(inst, new Set(generics.keys()));
  if (!same) s.byKey.set(key, inst);
  s.cache.set(cacheKey, inst);
  l.program.views.push(inst);
  return inst;
}

/** Whether `type` is a module-level interface or type alias without type parameters: no type variable of a scope reaches it. */
function closedType(type: ts.Type): boolean {
  if (type.aliasSymbol) return !type.aliasTypeArguments?.length && (type.aliasSymbol.declarations ?? []).every((d) => ts.isTypeAliasDeclaration(d) && !d.typeParameters && atModuleLevel(d));
  const sym = type.getSymbol();
  if (!sym || !(sym.flags & ts.SymbolFlags.Interface) || (type as ts.TypeReference).typeArguments?.length) return false;
  return (sym.declarations ?? []).every((d) => ts.isInterfaceDeclaration(d) && !d.typeParameters && atModuleLevel(d));
}

function atModuleLevel(d: ts.Node): boolean {
  return ts.isSourceFile(d.parent) || ts.isModuleBlock(d.parent);
}

/** Views are structural: one per list of slots (names, kinds, IR types) and generic methods. */
function slotsKey(slots: readonly ViewSlot[], generics: ReadonlyMap<string, string>): string {
  return [...slots.map((x) => `${x.name}${x.method ? "?()" : ""}(${x.params.map(mangle).join(",")})${mangle(x.ret)}`), ...[...generics].map(([name, sig]) => `${name}${sig}`)].join(";");
}

/**
 * `T & Closeable` in a generic instance where T is itself a view (a type
 * guard's narrowing of an interface value): the view with the slots of
 * every part; undefined where two parts disagree on a member or one has
 * generic methods.
 */
export function mergedView(l: Lowerer, parts: readonly ViewInst[], tsName: string): Type | undefined {
  const bySlot = new Map<string, ViewSlot>();
  for (const p of parts) {
    if (genericMethods.has(p)) return undefined;
    for (const x of p.slots) {
      const other = bySlot.get(x.name);
      if (other && slotsKey([other], new Map()) !== slotsKey([x], new Map())) return undefined;
      bySlot.set(x.name, x);
    }
  }
  const slots = [...bySlot.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const s = state(l);
  const key = slotsKey(slots, new Map());
  const same = s.byKey.get(key);
  if (same) return { k: "view", view: same };
  const inst: ViewInst = { cname: l.uniqueName("V_merged"), tsName, slots };
  declaredOrder.set(inst, parts.flatMap((p) => declaredOrder.get(p) ?? p.slots.map((x) => x.prop)).filter((n, i, all) => all.indexOf(n) === i));
  s.byKey.set(key, inst);
  l.program.views.push(inst);
  return { k: "view", view: inst };
}

/** The property names of a view in the order its (first) TypeScript type declares them (slots are sorted): the order JSON.parse reads them in. */
export const declaredOrder = new WeakMap<ViewInst, string[]>();

/** The properties of a view or class type, as `keyof` of it lists them (in declaration order), or undefined for other types. */
function keysOfType(t: Type): { prop: string; optional: boolean; readonly: boolean }[] | undefined {
  if (t.k === "view") {
    const order = declaredOrder.get(t.view) ?? [];
    const gets = t.view.slots.filter((s) => s.kind === "get" || s.kind === "method");
    const rank = (prop: string): number => (order.includes(prop) ? order.indexOf(prop) : order.length);
    return gets
      .sort((a, b) => rank(a.prop) - rank(b.prop))
      .map((s) => ({ prop: s.prop, optional: !!s.optional, readonly: !t.view.slots.some((x) => x.kind === "set" && x.prop === s.prop) }));
  }
  if (t.k === "class" && !t.cls.header) return undefined;
  if (t.k === "class") return fieldProps(t.cls.fields).map((prop) => ({ prop, optional: false, readonly: false }));
  return undefined;
}

function slotsOf(l: Lowerer, type: ts.Type, node: ts.Node, generics: Map<string, string>): ViewSlot[] {
  const props = [...l.checker.getPropertiesOfType(type)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const slots: ViewSlot[] = [];
  for (const p of props) {
    const decls = p.declarations ?? [];
    const name = p.name;
    // A generic function of a namespace-like const object, instantiated at each call instead (lower/generic-consts.ts).
    if (decls.length && decls.every((d) => ts.isObjectLiteralElement(d) && !!namespaceObjectMember(l, d))) continue;
    // `[Symbol.iterator]()`: the iteration method, the one slot an Iterable<T> view has too (lower/iterables.ts).
    const iterator = name.startsWith("__@iterator@") && decls.some((d) => isSymbolIteratorName((d as ts.NamedDeclaration).name));
    if (iterator) {
      const sigs = l.checker.getTypeOfSymbol(p).getCallSignatures();
      if (sigs.length !== 1 || sigs[0]!.parameters.length) l.fail("TSOS1059", node, l.checker.typeToString(type), "an overloaded `[Symbol.iterator]` method");
      slots.push({ name: "m_iterator", kind: "method", prop: ITERATOR_KEY, params: [], ret: irType(l, sigs[0]!.getReturnType(), node) });
      continue;
    }
    if (name.startsWith("__") || name.startsWith("#")) l.fail("TSOS1059", node, l.checker.typeToString(type), `the member \`${name}\``);
    // A union of object literals' types (`[{ host, port: 1 }, { port: "2" }]`): tsc lists `host` for the union,
    // typed `string | undefined`, though a member lacks it; for that member it is a property it does not have.
    const lacking = type.isUnion() && type.types.some((m) => m.flags & ts.TypeFlags.Object && !l.checker.getPropertyOfType(m, name));
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0 || lacking;
    const pt = l.checker.getTypeOfSymbol(p);
    const isMethod = decls.length > 0 && decls.every((d) => ts.isMethodSignature(d) || ts.isMethodDeclaration(d));
    // An optional method (`onStart?(): void`) is read as what TypeScript types it: a property holding a
    // function or undefined (a class or literal that has the method gives it bound to the object).
    if (isMethod && !optional) {
      const sigs = pt.getCallSignatures();
      if (sigs.length !== 1) l.fail("TSOS1059", node, l.checker.typeToString(type), `the overloaded method \`${name}\``);
      const sig = sigs[0]!;
      // A generic method has a slot per instance the program calls (`genericSlot`); its signature is part of the view's identity.
      if (sig.typeParameters?.length) {
        generics.set(name, l.checker.signatureToString(sig));
        continue;
      }
      const mapSlot = (): ViewSlot => ({ name: `m_${cName(name)}`, kind: "method", prop: name, params: sig.parameters.map((q) => slotParamType(l, q, node)), ret: irType(l, sig.getReturnType(), node) });
      // `Mat | Vec` whose `add` methods take a Mat and a Vec: called through the union, `add` takes a `Mat & Vec`,
      // which nothing is. The view has no such method (the program narrows first: `o instanceof Vec`).
      const slot = type.isUnion() ? quietly(l, mapSlot) : mapSlot();
      if (slot) slots.push(slot);
      continue;
    }
    const t = irType(l, pt, node);
    slots.push({ name: `get_${cName(name)}`, kind: "get", prop: name, params: [], ret: t, optional, ...(isMethod ? { method: true } : {}) });
    const readonly =
      isMethod ||
      decls.some((d) => ts.getCombinedModifierFlags(d as ts.Declaration) & ts.ModifierFlags.Readonly) ||
      (decls.length > 0 && decls.every((d) => ts.isGetAccessor(d)));
    // A property of type `never` (`Result<never, E>`'s value) holds no value: nothing can be written to it.
    if (!readonly && t.k !== "never" && t.k !== "void") slots.push({ name: `set_${cName(name)}`, kind: "set", prop: name, params: [t], ret: T.void, optional });
  }
  return slots;
}

/**
 * A method parameter of a view: a parameter with a default (`level = 3` in the
 * object literal a view's type comes from) may be left out, so the slot takes
 * `T | undefined` and the implementation applies its default.
 */
function slotParamType(l: Lowerer, q: ts.Symbol, node: ts.Node): Type {
  const t = irType(l, l.checker.getTypeOfSymbol(q), node);
  const decl = q.valueDeclaration;
  if (!decl || !ts.isParameter(decl) || !decl.initializer || decl.dotDotDotToken) return t;
  if (t.k === "nullable" && t.undef) return t;
  return nullableType(l, t, false, true);
}

/**
 * A property name as part of a slot's C name: an identifier as it is; any other name (`"&"`, `"content-type"`,
 * `a$`) spelled out, letters and digits kept and every other character as `_<hex>_`, after a prefix, so two
 * names never share a slot (`"&"` and `"<"` both became `_`, and gcc rejected the duplicate member).
 */
function cName(prop: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(prop)) return prop;
  return `tsos_q_${[...prop].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("")}`;
}

type ClassMember =
  | { kind: "field"; owner: ClassInst; field: ClassInst["fields"][number] }
  | { kind: "method"; inst: ClassInst; decl: ts.MethodDeclaration }
  | { kind: "accessor"; inst: ClassInst; get?: ts.GetAccessorDeclaration; set?: ts.SetAccessorDeclaration }
  | { kind: "literal"; fns: { method?: Func; get?: Func; set?: Func } }
  /** An abstract property, which subclasses implement with a field or a getter (lower/dispatch.ts abstractPropertyRead). */
  | { kind: "abstract"; inst: ClassInst };

/** The member `prop` of a class instance (its own or inherited). */
export function classMember(l: Lowerer, cls: ClassInst, prop: string): ClassMember | undefined {
  if (cls.literal) {
    const fns = literalMembers(l, cls).get(prop);
    if (fns) return { kind: "literal", fns };
    const f = lookupField(cls, fieldName({ text: prop } as ts.Identifier));
    return f ? { kind: "field", owner: f.owner, field: f.field } : undefined;
  }
  // A tuple's struct has no members of its own.
  if (cls.tuple) return undefined;
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    const members = classInfo(c).decl.members.filter(
      (m) => m.name && ((ts.isIdentifier(m.name) && m.name.text === prop) || (prop === ITERATOR_KEY && isSymbolIteratorName(m.name))) && !(ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static),
    );
    const method = members.find((x): x is ts.MethodDeclaration => ts.isMethodDeclaration(x) && !!x.body) ?? members.find(ts.isMethodDeclaration);
    if (method) return { kind: "method", inst: c, decl: method };
    const get = members.find(ts.isGetAccessor);
    const set = members.find(ts.isSetAccessor);
    if (get || set) return { kind: "accessor", inst: c, get, set };
    if (members.some(isAbstractProperty)) return { kind: "abstract", inst: c };
    const f = c.fields.find((x) => x.name === fieldName({ text: prop } as ts.Identifier));
    if (f) return { kind: "field", owner: c, field: f };
  }
  return undefined;
}

/** The static table of (cls, view), its thunks built on first use. */
export function viewTable(l: Lowerer, cls: ClassInst, view: ViewInst, node: ts.Node): ViewTable {
  const s = state(l);
  const key = `${cls.cname}|${view.cname}`;
  const hit = s.tables.get(key);
  if (hit) return hit;
  if (!cls.header) l.fail("TSOS1060", node, cls.tsName, view.tsName);
  refuseClosableIterator(l, cls, view, node); // lower/iterables.ts
  const table: ViewTable = { cname: l.uniqueName(`${cls.cname}__${view.cname}__vt`), view, cls, fns: [] };
  s.tables.set(key, table);
  try {
    while (table.fns.length < view.slots.length) table.fns.push(thunk(l, cls, view, view.slots[table.fns.length]!, node).cname);
  } catch (e) {
    s.tables.delete(key);
    throw e;
  }
  l.program.viewTables.push(table);
  return table;
}

function thunk(l: Lowerer, cls: ClassInst, view: ViewInst, slot: ViewSlot, node: ts.Node): Func {
  const loc = l.loc(node);
  const params = [{ name: "self", type: { k: "anyobj" } as Type }, ...slot.params.map((type, i) => ({ name: `a${i}`, type }))];
  const func: Func = { cname: l.uniqueName(`${cls.cname}__${view.cname}__${slot.name}`), params, ret: slot.ret, body: [], loc, isStatic: true };
  const clsType: Type = { k: "class", cls };
  const self: Expr = { e: "convert", type: clsType, x: { e: "local", type: params[0]!.type, name: "self" }, checked: false, loc };
  const args: Expr[] = slot.params.map((type, i) => ({ e: "local", type, name: `a${i}` }));
  const ret = (x: Expr): Stmt[] => (slot.ret.k === "void" ? [{ s: "expr", x, loc }, { s: "return", loc }] : [{ s: "return", x: coerce(l, x, slot.ret, node), loc }]);
  const panic = (message: string): Stmt[] => [{ s: "expr", x: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: message }, loc }, loc }];
  // A record seen as an object type (`const v: { id?: number } = counts`): its members are the record's entries.
  if (isRecord(clsType) && (slot.kind === "get" || slot.kind === "set")) {
    const key: Expr = { e: "str", type: T.str, value: slot.prop };
    // An entry of a wider value type (a `Json` record asserted as `{ title: string }`) is cast, checked, as tsc trusted the assertion.
    const read = (): Expr => {
      const v = recordEntryRead(l, self, key, slot.optional ?? false, node);
      if (sameType(v.type, slot.ret) || !ts.isExpression(node)) return v;
      const t = slot.ret;
      if (!slot.optional || t.k !== "nullable") return castTo(l, recordEntryRead(l, self, key, false, node), t, node);
      // An optional member: undefined without the entry, else the entry cast to the member's present type.
      const present = castTo(l, recordEntryRead(l, self, key, false, node), t.inner, node);
      return { e: "cond", type: t, c: recordEntryHas(l, self, key, node), a: coerce(l, present, t, node), b: { e: "nullish", type: t, undef: true } };
    };
    func.body = slot.kind === "get" ? ret(read()) : ret(recordEntryWrite(l, self, key, args[0]!, node));
    l.addFunc(func);
    return func;
  }
  if (isRecord(clsType)) l.fail("TSOS1060", node, cls.tsName, view.tsName);
  const m = classMember(l, cls, slot.prop);
  if (!m && slot.optional) {
    // A class without an optional member: reading it gives undefined; JavaScript would add the property on a write.
    func.body =
      slot.kind === "get"
        ? ret(lowerNullLiteral("undefined"))
        : panic(`Cannot add the property ${slot.prop} to an object of class ${cls.tsName} through ${view.tsName}`);
    l.addFunc(func);
    return func;
  }
  // `toString()` through a union with a class that declares it: a class without one has Object.prototype's.
  const inherited = !m && slot.kind === "method" && slot.prop === "toString" && !slot.params.length && slot.ret.k === "str" ? plainObjectString(l, self, node) : undefined;
  if (inherited) {
    func.body = ret(inherited);
    l.addFunc(func);
    return func;
  }
  if (!m && cls.literal && (slot.kind === "get" || slot.kind === "set")) l.fail("TSOS1063", node, slot.prop, view.tsName);
  if (!m) l.fail("TSOS1060", node, cls.tsName, view.tsName);
  const callWith = (cname: string, params: Type[], r: Type, selfArg: Expr): Expr => {
    // An optional parameter of the view's signature that the implementation gives a default.
    const { cname: fn, params: ps } = acceptingUndefined(l, cname, params, true, slot.params, (t) => nullableType(l, t, false, true));
    if (ps.length > args.length) {
      // More parameters than the view's, each optional or with a default (`add(item, count = 1)` for `add(item)`).
      const defaulted = withDefaults(l, fn, args.length, true);
      if (defaulted) return { e: "call", type: r, fn: defaulted.cname, args: [selfArg, ...defaulted.params.map((p, i) => coerce(l, args[i]!, p, node))] };
      if (!ps.slice(args.length).every((t) => t.k === "nullable" && t.undef)) l.fail("TSOS1054", node, slot.prop, `${ps.length} parameters`, `${args.length}`);
    }
    const given = ps.map((p, i): Expr => (i < args.length ? coerce(l, args[i]!, p, node) : { e: "nullish", type: p, undef: true }));
    return { e: "call", type: r, fn, args: [selfArg, ...given] };
  };
  const body = (): Stmt[] => {
    switch (slot.kind) {
      case "method":
        if (m.kind === "method") {
          const r = resolveMember(l, cls, m.decl, []);
          return ret(callWith(r.fn, r.params, r.ret, coerce(l, self, r.self, node)));
        }
        if (m.kind === "literal" && m.fns.method) {
          const f = m.fns.method;
          return ret(callWith(f.cname, f.params.slice(1).map((p) => p.type), f.ret, self));
        }
        if (m.kind === "field" && m.field.type.k === "fn") {
          const fv: Expr = { e: "field", type: m.field.type, obj: upcast(self, m.owner), name: m.field.name };
          return ret({ e: "callptr", type: m.field.type.ret, callee: fv, args: m.field.type.params.map((p, i) => coerce(l, args[i]!, p, node)) });
        }
        break;
      case "generic":
        // The class's generic method at the call's type arguments (its type parameters in the interface's order).
        if (m.kind === "method" && m.decl.typeParameters?.length === slot.typeArgs!.length) {
          const r = resolveMember(l, cls, m.decl, slot.typeArgs!);
          return ret(callWith(r.fn, r.params, r.ret, coerce(l, self, r.self, node)));
        }
        // An object literal's generic function, compiled once with its type parameters as `unknown` (lower/erasure.ts):
        // the arguments are boxed, the result unboxed to this instance's type.
        if (m.kind === "literal" && m.fns.method) {
          const f = m.fns.method;
          return ret(callWith(f.cname, f.params.slice(1).map((p) => p.type), f.ret, self));
        }
        if (m.kind === "field" && m.field.type.k === "fn" && m.field.type.params.length === args.length) {
          const fv: Expr = { e: "field", type: m.field.type, obj: upcast(self, m.owner), name: m.field.name };
          return ret({ e: "callptr", type: m.field.type.ret, callee: fv, args: m.field.type.params.map((p, i) => coerce(l, args[i]!, p, node)) });
        }
        l.fail("TSOS1059", node, view.tsName, `the generic method \`${slot.prop}\` (${cls.tsName} does not implement it as a generic method of as many type parameters)`);
        break;
      case "get":
        if (m.kind === "field") {
          const read: Expr = { e: "field", type: m.field.type, obj: upcast(self, m.owner), name: m.field.name, inline: m.field.inline };
          // An optional member seen through a view that requires it (`a as Required<Author>`, a type guard to it):
          // tsc trusts the cast; the read checks it, as a narrowed read does.
          const required = m.field.type.k === "nullable" && slot.ret.k !== "nullable" && slot.ret.k !== "dyn" && sameType(m.field.type.inner, slot.ret);
          // A required member the object's literal left out (`{} as Cfg`, objects.ts; `a as Required<Author>`), read
          // before any write: JavaScript reads undefined where TypeScript trusted the assertion.
          if (required && m.field.absent && !slot.optional) {
            const message = `the property \`${slot.prop}\` that \`${view.tsName}\` requires was read before it was given a value (the object was made without it, and JavaScript reads undefined)`;
            const unset: Expr = { e: "isnullish", type: T.bool, x: read, which: "undefined" };
            const fail: Expr = { e: "panic", type: T.void, message: { e: "str", type: T.str, value: message }, loc };
            const value: Expr = { e: "unwrap", type: slot.ret, x: read, loc };
            return ret({ e: "cond", type: slot.ret, c: unset, a: { e: "seq", type: slot.ret, xs: [fail, value] }, b: value });
          }
          // `items: Article[]` read as `Page<unknown>`'s `items: unknown[]`, which no conversion serves: a copy (lower/view-copies.ts).
          const copy = tryCoerce(l, read, slot.ret, node) ? undefined : arrayMemberCopy(l, read, view, slot, node);
          if (copy) return ret(copy);
          return ret(required ? { e: "unwrap", type: slot.ret, x: read, loc, check: "narrowed" } : read);
        }
        if (m.kind === "accessor" && m.get) {
          const r = resolveMember(l, cls, m.get, []);
          return ret({ e: "call", type: r.ret, fn: r.fn, args: [coerce(l, self, r.self, node)] });
        }
        if (m.kind === "literal" && m.fns.get) return ret({ e: "call", type: m.fns.get.ret, fn: m.fns.get.cname, args: [self] });
        if (m.kind === "abstract") {
          const read = abstractPropertyRead(l, self, slot.prop, node);
          if (read) return ret(read);
        }
        // A method read as a function-typed property (`handler: () => void`, or an optional method): the
        // method bound to this object, as `obj.m` is when JavaScript calls it as `obj.m()`.
        // A function read from a property can be called later without its object, when JavaScript gives it
        // `this` undefined: a method that uses `this` is bound only for an optional method, whose reads are
        // all calls or tests.
        if (m.kind === "method" && !m.decl.typeParameters?.length) {
          // Through an `unknown` member (a duck-typing test), bound where every read only tests it (lower/view-copies.ts).
          if (!slot.method && usesThis(m.decl) && !noteBoundMethodValue(l, view, slot, `${cls.tsName}.${slot.prop}`)) l.fail("TSOS1062", node, `${cls.tsName}.${slot.prop}`, view.tsName);
          const r = resolveMember(l, cls, m.decl, []);
          return ret(boundMethod(l, coerce(l, self, r.self, node), r, m.decl, node as ts.Expression, true));
        }
        if (m.kind === "literal" && m.fns.method) {
          const decl = literalMethodDecl(cls, slot.prop);
          if (!slot.method && (!decl || usesThis(decl))) l.fail("TSOS1062", node, `${cls.tsName}.${slot.prop}`, view.tsName);
          const f = m.fns.method;
          const r = { fn: f.cname, params: f.params.slice(1).map((p) => p.type), ret: f.ret, self: f.params[0]!.type };
          return ret(boundMethod(l, self, r, node, node as ts.Expression, true));
        }
        break;
      case "set": {
        // A write the program may never make: if it cannot be compiled, it panics instead of failing the build.
        const reported = l.diagnostics.length;
        try {
          if (m.kind === "field") {
            // A frozen object's field throws (lower/frozen.ts) however the program reaches it.
            const target = checkedStoreTarget(l, { e: "field", type: m.field.type, obj: upcast(self, m.owner), name: m.field.name }, node);
            return ret({ e: "assign", type: m.field.type, target, value: coerce(l, args[0]!, m.field.type, node) });
          }
          if (m.kind === "accessor" && m.set) {
            const r = resolveMember(l, cls, m.set, []);
            return ret(callWith(r.fn, r.params, r.ret, coerce(l, self, r.self, node)));
          }
          if (m.kind === "literal" && m.fns.set) return ret(callWith(m.fns.set.cname, m.fns.set.params.slice(1).map((p) => p.type), T.void, self));
        } catch (e) {
          if (!(e instanceof Bail)) throw e;
          l.diagnostics.length = reported;
        }
        return panic(`Cannot set property ${slot.prop} of ${cls.tsName} through ${view.tsName}`);
      }
    }
    l.fail("TSOS1060", node, cls.tsName, view.tsName);
  };
  func.body = body();
  l.addFunc(func);
  return func;
}

/** Conversions to and from views: class -> view, view -> view; else undefined. */
export function viewCoerce(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  const from = e.type;
  if (to.k !== "view") return undefined;
  if (from.k === "class") {
    const table = viewTable(l, from.cls, to.view, node);
    return { e: "mkview", type: to, x: e, table: table.cname };
  }
  if (from.k === "view") {
    if (from.view === to.view) return e;
    return { e: "review", type: to, x: e, fn: review(l, from.view, to.view) };
  }
  return undefined;
}

function review(l: Lowerer, from: ViewInst, to: ViewInst): string {
  const s = state(l);
  const key = `${from.cname}|${to.cname}`;
  let r = s.reviews.get(key);
  if (!r) {
    r = { fn: l.uniqueName(`${from.cname}__to__${to.cname}`), from, to, pairs: [] };
    s.reviews.set(key, r);
    l.program.reviews.push(r);
  }
  return r.fn;
}

/** Tables every view conversion needs: for each (class, from) table, the (class, to) table if the class fits. */
function finishViews(l: Lowerer): string {
  const s = state(l);
  for (const r of s.reviews.values()) {
    for (const t of [...s.tables.values()]) {
      if (t.view !== r.from || r.pairs.some((p) => p.cls === t.cls)) continue;
      // A class whose table cannot be built never reaches the target view.
      const target = quietly(l, () => viewTable(l, t.cls, r.to, classInfoNode(l, t.cls)));
      r.pairs.push({ cls: t.cls, table: target?.cname ?? "" });
    }
  }
  refuseUnboundThis(l);
  return `${s.tables.size}/${s.reviews.size}/${[...s.reviews.values()].reduce((n, r) => n + r.pairs.length, 0)}`;
}

/**
 * A method read as a value through a view is a closure that calls it on its object; JavaScript calls it
 * with `this` undefined. Where an object that reaches the view implements it with a method that uses
 * `this` (a class method, an object literal's method), the read is TSOS1131: JavaScript would throw.
 */
function refuseUnboundThis(l: Lowerer): void {
  const s = state(l);
  for (const t of s.tables.values()) {
    for (const [prop, nodes] of s.unboundReads.get(t.view) ?? []) {
      const m = classMember(l, t.cls, prop);
      const fn = m?.kind === "literal" ? m.fns.method && l.funcNodes.get(m.fns.method.cname) : undefined;
      const decl = m?.kind === "method" ? m.decl : fn && (ts.isMethodDeclaration(fn) ? fn : fn.parent);
      if (!decl || !ts.isMethodDeclaration(decl) || !usesThis(decl)) continue;
      for (const node of nodes) {
        const key = `${node.pos}|${node.getSourceFile().fileName}|${t.cls.cname}`;
        if (s.refusedReads.has(key)) continue;
        s.refusedReads.add(key);
        l.error("TSOS1131", node, prop);
      }
    }
  }
}

function classInfoNode(l: Lowerer, cls: ClassInst): ts.Node {
  void l;
  return literalNodes.get(cls) ?? classInfo(cls).decl;
}

/** The object literal a synthesized class came from (for diagnostics). */
export const literalNodes = new WeakMap<ClassInst, ts.Node>();

function slotOf(l: Lowerer, view: ViewInst, kind: ViewSlot["kind"], prop: string, node: ts.Node): ViewSlot {
  const slot = view.slots.find((x) => x.kind === kind && x.prop === prop);
  if (!slot) {
    if (kind === "set") l.fail("TSOS1005", node, `assignment to the readonly property \`${prop}\``);
    l.fail("TSOS1018", node, prop, view.tsName);
  }
  return slot;
}

export function lowerViewGet(l: Lowerer, v: Expr, prop: string, node: ts.Node): Expr {
  // `const { getState, dispatch } = api`, `const g = api.getState`: a method read as a value (lower/method-values.ts).
  const view = (v.type as { view: ViewInst }).view;
  const method = !view.slots.some((x) => x.kind === "get" && x.prop === prop) ? view.slots.find((x) => x.kind === "method" && x.prop === prop) : undefined;
  if (method) {
    const reads = state(l).unboundReads.get(view) ?? new Map<string, ts.Node[]>();
    state(l).unboundReads.set(view, reads.set(prop, [...(reads.get(prop) ?? []), node]));
    return viewMethodValue(l, v, method, node);
  }
  const slot = slotOf(l, view, "get", prop, node);
  noteViewRead(l, (v.type as { view: ViewInst }).view, slot, node); // lower/view-copies.ts
  return { e: "viewcall", type: slot.ret, view: v, slot: slot.name, args: [] };
}

export function viewSetter(l: Lowerer, v: Expr, prop: string, node: ts.Node): { param: Type; call: (x: Expr) => Expr } {
  const slot = slotOf(l, (v.type as { view: ViewInst }).view, "set", prop, node);
  return { param: slot.params[0]!, call: (x) => ({ e: "viewcall", type: T.void, view: v, slot: slot.name, args: [x] }) };
}

export function lowerViewCall(l: Lowerer, v: Expr, prop: string, call: ts.CallExpression): Expr {
  const view = (v.type as { view: ViewInst }).view;
  const method = genericMethods.get(view)?.has(prop) ? genericSlot(l, view, prop, call) : view.slots.find((x) => x.kind === "method" && x.prop === prop);
  if (method) {
    const args = valueArgs(l, call, method.params);
    if (args.length < method.params.length) l.fail("TSOS1058", call, prop);
    return { e: "viewcall", type: method.ret, view: v, slot: method.name, args };
  }
  // `v.toString()` where the type lists none: the object's own, or `[object Object]`, by its class (lower/inspect.ts).
  if (prop === "toString" && !call.arguments.length && !view.slots.some((x) => x.prop === prop)) return plainObjectString(l, v, call)!;
  // `x.close()` with `x: T & Closeable` (a type guard's narrowing) where T is this view: through the view of the
  // intersection, which finds the object's `close` by its class (a class without one panics, naming the type).
  const guarded = !view.slots.some((x) => x.prop === prop) ? intersectionReceiver(l, v, call) : undefined;
  if (guarded) return lowerViewCall(l, guarded, prop, call);
  // A function-typed property, narrowed to present where TypeScript narrowed it (an optional method after `if (v.m)`).
  // `p.hooks.transform?.(acc)`: the optional chain has bound the property's value, tested present.
  const f = chainSubstitute(call.expression) ?? narrowRead(l, call.expression, lowerViewGet(l, v, prop, call.expression));
  if (f.type.k !== "fn") l.fail("TSOS1015", call.expression, "calling this value", "call a declared function or method");
  return { e: "callptr", type: f.type.ret, callee: f, args: valueArgs(l, call, f.type.params) };
}

export { sameType };

/** The generic methods of views (by member name): their slots are instances, one per type arguments called with. */
const genericMethods = new WeakMap<ViewInst, Set<string>>();

/**
 * The slot of a generic view method at the type arguments tsc inferred for
 * this call (`plugin.run([1, 2])`: `run<number>`). A new instance is appended
 * to the view's slots and to every table of the view built so far; tables
 * built later take it with the rest.
 */
function genericSlot(l: Lowerer, view: ViewInst, prop: string, call: ts.CallExpression): ViewSlot {
  const sig = l.checker.getResolvedSignature(call);
  if (!sig) l.fail("TSOS9001", call, "a generic view method call without a signature");
  const checked = l.checker.getTypeArgumentsForResolvedSignature(sig) ?? [];
  // `ctx.on("text", fn)` with `on<K extends keyof Payloads>`: K carries its key, so `Payloads[K]` has one type (key-params.ts).
  const typeArgs = oneKeyPerCopy(l, sig, call, withKeyArgs(l, sig, checked, checked.map((t) => irType(l, t, call))));
  const name = `g_${cName(prop)}__${typeArgs.map((t) => cName(mangle(t))).join("__")}`;
  const found = view.slots.find((x) => x.kind === "generic" && x.name === name);
  if (found) return found;
  const slot: ViewSlot = { name, kind: "generic", prop, params: sig.parameters.map((q) => slotParamType(l, q, call)), ret: irType(l, sig.getReturnType(), call), typeArgs };
  view.slots.push(slot);
  for (const t of state(l).tables.values()) {
    if (t.view !== view) continue;
    while (t.fns.length < view.slots.length) t.fns.push(thunk(l, t.cls, view, view.slots[t.fns.length]!, call).cname);
  }
  return slot;
}

/**
 * A member of a class found by name rather than through TypeScript's symbol:
 * the receiver's type is a type parameter constrained by an interface
 * (`<T extends Shape>`), now monomorphized to a concrete class.
 */
export function lowerClassCallByName(l: Lowerer, recv: Expr, prop: string, call: ts.CallExpression): Expr {
  const cls = (recv.type as { cls: ClassInst }).cls;
  const m = classMember(l, cls, prop);
  if (m?.kind === "method" && !m.decl.typeParameters?.length) {
    let r = resolveMember(l, cls, m.decl, []);
    // Parameters left out that have default values: the class's own defaults, as for a call by symbol.
    const d = call.arguments.length < r.params.length ? withDefaults(l, r.fn, call.arguments.length, true) : undefined;
    // An overridden method: the dispatcher of the arguments given, which runs each override's defaults.
    if (!d && call.arguments.length < r.params.length && leavesOutDefaults(m.decl, call.arguments)) r = resolveMember(l, cls, m.decl, [], false, call.arguments.length);
    const params = d ? d.params : r.params;
    const args = valueArgs(l, call, params);
    if (args.length < params.length) l.fail("TSOS1058", call, prop);
    return { e: "call", type: r.ret, fn: d ? d.cname : r.fn, args: [coerce(l, recv, r.self, call.expression), ...args] };
  }
  if (m?.kind === "literal" && m.fns.method) {
    const f = m.fns.method;
    const params = f.params.slice(1).map((p) => p.type);
    return { e: "call", type: f.ret, fn: f.cname, args: [recv, ...valueArgs(l, call, params)] };
  }
  const fv = lowerClassGetByName(l, recv, prop, call.expression);
  // `obj.toString()` of an object without its own: Object.prototype's, `[object Object]` (lower/inspect.ts).
  const plain = !fv && prop === "toString" && !call.arguments.length ? plainObjectString(l, recv, call) : undefined;
  if (plain) return plain;
  if (!fv && !m) {
    const missing = missingMethodCall(l, recv, call);
    if (missing) return missing;
  }
  if (!fv || fv.type.k !== "fn") l.fail("TSOS1018", call.expression, prop, cls.tsName);
  return { e: "callptr", type: fv.type.ret, callee: fv, args: valueArgs(l, call, fv.type.params) };
}

/** A property of a class by name: a field or a getter (see lowerClassCallByName). */
export function lowerClassGetByName(l: Lowerer, recv: Expr, prop: string, node: ts.Node): Expr | undefined {
  const cls = (recv.type as { cls: ClassInst }).cls;
  const m = classMember(l, cls, prop);
  if (m?.kind === "field") return { e: "field", type: m.field.type, obj: upcast(recv, m.owner), name: m.field.name, inline: m.field.inline };
  if (m?.kind === "accessor" && m.get) {
    const r = resolveMember(l, cls, m.get, []);
    return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, recv, r.self, node)] };
  }
  if (m?.kind === "literal" && m.fns.get) return { e: "call", type: m.fns.get.ret, fn: m.fns.get.cname, args: [recv] };
  if (m?.kind === "abstract") return abstractPropertyRead(l, recv, prop, node);
  return undefined;
}

/** A property write on a class by name (field or setter), for accessors.ts. */
export function classSetterByName(l: Lowerer, recv: Expr, prop: string, node: ts.Node): { param: Type; call: (x: Expr) => Expr } | undefined {
  const cls = (recv.type as { cls: ClassInst }).cls;
  const m = classMember(l, cls, prop);
  if (m?.kind === "field") {
    const target: Expr = { e: "field", type: m.field.type, obj: upcast(recv, m.owner), name: m.field.name };
    return { param: m.field.type, call: (x) => ({ e: "assign", type: m.field.type, target, value: x }) };
  }
  if (m?.kind === "accessor" && m.set) {
    const r = resolveMember(l, cls, m.set, []);
    const self = coerce(l, recv, r.self, node);
    return { param: r.params[0]!, call: (x) => ({ e: "call", type: T.void, fn: r.fn, args: [self, x] }) };
  }
  if (m?.kind === "literal" && m.fns.set) {
    const f = m.fns.set;
    return { param: f.params[1]!.type, call: (x) => ({ e: "call", type: T.void, fn: f.cname, args: [recv, x] }) };
  }
  if (m?.kind === "abstract") {
    const w = abstractPropertyWrite(l, recv, prop, node);
    if (w) return { param: w.param, call: (x) => ({ e: "call", type: T.void, fn: w.fn, args: [recv, x] }) };
  }
  return undefined;
}

/**
 * An object in a string context (`${e}`, `"x" + e`): JavaScript calls its
 * `toString()`. Only a class (or view) with its own `toString()` method taking
 * no arguments is converted; else undefined (the caller refuses the value,
 * since `[object Object]` is rarely what the program means).
 */
export function objectToString(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (x.type.k === "class" && x.type.cls.header) {
    const m = classMember(l, x.type.cls, "toString");
    if (!m) return inheritedToString(l, x as Expr & { type: { k: "class" } }, node);
    if (m.kind !== "method" || m.decl.typeParameters?.length) return undefined;
    // `toString(digits = 4)`: called without arguments, as JavaScript's ToString does.
    if (m.decl.parameters.some((p) => !p.initializer && !p.questionToken)) return undefined;
    const r = resolveMember(l, x.type.cls, m.decl, []);
    if (r.ret.k !== "str") return undefined;
    const d = m.decl.parameters.length ? withDefaults(l, r.fn, 0, true) : undefined;
    const f = d ? { fn: d.cname, params: d.params } : r;
    const missing = missingArgs(f.params, 0);
    if (missing.length < f.params.length) return undefined;
    return { e: "call", type: r.ret, fn: f.fn, args: [coerce(l, x, r.self, node), ...missing] };
  }
  if (x.type.k === "view") {
    const slot = x.type.view.slots.find((s) => s.kind === "method" && s.prop === "toString" && !s.params.length && s.ret.k === "str");
    return slot && { e: "viewcall", type: slot.ret, view: x, slot: slot.name, args: [] };
  }
  return undefined;
}

/**
 * `${p}` or `p.toString()` where p's class declares no `toString` and
 * inherits none but Object's: the string form of the class below it that the
 * object is, tested from the deepest down (`p instanceof Builtin ?
 * p.toString() : ...`), else "[object Object]", as JavaScript's
 * Object.prototype.toString gives. Undefined for a class the program does
 * not declare all the way up, or when a generic class below declares one.
 */
function inheritedToString(l: Lowerer, x: Expr & { type: { k: "class" } }, node: ts.Node): Expr | undefined {
  for (let c: ClassInst | undefined = x.type.cls; c; c = c.base) {
    const decl = c.literal ? undefined : classInfo(c)?.decl;
    if (!decl || decl.getSourceFile().isDeclarationFile || decl.getSourceFile().fileName.startsWith(LIB_DIR)) return undefined;
  }
  const declaring = subclassDecls(l, classInfo(x.type.cls).decl).filter((d) => d.members.some((m) => ts.isMethodDeclaration(m) && m.name.getText() === "toString" && !!m.body));
  if (declaring.some((d) => d.typeParameters?.length)) return undefined;
  const depth = (c: ClassInst): number => (c.base ? 1 + depth(c.base) : 0);
  const below = declaring
    .map((d) => irType(l, l.checker.getTypeAtLocation(d.name ?? d), d))
    .filter((t): t is Extract<Type, { k: "class" }> => t.k === "class")
    .sort((a, b) => depth(b.cls) - depth(a.cls));
  const name = l.temp();
  const v: Expr = { e: "local", type: x.type, name };
  let body: Expr = { e: "str", type: T.str, value: "[object Object]" };
  for (const t of [...below].reverse()) {
    const own = objectToString(l, { e: "convert", type: t, x: v, checked: false, loc: 0 }, node);
    if (!own) return undefined;
    body = { e: "cond", type: T.str, c: { e: "instanceof", type: T.bool, x: v, cls: t.cls }, a: own, b: body };
  }
  return { e: "let", type: T.str, name, init: x, body };
}

/** The method `prop` written in the object literal a literal class was made for. */
function literalMethodDecl(cls: ClassInst, prop: string): ts.MethodDeclaration | undefined {
  const node = literalNodes.get(cls);
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  return node.properties.find((p): p is ts.MethodDeclaration => ts.isMethodDeclaration(p) && ts.isIdentifier(p.name) && p.name.text === prop);
}
