/**
 * lower/closures.ts: functions that capture variables (hosted target), with
 * JavaScript's semantics.
 *
 * Input:  an arrow function or function expression that reads or writes
 *         variables of the functions around it (or their `this`); afterwards,
 *         every lowered function body (`boxCaptured`).
 * Output: a closure object: a struct whose first member is the function
 *         type's head `{ code }` followed by the captured values (the
 *         environment), and IR that creates it (`closure`) on the stack of
 *         the enclosing block when it cannot escape, else on the heap
 *         (through tsos_alloc, never freed this session, like every object).
 *         A function value is one pointer to such an object; the call is
 *         `f->code(f, args)` (emit-closures.ts).
 * How each captured variable is held (`varMode`):
 *   - copy: never assigned after its initialization and declared before the
 *     closure is created: the value is copied into the environment.
 *   - ref:  assigned (or read before its declaration, as a recursive
 *     `const fib = (n) => ... fib(n - 1)` does), and every closure that
 *     captures it is non-escaping: the environment holds the address of the
 *     enclosing function's own slot (no allocation).
 *   - cell: assigned, and some capturing closure escapes: the variable lives
 *     in a heap cell that the function and its closures share.
 *   For ref and cell the enclosing function reads and writes the variable
 *   through a pointer (`deref`), which the evaluation-order rule treats as
 *   memory: a call can change it.
 * Non-escaping (`closureEscapes` false): the closure literal is called at
 *   once, passed to a parameter that its function only calls (lib/std's
 *   array callbacks, or any function whose parameter is only called), or
 *   held in a `const`/`let` that is only called or passed on that way.
 * Invariants:
 *   - Each declaration gets one storage mode for the whole function; a
 *     cell-mode `let` inside a loop body is a fresh cell per iteration, and a
 *     cell-mode `for (let i ...)` variable is copied into a fresh cell before
 *     each step, as JavaScript's per-iteration bindings require. A `var` is
 *     one cell for the whole function.
 *   - The kernel target never gets here: its function values stay raw C
 *     function pointers (interrupt handlers, handler tables), and a capture
 *     there is TSOS1084 (lambdas.ts).
 */
import ts from "typescript";
import { sameType, typeOfNode } from "./types.ts";
import { earlyVariableType } from "./absent-results.ts";
import type { Expr, Func, Stmt, Type } from "../ir.ts";
import { Bail, type ClosureScope, type FnScope, type Lowerer } from "./context.ts";
import { untypedConst } from "./calls.ts";
import { isVar } from "./control.ts";
import { stdArrayFunctions } from "./array-methods.ts";
import { fieldName as propertyField } from "./classes.ts";

/** The scope each function was lowered in: boxCaptured reads its locals. */
export const closureScopes = new WeakMap<Func, FnScope>();

type FnLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
type Mode = "plain" | "copy" | "ref" | "cell";

/** An arrow, a function expression, or a nested function declaration (those that capture nothing never get here). */
export function isClosureLiteral(n: ts.Node): n is FnLike {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n) || isNestedFunction(n);
}

/**
 * A function declaration inside a function body (`function solve() { function go() {...} }`).
 * JavaScript creates it when its block is entered, so it can be called before its line.
 */
export function isNestedFunction(n: ts.Node): n is ts.FunctionDeclaration {
  if (!ts.isFunctionDeclaration(n) || !n.body || !n.name) return false;
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return true;
  return false;
}

/**
 * Where a closure's value is created: a nested function declaration at the
 * start of its block (hoisted), any other closure where it stands.
 */
function creationPos(c: ts.Node): number {
  return isNestedFunction(c) ? c.parent.pos : c.pos;
}

const plainMemo = new WeakMap<ts.Node, boolean>();

/**
 * A nested function declaration that captures nothing (no variable of the
 * functions around it, no `this`; other nested functions it uses capture
 * nothing either): it compiles to a plain C function called directly.
 */
export function nestedIsPlain(l: Lowerer, decl: ts.FunctionDeclaration): boolean {
  return memoized(plainMemo, decl, true, () => {
    const caps = captureList(l, decl);
    return !caps.usesThis && !caps.ownThis && caps.decls.length === 0;
  });
}

