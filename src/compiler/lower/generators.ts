/**
 * lower/generators.ts: generator functions and methods (`function*`,
 * `*[Symbol.iterator]()`), `yield`, `yield*`, and the generator object's
 * `next()` / `return()` (hosted target).
 *
 * Input:  a generator function or method being instantiated (functions.ts),
 *         `yield` expressions inside its body, `gen.next()` calls.
 * Output: the design is a stackful coroutine (runtime/tsos_gen.h), not a
 *         state machine: the body compiles as an ordinary C function, so
 *         loops, try/catch, locals and closures inside it need nothing new.
 *   - `Generator<T>` (also IterableIterator<T>, IteratorObject<T>) is the
 *     class `Generator_<T>` { co, value }: `co` the runtime coroutine,
 *     `value` the slot `yield` writes. Each generator function adds a
 *     subclass holding its arguments (and `this` for a method).
 *   - Calling `g(a, b)` allocates that object, stores the arguments, and
 *     creates the coroutine with `g__body` as its entry; nothing of the body
 *     runs yet. `g__body(gen)` reads the arguments into locals and runs the
 *     user's body, where `yield v;` is `gen->value = v; tsos_gen_yield(co);`
 *     then the closing check.
 *   - `next()` (`Generator_<T>__next`) resumes the coroutine: a yield gives
 *     `{ value, done: false }`, the body's end `{ value: undefined, done:
 *     true }`, a throw in the body is thrown again in the caller.
 * Invariants:
 *   - `gen.next(v)` stores v, boxed as an `unknown`, in the object's `sent`
 *     field before resuming; `const x = yield v` (a yield that is a whole
 *     statement's value) reads it back as its type. `gen.throw(e)`, the
 *     value of `yield*` over a non-generator, and a `yield` value inside a
 *     larger expression are refused (TSOS1242/1243).
 *   - `return v` stores v, boxed, in the `returned` field. `next()` on a
 *     `Generator<T, R>` (stepFunctions) reports it in a `{ value, done }`
 *     object, and `const r = yield* g` gives it, only from the step that
 *     finishes the generator (tsos_gen_finished before it is false).
 *   - `yield` is a statement, and each one is followed by the closing check:
 *     `return()` (an early exit from for...of, `gen.return()`) resumes a
 *     suspended body with `closing` set and it leaves as `return;` would,
 *     through its finally blocks, closing the generators it holds.
 *   - Generator functions are declared at module level or as class methods;
 *     nested declarations are refused. A generator function expression that
 *     captures nothing is lifted like a declared one (lambdas.ts); its code's
 *     closure parameter `tsos_self` is no argument of the generator.
 */
import ts from "typescript";
import type { ClassInst, Expr, Field, Func, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { FnScope, Lowerer } from "./context.ts";
import type { InstanceOptions as InstanceOptionsLike } from "./functions.ts";
import { coerce, lowerExpr, setLocalType } from "./expr.ts";
import { fnType, mangle, tryIrType, typeName } from "./types.ts";
import { markConstructed } from "./dispatch.ts";
import { literalMembers, literalNodes } from "./views.ts";
import { errorClass, exitActions, throwValue } from "./exceptions.ts";
import { destructureParams } from "./destructure.ts";
import { hoistVars } from "./control.ts";
import { lowerBlock } from "./stmt.ts";
import { instantiateFunction, paramIdentifier } from "./functions.ts";
import { ITERATOR_KEY, isGenTsType, isStepType, protocolIrType, resultType, sourceForYieldStar } from "./iterables.ts";
import { newLiteralObject } from "./objects.ts";

interface GenClass {
  cls: ClassInst;
  next: Func;
  close: Func;
}

const genClasses = new WeakMap<Lowerer, Map<string, GenClass>>();
const allGen = new WeakSet<ClassInst>();

/** Whether a generator's body has a finally block (of its own, not of a function inside it): dropping it then runs no code of the program (runtime/tsos_gen.h tsos_gen_free). */
function hasFinally(decl: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isTryStatement(n) && n.finallyBlock) return true;
    if (n !== decl && ts.isFunctionLike(n)) return false;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(decl);
}

