/**
 * lower/classes.ts: classes -> C structs, constructors and methods.
 *
 * Input:  a ts.ClassDeclaration and IR type arguments for its type parameters.
 * Output: a ClassInst (the struct), and on demand the C functions for its
 *         constructor (`<Class>__new`), methods (`<Class>__<method>`) and
 *         static members (globals `<Class>__<field>`).
 * Invariants: one ClassInst per (declaration, type arguments); a method is
 *             instantiated only when it is called, so unused generic code
 *             emits nothing; the constructor runs field initializers, then
 *             parameter properties, then the body (ES2022 class fields order);
 *             in a derived class they run right after `super(...)` returns.
 *             A derived struct starts with its base struct (`tsos_base`), so
 *             a Derived* is a Base* after a C cast; a field a derived class
 *             redeclares keeps the base's storage.
 */
import { UNDEFINED_LITERAL } from "./nullable-types.ts";
import { methodNameText } from "./iterables.ts";
import { restArgs } from "./destructure.ts";
import { storable } from "./never.ts";
import ts from "typescript";
import type { ClassInst, Expr, Global, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { type Lowerer } from "./context.ts";
import { irType, mangle, typeFromTypeNode, typeName } from "./types.ts";
import { layoutOf } from "./layout.ts";
import { instantiateFunction, paramIdentifier, withScope } from "./functions.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { lowerArgs } from "./calls.ts";
import { noteConstructor } from "./dispatch.ts";
import { lowerBlock } from "./stmt.ts";
import { paramType as optionalParamType } from "./nullable.ts";
import { hoistVars } from "./control.ts";
import { builtinClassDecl } from "./exceptions.ts";
import { withDefaults } from "./defaults.ts";
import { LIB_DIR } from "../load.ts";
import { constructorDeclaration, implementationOf } from "./overloads.ts";
import { erasedParams, phantomParams } from "./phantom.ts";

interface ClassInfo {
  decl: ts.ClassDeclaration;
  env: Map<ts.Symbol, Type>;
  inst: ClassInst;
  type: Type;
}

const infos = new WeakMap<ClassInst, ClassInfo>();

function envFor(l: Lowerer, decl: ts.ClassDeclaration, args: Type[]): Map<ts.Symbol, Type> {
  const env = new Map<ts.Symbol, Type>();
  decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, args[i]!));
  return env;
}

export function classInstance(l: Lowerer, declared: ts.ClassDeclaration, given: Type[]): ClassInst {
  const decl = builtinClassDecl(l, declared) ?? declared;
  // A type parameter no member uses takes `unknown` (hosted): one struct for every instantiation (lower/phantom.ts).
  const phantom = l.target === "host" ? phantomParams(l.checker, decl) : [];
  // So does one used only as a member's whole type where the program names the class with `unknown` for it.
  const erased = l.target === "host" && !l.isLibDecl(decl) ? erasedParams(l.checker, decl, l.moduleNames.keys()) : [];
  // `void` for a type parameter (`Map<string, void>`, `Box<void>`) is stored as what its value is: undefined.
  const args = given.map((a, i): Type => (phantom[i] || erased[i] ? { k: "dyn" } : a.k === "void" ? UNDEFINED_LITERAL : a));
  const name = decl.name?.text ?? "default"; // `export default class { ... }`
  const key = `${declKey(decl)}<${args.map(mangle).join(",")}>`;
  const hit = l.classInstances.get(key);
  if (hit) return hit;
  const cname = l.uniqueName(args.length ? `${name}_${args.map(mangle).join("_")}` : name);
  const tsName = args.length ? `${name}<${args.map(mangle).join(", ")}>` : name;
  const tags = ts.getJSDocTags(decl).map((t) => t.tagName.text);
  const layout = tags.includes("packed") ? "packed" : tags.includes("struct") ? "struct" : undefined;
  const inst: ClassInst = { cname, tsName, fields: [], layout, header: !layout };
  if (decl.typeParameters?.length && !layout) inst.family = familyOf(l, decl).cname;
  l.classInstances.set(key, inst);
  l.program.classes.push(inst);
  const env = envFor(l, decl, args);
  const type: Type = { k: "class", cls: inst };
  infos.set(inst, { decl, env, inst, type });
  try {
    declareFields(l, inst, decl, env, type, layout, tsName);
  } catch (e) {
    // A refused field type (the diagnostic is recorded): forget the class, so
    // every later use bails with that diagnostic instead of using a struct
    // without its fields.
    l.classInstances.delete(key);
    l.program.classes.splice(l.program.classes.indexOf(inst), 1);
    throw e;
  }
  return inst;
}

