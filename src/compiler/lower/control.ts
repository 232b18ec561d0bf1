/**
 * lower/control.ts: labeled statements, the comma operator, `for...of` over
 * strings, and `var`.
 *
 * Input:  statements and expressions handed over by stmt.ts, expr.ts,
 *         functions.ts and module.ts.
 * Output: IR statements: a labeled statement is a block with a `breakLabel`
 *         and/or a loop with a `continueLabel` (the emitter turns labeled
 *         jumps into `goto`s); `a, b` is a `seq`; `var` declarations are
 *         hoisted to the top of their function (module-level ones are
 *         globals) and each `var x = e` is an assignment where it stands.
 * Invariants:
 *   - A `var` is read only where a declaration with an initializer (or the
 *     `for...of` head that assigns it) has certainly run before the read;
 *     any other read could see `undefined`, which the variable cannot hold,
 *     so it is refused (TSOS1082) rather than read as zero.
 *   - A `var` read inside a function, when the `var` is module-level, needs
 *     the declaration to come before any module-level code that could call
 *     that function.
 */
import { isAmbientVariableStatement } from "./namespaces.ts";
import ts from "typescript";
import type { Expr, Global, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { Bail, type FnScope, type Lowerer } from "./context.ts";
import { coerce, lowerExpr, setLocalType } from "./expr.ts";
import { typeName, typeOfNode } from "./types.ts";
import { neverLocals } from "./never.ts";

const K = ts.SyntaxKind;

// ---------------------------------------------------------------- labels

interface Label {
  text: string;
  cname: string;
  breaks: boolean;
  continues: boolean;
}

const labelStacks = new WeakMap<FnScope, Label[]>();

function labels(l: Lowerer): Label[] {
  let stack = labelStacks.get(l.scope);
  if (!stack) labelStacks.set(l.scope, (stack = []));
  return stack;
}

/** `name: statement`. `lowerInner` lowers the labeled statement itself. */
export function lowerLabeled(l: Lowerer, s: ts.LabeledStatement, lowerInner: (st: ts.Statement) => Stmt[]): Stmt[] {
  const label: Label = { text: s.label.text, cname: l.localName(`tsos_L_${s.label.text}`), breaks: false, continues: false };
  const stack = labels(l);
  stack.push(label);
  let body: Stmt[];
  try {
    body = lowerInner(s.statement);
  } finally {
    stack.pop();
  }
  if (label.continues) {
    const loop = findLoop(body);
    if (!loop) l.fail("TSOS9001", s, "labeled continue without a loop");
    loop.continueLabel = label.cname;
  }
  return label.breaks ? [{ s: "block", body, breakLabel: label.cname }] : body;
}

/** The loop a labeled statement names: the statement itself, or the loop inside a `for...of` block. */
function findLoop(body: Stmt[]): Extract<Stmt, { s: "for" | "while" | "dowhile" }> | undefined {
  const first = body.length === 1 ? body[0] : undefined;
  if (!first) return undefined;
  if (first.s === "for" || first.s === "while" || first.s === "dowhile") return first;
  if (first.s === "block" && !first.breakLabel) return findLoop(first.body.filter((x) => x.s !== "let"));
  return undefined;
}

/** `break label` / `continue label`. */
export function labeledJump(l: Lowerer, s: ts.BreakStatement | ts.ContinueStatement): Stmt {
  const text = s.label!.text;
  const label = [...labels(l)].reverse().find((x) => x.text === text);
  if (!label) l.fail("TSOS9001", s, `unknown label ${text}`);
  const loc = l.loc(s);
  if (s.kind === K.BreakStatement) {
    label.breaks = true;
    return { s: "break", loc, label: label.cname };
  }
  label.continues = true;
  return { s: "continue", loc, label: label.cname };
}

// ---------------------------------------------------------------- comma

/** `a, b, c`: each in order, the value of the last. */
export function lowerComma(l: Lowerer, b: ts.BinaryExpression, want?: Type): Expr {
  const parts: ts.Expression[] = [];
  const flatten = (x: ts.Expression): void => {
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === K.CommaToken) {
      flatten(x.left);
      flatten(x.right);
    } else parts.push(x);
  };
  flatten(b);
  const xs = parts.map((p, i) => lowerExpr(l, p, i === parts.length - 1 ? want : undefined));
  return { e: "seq", type: xs[xs.length - 1]!.type, xs };
}

// ---------------------------------------------------------------- for...of over a string