/** Whether an IR type is a generator object. */
export function isGenType(t: Type): boolean {
  return t.k === "class" && allGen.has(t.cls);
}

/** The class of Generator<elem>, with its `next` function. */
export function genClassOf(l: Lowerer, elem: Type, node: ts.Node): ClassInst {
  return genClass(l, elem, node).cls;
}

function genClass(l: Lowerer, elem: Type, node: ts.Node): GenClass {
  let byElem = genClasses.get(l);
  if (!byElem) genClasses.set(l, (byElem = new Map()));
  const key = mangle(elem);
  const hit = byElem.get(key);
  if (hit) return hit;
  const rType = resultType(l, elem, node);
  const cls: ClassInst = {
    cname: l.uniqueName(`Generator_${key}`),
    tsName: `Generator<${typeName(elem)}>`,
    fields: [
      { name: "co", type: { k: "anyobj" }, hidden: true, coroutine: true },
      { name: "value", type: elem, hidden: true },
      // What `next(v)` sends in, as an `unknown` (undefined until a value is sent): `const x = yield v` reads it.
      { name: "sent", type: { k: "dyn" }, hidden: true },
      // What `return v` returned, as an `unknown`: the step that finishes reports it (stepFunctions, `yield*`).
      { name: "returned", type: { k: "dyn" }, hidden: true },
    ],
    header: true,
    literal: true,
  };
  allGen.add(cls);
  l.program.classes.push(cls);
  literalNodes.set(cls, node);
  markConstructed(l, cls);
  const self: Type = { k: "class", cls };
  const next: Func = { cname: l.uniqueName(`${cls.cname}__next`), params: [{ name: "self", type: self }], ret: rType, body: [], loc: l.loc(node), isStatic: true };
  const close: Func = { cname: l.uniqueName(`${cls.cname}__return`), params: [{ name: "self", type: self }], ret: rType, body: [], loc: l.loc(node), isStatic: true };
  const entry: GenClass = { cls, next, close };
  byElem.set(key, entry);
  const selfRef: Expr = { e: "local", type: self, name: "self" };
  const loc = l.loc(node);
  // next() resumes; return() resumes with `closing` set (the body leaves through its finally blocks).
  const finished: Stmt[] = [{ s: "return", x: { e: "nullish", type: rType, undef: true }, loc }];
  const step = (runtime: string): Stmt[] => resumeBody(l, selfRef, runtime, finished, { s: "return", x: { e: "some", type: rType, x: field(selfRef, "value", elem) }, loc }, node);
  next.body = step("tsos_gen_resume");
  close.body = step("tsos_gen_close");
  l.addFunc(next);
  l.addFunc(close);
  literalMembers(l, cls).set("next", { method: next });
  // `[Symbol.iterator]()` of a generator is the generator itself (as an Iterable value it is iterated once).
  const iter: Func = { cname: l.uniqueName(`${cls.cname}__iterator`), params: [{ name: "self", type: self }], ret: self, body: [{ s: "return", x: selfRef, loc }], loc, isStatic: true };
  l.addFunc(iter);
  literalMembers(l, cls).set(ITERATOR_KEY, { method: iter });
  return entry;
}

function field(obj: Expr, name: string, type: Type): Expr {
  return { e: "field", type, obj, name };
}

const DYN: Type = { k: "dyn" };

/** Whether the generator `gen` (its Generator_<T> class) had finished before: then it has no return value left to report. */
function finishedBefore(gen: Expr): Expr {
  return { e: "call", type: T.bool, fn: "tsos_gen_finished", args: [field(gen, "co", { k: "anyobj" })] };
}

