/**
 * lower/dispatch.ts: virtual dispatch, `instanceof` and class narrowing.
 *
 * Input:  method and accessor calls on class instances (from calls.ts and
 *         accessors.ts), `instanceof` expressions, identifier and property
 *         reads whose type TypeScript narrowed.
 * Output: direct calls when no class in the program overrides the member
 *         below the receiver's static class; otherwise a call to a
 *         dispatcher `<Class>__<m>__virt(self, ...)` whose body tests the
 *         object's class descriptor against every class constructed in the
 *         program and calls that class's implementation.
 * Invariants:
 *   - Dispatcher bodies are built once lowering is otherwise done
 *     (`finishDispatch`), and rebuilt until no new class is constructed, so
 *     they cover every class that can exist at run time.
 *   - `#private` members are never virtual (each class has its own).
 *   - Narrowing only ever converts to a class TypeScript proved; the C cast
 *     is unchecked.
 */
import { typedInstanceof } from "./typed-arrays.ts";
import { unionIn, unionInstanceof } from "./unions.ts";
import ts from "typescript";
import { dynInstanceof } from "./dynamic.ts";
import { builtinClassDecl } from "./exceptions.ts";
import type { ClassInst, Expr, Func, Stmt, Type } from "../ir.ts";
import { T, walkExprs } from "../ir.ts";
import { Bail, isLibSymbol, quietly, type Lowerer } from "./context.ts";
import { isArrayValue } from "./array-methods.ts";
import { acceptingUndefined, withDefaults } from "./defaults.ts";
import { classFamily, classInfo, instanceBelow, instanceofNarrowed, fieldName, isAbstractProperty, isSubclass, lookupField, methodOf, ownerInstance, upcast } from "./classes.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { irType, nullableType, sameType, typeName } from "./types.ts";
import { storable } from "./never.ts";
import { moduleStatements } from "./namespaces.ts";
import { tested, unwrap } from "./nullable.ts";
import { isProbedVariable, takesAbsent } from "./probes.ts";
import { viewCoerce } from "./views.ts";
import { ITERATOR_KEY, isResultTsType, isSymbolIteratorName } from "./iterables.ts";

type Member = ts.MethodDeclaration | ts.AccessorDeclaration;

interface Dispatcher {
  func: Func;
  inst: ClassInst;
  key: string;
  decl: Member | ts.PropertyDeclaration;
  typeArgs: Type[];
  /** A read of an abstract property (`get name`): classes without an accessor for it read their field of this name. */
  field?: string;
}

interface DispatchState {
  classDecls: ts.ClassDeclaration[];
  /** Constructor (`__init`) functions and their classes. */
  inits: Map<string, ClassInst>;
  constructed: Set<ClassInst>;
  dispatchers: Map<string, Dispatcher>;
  /** Other fixpoint steps (views.ts): each returns a signature that changes while it has work. */
  finishers: (() => string)[];
}

const states = new WeakMap<Lowerer, DispatchState>();

function state(l: Lowerer): DispatchState {
  let s = states.get(l);
  if (!s) {
    s = { classDecls: [], inits: new Map(), constructed: new Set(), dispatchers: new Map(), finishers: [] };
    states.set(l, s);
  }
  return s;
}

/** Every class declaration of the program (to know which members are overridden). */
export function registerClassDecls(l: Lowerer, modules: readonly ts.SourceFile[]): void {
  for (const sf of modules) for (const st of moduleStatements(sf)) if (ts.isClassDeclaration(st)) state(l).classDecls.push(st);
}

/** Every class constructed so far (lower/inspect.ts dispatches on them too). */
export function constructedClasses(l: Lowerer): ReadonlySet<ClassInst> {
  return state(l).constructed;
}

export function registerFinisher(l: Lowerer, f: () => string): void {
  state(l).finishers.push(f);
}