function within(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** The function (or source file, for module code) whose frame holds `decl`. */
function ownerOf(decl: ts.Node): ts.Node {
  for (let p = decl.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
  return decl.getSourceFile();
}

/** Declared at module level and stored as a global (no capture needed). */
export function isModuleLevel(decl: ts.Node): boolean {
  for (let p = decl.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return false;
  if (ts.isFunctionDeclaration(decl)) return true;
  let d: ts.Node = decl;
  while (ts.isBindingElement(d) || ts.isObjectBindingPattern(d) || ts.isArrayBindingPattern(d)) d = d.parent;
  if (!ts.isVariableDeclaration(d)) return false;
  const list = d.parent;
  if (ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) return true;
  // A namespace's variables are module variables too (lower/namespaces.ts flattens its body into the module's).
  return ts.isVariableStatement(list.parent) && (ts.isSourceFile(list.parent.parent) || ts.isModuleBlock(list.parent.parent));
}

function isVariableDecl(decl: ts.Node): boolean {
  return ts.isVariableDeclaration(decl) || ts.isParameter(decl) || ts.isBindingElement(decl) || isNestedFunction(decl);
}

/** The end of the whole declaration a name belongs to (a pattern's declaration, not the name). */
function declEnd(decl: ts.Node): number {
  // A nested function exists once its block is entered; those before it in the block are created first.
  if (isNestedFunction(decl)) return decl.pos;
  let d: ts.Node = decl;
  while (ts.isBindingElement(d) || ts.isObjectBindingPattern(d) || ts.isArrayBindingPattern(d)) d = d.parent;
  return d.end;
}

function isVarDeclared(decl: ts.Node): boolean {
  let d: ts.Node = decl;
  while (ts.isBindingElement(d) || ts.isObjectBindingPattern(d) || ts.isArrayBindingPattern(d)) d = d.parent;
  return ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && isVar(d.parent);
}

function isNameOnly(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p) ||
    ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && (p as { name?: ts.Node }).name === id) ||
    (ts.isBindingElement(p) && p.propertyName === id) ||
    ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)
  );
}

/** Whether the identifier is written: an assignment target, `++`/`--`, a destructuring target. */
function isWrite(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isNonNullExpression(p)) {
      n = p;
      continue;
    }
    if (ts.isPropertyAssignment(p) && p.initializer === n) {
      n = p;
      continue;
    }
    if (ts.isBinaryExpression(p) && p.left === n) return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && n === id) return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
    if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n) return true;
    return false;
  }
}

interface VarInfo {
  refs: ts.Identifier[];
  written: boolean;
  /** The closures (arrow functions, function expressions) between a reference and the declaring function. */
  closures: Set<ts.Node>;
}

const ownerInfos = new WeakMap<ts.Node, Map<ts.Node, VarInfo>>();

function resolve(l: Lowerer, id: ts.Identifier): ts.Node | undefined {
  return l.symbolOf(id)?.valueDeclaration;
}

