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
 *             parameter properties, then the body (ES2022 class fields order).
 */
import ts from "typescript";
import type { ClassInst, Expr, Global, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { type Lowerer } from "./context.ts";
import { irType, mangle, typeFromTypeNode, typeName } from "./types.ts";
import { layoutOf } from "./layout.ts";
import { instantiateFunction, withScope } from "./functions.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { lowerBlock } from "./stmt.ts";
import { paramType as optionalParamType } from "./nullable.ts";
import { hoistVars } from "./control.ts";

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

export function classInstance(l: Lowerer, decl: ts.ClassDeclaration, args: Type[]): ClassInst {
  const name = decl.name?.text ?? "default"; // `export default class { ... }`
  const key = `${name}#${decl.pos}:${decl.getSourceFile().fileName}<${args.map(mangle).join(",")}>`;
  const hit = l.classInstances.get(key);
  if (hit) return hit;
  const cname = l.uniqueName(args.length ? `${name}_${args.map(mangle).join("_")}` : name);
  const tsName = args.length ? `${name}<${args.map(mangle).join(", ")}>` : name;
  const tags = ts.getJSDocTags(decl).map((t) => t.tagName.text);
  const layout = tags.includes("packed") ? "packed" : tags.includes("struct") ? "struct" : undefined;
  const inst: ClassInst = { cname, tsName, fields: [], layout };
  l.classInstances.set(key, inst);
  l.program.classes.push(inst);
  const env = envFor(l, decl, args);
  const type: Type = { k: "class", cls: inst };
  infos.set(inst, { decl, env, inst, type });
  withScope(l, l.newScope(env, type), () => {
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    for (const p of ctor?.parameters ?? []) {
      if (ts.isParameterPropertyDeclaration(p, ctor!))
        inst.fields.push({ name: fieldName(p.name as ts.Identifier), type: paramType(l, p) });
    }
    for (const m of decl.members) {
      if (!ts.isPropertyDeclaration(m) || isStatic(m)) continue;
      const t = irType(l, l.checker.getTypeAtLocation(m), m);
      const inline = t.k === "fixed" || (t.k === "class" && !!t.cls.layout && !!layout);
      if (t.k === "fixed" && !layout) l.fail("TSOS3008", m.type ?? m, typeName(t));
      inst.fields.push({ name: fieldName(m.name as ts.Identifier), type: t, inline });
    }
    if (layout) {
      for (const [i, f] of inst.fields.entries()) {
        if (!layoutOf(f.type)) l.fail("TSOS3008", decl.members.filter(ts.isPropertyDeclaration)[i] ?? decl, typeName(f.type));
      }
    }
  });
  return inst;
}

/** A parameter's type: its annotation, else what tsc infers (`x = 0`). */
function paramType(l: Lowerer, p: ts.ParameterDeclaration): Type {
  return optionalParamType(l, p, p.type ? typeFromTypeNode(l, p.type) : irType(l, l.checker.getTypeAtLocation(p), p));
}

export function fieldName(id: ts.Identifier | ts.PrivateIdentifier | ts.PropertyName): string {
  const text = (id as ts.Identifier).text.replace(/^#/, "p_");
  return /^(int|char|long|short|double|float|signed|unsigned|void|struct|union|default|register|auto|case|switch|goto|extern|static|const|volatile|sizeof|typedef|enum|inline|restrict|bool)$/.test(text)
    ? text + "_"
    : text;
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
  const ctor = info.decl.members.find(ts.isConstructorDeclaration);
  const params = () => (ctor?.parameters ?? []).map((p) => ({ name: p.name as ts.Identifier, decl: p, type: paramType(l, p) }));
  const init = instantiateFunction(l, ctor ?? info.decl, info.env, [], {
    cname: `${inst.cname}__init`,
    thisType: info.type,
    isCtor: true,
    params,
    ret: () => info.type,
    body: () => constructorBody(l, info, ctor),
  });
  return { init: init.cname, params: init.params.slice(1).map((p) => p.type) };
}

function constructorBody(l: Lowerer, info: ClassInfo, ctor: ts.ConstructorDeclaration | undefined): Stmt[] {
  const self: Expr = { e: "local", type: info.type, name: "self" };
  const out: Stmt[] = [];
  for (const m of info.decl.members) {
    if (!ts.isPropertyDeclaration(m) || isStatic(m)) continue;
    if (!m.initializer) {
      // A field without an initializer is undefined until assigned (ES2022 class fields).
      const field = info.inst.fields.find((f) => f.name === fieldName(m.name as ts.Identifier))!;
      if (field.type.k === "nullable" && field.type.undef) {
        const target: Expr = { e: "field", type: field.type, obj: self, name: field.name };
        out.push({ s: "expr", x: { e: "assign", type: field.type, target, value: { e: "nullish", type: field.type, undef: true } }, loc: l.loc(m) });
      }
      continue;
    }
    const field = info.inst.fields.find((f) => f.name === fieldName(m.name as ts.Identifier))!;
    const value = coerce(l, lowerExpr(l, m.initializer, field.type), field.type, m.initializer);
    const target: Expr = { e: "field", type: field.type, obj: self, name: field.name, inline: field.inline };
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
    const field = info.inst.fields.find((f) => f.name === name)!;
    const local: Expr = { e: "local", type: field.type, name: l.scope.locals.get(p)! };
    out.push({ s: "expr", x: { e: "assign", type: field.type, target: { e: "field", type: field.type, obj: self, name }, value: local }, loc: l.loc(p) });
  }
  if (ctor?.body) out.push(...hoistVars(l, ctor), ...lowerBlock(l, ctor.body.statements));
  out.push({ s: "return", x: self, loc: l.loc(ctor ?? info.decl) });
  return out;
}

/** A method of a class instance, instantiated on first call. */
export function methodOf(
  l: Lowerer,
  inst: ClassInst,
  decl: ts.MethodDeclaration,
  typeArgs: Type[],
): { cname: string; params: Type[]; ret: Type; isStatic: boolean } {
  const info = classInfo(inst);
  const env = new Map(info.env);
  decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const staticMethod = isStatic(decl);
  const suffix = typeArgs.length ? `_${typeArgs.map(mangle).join("_")}` : "";
  const f = instantiateFunction(l, decl, env, typeArgs, {
    cname: `${inst.cname}__${(decl.name as ts.Identifier).text}${suffix}`,
    thisType: staticMethod ? undefined : info.type,
    isCtor: false,
  });
  return { cname: f.cname, params: f.params.map((p) => p.type).slice(staticMethod ? 0 : 1), ret: f.ret, isStatic: staticMethod };
}

/** Static fields become globals named `<Class>__<field>`, initialized at module init. */
export function staticField(l: Lowerer, decl: ts.PropertyDeclaration): Global {
  const hit = l.globalsByDecl.get(decl);
  if (hit) return hit;
  const cls = decl.parent as ts.ClassDeclaration;
  const g: Global = {
    cname: l.uniqueName(`${cls.name?.text ?? "default"}__${(decl.name as ts.Identifier).text}`),
    type: withScope(l, l.newScope(), () => irType(l, l.checker.getTypeAtLocation(decl), decl)),
    isConst: false,
  };
  l.globalsByDecl.set(decl, g);
  l.program.globals.push(g);
  return g;
}