/** A class that `new` (or a static object, or an object literal) creates: dispatchers must cover it. */
export function markConstructed(l: Lowerer, inst: ClassInst): void {
  state(l).constructed.add(inst);
}

function baseDecl(l: Lowerer, d: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  const h = d.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const decl = h ? l.symbolOf(h.expression)?.valueDeclaration : undefined;
  return decl && ts.isClassLike(decl) ? decl : undefined;
}

/** `get x`, `set x` or the method name; private names are never overridden. */
export function memberKey(m: ts.ClassElement): string | undefined {
  if (ts.isMethodDeclaration(m) && isSymbolIteratorName(m.name)) return ITERATOR_KEY; // lower/iterables.ts
  if (!m.name || ts.isPrivateIdentifier(m.name) || !ts.isIdentifier(m.name)) return undefined;
  if (ts.isGetAccessor(m)) return `get ${m.name.text}`;
  if (ts.isSetAccessor(m)) return `set ${m.name.text}`;
  if (ts.isMethodDeclaration(m)) return m.name.text;
  return undefined;
}

function isStaticMember(m: ts.ClassElement): boolean {
  return !!(ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static);
}

/** The class declarations of the program that extend `decl`, directly or not. */
export function subclassDecls(l: Lowerer, decl: ts.ClassLikeDeclaration): ts.ClassDeclaration[] {
  return state(l).classDecls.filter((d) => {
    for (let b = baseDecl(l, d); b; b = baseDecl(l, b)) if (b === decl) return true;
    return false;
  });
}

/** Whether a class declared below `decl` declares the member `key`. */
export function isOverridden(l: Lowerer, decl: ts.ClassLikeDeclaration, key: string): boolean {
  for (const d of state(l).classDecls) {
    if (d === decl) continue;
    let below = false;
    for (let b = baseDecl(l, d); b; b = baseDecl(l, b)) if (b === decl) below = true;
    if (below && d.members.some((m) => !isStaticMember(m) && memberKey(m) === key)) return true;
  }
  return false;
}

/** Whether the class declaration `decl` is `inst`'s or one of its bases'. */
export function inChain(l: Lowerer, inst: ClassInst, decl: ts.Node): boolean {
  void l;
  for (let c: ClassInst | undefined = inst; c; c = c.base) if (!c.literal && classInfo(c).decl === decl) return true;
  return false;
}

export interface Resolved {
  fn: string;
  params: Type[];
  ret: Type;
  /** The type the receiver must be converted to. */
  self: Type;
}

/**
 * The function that runs the member `decl` for a receiver of static class
 * `inst`: the implementation itself, or a dispatcher when a subclass
 * overrides it. `viaSuper` (super.m()) always calls the implementation.
 */
export function resolveMember(l: Lowerer, inst: ClassInst, decl: Member, typeArgs: Type[], viaSuper = false, arity?: number): Resolved {
  const key = memberKey(decl);
  // `t.area()` on `T extends Shape` names Shape's member; the class T became may override it.
  if (key && !viaSuper) decl = memberInChain(inst, key) ?? decl;
  const m = methodOf(l, inst, decl, typeArgs);
  const abstract = !decl.body;
  if (viaSuper || !key || (!abstract && !isOverridden(l, classInfo(inst).decl, key))) return { fn: m.cname, params: m.params, ret: m.ret, self: m.self };
  // A call that leaves out parameters with defaults (`arity` given): a dispatcher taking only those, which calls
  // each implementation's own defaults (JavaScript evaluates the defaults of the method that runs).
  const params = arity !== undefined && arity < m.params.length ? m.params.slice(0, arity) : m.params;
  const dkey = `${inst.cname}|${key}|${typeArgs.map(typeName).join(",")}${params.length < m.params.length ? `|${params.length}` : ""}`;
  const s = state(l);
  let d = s.dispatchers.get(dkey);
  if (!d) {
    const self: Type = { k: "class", cls: inst };
    const func: Func = {
      cname: l.uniqueName(`${inst.cname}__${key.replace(" ", "_")}__virt${params.length < m.params.length ? params.length : ""}`),
      params: [{ name: "self", type: self }, ...params.map((type, i) => ({ name: `a${i}`, type }))],
      ret: m.ret,
      body: [],
      loc: l.loc(decl),
      isStatic: true,
    };
    l.addFunc(func);
    d = { func, inst, key, decl, typeArgs };
    s.dispatchers.set(dkey, d);
  }
  return { fn: d.func.cname, params, ret: m.ret, self: { k: "class", cls: inst } };
}

