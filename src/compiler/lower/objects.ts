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
 *             functions whose `this` is the literal; they may not capture
 *             locals of the enclosing function (TSOS1061).
 */
import { recordLiteral } from "./records.ts";
import { lowerSpreadObject } from "./object-spread.ts";
import ts from "typescript";
import type { ClassInst, Expr, Field, Func, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { fieldName } from "./classes.ts";
import { markConstructed } from "./dispatch.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { instantiateFunction } from "./functions.ts";
import { irType, mangle } from "./types.ts";
import { literalMembers, literalNodes } from "./views.ts";
import { lowerNullLiteral } from "./nullable.ts";

const shapes = new WeakMap<Lowerer, Map<string, { cls: ClassInst; init: string }>>();

function propName(l: Lowerer, name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  l.fail("TSOS1005", name, "a computed property name");
}

/** `{ x: 1, y, m() { ... } }`: a new object of the literal's class. */
export function lowerObjectLiteral(l: Lowerer, node: ts.ObjectLiteralExpression, want?: Type): Expr {
  if (node.properties.some(ts.isSpreadAssignment)) return lowerSpreadObject(l, node, want);
  const record = recordLiteral(l, node, want);
  if (record) return record;
  const litType = l.checker.getTypeAtLocation(node);
  const fields: Field[] = [];
  const values: Expr[] = [];
  const fns: (ts.MethodDeclaration | ts.AccessorDeclaration)[] = [];
  for (const p of node.properties) {
    if (ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) {
      propName(l, p.name);
      fns.push(p);
      continue;
    }
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) l.fail("TSOS1005", p, "this kind of object literal member");
    const name = propName(l, p.name);
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    const wanted = want?.k === "view" ? want.view.slots.find((s) => s.kind === "get" && s.prop === name)?.ret : undefined;
    const sym = l.checker.getPropertyOfType(litType, name);
    const type = wanted ?? irType(l, sym ? l.checker.getTypeOfSymbol(sym) : l.checker.getTypeAtLocation(value), value);
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
  }
  const shape = literalShape(l, fields, node, fns);
  return { e: "new", type: { k: "class", cls: shape.cls }, cls: shape.cls, init: shape.init, args: values, loc: l.loc(node) };
}

/**
 * A new plain object with these fields (C names, in key order) and values
 * (evaluated left to right): the class of an object literal of that shape.
 * Used by spread and rest (object-spread.ts) as well.
 */
export function newLiteralObject(l: Lowerer, fields: Field[], values: Expr[], node: ts.Node): Expr {
  const shape = literalShape(l, fields, node, []);
  return { e: "new", type: { k: "class", cls: shape.cls }, cls: shape.cls, init: shape.init, args: values, loc: l.loc(node) };
}

function literalShape(l: Lowerer, fields: Field[], node: ts.Node, fns: (ts.MethodDeclaration | ts.AccessorDeclaration)[]): { cls: ClassInst; init: string } {
  const key = fields.map((f) => `${f.absent ? "?" : ""}${f.name}:${mangle(f.type)}`).join(",") + (fns.length ? `@${node.pos}:${node.getSourceFile().fileName}` : "");
  let byKey = shapes.get(l);
  if (!byKey) {
    byKey = new Map();
    shapes.set(l, byKey);
  }
  let shape = byKey.get(key);
  if (!shape) {
    const cls: ClassInst = { cname: l.uniqueName(`Obj_${fields.map((f) => f.name).join("_") || "empty"}`), tsName: "Object", fields, header: true, literal: true };
    l.program.classes.push(cls);
    literalNodes.set(cls, node);
    markConstructed(l, cls);
    shape = { cls, init: initFunction(l, cls, node) };
    byKey.set(key, shape);
    for (const f of fns) literalFunction(l, cls, node as ts.ObjectLiteralExpression, f);
  }
  return shape;
}

function initFunction(l: Lowerer, cls: ClassInst, node: ts.Node): string {
  const type: Type = { k: "class", cls };
  const loc = l.loc(node);
  const self: Expr = { e: "local", type, name: "self" };
  const params = [{ name: "self", type }, ...cls.fields.map((f, i) => ({ name: `a${i}`, type: f.type }))];
  const body: Stmt[] = cls.fields.map((f, i) => ({
    s: "expr",
    x: { e: "assign", type: f.type, target: { e: "field", type: f.type, obj: self, name: f.name }, value: { e: "local", type: f.type, name: `a${i}` } },
    loc,
  }));
  body.push({ s: "return", x: self, loc });
  const func: Func = { cname: l.uniqueName(`${cls.cname}__init`), params, ret: type, body, loc, isStatic: true };
  l.addFunc(func);
  return func.cname;
}

/** A method or accessor of an object literal: a function whose `this` is the literal. */
function literalFunction(l: Lowerer, cls: ClassInst, lit: ts.ObjectLiteralExpression, m: ts.MethodDeclaration | ts.AccessorDeclaration): void {
  const name = propName(l, m.name);
  refuseCaptures(l, lit, m);
  const prefix = ts.isGetAccessor(m) ? "get_" : ts.isSetAccessor(m) ? "set_" : "";
  const f = instantiateFunction(l, m, l.scope.env, [], { cname: `${cls.cname}__${prefix}${name}`, thisType: { k: "class", cls }, isCtor: false });
  const members = literalMembers(l, cls);
  const entry = members.get(name) ?? {};
  if (ts.isGetAccessor(m)) entry.get = f;
  else if (ts.isSetAccessor(m)) entry.set = f;
  else entry.method = f;
  members.set(name, entry);
}

/** A literal's method may use module-level names, its parameters and its own locals, not the enclosing function's. */
function refuseCaptures(l: Lowerer, lit: ts.Node, m: ts.Node): void {
  const outer = ts.findAncestor(lit.parent, ts.isFunctionLike);
  if (!outer) return;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const decl = l.symbolOf(n)?.valueDeclaration;
      if (decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) && isWithin(decl, outer) && !isWithin(decl, m))
        l.fail("TSOS1061", n, n.text);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(m, visit);
}

function isWithin(n: ts.Node, ancestor: ts.Node): boolean {
  for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
