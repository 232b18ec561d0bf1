/**
 * lower/ctor-values.ts: constructor types as values (hosted): `new () => T`,
 * `type Ctor<T> = new (...args: A) => T`, a class stored in a Map or array
 * of such a type, `new c(...)` on such a value.
 *
 * Input:  a checker type that is only a construct signature (a type literal
 *         or alias, not a class's own `typeof C`); a class name used as a
 *         value where such a type is wanted; `new` of an expression of that
 *         type.
 * Output: the type is a function type from the constructor's parameters to
 *         the instance type (one C representation for both: a closure
 *         object); a class used as a value is one static function value that
 *         constructs it (`<class>__new_value`); `new c(args)` calls it.
 * Invariants: the class is marked constructed (its dispatch tables exist);
 *             a generic class as a value is refused (TSOS1223): its type
 *             arguments are not known there.
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { lowerExpr } from "./expr.ts";
import { classInfo, classInstance, constructorOf } from "./classes.ts";
import { markConstructed } from "./dispatch.ts";
import { withAllUndefinedDefaults } from "./defaults.ts";
import { missingAllowed, signatureParamType, valueArgs } from "./fn-params.ts";
import { fnType, irType } from "./types.ts";
import { nameFunction } from "./fn-names.ts";

/** The IR type of a pure constructor type (`new (a: A) => T`), or undefined for any other type. */
export function ctorType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  if (l.target !== "host") return undefined;
  const sigs = type.getConstructSignatures();
  if (sigs.length !== 1 || type.getCallSignatures().length || type.getProperties().length) return undefined;
  const sig = sigs[0]!;
  if (sig.typeParameters?.length) return undefined;
  const params = sig.parameters.map((p) => signatureParamType(l, p, irType(l, l.checker.getTypeOfSymbol(p), node)));
  return fnType(l, params, irType(l, sig.getReturnType(), node));
}

/** Per compilation: the constructing function of each class used as a value. */
const made = new WeakMap<Lowerer, Map<string, string>>();

/** A class named as a value (`registry.set("dog", Dog)`): a function value that constructs it. */
export function classValue(l: Lowerer, id: ts.Identifier, decl: ts.ClassDeclaration): Expr {
  if (l.target !== "host") l.fail("TSOS1015", id, "a class used as a value", "construct it where it is needed");
  if (decl.typeParameters?.length) l.fail("TSOS1223", id, id.text);
  const inst = classInstance(l, decl, []);
  const self: Type = { k: "class", cls: inst };
  const ctor = constructorOf(l, inst);
  // Parameters with defaults may be left out of a `new` through the value (lower/fn-params.ts).
  const init = withAllUndefinedDefaults(l, ctor.init, true, (t) => missingAllowed(l, t)) ?? { cname: ctor.init, params: ctor.params };
  const type = fnType(l, init.params, self);
  let cname = made.get(l)?.get(inst.cname);
  if (!cname) {
    cname = l.uniqueName(`${inst.cname}__new_value`);
    if (!made.has(l)) made.set(l, new Map());
    made.get(l)!.set(inst.cname, cname);
    markConstructed(l, inst);
    const params = init.params.map((t, i) => ({ name: `a${i}`, type: t }));
    const loc = l.loc(decl);
    const x: Expr = { e: "new", type: self, cls: inst, init: init.cname, args: params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr), loc };
    const body: Stmt[] = [{ s: "return", x, loc }];
    l.addFunc({ cname, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...params], ret: self, body, loc, isStatic: true });
    // console.log shows it as `[class Dog extends Animal]`.
    const base = inst.base && !inst.base.literal ? ` extends ${classInfo(inst.base).decl.name?.text ?? ""}` : "";
    nameFunction(l, cname, decl.name ? `${decl.name.text}${base}` : "", "class");
  }
  return { e: "fnref", type, fn: cname };
}

/** `new c(args)` where `c` holds a constructor value; undefined when `c` names a class. */
export function newThroughValue(l: Lowerer, n: ts.NewExpression): Expr | undefined {
  if (l.target !== "host") return undefined;
  const decl = l.symbolOf(n.expression)?.valueDeclaration;
  if (decl && (ts.isClassLike(decl) || l.isLibDecl(decl))) return undefined;
  const t = l.checker.getTypeAtLocation(n.expression);
  if (!ctorType(l, t, n.expression)) return undefined;
  const c = lowerExpr(l, n.expression);
  if (c.type.k !== "fn") return undefined;
  return { e: "callptr", type: c.type.ret, callee: c, args: valueArgs(l, n, c.type.params) };
}