/**
 * A read of an abstract property (`abstract readonly title: string`) through
 * a class that has no storage for it: a dispatcher that reads the field of
 * the object's class that implements it, or calls its getter. Undefined when
 * no class of the receiver's chain declares `prop` abstract.
 */
export function abstractPropertyRead(l: Lowerer, obj: Expr, prop: string, node: ts.Node): Expr | undefined {
  const d = abstractPropertyDispatcher(l, obj, prop, "get");
  void node;
  return d && { e: "call", type: d.func.ret, fn: d.func.cname, args: [obj] };
}

/** A write of an abstract property through a class without storage for it: the setter or field of the object's class. */
export function abstractPropertyWrite(l: Lowerer, obj: Expr, prop: string, node: ts.Node): { fn: string; param: Type } | undefined {
  const d = abstractPropertyDispatcher(l, obj, prop, "set");
  void node;
  return d && { fn: d.func.cname, param: d.func.params[1]!.type };
}

function abstractPropertyDispatcher(l: Lowerer, obj: Expr, prop: string, kind: "get" | "set"): Dispatcher | undefined {
  if (obj.type.k !== "class" || !obj.type.cls.header || obj.type.cls.literal) return undefined;
  const inst = obj.type.cls;
  let decl: ts.PropertyDeclaration | undefined;
  for (let c: ClassInst | undefined = inst; c && !c.literal && !decl; c = c.base) {
    decl = classInfo(c).decl.members.find((m): m is ts.PropertyDeclaration => isAbstractProperty(m) && !!m.name && ts.isIdentifier(m.name) && m.name.text === prop);
  }
  if (!decl) return undefined;
  const type = storable(l, irType(l, l.checker.getTypeAtLocation(decl), decl.type ?? decl), decl.type ?? decl);
  const key = `${kind} ${prop}`;
  const s = state(l);
  const dkey = `${inst.cname}|${key}|abstract`;
  let d = s.dispatchers.get(dkey);
  if (!d) {
    const self = { name: "self", type: { k: "class", cls: inst } as Type };
    const params = kind === "get" ? [self] : [self, { name: "a0", type }];
    const func: Func = { cname: l.uniqueName(`${inst.cname}__${kind}_${prop}__virt`), params, ret: kind === "get" ? type : T.void, body: [], loc: l.loc(decl), isStatic: true };
    l.addFunc(func);
    d = { func, inst, key, decl, typeArgs: [], field: prop };
    s.dispatchers.set(dkey, d);
  }
  return d;
}

/** The nearest declaration (abstract or not) of `key` in `cls`'s chain. */
function memberInChain(cls: ClassInst, key: string): Member | undefined {
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    if (c.literal) return undefined;
    // Overload signatures come first; the implementation is the one with a body.
    const ms = classInfo(c).decl.members.filter((x) => !isStaticMember(x) && memberKey(x) === key) as Member[];
    const m = ms.find((x) => x.body) ?? ms[0];
    if (m) return m;
  }
  return undefined;
}

/** The nearest implementation (with a body) of `key` in `cls`'s chain. */
function implementationIn(cls: ClassInst, key: string): { inst: ClassInst; decl: Member } | undefined {
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    const m = classInfo(c).decl.members.find((x) => !isStaticMember(x) && memberKey(x) === key && (x as Member).body);
    if (m) return { inst: c, decl: m as Member };
  }
  return undefined;
}