/** Every variable declared directly in `owner`: its references, whether it is written, which closures capture it. */
function ownerInfo(l: Lowerer, owner: ts.Node): Map<ts.Node, VarInfo> {
  let m = ownerInfos.get(owner);
  if (m) return m;
  m = new Map();
  ownerInfos.set(owner, m);
  const info = m;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !isNameOnly(n)) {
      const decl = resolve(l, n);
      if (decl && isVariableDecl(decl) && ownerOf(decl) === owner) {
        let v = info.get(decl);
        if (!v) info.set(decl, (v = { refs: [], written: false, closures: new Set() }));
        v.refs.push(n);
        if (isWrite(n)) v.written = true;
        // A nested function naming itself is no capture: its code has its own closure object.
        for (let p = n.parent; p && p !== owner; p = p.parent) if (ts.isFunctionLike(p) && p !== decl) v.closures.add(p);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(owner, visit);
  return m;
}

const modes = new WeakMap<ts.Node, Mode>();

/** How a local variable is stored (see the header). */
export function varMode(l: Lowerer, decl: ts.Node): Mode {
  const hit = modes.get(decl);
  if (hit) return hit;
  const info = ownerInfo(l, ownerOf(decl)).get(decl);
  let mode: Mode = "plain";
  if (info && info.closures.size) {
    const end = declEnd(decl);
    const early = [...info.closures].some((c) => creationPos(c) < end);
    if (!info.written && !early && !isVarDeclared(decl)) mode = "copy";
    else mode = [...info.closures].some((c) => closureEscapes(l, c)) ? "cell" : "ref";
  }
  modes.set(decl, mode);
  return mode;
}

/**
 * Escape results. The analysis is optimistic on cycles (a closure that calls
 * itself, a callback passed on recursively): a node being computed is
 * assumed not to escape. So an "escapes" answer is final at once, and a
 * "does not escape" answer only once the outermost question is answered.
 */
const escapes = new WeakMap<ts.Node, boolean>();
/** The keys being computed, per memo table (a node may be pending in one question and asked in another). */
const pendingIn = new WeakMap<WeakMap<ts.Node, boolean>, Set<ts.Node>>();
let depth = 0;

function memoized(memo: WeakMap<ts.Node, boolean>, key: ts.Node, optimistic: boolean, compute: () => boolean): boolean {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let pending = pendingIn.get(memo);
  if (!pending) pendingIn.set(memo, (pending = new Set()));
  if (pending.has(key)) return optimistic;
  pending.add(key);
  depth++;
  let result: boolean;
  try {
    result = compute();
  } finally {
    depth--;
    pending.delete(key);
  }
  if (result !== optimistic || depth === 0) memo.set(key, result);
  return result;
}

/** Whether a closure literal can outlive the block that creates it (see the header). */
export function closureEscapes(l: Lowerer, fn: ts.Node): boolean {
  if (!isClosureLiteral(fn)) return true;
  // A generator function's closure is held by the generators it makes, which can outlive the frame around it.
  if ((ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) && fn.asteriskToken) return true;
  if (ts.isFunctionDeclaration(fn)) return memoized(escapes, fn, false, () => !namedOnlyForCalls(l, fn));
  return memoized(escapes, fn, false, () => !(valueContained(l, fn) || heldOnlyForCalls(l, fn)));
}

/** A nested function whose every use is a call or a non-escaping argument (also inside itself). */
function namedOnlyForCalls(l: Lowerer, fn: ts.FunctionDeclaration): boolean {
  const info = ownerInfo(l, ownerOf(fn)).get(fn);
  if (!info) return true;
  const selfRefs: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !isNameOnly(n) && resolve(l, n) === fn) selfRefs.push(n);
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return [...info.refs, ...selfRefs].every((r) => valueContained(l, r)) && [...info.closures].every((c) => !closureEscapes(l, c));
}

/** The expression `e` (after parentheses) is called at once, or passed to a parameter that is only called. */
export function valueContained(l: Lowerer, e: ts.Node): boolean {
  let n = e;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isCallExpression(p)) return false;
  if (p.expression === n) return true;
  const i = p.arguments.indexOf(n as ts.Expression);
  return i >= 0 && !p.arguments.some((a) => ts.isSpreadElement(a)) && paramOnlyCalled(l, p, i);
}

/** A variable (a `const`, a parameter, a destructured name) never assigned whose every use is a call or a non-escaping argument. */
export function onlyCalledVariable(l: Lowerer, decl: ts.Node): boolean {
  const info = ownerInfo(l, ownerOf(decl)).get(decl);
  return !!info && !info.written && info.refs.every((r) => valueContained(l, r));
}

/** `const f = <fn>` (block-scoped, never assigned) where every use of `f` is a call or a non-escaping argument. */
function heldOnlyForCalls(l: Lowerer, fn: ts.Node): boolean {
  let n = fn;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const d = n.parent;
  if (!ts.isVariableDeclaration(d) || d.initializer !== n || !ts.isIdentifier(d.name)) return false;
  if (!ts.isVariableDeclarationList(d.parent) || isVar(d.parent) || isModuleLevel(d)) return false;
  const info = ownerInfo(l, ownerOf(d)).get(d);
  if (!info || info.written) return false;
  return info.refs.every((r) => valueContained(l, r)) && [...info.closures].every((c) => !closureEscapes(l, c));
}

const paramMemo = new WeakMap<ts.Node, boolean>();

/** Argument `i` of `call` goes to a parameter that the callee only calls (or passes on to such a parameter). */
function paramOnlyCalled(l: Lowerer, call: ts.CallExpression, i: number): boolean {
  const targets = calleesOf(l, call);
  return targets.length > 0 && targets.every((target) => {
    const param = target.decl.parameters[i + target.offset];
    if (!param || !ts.isIdentifier(param.name) || param.dotDotDotToken) return false;
    return memoized(paramMemo, param, true, () => {
      const info = ownerInfo(l, target.decl).get(param);
      return !info || (!info.written && info.refs.every((r) => valueContained(l, r)) && [...info.closures].every((c) => !closureEscapes(l, c)));
    });
  });
}

