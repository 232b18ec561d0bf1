/**
 * lower/accessors.ts: `get`/`set` accessors on classes.
 *
 * Input:  property reads and writes (`o.x`, `o.x = v`, `o.x += v`, `o.x++`,
 *         `C.x` for static accessors) whose property TypeScript resolves to
 *         an accessor.
 * Output: calls to the accessor functions `<Class>__get_x(self)` and
 *         `<Class>__set_x(self, v)` (virtual when a subclass overrides them,
 *         see dispatch.ts).
 * Invariants: the receiver is evaluated once; a compound assignment or
 *             increment calls the getter once and the setter once; the
 *             value of an assignment is the assigned value (JavaScript does
 *             not read the getter back).
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { isStatic, staticAccessorOf } from "./classes.ts";
import { resolveMember, superReceiver } from "./dispatch.ts";
import { arith, coerce, isExpr, lowerExpr, lowerGiven, truthValue, tryCoerce } from "./expr.ts";
import { typeName, typeOfNode } from "./types.ts";
import { quietly } from "./context.ts";
import { fieldName, lookupField } from "./classes.ts";
import { classSetterByName, lowerClassGetByName, lowerViewGet, viewSetter } from "./views.ts";
import { isInt } from "../ints.ts";
import { narrowRead } from "./nullable.ts";

export interface AccessorRef {
  p: ts.PropertyAccessExpression;
  get?: ts.GetAccessorDeclaration;
  set?: ts.SetAccessorDeclaration;
  isStatic: boolean;
  /** A write through a view, or by name on a monomorphized type parameter: found from the receiver's IR type. */
  dynamic?: boolean;
}

/** The accessor pair `p` names, if its property is an accessor of a class in the program. */
export function accessorRef(l: Lowerer, node: ts.Expression, forWrite = false): AccessorRef | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const sym = l.symbolOf(node.name);
  if (forWrite && !(sym && sym.flags & ts.SymbolFlags.Accessor) && dynamicReceiver(l, node)) return { p: node, isStatic: false, dynamic: true };
  if (!sym || !(sym.flags & ts.SymbolFlags.Accessor)) return undefined;
  const decls = sym.declarations ?? [];
  const get = decls.find(ts.isGetAccessorDeclaration);
  const set = decls.find(ts.isSetAccessorDeclaration);
  const any = get ?? set;
  // An object literal's accessor: a write finds the setter from the receiver's class (views.ts).
  if (any && !l.isLibDecl(any) && ts.isObjectLiteralExpression(any.parent)) return forWrite ? { p: node, isStatic: false, dynamic: true } : undefined;
  if (!any || l.isLibDecl(any) || !ts.isClassLike(any.parent)) return undefined;
  return { p: node, get, set, isStatic: isStatic(any) };
}

/** Whether a property write on `p` must go through a view, or find its member by name. */
function dynamicReceiver(l: Lowerer, p: ts.PropertyAccessExpression): boolean {
  if (p.expression.kind === ts.SyntaxKind.SuperKeyword) return false;
  const decl = l.symbolOf(p.name)?.valueDeclaration;
  if (decl && (ts.isPropertyDeclaration(decl) || ts.isParameter(decl)) && ts.isClassLike(decl.parent.kind === ts.SyntaxKind.Constructor ? decl.parent.parent : decl.parent)) {
    const t = l.checker.getTypeAtLocation(p.expression);
    if (!t.isUnion() && !(t.flags & ts.TypeFlags.TypeParameter)) return false;
  }
  const t = quietly(l, () => typeOfNode(l, p.expression));
  return !!t && (t.k === "view" || (t.k === "class" && !!t.cls.header && !lookupField(t.cls, fieldName(p.name))));
}

function receiver(l: Lowerer, ref: AccessorRef): Expr | undefined {
  if (ref.isStatic) return undefined;
  if (ref.p.expression.kind === ts.SyntaxKind.SuperKeyword) return superReceiver(l, ref.p.expression);
  return lowerExpr(l, ref.p.expression);
}

function callGet(l: Lowerer, ref: AccessorRef, recv: Expr | undefined): Expr {
  if (recv?.type.k === "view") return lowerViewGet(l, recv, ref.p.name.text, ref.p.name);
  if (ref.dynamic && recv?.type.k === "class") {
    const g = lowerClassGetByName(l, recv, ref.p.name.text, ref.p);
    if (!g) l.fail("TSOS1018", ref.p.name, ref.p.name.text, typeName(recv.type));
    return g;
  }
  if (!ref.get) l.fail("TSOS1053", ref.p, ref.p.name.text);
  if (!recv) {
    const f = staticAccessorOf(l, ref.get);
    return { e: "call", type: f.ret, fn: f.cname, args: [] };
  }
  if (recv.type.k !== "class") l.fail("TSOS1018", ref.p.name, ref.p.name.text, typeName(recv.type));
  const m = resolveMember(l, recv.type.cls, ref.get, [], ref.p.expression.kind === ts.SyntaxKind.SuperKeyword);
  return { e: "call", type: m.ret, fn: m.fn, args: [coerce(l, recv, m.self, ref.p.expression)] };
}