function buildDispatcher(l: Lowerer, d: Dispatcher): Stmt[] {
  const self: Expr = { e: "local", type: d.func.params[0]!.type, name: "self" };
  const groups = new Map<string, { classes: ClassInst[]; call: Expr }>();
  for (const cls of state(l).constructed) {
    if (!isSubclass(cls, d.inst)) continue;
    const impl = implementationIn(cls, d.key);
    const field = !impl && d.field !== undefined ? lookupField(cls, fieldName({ text: d.field } as ts.Identifier)) : undefined;
    if (field) {
      // This class implements the abstract property as a field: its value is read.
      const key = `field:${field.owner.cname}`;
      let g = groups.get(key);
      const target: Expr = { e: "field", type: field.field.type, obj: upcast(self, field.owner), name: field.field.name, inline: field.field.inline };
      const value = d.func.params[1];
      const access: Expr = value
        ? { e: "assign", type: field.field.type, target, value: coerce(l, { e: "local", type: value.type, name: value.name }, field.field.type, d.decl) }
        : coerce(l, target, d.func.ret, d.decl);
      if (!g) groups.set(key, (g = { classes: [], call: access }));
      g.classes.push(cls);
      continue;
    }
    if (!impl && d.field !== undefined) {
      // Neither a field nor this accessor: a getter-only property written, as JavaScript's strict mode refuses.
      const message = d.key.startsWith("set ") ? `Cannot set property ${d.field} of #<${cls.tsName}> which has only a getter` : `Cannot read property ${d.field} of #<${cls.tsName}>, which has only a setter`;
      groups.set(`none:${cls.cname}`, { classes: [cls], call: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: message }, loc: d.func.loc } });
      continue;
    }
    if (!impl) continue;
    const declared = methodOf(l, impl.inst, impl.decl, d.typeArgs);
    // A parameter the base declares optional that the override gives a default (`grossPay(hours = 160)` over
    // `grossPay(hours?: number)`): the instance that takes undefined and evaluates the default (lower/defaults.ts).
    const m = { ...declared, ...acceptingUndefined(l, declared.cname, declared.params, true, d.func.params.slice(1).map((p) => p.type), (t) => nullableType(l, t, false, true)) };
    let g = groups.get(m.cname);
    if (!g) {
      const node = impl.decl.name ?? impl.decl;
      const sig = (ps: Type[], r: Type) => `(${ps.map(typeName).join(", ")}) => ${typeName(r)}`;
      // An override may take fewer parameters (JavaScript drops the extra arguments) or more optional ones (undefined).
      const given = d.func.params.slice(1);
      const extra = m.params.slice(given.length);
      // More parameters with defaults (`add(item, count = 1)` over `add(item)`): the wrapper that evaluates them (lower/defaults.ts).
      const defaulted = extra.every((t) => t.k === "nullable" && t.undef) ? undefined : withDefaults(l, m.cname, given.length, true);
      if (!defaulted && !extra.every((t) => t.k === "nullable" && t.undef)) l.fail("TSOS1054", node, d.key, sig(m.params, m.ret), sig(given.map((p) => p.type), d.func.ret));
      const args = given.slice(0, m.params.length).map((p, i) => {
        const a: Expr = { e: "local", type: p.type, name: p.name };
        const want = m.params[i]!;
        // An override may make a parameter optional (`describe(prefix?: string)` over `describe(prefix: string)`).
        const widened = want.k === "nullable" && want.undef && sameType(want.inner, p.type);
        if (!sameType(p.type, want) && !widened && !(p.type.k === "class" && want.k === "class" && isSubclass(p.type.cls, want.cls)))
          l.fail("TSOS1054", node, d.key, sig(m.params, m.ret), sig(d.func.params.slice(1).map((p) => p.type), d.func.ret));
        return coerce(l, a, m.params[i]!, node);
      });
      if (!defaulted) for (const t of extra) args.push({ e: "nullish", type: t, undef: true });
      const recv: Expr = { e: "convert", type: m.self, x: self, checked: false, loc: 0 };
      const call: Expr = { e: "call", type: m.ret, fn: defaulted?.cname ?? m.cname, args: [recv, ...args] };
      const ret = d.func.ret.k === "void" ? call : coerce(l, call, d.func.ret, node);
      g = { classes: [], call: ret };
      groups.set(m.cname, g);
    }
    g.classes.push(cls);
  }
  const loc = d.func.loc;
  const out: Stmt[] = [];
  const ret = (x: Expr): Stmt[] => (d.func.ret.k === "void" ? [{ s: "expr", x, loc }, { s: "return", loc }] : [{ s: "return", x, loc }]);
  const list = [...groups.values()];
  list.forEach((g, i) => {
    if (i === list.length - 1) {
      out.push(...ret(g.call));
      return;
    }
    const tests = g.classes.map((cls) => ({ e: "instanceof", type: T.bool, x: self, cls, exact: true }) as Expr);
    const c = tests.reduce((a, b) => ({ e: "logic", type: T.bool, op: "||", a, b }));
    out.push({ s: "if", c, then: ret(g.call), loc });
  });
  if (!list.length) out.push({ s: "expr", x: { e: "noreturn", type: T.never, loc }, loc });
  return out;
}