/**
 * The implementations a call may run, when they are known statically: a
 * function, a method nobody overrides, the lib/std/array.ts functions an
 * array method maps to. Empty when unknown.
 */
function calleesOf(l: Lowerer, call: ts.CallExpression): { decl: ts.FunctionLikeDeclaration; offset: number }[] {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const recv = l.checker.getTypeAtLocation(callee.expression);
    if (l.checker.isArrayType(recv)) return stdArrayFunctions(callee.name.text).map((decl) => ({ decl, offset: 1 }));
  }
  const sig = l.checker.getResolvedSignature(call);
  const decl = sig?.declaration;
  if (!decl || !ts.isFunctionLike(decl) || !(decl as ts.FunctionLikeDeclaration).body) return [];
  if (ts.isFunctionDeclaration(decl)) return [{ decl, offset: 0 }];
  if (ts.isMethodDeclaration(decl) && !overridden(l, decl)) return [{ decl, offset: 0 }];
  return [];
}

/** Whether some class extends the method's class and declares a member of the same name (or the method is not in a class). */
function overridden(l: Lowerer, m: ts.MethodDeclaration): boolean {
  const cls = m.parent;
  if (!ts.isClassDeclaration(cls) || !cls.name) return true;
  if (m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return false;
  return subclassDeclares(l, cls, m.name.getText());
}

/** Whether some class of the program extends `cls` (directly or not) and declares a member named `name`. */
export function subclassDeclares(l: Lowerer, cls: ts.ClassLikeDeclaration, name: string): boolean {
  const base = l.checker.getTypeAtLocation(cls);
  for (const sf of programFiles()) {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isClassLike(n) && n !== cls && n.members.some((x) => x.name?.getText() === name)) {
        const t = l.checker.getTypeAtLocation(n);
        if (derivesFrom(l, t, base)) found = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (found) return true;
  }
  return false;
}

function derivesFrom(l: Lowerer, t: ts.Type, base: ts.Type): boolean {
  const seen = new Set<ts.Type>();
  const walk = (x: ts.Type): boolean => {
    if (seen.has(x)) return false;
    seen.add(x);
    const bases = x.isClass() ? l.checker.getBaseTypes(x as ts.InterfaceType) : [];
    return bases.some((b) => b.symbol === base.symbol || walk(b));
  };
  return walk(t);
}

let files: readonly ts.SourceFile[] = [];
/** Called once per lowering with the program's source files (for the override check). */
export function useClosureProgram(p: ts.Program): void {
  files = p.getSourceFiles().filter((f) => !f.isDeclarationFile);
}
export function programFiles(): readonly ts.SourceFile[] {
  return files;
}

/** What a closure literal captures: declarations of enclosing functions, in first-use order, and whether it uses their `this`. */
export function captureList(l: Lowerer, fn: FnLike | ts.MethodDeclaration | ts.AccessorDeclaration): { decls: ts.Node[]; usesThis: boolean; ownThis?: ts.Node } {
  const decls: ts.Node[] = [];
  let usesThis = false;
  let ownThis: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = thisOwner(n);
      if (owner === fn || (owner && within(owner, fn) && !ts.isClassLike(owner))) {
        if (ts.isFunctionExpression(owner) || ts.isFunctionDeclaration(owner)) ownThis ??= n;
      } else if (owner) usesThis = true;
    }
    if (ts.isIdentifier(n) && !isNameOnly(n)) {
      const decl = resolve(l, n);
      if (decl && decl !== fn && !within(decl, fn) && !decls.includes(decl)) {
        const nestedPlain = isNestedFunction(decl) && nestedIsPlain(l, decl);
        const folded = untypedConst(l, n) !== undefined;
        const variable = isVariableDecl(decl) && !nestedPlain && !isModuleLevel(decl) && !folded;
        // A constant folded into the closure (`const limit = 10` below it) is still uninitialized if the closure runs first.
        if (folded && !isModuleLevel(decl) && decl.pos > creationPos(fn) && mayRunBefore(l.checker, fn, decl)) l.fail("TSOS1132", fn, "a closure that may run before a variable it uses is declared");
        if (variable || (ts.isFunctionExpression(decl) && within(fn, decl))) decls.push(decl);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return { decls, usesThis, ownThis };
}

/** The node whose `this` a `this` keyword denotes: the nearest non-arrow function, or a class (field initializers). */
function thisOwner(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) && !ts.isArrowFunction(p)) return p;
    if (ts.isClassLike(p)) return p;
  }
  return undefined;
}