/** What names a class declaration among the program's: its name, position and file. */
function declKey(decl: ts.ClassDeclaration): string {
  return `${decl.name?.text ?? "default"}#${decl.pos}:${decl.getSourceFile().fileName}`;
}

/**
 * The family of a generic class's instances (ClassInst.familyOf): what
 * `x instanceof Box` tests when Box is generic. Every instance of Box, and of
 * a class below one, is a Box to JavaScript, whatever its type arguments; the
 * instances are only all known once the program is lowered, so the family's
 * list of descriptors is written by the emitter.
 */
export function classFamily(l: Lowerer, decl: ts.ClassDeclaration): ClassInst {
  const family = familyOf(l, decl);
  // Only a family some `instanceof` tests gets its list in the C.
  if (!l.program.families.includes(family)) l.program.families.push(family);
  return family;
}

/** The family of `decl`'s instances, named once per declaration. */
function familyOf(l: Lowerer, decl: ts.ClassDeclaration): ClassInst {
  const key = `family ${declKey(decl)}`;
  const hit = l.classInstances.get(key);
  if (hit) return hit;
  const name = decl.name?.text ?? "default";
  const family: ClassInst = { cname: l.uniqueName(`${name}__family`), tsName: name, fields: [], header: true, familyOf: true };
  l.classInstances.set(key, family);
  return family;
}

/**
 * What a value narrowed by `x instanceof Box` (Box generic) is known to be. tsc
 * says `Box<any>` where the type arguments cannot be inferred from x's type (x
 * unknown, or a base class); tsos cannot tell which instance of Box the value
 * is, so it is known only as the nearest class above Box that is not generic
 * (`Error` for `class CycleError<T> extends Error`), or as nothing more than
 * before (undefined). Any other type is returned as it is.
 */
export function instanceofNarrowed(l: Lowerer, t: ts.Type): ts.Type | undefined {
  if (!anyInstance(l, t)) return t;
  for (let decl = t.getSymbol()?.valueDeclaration; decl && ts.isClassLike(decl); ) {
    const base = extendsClause(decl);
    if (!base) return undefined;
    const baseSym = l.checker.getTypeAtLocation(base).getSymbol();
    const baseDecl = baseSym?.valueDeclaration;
    // The declared type: at the heritage clause, tsc gives the base with `this` as the deriving class.
    if (baseSym && (!baseDecl || !ts.isClassLike(baseDecl) || !baseDecl.typeParameters?.length)) return l.checker.getDeclaredTypeOfSymbol(baseSym);
    if (base.typeArguments?.length) return undefined; // a generic base: which instance is unknown too
    decl = baseDecl;
  }
  return undefined;
}

/** Whether t is an instance of a generic class with `any` type arguments (`Box<any>`, tsc's narrowing by instanceof). */
function anyInstance(l: Lowerer, t: ts.Type): boolean {
  const args = t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? l.checker.getTypeArguments(t as ts.TypeReference) : [];
  return args.some((a) => a.flags & ts.TypeFlags.Any) && (t.getSymbol()?.flags! & ts.SymbolFlags.Class) !== 0;
}