/**
 * Run the work list and build dispatcher bodies until both are stable:
 * building a body instantiates implementations, which may construct more
 * classes or need more dispatchers.
 */
export function finishDispatch(l: Lowerer, drain: () => void): void {
  const s = state(l);
  let built = "";
  for (;;) {
    drain();
    const now = `${s.constructed.size}/${s.dispatchers.size}/${s.finishers.map((f) => f()).join("/")}`;
    drain();
    if (now === built) return;
    built = now;
    for (const d of [...s.dispatchers.values()]) {
      try {
        d.func.body = buildDispatcher(l, d);
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
      }
    }
  }
}

export function noteConstructor(l: Lowerer, fn: string, inst: ClassInst): void {
  state(l).inits.set(fn, inst);
}

function isSelf(x: Expr): boolean {
  while (x.e === "convert") x = x.x;
  return x.e === "local" && x.name === "self";
}

/**
 * JavaScript initialises a subclass's fields only after the base constructor
 * returns, so an override the base constructor calls sees them `undefined`
 * (and `#private` ones throw). Follow every call on `self` from each
 * constructor of a class that has subclasses; a field of a class below it
 * used on that path is refused (TSOS1057) rather than read as zero.
 */
export function checkConstructionOrder(l: Lowerer): void {
  const s = state(l);
  const funcs = new Map(l.program.funcs.map((f) => [f.cname, f]));
  for (const [init, base] of s.inits) {
    if (![...s.constructed].some((c) => c !== base && isSubclass(c, base))) continue;
    const seen = new Set<string>();
    const visit = (name: string): void => {
      const f = funcs.get(name);
      if (!f || seen.has(name)) return;
      seen.add(name);
      walkExprs(f.body, (x) => {
        if (x.e === "field" && isSelf(x.obj) && x.obj.type.k === "class" && x.obj.type.cls !== base && isSubclass(x.obj.type.cls, base)) {
          const node = l.funcNodes.get(name);
          if (node && !l.diagnostics.some((d) => d.code === "TSOS1057" && d.message.includes(`\`${x.obj.type.k === "class" ? x.obj.type.cls.tsName : ""}\``)))
            l.error("TSOS1057", node, node.getText(), (x.obj.type as { cls: ClassInst }).cls.tsName, base.tsName);
        }
        if (x.e === "call" && x.args[0] && isSelf(x.args[0])) visit(x.fn);
      });
    };
    visit(init);
  }
}