/** A captured variable read inside the closure being lowered, or undefined when `decl` is not one of its captures. */
export function capturedVariable(l: Lowerer, decl: ts.Node): Expr | undefined {
  const c = l.scope.closure;
  if (!c) return undefined;
  if (decl === c.node) return { e: "envfield", type: c.type, env: c.env, name: "" };
  return fieldRead(c, decl);
}

/** `this` inside a closure that captured it. */
export function capturedThis(l: Lowerer): Expr | undefined {
  const c = l.scope.closure;
  return c ? fieldRead(c, "this") : undefined;
}

function fieldRead(c: ClosureScope, key: ts.Node | "this"): Expr | undefined {
  const f = c.fields.get(key);
  if (!f) return undefined;
  const cell = cellType(f.type, !!f.heap);
  if (c.self) {
    const self: Expr = { e: "local", type: c.self, name: "self" };
    if (!f.cell) return { e: "field", type: f.type, obj: self, name: f.name };
    return { e: "deref", type: f.type, ptr: { e: "field", type: cell, obj: self, name: f.name } };
  }
  if (!f.cell) return { e: "envfield", type: f.type, env: c.env, name: f.name };
  return { e: "deref", type: f.type, ptr: { e: "envfield", type: cell, env: c.env, name: f.name } };
}

/**
 * Early-named locals: a variable captured before its declaration ran (a
 * recursive `const`), named here so the closure can point at it; the
 * declaration reuses the name (stmt.ts).
 */
const earlyNamesIn = new WeakMap<FnScope, Map<ts.Node, { name: string; type: Type }>>();
function earlyNames(scope: FnScope): Map<ts.Node, { name: string; type: Type }> {
  let m = earlyNamesIn.get(scope);
  if (!m) earlyNamesIn.set(scope, (m = new Map()));
  return m;
}

/** The C name a declaration captured before it was declared must take. */
export function earlyLocalName(l: Lowerer, decl: ts.Node): string | undefined {
  return earlyNames(l.scope).get(decl)?.name;
}

/**
 * The environment of a closure being created in the current scope: for each
 * captured declaration, its field and the value stored there (the variable,
 * or its address for ref and cell modes).
 */
export function captureFields(
  l: Lowerer,
  fn: ts.Node,
  caps: { decls: ts.Node[]; usesThis: boolean },
  read: (decl: ts.Node) => Expr,
  thisValue: () => Expr,
): { fields: ClosureScope["fields"]; names: string[]; values: Expr[] } {
  const fields: ClosureScope["fields"] = new Map();
  const names: string[] = [];
  const values: Expr[] = [];
  const taken = new Set<string>();
  const fieldName = (base: string): string => {
    let name = base.replace(/[^A-Za-z0-9_]/g, "_");
    // A C keyword (`char`) or a runtime name cannot name a field of the environment struct.
    if (name.startsWith("tsos_") || name === "head" || propertyField({ text: name } as ts.Identifier) !== name) name = "v_" + name;
    let candidate = name;
    for (let k = 2; taken.has(candidate); k++) candidate = `${name}_${k}`;
    taken.add(candidate);
    return candidate;
  };
  for (const decl of caps.decls) {
    const mode = ts.isFunctionExpression(decl) ? "copy" : varMode(l, decl);
    const v = read(decl);
    const cell = mode === "ref" || mode === "cell";
    const text = (decl as ts.NamedDeclaration).name?.getText() ?? "v";
    const name = fieldName(text);
    fields.set(decl, { name, type: v.type, cell, heap: mode === "cell" });
    names.push(name);
    values.push(cell ? { e: "addrof", type: cellType(v.type, mode === "cell"), x: v } : v);
  }
  if (caps.usesThis) {
    const v = thisValue();
    const name = fieldName("self");
    fields.set("this", { name, type: v.type, cell: false });
    names.push(name);
    values.push(v);
  }
  void fn;
  return { fields, names, values };
}

/**
 * A captured variable with no declaration lowered before the closure: TSOS1132, unless an error was
 * reported already, which is likely its declaration refused (a second, misleading error is left out).
 */