/** What the generator `gen` returned, as an `unknown`, if it finished just now (`was` false), else undefined. */
function returnedValue(gen: Expr, was: Expr): Expr {
  return { e: "cond", type: DYN, c: was, a: { e: "call", type: DYN, fn: "tsos_dyn_undef", args: [] }, b: field(gen, "returned", DYN) };
}

const stepFns = new WeakMap<Lowerer, Map<string, { next: Func; close: Func }>>();

/**
 * `next()` and `return()` of a generator whose type returns a value
 * (`Generator<T, R>`): they give the step object `{ value, done }`
 * (lower/iterables.ts stepType) instead of `T | undefined`. The step that
 * finishes holds what `return v` returned; later ones hold undefined (the
 * generator had finished before they resumed it).
 */
function stepFunctions(l: Lowerer, gen: GenClass, elem: Type, step: Extract<Type, { k: "class" }>, ret: Type, node: ts.Node): { next: Func; close: Func } {
  let byKey = stepFns.get(l);
  if (!byKey) stepFns.set(l, (byKey = new Map()));
  const key = `${gen.cls.cname}/${step.cls.cname}/${mangle(ret)}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const self: Type = { k: "class", cls: gen.cls };
  const selfRef: Expr = { e: "local", type: self, name: "self" };
  const loc = l.loc(node);
  const [valueField, doneField] = step.cls.fields as [Field, Field];
  const held = valueField.type as Extract<Type, { k: "nullable" }>;
  const make = (value: Expr, done: boolean): Expr => newLiteralObject(l, [valueField, doneField], [value, { e: "bool", type: T.bool, value: done }], node);
  const was: Expr = { e: "local", type: T.bool, name: "was" };
  // The value is unboxed as R (what the generator returns), then held as the step's `T | R | undefined`.
  const returned: Expr = { e: "cond", type: held, c: was, a: { e: "nullish", type: held, undef: true }, b: coerce(l, coerce(l, field(selfRef, "returned", DYN), ret, node), held, node) };
  const finished: Stmt[] = [{ s: "return", x: make(returned, true), loc }];
  const yielded: Stmt = { s: "return", x: make({ e: "some", type: held, x: coerce(l, field(selfRef, "value", elem), held.inner, node) }, false), loc };
  const fn = (suffix: string, runtime: string): Func => {
    const body: Stmt[] = [{ s: "let", name: "was", type: T.bool, init: finishedBefore(selfRef), loc }, ...resumeBody(l, selfRef, runtime, finished, yielded, node)];
    const f: Func = { cname: l.uniqueName(`${gen.cls.cname}__${suffix}`), params: [{ name: "self", type: self }], ret: step, body, loc, isStatic: true };
    l.addFunc(f);
    return f;
  };
  const fns = { next: fn("step", "tsos_gen_resume"), close: fn("stepReturn", "tsos_gen_close") };
  byKey.set(key, fns);
  return fns;
}

/** The IR type of R in a step's type `IteratorResult<T, R>` (its done half's value). */
function returnType(l: Lowerer, result: ts.Type, node: ts.Node): Type | undefined {
  const done = result.isUnion() ? result.types.find((t) => t.getSymbol()?.name === "IteratorReturnResult") : undefined;
  const value = done && l.checker.getPropertyOfType(done, "value");
  return value && tryIrType(l, l.checker.getTypeOfSymbol(value), node);
}

/** Resume (or close) a generator: a throw in its body is thrown again here; then `finished` if it ended, else `yielded`. */
function resumeBody(l: Lowerer, selfRef: Expr, runtime: string, finished: Stmt[], yielded: Stmt, node: ts.Node): Stmt[] {
  const loc = l.loc(node);
  const i32 = T.int("i32");
  const st: Expr = { e: "local", type: i32, name: "st" };
  const is = (v: bigint): Expr => ({ e: "binary", type: T.bool, op: "==", a: st, b: { e: "int", type: i32, value: v }, loc });
  const errType: Type = { k: "class", cls: errorClass(l, node) };
  return [
    { s: "let", name: "st", type: i32, init: { e: "call", type: i32, fn: runtime, args: [field(selfRef, "co", { k: "anyobj" })] }, loc },
    { s: "if", c: is(2n), then: throwValue(l, { e: "caught", type: errType }, { e: "call", type: T.str, fn: "tsos_throw_site", args: [] }, node), loc },
    { s: "if", c: is(0n), then: finished, loc },
    yielded,
  ];
}

/** `gen.next()` on a generator object. */
export function genNext(l: Lowerer, gen: Expr, node: ts.Node): Expr {
  const cls = (gen.type as { cls: ClassInst }).cls;
  const g = genClass(l, cls.fields.find((f) => f.name === "value")!.type, node);
  return { e: "call", type: g.next.ret, fn: g.next.cname, args: [gen] };
}

/** `gen.return()` (also an early exit from for...of): the result `return()` gives. */
export function genClose(l: Lowerer, gen: Expr, node: ts.Node): Expr {
  const cls = (gen.type as { cls: ClassInst }).cls;
  const g = genClass(l, cls.fields.find((f) => f.name === "value")!.type, node);
  return { e: "call", type: g.close.ret, fn: g.close.cname, args: [gen] };
}

// ---------------------------------------------------------------- generator functions

type GenDecl = ts.FunctionDeclaration | ts.MethodDeclaration;

/** Whether a declaration is a generator function or method. */
export function isGeneratorDecl(decl: ts.Node): decl is GenDecl {
  return (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isFunctionExpression(decl)) && !!decl.asteriskToken;
}

interface GenCtx {
  /** The running generator object, as its Generator_<T> class. */
  self: Expr;
  elem: Type;
}

const contexts = new WeakMap<FnScope, GenCtx>();

/**
 * The body a generator function's own C function gets: create the generator
 * object and its coroutine (whose entry is the separately compiled body).
 * Called inside the function's scope, after its parameters are declared.
 */
export function generatorCreation(l: Lowerer, decl: GenDecl, func: Func, opts: InstanceOptionsLike): Stmt[] {
  const loc = l.loc(decl);
  const node = decl.name ?? decl;
  if (l.target !== "host") l.fail("TSOS1242", node, "a generator in kernel code", "use a class with a `next()` method");
  // A function expression or nested declaration that captures variables (`new Seq(function* () { yield* items; })`)
  // keeps its closure object in the generator; an object literal's generator method is not lifted that way yet.
  const closure = capturingClosure(decl, opts);
  if (opts.closure && !closure && !(ts.isObjectLiteralExpression(decl.parent) && opts.closure.self)) l.fail("TSOS1242", node, "a generator method of an object literal", "declare it at module level, as a class method, or as `function*` in a function");
  const ret = func.ret;
  const genT = ret.k === "class" && isGenType(ret) ? ret : ret.k === "view" ? undefined : undefined;
  let elem: Type | undefined;
  if (genT) elem = (genT as { cls: ClassInst }).cls.fields.find((f) => f.name === "value")!.type;
  else if (ret.k === "view") {
    // An Iterator<T> (its `next`), or an Iterable<T> (the `next` of the iterator its `[Symbol.iterator]` returns:
    // `take(3, function* () { ... })` with `src: () => Iterable<T>`).
    const iterable = ret.view.slots.find((s) => s.prop === ITERATOR_KEY && s.kind === "method");
    const iterator = iterable?.ret.k === "view" ? iterable.ret.view : ret.view;
    const slot = iterator.slots.find((s) => s.prop === "next" && s.kind === "method");
    if (slot?.ret.k === "nullable") elem = slot.ret.inner;
  }
  if (!elem) l.fail("TSOS1242", decl.type ?? node, `the return type \`${typeName(ret)}\` of a generator`, "declare it `Generator<T>` or `IterableIterator<T>`");
  const base = genClass(l, elem, node);
  const baseT: Type = { k: "class", cls: base.cls };
  // The subclass holding the arguments.
  const argFields: Field[] = func.params.filter(isUserParam).map((p) => ({ name: `a_${p.name}`, type: p.type, hidden: true }));
  if (opts.thisType) argFields.push({ name: "a_this", type: opts.thisType, hidden: true });
  // The closure object, whose environment holds the captured variables (their cells are on the heap: closures.ts
  // closureEscapes), kept alive by the generator while the body can still run.
  if (closure) argFields.push({ name: CLOSURE_FIELD, type: closure.type, hidden: true });
  const sub: ClassInst = { cname: l.uniqueName(`${func.cname}__gen`), tsName: base.cls.tsName, fields: argFields, base: base.cls, header: true, literal: true };
  allGen.add(sub);
  l.program.classes.push(sub);
  literalNodes.set(sub, decl);
  markConstructed(l, sub);
  const subT: Type = { k: "class", cls: sub };
  const gName = l.localName("gen");
  const g: Expr = { e: "local", type: subT, name: gName };
  const bodyFn = generatorBody(l, decl, func, { sub, base: base.cls, elem, closure }, opts);
  bodyFn.coroutine = true;
  const out: Stmt[] = [{ s: "let", name: gName, type: subT, init: { e: "stamp", type: subT, x: { e: "alloc", type: subT, loc } }, loc }];
  for (const p of func.params) {
    const name = p.name === "self" ? "a_this" : `a_${p.name}`;
    if (!isUserParam(p) && !(p.name === "self" && opts.thisType)) continue;
    out.push({ s: "expr", x: { e: "assign", type: p.type, target: field(g, name, p.type), value: { e: "local", type: p.type, name: p.name } }, loc });
  }
  if (closure) out.push({ s: "expr", x: { e: "assign", type: closure.type, target: field(g, CLOSURE_FIELD, closure.type), value: { e: "envfield", type: closure.type, env: closure.env, name: "" } }, loc });
  const entryT = fnType(l, [{ k: "anyobj" }], T.void);
  const asBase: Expr = { e: "convert", type: baseT, x: g, checked: false, loc };
  out.push({ s: "expr", x: { e: "assign", type: { k: "anyobj" }, target: field(asBase, "co", { k: "anyobj" }), value: { e: "call", type: { k: "anyobj" }, fn: "tsos_gen_new", args: [{ e: "fnref", type: entryT, fn: bodyFn.cname }, g, { e: "bool", type: T.bool, value: !hasFinally(decl) }] } }, loc });
  out.push({ s: "return", x: coerce(l, asBase, ret, node), loc });
  return out;
}