/**
 * `for (const ch of s)`: each character as a one-character string.
 * `declare` binds the loop variable and returns the statements that do it.
 * Hosted strings step by code point (a character outside the BMP is one
 * two-unit string, as in JavaScript) over byte offsets (runtime/tsos_str.h);
 * kernel strings step by byte.
 */
export function forOfString(l: Lowerer, f: ts.ForOfStatement, s: Expr, declare: (elem: Expr) => Stmt[], lowerBody: () => Stmt[]): Stmt {
  const loc = l.loc(f);
  const sName = l.temp();
  const idxName = l.temp();
  const str: Expr = { e: "local", type: s.type, name: sName };
  const idxType = l.doubles ? T.int("i64") : T.number;
  const idx: Expr = { e: "local", type: idxType, name: idxName };
  const call = (fn: string, args: Expr[], type: Type): Expr => ({ e: "call", type, fn, args, pure: true });
  const len: Expr = l.doubles ? call("tsos_str_bytes", [str], idxType) : { e: "strlen", type: T.number, s: str };
  const ch: Expr = l.doubles ? call("tsos_str_char_at_byte", [str, idx], T.str) : { e: "strindex", type: T.str, s: str, idx, loc, code: false };
  const next: Expr = l.doubles
    ? call("tsos_str_next_byte", [str, { e: "current", type: idxType }], idxType)
    : { e: "binary", type: T.number, op: "+", a: { e: "current", type: T.number }, b: { e: "int", type: T.number, value: 1n }, loc };
  const bind = declare(ch);
  return {
    s: "block",
    body: [
      { s: "let", name: sName, type: s.type, init: s, loc },
      {
        s: "for",
        init: [{ s: "let", name: idxName, type: idxType, init: { e: "int", type: idxType, value: 0n }, loc }],
        c: { e: "binary", type: T.bool, op: "<", a: idx, b: len, loc },
        step: [{ e: "compound", type: idxType, target: idx, value: next, postfix: false }],
        body: [...bind, ...lowerBody()],
        loc,
      },
    ],
  };
}

// ---------------------------------------------------------------- var

export function isVar(list: ts.VariableDeclarationList): boolean {
  return (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
}

function isFunctionLike(n: ts.Node): boolean {
  return ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n);
}

/** Every `var` declaration in `root`, not descending into nested functions or classes. */
function varDeclarations(root: ts.Node): ts.VariableDeclaration[] {
  const out: ts.VariableDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (n !== root && (isFunctionLike(n) || ts.isClassLike(n))) return;
    if (ts.isVariableDeclarationList(n) && isVar(n) && !isAmbientVariableStatement(n.parent)) for (const d of n.declarations) if (ts.isIdentifier(d.name)) out.push(d);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/** The symbols of the `var`s in `root`, each with its declarations. */
function varSymbols(l: Lowerer, root: ts.Node): Map<ts.Symbol, ts.VariableDeclaration[]> {
  const out = new Map<ts.Symbol, ts.VariableDeclaration[]>();
  for (const d of varDeclarations(root)) {
    const sym = l.checker.getSymbolAtLocation(d.name);
    if (!sym) continue;
    out.set(sym, [...(out.get(sym) ?? []), d]);
  }
  return out;
}

/** Whether `node` is inside `ancestor`. */
function within(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** The nearest enclosing function-like node (or the source file). */
function ownerOf(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p) || ts.isSourceFile(p)) return p;
  return n.getSourceFile();
}

/** Whether declaration `d` has certainly assigned its variable whenever `read` runs (same function). */
function dominates(d: ts.VariableDeclaration, read: ts.Node): boolean {
  const list = d.parent;
  const holder = list.parent;
  if (ts.isForOfStatement(holder) || ts.isForInStatement(holder)) return within(read, holder.statement);
  if (!d.initializer) return false;
  if (read.pos < d.initializer.end) return false;
  // The region that runs after the declaration: the rest of the enclosing block
  // (for a `for (var ...;;)` head, the loop and what follows it).
  return within(read, holder.parent);
}

/** Whether module-level code that can run a function comes before `end` in `sf`. */
function codeRunsBefore(sf: ts.SourceFile, end: number): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.pos >= end) return;
    if (isFunctionLike(n) && !ts.isClassStaticBlockDeclaration(n)) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n) || ts.isClassStaticBlockDeclaration(n)) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** Refuse every read of a `var` of `root` that could run before the variable is assigned. */