/** `x instanceof C` for an object x (a class or a view) and a class C of the program. */
export function lowerInstanceof(l: Lowerer, b: ts.BinaryExpression): Expr {
  const typed = typedInstanceof(l, b); // lower/typed-arrays.ts
  if (typed) return typed;
  // `v instanceof Array` (`v: string | string[]`): Array.isArray's test.
  const arraySym = ts.isIdentifier(b.right) && b.right.text === "Array" ? l.symbolOf(b.right) : undefined;
  if (arraySym && isLibSymbol(arraySym)) return isArrayValue(l, lowerExpr(l, b.left), b);
  let x = lowerExpr(l, b.left);
  // A nullable class reference is the same C pointer, NULL for null: instanceof gives false for it.
  // (With both null and undefined, or a view, the absent value is tested first: lower/unions.ts.)
  if (x.type.k === "nullable" && x.type.inner.k === "class" && !(x.type.null && x.type.undef)) x = { ...x, type: x.type.inner } as Expr;
  const decl = l.symbolOf(b.right)?.valueDeclaration;
  if (x.type.k === "dyn") return dynInstanceof(l, x, b, () => instanceofTarget(l, b, decl, x)); // lower/dynamic.ts
  // A union holding objects (`string | Circle | Square`) or a nullable one: its members are tested (lower/unions.ts).
  if (unionIn(x.type) || x.type.k === "nullable") return unionInstanceof(l, tested(x), instanceofTarget(l, b, decl, x), b);
  if ((x.type.k !== "class" && x.type.k !== "view") || (x.type.k === "class" && !x.type.cls.header)) l.fail("TSOS1055", b, typeName(x.type));
  return { e: "instanceof", type: T.bool, x, cls: instanceofTarget(l, b, decl, x) };
}

/** The class on the right of `x instanceof C`. */
function instanceofTarget(l: Lowerer, b: ts.BinaryExpression, decl: ts.Declaration | undefined, x: Expr): ClassInst {
  if (!decl || !ts.isClassDeclaration(decl) || (l.isLibDecl(decl) && !builtinClassDecl(l, decl))) l.fail("TSOS1055", b, typeName(x.type));
  if (decl.typeParameters?.length) {
    if (l.isLibDecl(decl)) l.fail("TSOS1015", b.right, "`instanceof` with a generic library class", "test what the value holds instead");
    return classFamily(l, decl); // every instance of the generic class
  }
  const target = irType(l, l.checker.getTypeAtLocation(b.right).getConstructSignatures()[0]!.getReturnType(), b.right);
  if (target.k !== "class" || !target.cls.header) l.fail("TSOS1055", b, typeName(x.type));
  return target.cls;
}

/**
 * The narrowing hook for objects: where TypeScript narrowed a class- or
 * view-typed reference to a subclass (`if (s instanceof Circle) s.radius`),
 * the read is converted to that class. `node` is the identifier or property
 * access that was read.
 */