/** The closure of a generator function expression or nested declaration that captures variables, or undefined. */
function capturingClosure(decl: GenDecl, opts: InstanceOptionsLike): InstanceOptionsLike["closure"] {
  return opts.closure && (ts.isFunctionExpression(decl) || ts.isFunctionDeclaration(decl)) && !opts.closure.self ? opts.closure : undefined;
}

/** The generator object's field that holds the closure object of a generator function expression that captures. */
const CLOSURE_FIELD = "a_closure";

/** A parameter of the program's: not `self` (kept as a_this), nor the closure object a function expression's code takes first. */
function isUserParam(p: { name: string }): boolean {
  return p.name !== "self" && p.name !== "tsos_self";
}

/** What a generator's body is compiled for: its argument-holding subclass, its Generator base, its element type, its closure. */
interface GenShape {
  sub: ClassInst;
  base: ClassInst;
  elem: Type;
  closure: InstanceOptionsLike["closure"];
}

/** `g__body(gen)`: the user's body, run on the generator's own stack. */
function generatorBody(l: Lowerer, decl: GenDecl, func: Func, { sub, base, elem, closure }: GenShape, opts: InstanceOptionsLike): Func {
  const subT: Type = { k: "class", cls: sub };
  const baseT: Type = { k: "class", cls: base };
  const params = decl.parameters.map((p) => p);
  const argNames = func.params.filter(isUserParam);
  return instantiateFunction(l, decl, l.scope.env, [], {
    cname: `${func.cname}__body`,
    isCtor: false,
    // Captured variables are read through `tsos_self`, the closure object the generator holds; an object
    // literal's generator method reads them from the literal's hidden fields, through `self` (objects.ts).
    closure: closure ?? (opts.closure?.self && opts.thisType ? opts.closure : undefined),
    params: () => [{ name: ts.factory.createIdentifier("gen"), decl: decl.name ?? decl, type: { k: "anyobj" } }],
    bindPatterns: false,
    ret: () => T.void,
    body: () => {
      const loc = l.loc(decl);
      const genParam: Expr = { e: "local", type: { k: "anyobj" }, name: l.scope.locals.get(decl.name ?? decl)! };
      // The generator object, borrowed: it owns this coroutine, and its resumer holds it while the body runs.
      // (A local owning it would keep it alive from its own stack, and a dropped generator would never be freed.)
      const meRef: Expr = { e: "convert", type: subT, x: genParam, checked: false, loc };
      const out: Stmt[] = [];
      if (closure) {
        l.scope.used.add("tsos_self");
        out.push({ s: "let", name: "tsos_self", type: closure.type, init: field(meRef, CLOSURE_FIELD, closure.type), loc });
      }
      if (opts.thisType) {
        l.scope.thisType = opts.thisType;
        l.scope.used.add("self");
        out.push({ s: "let", name: "self", type: opts.thisType, init: field(meRef, "a_this", opts.thisType), loc });
      }
      params.forEach((p, i) => {
        const a = argNames[i]!;
        const name = l.localName(paramIdentifier(p, i).text);
        l.scope.locals.set(p, name);
        setLocalType(l, p, a.type);
        out.push({ s: "let", name, type: a.type, init: field(meRef, `a_${a.name}`, a.type), loc });
      });
      // `function* f({ code, labels }: Program)`: the pattern's names, bound from the parameter kept in the generator.
      out.push(...destructureParams(l, decl));
      contexts.set(l.scope, { self: { e: "convert", type: baseT, x: meRef, checked: false, loc }, elem });
      out.push(...hoistVars(l, decl), ...lowerBlock(l, (decl.body?.statements ?? []) as readonly ts.Statement[]));
      return out;
    },
  });
}