/**
 * `t instanceof Leaf` with `t: Tree<number>` and `class Leaf<T> extends Tree<T>`: tsc says `Leaf<any>`,
 * but the only instance of Leaf below Tree<number> is Leaf<number>. The instance of the generic class
 * `t` names whose type arguments its extends clause fixes from `below`'s (each of its type parameters
 * passed on as one of `below`'s); undefined where t is no such type or they are not all fixed.
 */
export function instanceBelow(l: Lowerer, t: ts.Type, below: ClassInst): ClassInst | undefined {
  if (!anyInstance(l, t) || !below.header) return undefined;
  const decl = t.getSymbol()?.valueDeclaration;
  const base = decl && ts.isClassDeclaration(decl) ? extendsClause(decl) : undefined;
  const info = infos.get(below);
  if (!decl || !base?.typeArguments || !info || l.checker.getTypeAtLocation(base.expression).getSymbol()?.valueDeclaration !== info.decl) return undefined;
  const params = (decl as ts.ClassDeclaration).typeParameters ?? [];
  const args: (Type | undefined)[] = params.map(() => undefined);
  base.typeArguments.forEach((node, i) => {
    const j = params.findIndex((p) => ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && l.checker.getSymbolAtLocation(node.typeName) === l.checker.getSymbolAtLocation(p.name));
    const given = info.decl.typeParameters?.[i];
    if (j >= 0 && given) args[j] = info.env.get(l.checker.getSymbolAtLocation(given.name)!);
  });
  if (args.some((a) => !a)) return undefined;
  return classInstance(l, decl as ts.ClassDeclaration, args as Type[]);
}

function declareFields(l: Lowerer, inst: ClassInst, decl: ts.ClassDeclaration, env: Map<ts.Symbol, Type>, type: Type, layout: ClassInst["layout"], tsName: string): void {
  withScope(l, l.newScope(env, type), () => {
    const heritage = extendsClause(decl);
    if (heritage) {
      if (layout) l.fail("TSOS1051", heritage, tsName);
      const bt = irType(l, l.checker.getTypeFromTypeNode(heritage), heritage);
      if (bt.k === "class" && bt.cls.layout) l.fail("TSOS1051", heritage, bt.cls.tsName);
      if (bt.k !== "class" || !bt.cls.header) l.fail("TSOS1050", heritage, typeName(bt));
      inst.base = bt.cls;
    }
    // A field redeclared by a derived class keeps the base's storage (same type only).
    const own = (name: string, t: Type, node: ts.Node): boolean => {
      const inherited = inst.base && !name.startsWith("p_") ? lookupField(inst.base, name) : undefined;
      if (!inherited) return true;
      if (mangle(inherited.field.type) !== mangle(t)) l.fail("TSOS1052", node, name, typeName(inherited.field.type), typeName(t));
      return false;
    };
    const ctor = constructorDeclaration(decl);
    for (const p of ctor?.parameters ?? []) {
      if (!ts.isParameterPropertyDeclaration(p, ctor!)) continue;
      const t = paramType(l, p);
      const name = fieldName(p.name as ts.Identifier);
      if (own(name, t, p)) inst.fields.push({ name, type: t });
    }
    for (const m of decl.members) {
      // An abstract property has no storage of its own: each subclass's field or getter implements it,
      // and reads through this class dispatch on the object's class (lower/dispatch.ts abstractPropertyRead).
      if (!ts.isPropertyDeclaration(m) || isStatic(m) || isAbstractProperty(m)) continue;
      const t = storable(l, implementedArrayType(l, decl, m) ?? irType(l, l.checker.getTypeAtLocation(m), m.type ?? m), m.type ?? m);
      if (!own(fieldName(m.name as ts.Identifier), t, m)) continue;
      const inline = t.k === "fixed" || (t.k === "class" && !!t.cls.layout && !!layout);
      if (t.k === "fixed" && !layout) l.fail("TSOS3008", m.type ?? m, typeName(t));
      inst.fields.push({ name: fieldName(m.name as ts.Identifier), type: t, inline, ...(weakField(l, m, t) ? { weak: true } : {}) });
    }

    if (layout) {
      for (const [i, f] of inst.fields.entries()) {
        if (!layoutOf(f.type)) l.fail("TSOS3008", decl.members.filter(ts.isPropertyDeclaration)[i] ?? decl, typeName(f.type));
      }
    }
  });
}