export function captureBeforeDeclaration(l: Lowerer, node: ts.Node, what: string): never {
  if (l.diagnostics.length) throw new Bail();
  l.fail("TSOS1132", node, what);
}

/**
 * The read of a captured declaration in the current (creating) scope: a
 * capture of the closure around, a local, or, for a variable declared later
 * in this function (a recursive `const`), its early name.
 */
export function readForCapture(l: Lowerer, decl: ts.Node, localType: (decl: ts.Node) => Type, fail: (decl: ts.Node) => never, closure?: ts.Node): Expr {
  const cap = capturedVariable(l, decl);
  if (cap) return cap;
  const local = l.scope.locals.get(decl);
  if (local) return { e: "local", type: localType(decl), name: local };
  const mode = varMode(l, decl);
  // (A name a pattern binds, `const { indent = 2 } = opts` below a hoisted `function go()` that uses it, too.)
  if ((mode === "ref" || mode === "cell") && (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl) || isNestedFunction(decl)) && decl.name && ts.isIdentifier(decl.name)) {
    // JavaScript throws a ReferenceError if the closure runs before the declaration: a call between the two is refused.
    if (closure && !isNestedFunction(decl) && mayRunBefore(l.checker, closure, decl)) l.fail("TSOS1132", closure, "a closure that may run before a variable it uses is declared");
    const early = earlyNames(l.scope).get(decl);
    if (early) return { e: "local", type: early.type, name: early.name };
    const name = l.localName(decl.name.text);
    // Not declared yet in this instance: the checker's type (a local type recorded earlier may be another instantiation's).
    const type = earlyVariableType(l, decl);
    earlyNames(l.scope).set(decl, { name, type });
    return { e: "local", type, name };
  }
  fail(decl);
}

/**
 * Whether code between the creation of `closure` and the end of the declaration of `decl` (a later variable it
 * captures) may run the closure while the variable is uninitialized: a call (or `new`, or a tagged template)
 * there of a library function that is given the closure (`xs.forEach(() => later)`), or that names the closure,
 * a variable holding it (`const obj = { f: () => later }; obj.f()`) or any other function of the same body
 * (which may call it). Calls of functions declared elsewhere, with none of those, cannot reach it; a function of
 * the program given the closure is assumed to keep it for later, as an event emitter's `on` does (one that
 * calls it at once is not caught). Function bodies written in between do not run there.
 */
function mayRunBefore(checker: ts.TypeChecker, closure: ts.Node, decl: ts.Node): boolean {
  const from = creationPos(closure);
  let declaration: ts.Node = decl;
  while (!ts.isVariableDeclaration(declaration) && declaration.parent && !ts.isSourceFile(declaration.parent)) declaration = declaration.parent;
  const to = declaration.end;
  const owner = ownerOf(decl);
  // Declarations of this body whose value is or holds the closure, or is a function.
  const reaches = (sym: ts.Symbol | undefined): boolean => {
    const d = sym?.valueDeclaration;
    if (!d || ownerOf(d) !== owner) return false;
    if (within(closure, d)) return true;
    return ts.isFunctionDeclaration(d) || checker.getTypeOfSymbolAtLocation(sym!, d).getCallSignatures().length > 0;
  };
  // A library function given the closure (`xs.forEach(() => later)`) runs it before it returns; a function of
  // the program may keep it for later (`const off = this.on(event, () => off())`), so that alone does not count.
  const library = (call: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression): boolean => !!checker.getResolvedSignature(call)?.getDeclaration()?.getSourceFile().isDeclarationFile;
  // A local function called here runs the closure only if its own body calls something when it runs (not in a
  // function it makes): `const level = (ops, next) => () => { ... next() ... }` only builds one.
  const runsSomething = (sym: ts.Symbol | undefined): boolean => {
    const d = sym?.valueDeclaration;
    if (!d || within(closure, d)) return true;
    const fn = ts.isFunctionDeclaration(d) ? d : ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) ? d.initializer : undefined;
    if (!fn?.body) return true;
    let calls = false;
    const look = (n: ts.Node): void => {
      if (calls || ts.isFunctionLike(n)) return;
      if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) calls = true;
      else ts.forEachChild(n, look);
    };
    if (ts.isBlock(fn.body)) ts.forEachChild(fn.body, look);
    else look(fn.body);
    return calls;
  };
  const mentions = (call: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression): boolean => {
    const lib = library(call);
    if (within(closure, call) && lib) return true;
    // The callee: the closure itself, a variable holding it, or a local function that may call it.
    const callee = ts.isTaggedTemplateExpression(call) ? call.tag : call.expression;
    if (ts.isIdentifier(callee)) {
      const sym = checker.getSymbolAtLocation(callee);
      if (reaches(sym) && runsSomething(sym)) return true;
    }
    // The arguments: a library function runs the local functions it is given (`xs.map(term)`), also inside a
    // callback it is given (`xs.forEach(() => term())`); a function of the program may keep them for later, as above.
    if (!lib) return false;
    let hit = false;
    const look = (n: ts.Node): void => {
      if (hit) return;
      if (ts.isIdentifier(n) && reaches(checker.getSymbolAtLocation(n))) hit = true;
      else ts.forEachChild(n, look);
    };
    const args = ts.isTaggedTemplateExpression(call) ? [call.template] : [...(call.arguments ?? [])];
    if (!ts.isTaggedTemplateExpression(call) && ts.isPropertyAccessExpression(call.expression)) args.push(call.expression.expression);
    for (const a of args) look(a);
    return hit;
  };
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.end <= from || n.pos >= to) return;
    if (n !== owner && ts.isFunctionLike(n)) return;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) && mentions(n)) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(owner);
  return found;
}