/**
 * `return v;` in a generator's body: v is kept, as an `unknown`, for the step
 * that reports the end (`{ value: v, done: true }`); then the body leaves as
 * `return;` would. Undefined outside a generator's own body or for `return;`.
 */
export function generatorReturnValue(l: Lowerer, r: ts.ReturnStatement): Stmt | undefined {
  const ctx = contexts.get(l.scope);
  if (!ctx || !r.expression) return undefined;
  const loc = l.loc(r);
  return { s: "expr", x: { e: "assign", type: DYN, target: field(ctx.self, "returned", DYN), value: coerce(l, lowerExpr(l, r.expression), DYN, r.expression) }, loc };
}

// ---------------------------------------------------------------- yield

/** Yields already lowered as statements before the statement that uses their value (sentYieldFirst). */
const yieldedFirst = new WeakSet<ts.YieldExpression>();

/** `yield*` whose value is used: the local holding what the inner generator returned. */
const yieldStarValues = new WeakMap<ts.YieldExpression, string>();

/**
 * `const x = yield v;`, `x = yield v;`, `total += yield v;`: a statement whose
 * value (initializer, or right side of an assignment) is one `yield`. The
 * yield runs first, as its own statement (with the closing check after it);
 * the statement then reads what `next(v)` sent in (lowerYield). Empty for
 * any other statement.
 */