/** The `extends` clause of a class, if any. */
export function extendsClause(decl: ts.ClassLikeDeclaration): ts.ExpressionWithTypeArguments | undefined {
  return decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
}

/** A field of `cls` or of a class it extends, with the class that stores it. */
/** `abstract name: string`: a property declaration without storage (TypeScript emits nothing for it). */
export function isAbstractProperty(m: ts.ClassElement): boolean {
  return ts.isPropertyDeclaration(m) && !!(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract);
}

export function lookupField(cls: ClassInst, name: string): { owner: ClassInst; field: ClassInst["fields"][number] } | undefined {
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    const field = c.fields.find((f) => f.name === name);
    if (field) return { owner: c, field };
  }
  return undefined;
}

/** Whether `cls` is `anc` or extends it. */
export function isSubclass(cls: ClassInst, anc: ClassInst): boolean {
  for (let c: ClassInst | undefined = cls; c; c = c.base) if (c === anc || (anc.familyOf && c.family === anc.cname)) return true;
  return false;
}

/** The instance in `inst`'s chain (itself or a base) whose declaration is `decl`. */
export function ownerInstance(l: Lowerer, inst: ClassInst, decl: ts.Node): ClassInst {
  for (let c: ClassInst | undefined = inst; c; c = c.base) if (classInfo(c).decl === decl) return c;
  l.fail("TSOS9001", decl, `no class in the chain of \`${inst.tsName}\` declares this member`);
}

/** A parameter's type: its annotation, else what tsc infers (`x = 0`). */
function paramType(l: Lowerer, p: ts.ParameterDeclaration): Type {
  return optionalParamType(l, p, p.type ? typeFromTypeNode(l, p.type) : irType(l, l.checker.getTypeAtLocation(p), p));
}

/** TypeScript property names that are C keywords (or C library names): their fields get a trailing `_`. */
const C_KEYWORD_NAMES =
  "int|char|long|short|double|float|signed|unsigned|void|struct|union|default|register|auto|case|switch|goto|extern|static|const|volatile|sizeof|typedef|enum|inline|restrict|bool|if|else|for|while|do|return|break|continue|true|false|NULL|errno|stdin|stdout|stderr|asm|typeof|alignof|noreturn|complex|imaginary";

export function fieldName(id: ts.Identifier | ts.PrivateIdentifier | ts.PropertyName): string {
  const text = (id as ts.Identifier).text.replace(/^#/, "p_");
  // A key that is no identifier (`"user:login"`, reached through `Partial<Record<K, V>>`): letters and
  // digits kept, every other character as `_<hex>_`, after a prefix no program's identifier uses.
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text)) return `${QUOTED}${[...text].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("")}`;
  return new RegExp(`^(${C_KEYWORD_NAMES})$`).test(text) ? text + "_" : text;
}

const QUOTED = "tsos_q_";