export function narrowObject(l: Lowerer, node: ts.Expression, x: Expr): Expr {
  if (x.type.k === "nullable" && (x.type.inner.k === "class" || x.type.inner.k === "view")) {
    // A probed variable (lower/probes.ts) may be absent where TypeScript believes it present: its reads are checked,
    // and it goes as it is to `typeof` or to a parameter that admits undefined.
    const probed = isProbedVariable(l, x);
    if (probed && takesAbsent(l, node)) return x;
    const check = x.e === "local" && !probed ? undefined : "narrowed";
    // `s: Shape | null` narrowed by `s instanceof Circle`: present, and a Circle.
    const checked = instanceofNarrowed(l, l.checker.getTypeAtLocation(node));
    if (!checked) return x;
    // An iterator result of objects (`r = it.next()`, undefined when done) is the result's own business: `r.done`
    // tests it (lower/iterables.ts resultMember), though the checker's union of the two results is all objects.
    if (isResultTsType(l.checker, checked)) return x;
    if (checked.flags & ts.TypeFlags.Object && checked.getSymbol()?.flags! & ts.SymbolFlags.Class) return narrowObject(l, node, unwrap(l, x, node, check));
    // `t: Token | undefined` narrowed by `t && t.kind === "op"`: present, and that member's view.
    const present = (t: ts.Type): boolean => (t.flags & ts.TypeFlags.Object) !== 0;
    if (x.type.inner.k === "view" && (present(checked) || (checked.isUnion() && checked.types.every(present)))) return narrowObject(l, node, unwrap(l, x, node, check));
    return x;
  }
  if (x.type.k !== "class" && x.type.k !== "view") return x;
  if (x.type.k === "class" && !x.type.cls.header) return x;
  // `t instanceof Leaf` (Leaf generic) narrows `t: Tree<number>` to `Leaf<any>`: the instance below t's class,
  // or where that is not known, the nearest class above Leaf that is not generic (classes.ts).
  const tsType = l.checker.getTypeAtLocation(node);
  const below = x.type.k === "class" ? instanceBelow(l, tsType, x.type.cls) : undefined;
  if (below && x.type.k === "class" && isSubclass(below, x.type.cls)) return { e: "convert", type: { k: "class", cls: below }, x, checked: false, loc: 0 };
  const checked = instanceofNarrowed(l, tsType);
  if (!checked) return x;
  if (x.type.k === "view" && !(checked.getSymbol()?.flags! & ts.SymbolFlags.Class)) {
    // A union narrowed to one member (`s.kind === "circle"`): the member's view.
    const t = quietly(l, () => irType(l, checked, node));
    return t?.k === "view" && t.view !== x.type.view ? (quietly(l, () => viewCoerce(l, x, t, node)) ?? x) : x;
  }
  const sym = checked.getSymbol();
  if (!sym || !(sym.flags & ts.SymbolFlags.Class) || checked.isUnion()) return x;
  const t = quietly(l, () => irType(l, checked, node));
  if (!t || t.k !== "class" || sameType(t, x.type)) return x;
  if (x.type.k === "class") return isSubclass(t.cls, x.type.cls) ? { e: "convert", type: t, x, checked: false, loc: 0 } : x;
  return { e: "viewobj", type: t, x };
}

/** A `super.m(...)` / `super.x` receiver: `self` as the base class. */
export function superReceiver(l: Lowerer, node: ts.Node): Expr {
  const t = l.scope.thisType;
  if (t?.k !== "class" || !t.cls.base) l.fail("TSOS1005", node, "`super` outside a derived class");
  return upcast({ e: "local", type: t, name: "self" }, t.cls.base);
}

export { ownerInstance };

/**
 * `x as C` where x is a base class or an interface and C a class below it:
 * TypeScript trusts the program; tsos checks (instanceof) and panics on a
 * value that is not a C, rather than reading a field it does not have.
 * Undefined when `to` is no such downcast.
 */
export function checkedDowncast(l: Lowerer, value: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (to.k !== "class" || !to.cls.header) return undefined;
  let x = value;
  if (x.type.k === "nullable" && (x.type.inner.k === "class" || x.type.inner.k === "view")) x = unwrap(l, x, node, "nonnull");
  const from = x.type;
  const below = (from.k === "class" && from.cls.header && from.cls !== to.cls && isSubclass(to.cls, from.cls)) || from.k === "view";
  if (!below) return undefined;
  const loc = l.loc(node);
  const name = l.temp();
  const v: Expr = { e: "local", type: from, name };
  const asClass = (y: Expr): Expr => (from.k === "view" ? { e: "viewobj", type: to, x: y } : { e: "convert", type: to, x: y, checked: false, loc });
  const fail: Expr = { e: "seq", type: from, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: `a value cast with \`as ${to.cls.tsName}\` is not a ${to.cls.tsName}` }, loc }, v] };
  return { e: "let", type: to, name, init: x, body: { e: "cond", type: to, c: { e: "instanceof", type: T.bool, x: v, cls: to.cls }, a: asClass(v), b: asClass(fail) } };
}