export function sentYieldFirst(l: Lowerer, s: ts.Statement): Stmt[] {
  let value: ts.Expression | undefined;
  if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) value = s.declarationList.declarations[0]!.initializer;
  else if (ts.isExpressionStatement(s)) {
    let x = s.expression;
    while (ts.isParenthesizedExpression(x)) x = x.expression;
    if (ts.isBinaryExpression(x) && x.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && x.operatorToken.kind <= ts.SyntaxKind.LastAssignment) value = x.right;
  }
  while (value && ts.isParenthesizedExpression(value)) value = value.expression;
  if (!value || !ts.isYieldExpression(value) || !contexts.get(l.scope)) return [];
  yieldedFirst.add(value);
  return lowerYieldStatement(l, s, value);
}

/**
 * `yield v` used as a value: what `next(v)` sent in, as the type the checker
 * gives the expression (undefined when `next()` sent nothing, which a type
 * without undefined cannot hold: the read panics then). Only a yield that is a
 * whole statement's value (sentYieldFirst) has run by now; any other is
 * refused, since the generator may be closed at it.
 */
export function lowerYield(l: Lowerer, y: ts.YieldExpression): Expr {
  const ctx = contexts.get(l.scope);
  if (!ctx) l.fail("TSOS1242", y, "`yield` outside the generator's own body", "yield directly in the generator's body");
  if (!yieldedFirst.has(y)) l.fail("TSOS1242", y, "the value of a `yield` inside a larger expression", "write the yield as a statement's whole value: `const x = yield v;`");
  // `const r = yield* inner()`: what the inner generator returned (lowerYieldStatement kept it).
  const kept = yieldStarValues.get(y);
  if (y.asteriskToken && !kept) l.fail("TSOS1242", y, "the value of `yield*` over an iterable that is not a generator", "yield* a generator, whose `return v` gives the value");
  const sent = kept ? { e: "local", type: DYN, name: kept } as Expr : field(ctx.self, "sent", { k: "dyn" });
  const want = tryIrType(l, l.checker.getTypeAtLocation(y), y) ?? { k: "dyn" };
  return want.k === "dyn" ? sent : coerce(l, sent, want, y);
}