// ---- after lowering: captured variables that need storage the closures can share ----

/**
 * Rewrite a lowered function so each ref- or cell-mode local lives behind a
 * pointer: `let x = v` becomes `let x: T* = <cell>` at the start of its block
 * and `*x = v` in place; every read and write of x goes through `*x`.
 */
export function boxCaptured(l: Lowerer, func: Func): void {
  const scope = closureScopes.get(func);
  if (!scope) return;
  const boxed = new Map<string, { mode: "ref" | "cell"; decl: ts.Node }>();
  for (const [decl, name] of scope.locals) {
    const mode = varMode(l, decl);
    if (mode === "ref" || mode === "cell") boxed.set(name, { mode, decl });
  }
  if (!boxed.size) return;
  const loc = func.loc;
  const fresh = (base: string): string => {
    let c = base;
    for (let k = 2; scope.used.has(c); k++) c = `${base}_${k}`;
    scope.used.add(c);
    return c;
  };
  const declared = new Set<string>();
  const cellOf = (name: string, type: Type): Stmt[] => {
    const b = boxed.get(name)!;
    const cell = cellType(type, b.mode === "cell");
    if (b.mode === "cell") return [{ s: "let", name, type: cell, init: { e: "newcell", type: cell, loc }, loc }];
    const slot = fresh(`${name}__slot`);
    return [
      { s: "let", name: slot, type, loc },
      { s: "let", name, type: cell, init: { e: "addrof", type: cell, x: { e: "local", type, name: slot } }, loc },
    ];
  };
  const expr = (x: Expr): Expr => mapExpr(x, (y) => (y.e === "local" && boxed.has(y.name) ? { e: "deref", type: y.type, ptr: { e: "local", type: cellType(y.type, boxed.get(y.name)!.mode === "cell"), name: y.name } } : undefined));
  const list = (stmts: Stmt[]): Stmt[] => {
    const head: Stmt[] = [];
    const out: Stmt[] = [];
    for (const s of stmts) {
      if (s.s === "let" && boxed.has(s.name)) {
        checkEarly(l, scope, boxed.get(s.name)!.decl, s.type);
        declared.add(s.name);
        head.push(...cellOf(s.name, s.type));
        if (s.init) out.push({ s: "expr", x: { e: "assign", type: s.type, target: expr({ e: "local", type: s.type, name: s.name }), value: expr(s.init) }, loc: s.loc });
        continue;
      }
      out.push(stmt(s));
    }
    return [...head, ...out];
  };
  const stmt = (s: Stmt): Stmt => {
    switch (s.s) {
      case "let": return { ...s, init: s.init && expr(s.init) };
      case "expr": return { ...s, x: expr(s.x) };
      case "print": return { ...s, args: s.args.map(expr) };
      case "if": return { ...s, c: expr(s.c), then: list(s.then), else: s.else && list(s.else) };
      case "while": case "dowhile": return { ...s, c: expr(s.c), body: list(s.body) };
      case "for": {
        const init = list(s.init);
        // JavaScript gives each iteration its own binding: a fresh cell, copied, before each step.
        const fresh: Expr[] = [];
        for (const d of s.init) {
          if (d.s !== "let" || boxed.get(d.name)?.mode !== "cell") continue;
          const cell: Type = { k: "cell", elem: d.type, counted: true };
          const next = `${d.name}__next`;
          const old: Expr = { e: "deref", type: d.type, ptr: { e: "local", type: cell, name: d.name } };
          fresh.push({
            e: "let", type: cell, name: next, init: { e: "newcell", type: cell, loc },
            body: { e: "seq", type: cell, xs: [
              { e: "assign", type: d.type, target: { e: "deref", type: d.type, ptr: { e: "local", type: cell, name: next } }, value: old },
              { e: "assign", type: cell, target: { e: "local", type: cell, name: d.name }, value: { e: "local", type: cell, name: next } },
            ] },
          });
        }
        return { ...s, init, c: s.c && expr(s.c), step: [...fresh, ...s.step.map(expr)], body: list(s.body) };
      }
      case "return": return { ...s, x: s.x && expr(s.x) };
      case "block": return { ...s, body: list(s.body) };
      case "switch": return { ...s, x: expr(s.x), cases: s.cases.map((c) => ({ ...c, values: c.values.map(expr), body: list(c.body) })) };
      default: return s;
    }
  };
  let body = list(func.body);
  const prologue: Stmt[] = [];
  func.params = func.params.map((p) => {
    if (!boxed.has(p.name)) return p;
    const arg = fresh(`${p.name}__arg`);
    declared.add(p.name);
    const cell = cellType(p.type, boxed.get(p.name)!.mode === "cell");
    if (boxed.get(p.name)!.mode === "ref") {
      // The slot owns its value (it may be assigned through the cell): a copy of the argument, not the parameter itself.
      const slot = fresh(`${p.name}__slot`);
      prologue.push({ s: "let", name: slot, type: p.type, init: { e: "local", type: p.type, name: arg }, loc });
      prologue.push({ s: "let", name: p.name, type: cell, init: { e: "addrof", type: cell, x: { e: "local", type: p.type, name: slot } }, loc });
    } else {
      prologue.push({ s: "let", name: p.name, type: cell, init: { e: "newcell", type: cell, loc }, loc });
      prologue.push({ s: "expr", x: { e: "assign", type: p.type, target: { e: "deref", type: p.type, ptr: { e: "local", type: cell, name: p.name } }, value: { e: "local", type: p.type, name: arg } }, loc });
    }
    return { ...p, name: arg };
  });
  body = [...prologue, ...body];
  for (const [name, b] of boxed) {
    if (!declared.has(name)) {
      // A capture named early whose declaration was lowered some other way (a pattern, a loop head).
      l.error("TSOS1132", (b.decl as ts.NamedDeclaration).name ?? b.decl, "a closure that uses a variable before its declaration");
      return;
    }
  }
  func.body = body;
}