function checkVarReads(l: Lowerer, root: ts.Node, vars: Map<ts.Symbol, ts.VariableDeclaration[]>): void {
  if (!vars.size) return;
  const sf = root.getSourceFile();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const sym = l.checker.getSymbolAtLocation(n);
      const decls = sym && vars.get(sym);
      if (decls && !decls.some((d) => d.name === n) && isRead(n)) {
        const sameOwner = ownerOf(n) === root || (ts.isSourceFile(root) && ownerOf(n) === sf);
        // A closure (lower/closures.ts) reads the variable after it is created: assigned if its creation is.
        const closure = outermostClosure(n, root);
        const ok = sameOwner
          ? decls.some((d) => dominates(d, n))
          : (closure && decls.some((d) => dominates(d, closure))) || (ts.isSourceFile(root) && isTopLevelInit(decls[0]!) && !codeRunsBefore(sf, decls[0]!.end));
        if (!ok) l.error("TSOS1082", n, n.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
}

/** The outermost arrow function or function expression between `n` and `root`, if every function between them is one. */
function outermostClosure(n: ts.Node, root: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  for (let p = n.parent; p && p !== root; p = p.parent) {
    if (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) found = p;
    else if (isFunctionLike(p) || ts.isClassLike(p)) return undefined;
  }
  return found;
}

function isTopLevelInit(d: ts.VariableDeclaration): boolean {
  return !!d.initializer && ts.isVariableStatement(d.parent.parent) && ts.isSourceFile(d.parent.parent.parent);
}

/** An identifier whose value is read (not only the target of `=`). */
function isRead(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind === K.EqualsToken) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  return true;
}

/**
 * A function body's `var`s: declared at the top (uninitialised, never read
 * before assignment) and registered as locals. `root` is the function-like node.
 */
export function hoistVars(l: Lowerer, root: ts.Node): Stmt[] {
  const vars = varSymbols(l, root);
  checkVarReads(l, root, vars);
  const out: Stmt[] = [];
  for (const [sym, decls] of vars) {
    const first = (sym.valueDeclaration as ts.VariableDeclaration | undefined) ?? decls[0]!;
    const type = typeOfNode(l, first.name);
    if (type.k === "never") {
      // `var x: never = s`: no storage; reading it is unreachable (lower/never.ts).
      neverLocals.add(first);
      continue;
    }
    const name = l.localName((first.name as ts.Identifier).text);
    l.scope.locals.set(first, name);
    setLocalType(l, first, type);
    out.push({ s: "let", name, type, loc: l.loc(first) });
  }
  return out;
}

/** A module's `var`s (top-level and nested in its top-level statements): globals. */
export function declareModuleVars(l: Lowerer, sf: ts.SourceFile, prefix: string): Global[] {
  const vars = varSymbols(l, sf);
  checkVarReads(l, sf, vars);
  const out: Global[] = [];
  for (const [sym, decls] of vars) {
    const first = (sym.valueDeclaration as ts.VariableDeclaration | undefined) ?? decls[0]!;
    try {
      const type = typeOfNode(l, first.name);
      if (type.k === "never") {
        neverLocals.add(first);
        continue;
      }
      const g: Global = { cname: l.uniqueName(`${prefix}__${(first.name as ts.Identifier).text}`), type, isConst: false };
      l.globalsByDecl.set(first, g);
      out.push(g);
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
    }
  }
  return out;
}

/** `var x = e` where it stands: an assignment to the hoisted variable (nothing without an initializer). */
export function varAssign(l: Lowerer, d: ts.VariableDeclaration): Stmt[] {
  if (!d.initializer) return [];
  const declared = l.symbolOf(d.name)?.valueDeclaration;
  if (declared && neverLocals.has(declared)) return [{ s: "expr", x: coerce(l, lowerExpr(l, d.initializer), T.never, d.initializer), loc: l.loc(d) }];
  const target = lowerExpr(l, d.name as ts.Identifier);
  if (target.e !== "local" && target.e !== "global") l.fail("TSOS9001", d, "var without storage");
  const value = coerce(l, lowerExpr(l, d.initializer, target.type), target.type, d.initializer);
  return [{ s: "expr", x: { e: "assign", type: target.type, target, value }, loc: l.loc(d) }];
}

/** The storage of a `for (var x of ...)` loop variable. */
export function varTarget(l: Lowerer, d: ts.VariableDeclaration, elem: Type): Expr {
  const target = lowerExpr(l, d.name as ts.Identifier);
  if (target.e !== "local" && target.e !== "global") l.fail("TSOS9001", d, "var without storage");
  if (typeName(target.type) !== typeName(elem)) l.fail("TSOS1021", d, typeName(elem), typeName(target.type));
  return target;
}