/** The property name of a C field that `fieldName` made: `else_` is `else`, `tsos_q_user_3a_login` is `user:login`. */
export function propertyOfField(name: string): string {
  if (name.startsWith(QUOTED)) return name.slice(QUOTED.length).replace(/_([0-9a-f]+)_/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  return new RegExp(`^(${C_KEYWORD_NAMES})_$`).test(name) ? name.slice(0, -1) : name;
}

export function isStatic(m: ts.ClassElement): boolean {
  return !!ts.getCombinedModifierFlags(m as ts.Declaration) && (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

export function classInfo(inst: ClassInst): ClassInfo {
  return infos.get(inst)!;
}

/**
 * The C function that constructs an instance: `<Class>__init(self, ...)` runs
 * the constructor on storage that already exists and returns it. `new C(...)`
 * allocates at the call site (so an allocation panic names that site) and
 * passes the memory in; a module-level object passes its static storage.
 */
export function constructorOf(l: Lowerer, inst: ClassInst): { init: string; params: Type[] } {
  const info = classInfo(inst);
  const ctor = constructorDeclaration(info.decl);
  // Without a constructor, a derived class takes its base's parameters and passes them on.
  const inherited = !ctor && inst.base ? inheritedParams(l, inst.base) : undefined;
  const params = () => inherited ?? (ctor?.parameters ?? []).map((p, i) => ({ name: paramIdentifier(p, i), decl: p, type: paramType(l, p) }));
  const init = instantiateFunction(l, ctor ?? info.decl, info.env, [], {
    cname: `${inst.cname}__init`,
    thisType: info.type,
    isCtor: true,
    params,
    ret: () => info.type,
    body: () => constructorBody(l, info, ctor),
  });
  noteConstructor(l, init.cname, inst);
  return { init: init.cname, params: init.params.slice(1).map((p) => p.type) };
}

/** The parameters of the nearest explicit constructor up the chain (declarations and types in that class's instance). */
function inheritedParams(l: Lowerer, base: ClassInst): { name: ts.Identifier; decl: ts.Node; type: Type }[] {
  const types = constructorOf(l, base).params;
  for (let c: ClassInst | undefined = base; c; c = c.base) {
    const ctor = constructorDeclaration(classInfo(c).decl);
    if (ctor) return ctor.parameters.map((p, i) => ({ name: paramIdentifier(p, i), decl: p, type: types[i]! }));
  }
  return [];
}

function constructorBody(l: Lowerer, info: ClassInfo, ctor: ts.ConstructorDeclaration | undefined): Stmt[] {
  const self: Expr = { e: "local", type: info.type, name: "self" };
  const out: Stmt[] = [];
  if (info.inst.base && !ctor) {
    // The implicit `constructor(...args) { super(...args); }`.
    const base = constructorOf(l, info.inst.base);
    const args = [...l.scope.locals.values()].map((name, i) => ({ e: "local", type: base.params[i]!, name }) as Expr);
    out.push({ s: "expr", x: { e: "call", type: T.void, fn: base.init, args: [upcast(self, info.inst.base), ...args] }, loc: l.loc(info.decl) });
  }
  if (!info.inst.base || !ctor) out.push(...fieldInits(l, info, ctor));
  if (ctor?.body) out.push(...hoistVars(l, ctor), ...lowerBlock(l, ctor.body.statements));
  out.push({ s: "return", x: self, loc: l.loc(ctor ?? info.decl) });
  return out;
}

/** Implicit conversions between object types: a class to one of its bases (and views, views.ts). */
export function classCoerce(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  void l;
  void node;
  const from = e.type;
  if (from.k === "class" && to.k === "class" && isSubclass(from.cls, to.cls)) return upcast(e, to.cls);
  return undefined;
}

/** A class pointer seen as one of its bases: a C cast (the base struct is the first member). */
export function upcast(x: Expr, to: ClassInst): Expr {
  if (x.type.k === "class" && x.type.cls === to) return x;
  return { e: "convert", type: { k: "class", cls: to }, x, checked: false, loc: 0 };
}

/**
 * `super(...)` in a derived constructor: the base's constructor on this
 * object, then this class's field initializers and parameter properties.
 */
export function lowerSuperCall(l: Lowerer, call: ts.CallExpression): Expr {
  const thisType = l.scope.thisType;
  if (!l.scope.isCtor || thisType?.k !== "class" || !thisType.cls.base) l.fail("TSOS9001", call, "`super(...)` outside a derived constructor");
  const info = classInfo(thisType.cls);
  const base = constructorOf(l, thisType.cls.base);
  const self: Expr = { e: "local", type: thisType, name: "self" };
  // Default parameter values of the base constructor (`constructor(owner: string, balance = 0)`), as for `new`.
  const init = withDefaults(l, base.init, call.arguments.length, true) ?? { cname: base.init, params: base.params };
  // A base constructor with a rest parameter packs the trailing (and spread) arguments (lower/destructure.ts).
  const resolved = l.checker.getResolvedSignature(call)?.getDeclaration();
  const baseDecl = resolved && implementationOf(resolved);
  const args = (baseDecl && ts.isConstructorDeclaration(baseDecl) ? restArgs(l, baseDecl, call.arguments, init.params, (a, p) => lowerArgs(l, a, p)) : undefined) ?? lowerArgs(l, call.arguments, init.params);
  if (args.length < init.params.length) l.fail("TSOS1058", call, "super");
  const items: Expr[] = [{ e: "call", type: T.void, fn: init.cname, args: [upcast(self, thisType.cls.base), ...args] }];
  const ctor = constructorDeclaration(info.decl);
  for (const st of fieldInits(l, info, ctor)) if (st.s === "expr") items.push(st.x);
  return { e: "seq", type: T.void, xs: items };
}

/** Field initializers, then parameter properties (ES2022 order). */
function fieldInits(l: Lowerer, info: ClassInfo, ctor: ts.ConstructorDeclaration | undefined): Stmt[] {
  const self: Expr = { e: "local", type: info.type, name: "self" };
  const out: Stmt[] = [];
  for (const m of info.decl.members) {
    if (!ts.isPropertyDeclaration(m) || isStatic(m) || isAbstractProperty(m)) continue;
    const found = lookupField(info.inst, fieldName(m.name as ts.Identifier))!;
    const field = found.field;
    if (!m.initializer) {
      // A field without an initializer is undefined until assigned (ES2022 class fields).
      if (field.type.k === "nullable" && field.type.undef) {
        const target: Expr = { e: "field", type: field.type, obj: upcast(self, found.owner), name: field.name };
        out.push({ s: "expr", x: { e: "assign", type: field.type, target, value: { e: "nullish", type: field.type, undef: true } }, loc: l.loc(m) });
      }
      continue;
    }
    const value = coerce(l, lowerExpr(l, m.initializer, field.type), field.type, m.initializer);
    const target: Expr = { e: "field", type: field.type, obj: upcast(self, found.owner), name: field.name, inline: field.inline };
    if (field.inline && value.e === "new") {
      // A layout struct stored in place is constructed in place: no allocation.
      out.push({ s: "expr", x: { e: "call", type: field.type, fn: value.init, args: [target, ...value.args] }, loc: l.loc(m) });
      continue;
    }
    if (field.inline) l.fail("TSOS3013", m.initializer);
    out.push({ s: "expr", x: { e: "assign", type: field.type, target, value }, loc: l.loc(m) });
  }
  for (const p of ctor?.parameters ?? []) {
    if (!ts.isParameterPropertyDeclaration(p, ctor!)) continue;
    const name = fieldName(p.name as ts.Identifier);
    const found = lookupField(info.inst, name)!;
    const field = found.field;
    const local: Expr = { e: "local", type: field.type, name: l.scope.locals.get(p)! };
    out.push({ s: "expr", x: { e: "assign", type: field.type, target: { e: "field", type: field.type, obj: upcast(self, found.owner), name }, value: local }, loc: l.loc(p) });
  }
  return out;
}

/**
 * Whether a property is a weak reference: `@weak` in lib/ (lib/std/weakref.ts),
 * on a field of type `C | undefined` for a class or a view. User code cannot
 * ask for it: a weak field behaves differently under Node.
 */
/**
 * `readonly dependsOn = ["config"] as const` in a class that implements an interface declaring
 * `dependsOn?: readonly string[]`: the field is stored as that array type, which its readers through
 * the interface want. Nothing can write the field or the tuple, so the array cannot be told from it;
 * a tuple read through the interface would need a new copy, a new object, at every read.
 */
function implementedArrayType(l: Lowerer, decl: ts.ClassLikeDeclaration, m: ts.PropertyDeclaration): Type | undefined {
  if (m.type || !m.initializer || !(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly) || !ts.isIdentifier(m.name)) return undefined;
  let init: ts.Expression = m.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!ts.isAsExpression(init) || !ts.isConstTypeReference(init.type) || !ts.isArrayLiteralExpression(init.expression)) return undefined;
  for (const clause of decl.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
    for (const h of clause.types) {
      const prop = l.checker.getTypeAtLocation(h).getProperty(m.name.text);
      const t = prop && l.checker.getNonNullableType(l.checker.getTypeOfSymbol(prop));
      if (t && l.checker.isArrayType(t)) return irType(l, t, m);
    }
  }
  return undefined;
}

function weakField(l: Lowerer, m: ts.PropertyDeclaration, t: Type): boolean {
  if (!m.getSourceFile().fileName.startsWith(LIB_DIR) || !ts.getJSDocTags(m).some((tag) => tag.tagName.text === "weak")) return false;
  const ok = t.k === "nullable" && t.undef && !t.null && (t.inner.k === "view" || (t.inner.k === "class" && !!t.inner.cls.header));
  if (!ok) l.fail("TSOS9001", m, `a @weak field must hold \`C | undefined\` for a class or an interface, not ${typeName(t)}`);
  return true;
}

/** A method of a class instance, instantiated on first call. */
export function methodOf(
  l: Lowerer,
  cls: ClassInst,
  decl: ts.MethodDeclaration | ts.AccessorDeclaration,
  typeArgs: Type[],
): { cname: string; params: Type[]; ret: Type; isStatic: boolean; self: Type } {
  const inst = ownerInstance(l, cls, decl.parent);
  const info = classInfo(inst);
  const env = new Map(info.env);
  if (ts.isMethodDeclaration(decl)) decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const staticMethod = isStatic(decl);
  const suffix = typeArgs.length ? `_${typeArgs.map(mangle).join("_")}` : "";
  const prefix = ts.isGetAccessor(decl) ? "get_" : ts.isSetAccessor(decl) ? "set_" : "";
  // `<Class>__class` is the class's descriptor: a method named `class` takes another C name.
  const name = methodNameText(decl.name) ?? "method";
  const f = instantiateFunction(l, decl, env, typeArgs, {
    cname: `${inst.cname}__${prefix}${name === "class" && !prefix ? "class_method" : name}${suffix}`,
    thisType: staticMethod ? undefined : info.type,
    isCtor: false,
  });
  return { cname: f.cname, params: f.params.map((p) => p.type).slice(staticMethod ? 0 : 1), ret: f.ret, isStatic: staticMethod, self: info.type };
}

/** A static accessor: a plain function `<Class>__get_x()` / `<Class>__set_x(v)`. */
export function staticAccessorOf(l: Lowerer, decl: ts.AccessorDeclaration): { cname: string; params: Type[]; ret: Type } {
  const cls = decl.parent as ts.ClassDeclaration;
  const prefix = ts.isGetAccessor(decl) ? "get_" : "set_";
  const f = instantiateFunction(l, decl, new Map(), [], { cname: `${cls.name!.text}__${prefix}${(decl.name as ts.Identifier).text}`, isCtor: false });
  return { cname: f.cname, params: f.params.map((p) => p.type), ret: f.ret };
}

/** Static fields become globals named `<Class>__<field>`, initialized at module init. */
export function staticField(l: Lowerer, decl: ts.PropertyDeclaration): Global {
  const hit = l.globalsByDecl.get(decl);
  if (hit) return hit;
  const cls = decl.parent as ts.ClassDeclaration;
  const g: Global = {
    cname: l.uniqueName(`${cls.name?.text ?? "default"}__${(decl.name as ts.Identifier).text}`),
    type: withScope(l, l.newScope(), () => irType(l, l.checker.getTypeAtLocation(decl), decl.type ?? decl)),
    isConst: false,
  };
  l.globalsByDecl.set(decl, g);
  l.program.globals.push(g);
  return g;
}