/**
 * `yield v;` and `yield* xs;` as statements. After each yield, a generator
 * resumed by `return()` leaves as `return;` would: through its finally
 * blocks, closing the generators its loops (and a `yield*`) hold.
 */
export function lowerYieldStatement(l: Lowerer, stmt: ts.Statement, y: ts.YieldExpression): Stmt[] {
  const ctx = contexts.get(l.scope);
  if (!ctx) l.fail("TSOS1242", y, "`yield` outside the generator's own body", "yield directly in the generator's body");
  const loc = l.loc(y);
  const leave = (inner: Stmt[]): Stmt => ({
    s: "if",
    c: { e: "call", type: T.bool, fn: "tsos_gen_closing", args: [field(ctx.self, "co", { k: "anyobj" })] },
    then: [...inner, ...exitActions(l, stmt, undefined), { s: "return", loc }],
    loc,
  });
  if (y.asteriskToken) {
    const each = (elem: Expr, node: ts.Node, close: Stmt[]): Stmt[] => [{ s: "expr", x: yieldValue(l, ctx, elem, node), loc }, leave(close)];
    if (!yieldedFirst.has(y)) return sourceForYieldStar(l, y.expression!, each);
    // Its value is used: what the inner generator returns, if it finishes here (not if it had finished before).
    const kept = l.localName("tsos_returned");
    const was = l.localName("tsos_was");
    yieldStarValues.set(y, kept);
    const undef: Expr = { e: "call", type: DYN, fn: "tsos_dyn_undef", args: [] };
    const around = (gen: Expr): { before: Stmt[]; after: Stmt[] } => {
      let cls: ClassInst | undefined = (gen.type as { cls: ClassInst }).cls;
      while (cls && !cls.fields.some((f) => f.name === "value")) cls = cls.base;
      const base: Expr = { e: "convert", type: { k: "class", cls: cls! }, x: gen, checked: false, loc };
      return {
        before: [{ s: "let", name: was, type: T.bool, init: finishedBefore(base), loc }],
        after: [{ s: "expr", x: { e: "assign", type: DYN, target: { e: "local", type: DYN, name: kept }, value: returnedValue(base, { e: "local", type: T.bool, name: was }) }, loc }],
      };
    };
    return [{ s: "let", name: kept, type: DYN, init: undef, loc }, ...sourceForYieldStar(l, y.expression!, each, around)];
  }
  if (!y.expression) l.fail("TSOS1240", y, "`yield` without a value", "yield a value");
  return [{ s: "expr", x: yieldValue(l, ctx, lowerExpr(l, y.expression, ctx.elem), y.expression), loc }, leave([])];
}