function setter(l: Lowerer, ref: AccessorRef, recv: Expr | undefined): { param: Type; call: (v: Expr) => Expr } {
  if (recv?.type.k === "view") return viewSetter(l, recv, ref.p.name.text, ref.p.name);
  if (ref.dynamic && recv?.type.k === "class") {
    const s = classSetterByName(l, recv, ref.p.name.text, ref.p);
    if (!s) l.fail("TSOS1018", ref.p.name, ref.p.name.text, typeName(recv.type));
    return s;
  }
  if (!ref.set) l.fail("TSOS1005", ref.p, `assignment to \`${ref.p.name.text}\`, which has no setter,`);
  if (!recv) {
    const f = staticAccessorOf(l, ref.set);
    return { param: f.params[0]!, call: (v) => ({ e: "call", type: f.ret, fn: f.cname, args: [v] }) };
  }
  if (recv.type.k !== "class") l.fail("TSOS1018", ref.p.name, ref.p.name.text, typeName(recv.type));
  const m = resolveMember(l, recv.type.cls, ref.set, [], ref.p.expression.kind === ts.SyntaxKind.SuperKeyword);
  const self = coerce(l, recv, m.self, ref.p.expression);
  return { param: m.params[0]!, call: (v) => ({ e: "call", type: m.ret, fn: m.fn, args: [self, v] }) };
}

export function lowerAccessorRead(l: Lowerer, ref: AccessorRef): Expr {
  return callGet(l, ref, receiver(l, ref));
}

/** A temporary bound around `body`: `let name = init in body(ref)`. */
function bind(l: Lowerer, init: Expr, body: (ref: Expr) => Expr): Expr {
  if (init.e === "local" || init.e === "int" || init.e === "bool" || init.e === "str") return body(init);
  const name = l.temp();
  const inner = body({ e: "local", type: init.type, name });
  return { e: "let", type: inner.type, name, init, body: inner };
}

/**
 * `o.x = v`, `o.x op= v`, `++o.x`, `o.x--`: `update` computes the new value
 * from the old one (undefined for a plain assignment, which never reads).
 */
export function lowerAccessorWrite(
  l: Lowerer,
  ref: AccessorRef,
  value: ts.Expression | Expr | undefined,
  update: ((old: Expr) => Expr) | undefined,
  postfix: boolean,
  node: ts.Node,
): Expr {
  const recv = receiver(l, ref);
  const withRecv = (r: Expr | undefined): Expr => {
    const set = setter(l, ref, r);
    if (!update) {
      const raw = lowerGiven(l, value!, set.param);
      const at = isExpr(value!) ? node : value!;
      // `return (m.winner = team)` with `winner?: Team`: the expression's value is the value assigned, as it is typed.
      const present = set.param.k === "nullable" && raw.type.k !== "nullable" ? tryCoerce(l, raw, set.param.inner, at) : undefined;
      if (present && set.param.k === "nullable") return bind(l, present, (t) => ({ e: "seq", type: t.type, xs: [set.call(coerce(l, t, set.param, at)), t] }));
      const v = coerce(l, raw, set.param, at);
      return bind(l, v, (t) => ({ e: "seq", type: t.type, xs: [set.call(t), t] }));
    }
    return bind(l, callGet(l, ref, r), (old) => {
      const next = coerce(l, update(old), set.param, node);
      return bind(l, next, (t) => ({ e: "seq", type: postfix ? old.type : t.type, xs: [set.call(t), postfix ? old : t] }));
    });
  };
  return recv ? bind(l, recv, withRecv) : withRecv(undefined);
}

/**
 * `o.x ??= v`, `o.x ||= v` and `o.x &&= v` on an accessor or through a view:
 * the getter runs once, and the setter (and `v`) only when JavaScript assigns.
 */
export function lowerAccessorLogicalAssign(l: Lowerer, ref: AccessorRef, b: ts.BinaryExpression): Expr {
  const recv = receiver(l, ref);
  const op = b.operatorToken.kind;
  const withRecv = (r: Expr | undefined): Expr => {
    const set = setter(l, ref, r);
    return bind(l, callGet(l, ref, r), (cur) => {
      const assigns: Expr =
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ? { e: "isnullish", type: T.bool, x: cur, which: "either" }
        : op === ts.SyntaxKind.BarBarEqualsToken ? { e: "not", type: T.bool, x: truthValue(l, cur, b.left) }
        : truthValue(l, cur, b.left);
      const want = set.param.k === "nullable" ? set.param.inner : set.param;
      const v = coerce(l, lowerExpr(l, b.right, want), set.param, b.right);
      const assigned = bind(l, v, (t) => ({ e: "seq", type: cur.type, xs: [set.call(t), coerce(l, t, cur.type, b)] }));
      return { e: "cond", type: cur.type, c: assigns, a: assigned, b: cur };
    });
  };
  return recv ? bind(l, recv, withRecv) : withRecv(undefined);
}

/** The update of a compound assignment `op=` or of `++`/`--` on an accessor. */
export function accessorUpdate(l: Lowerer, opKind: ts.SyntaxKind | "inc" | "dec", right: ts.Expression | undefined, node: ts.Node): (old: Expr) => Expr {
  // The current value as the checker narrowed it (`o.n = o.n ?? 0; o.n += 1` reads a number).
  const target = ts.isBinaryExpression(node) ? node.left : ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node) ? node.operand : undefined;
  return (current) => {
    const old = target ? narrowRead(l, target, current) : current;
    if (opKind === "inc" || opKind === "dec") {
      if (!isInt(old.type)) l.fail("TSOS2008", node, opKind === "inc" ? "++" : "--", typeName(old.type));
      return { e: "binary", type: old.type, op: opKind === "inc" ? "+" : "-", a: old, b: { e: "int", type: old.type, value: 1n }, loc: l.loc(node) };
    }
    return arith(l, opKind, old, right!, old.type, node);
  };
}