/** The cell type of a captured variable: a counted heap cell (cell mode), or the address of its slot (ref mode). */
function cellType(elem: Type, heap: boolean): Type {
  return heap ? { k: "cell", elem, counted: true } : { k: "cell", elem, slot: true };
}

function checkEarly(l: Lowerer, scope: FnScope, decl: ts.Node, type: Type): void {
  const early = earlyNames(scope).get(decl);
  if (early && !sameType(early.type, type)) {
    l.error("TSOS1132", (decl as ts.NamedDeclaration).name ?? decl, "a closure that uses a variable of an inferred integer type before its declaration");
  }
}

/** Rebuild an expression bottom-up, replacing every node `f` maps (f sees original nodes, outermost first). */
export function mapExpr(x: Expr, f: (y: Expr) => Expr | undefined): Expr {
  const hit = f(x);
  if (hit) return hit;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === "type" || k === "cls") {
      out[k] = v;
      continue;
    }
    if (Array.isArray(v)) {
      const arr = v.map((y) => (y && typeof y === "object" && "e" in y ? mapExpr(y as Expr, f) : y));
      if (arr.some((y, i) => y !== v[i])) changed = true;
      out[k] = arr;
    } else if (v && typeof v === "object" && "e" in v) {
      const y = mapExpr(v as Expr, f);
      if (y !== v) changed = true;
      out[k] = y;
    } else out[k] = v;
  }
  return changed ? (out as unknown as Expr) : x;
}