function yieldValue(l: Lowerer, ctx: GenCtx, v: Expr, node: ts.Node): Expr {
  return {
    e: "seq",
    type: T.void,
    xs: [
      { e: "assign", type: ctx.elem, target: field(ctx.self, "value", ctx.elem), value: coerce(l, v, ctx.elem, node) },
      { e: "call", type: T.void, fn: "tsos_gen_yield", args: [field(ctx.self, "co", { k: "anyobj" })] },
    ],
  };
}


/** `gen.next()`, `gen.return()`, `gen.throw()` and `gen[Symbol.iterator]()` on a generator object; undefined for other calls. */
export function genMethodCall(l: Lowerer, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  if (name !== "next" && name !== "return" && name !== "throw") return undefined;
  if (!isGenTsType(l.checker, l.checker.getTypeAtLocation(callee.expression))) return undefined;
  const recv = lowerExpr(l, callee.expression);
  if (!isGenType(recv.type)) return undefined;
  const undefinedArg = (a: ts.Expression): boolean => ts.isIdentifier(a) && a.text === "undefined";
  if (name === "throw" || call.arguments.length > 1 || (name === "return" && call.arguments[0] && !undefinedArg(call.arguments[0])))
    l.fail("TSOS1243", call, name === "throw" ? "throw()" : `${name}(value)`);
  // `Generator<T, R>` returning a value: its results are step objects that can hold it.
  const resultT = protocolIrType(l, l.checker.getTypeAtLocation(call), call);
  const elem = (recv.type as { cls: ClassInst }).cls.fields.find((f) => f.name === "value");
  const ret = resultT && isStepType(resultT) ? returnType(l, l.checker.getTypeAtLocation(call), call) : undefined;
  const steps = resultT && isStepType(resultT) && elem && ret ? stepFunctions(l, genClass(l, elem.type, call), elem.type, resultT, ret, call) : undefined;
  if (name === "next") {
    // `next(v)` sends v in (an `unknown` the generator's `yield` reads back); `next()` sends undefined.
    const arg = call.arguments[0];
    const sent: Expr = arg && !undefinedArg(arg) ? coerce(l, lowerExpr(l, arg), { k: "dyn" }, arg) : { e: "call", type: { k: "dyn" }, fn: "tsos_dyn_undef", args: [] };
    const g = l.temp();
    const gen: Expr = { e: "local", type: recv.type, name: g };
    const base: Type = { k: "class", cls: genClass(l, (recv.type as { cls: ClassInst }).cls.fields.find((f) => f.name === "value")!.type, call).cls };
    const asBase: Expr = { e: "convert", type: base, x: gen, checked: false, loc: l.loc(call) };
    const next: Expr = steps ? { e: "call", type: steps.next.ret, fn: steps.next.cname, args: [asBase] } : genNext(l, gen, call);
    return { e: "bind", type: next.type, name: g, value: recv, body: { e: "seq", type: next.type, xs: [{ e: "assign", type: { k: "dyn" }, target: field(asBase, "sent", { k: "dyn" }), value: sent }, next] } };
  }
  if (steps) return { e: "call", type: steps.close.ret, fn: steps.close.cname, args: [{ e: "convert", type: { k: "class", cls: genClass(l, elem!.type, call).cls }, x: recv, checked: false, loc: l.loc(call) }] };
  return genClose(l, recv, call);
}
