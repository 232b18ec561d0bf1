/**
 * rc.ts: reference counting of class instances and arrays (docs/design/memory.md).
 *
 * Input:  the lowered IR Program (after every lower/ pass, before emitting).
 * Output: the same Program with retains and releases inserted as calls to
 *         runtime/tsos_rc.h (`tsos_retain`, `tsos_release`), and the C of
 *         each class's field-release function (emit-program.ts asks for it);
 *         Program.releaseFree, the functions that release nothing
 *         (specialize.ts drops the counts of their callbacks' arguments).
 * Invariants:
 *   - Counted types: a pointer to a class with a header, an array (same
 *     header, runtime/tsos_rt.h), either nullable (NULL / address 1 are not
 *     objects), and a view (its object).
 *   - A count too high is a leak, too low a use-after-free: every reference
 *     that flows somewhere this pass does not follow is retained and never
 *     released ("pinned").
 */
import type { ClassInst, Expr, Field, Func, Program, Stmt, Type } from "./ir.ts";
import { T, hasObjectHeader, mapChildExprs, walkExprs } from "./ir.ts";
import { assignsVariable } from "./eval-order.ts";
import { HEAP_INTRINSIC_FNS } from "./lower/heap-intrinsics.ts";
import { helperBorrows, helperReturnsFresh } from "./rc-helpers.ts";
import { STR_RELEASE, STR_RETAIN, borrowsStrings, countedString, stringFormIsMade } from "./rc-strings.ts";
import { countedCompoundsToAssigns, isLocalAppend } from "./rc-compounds.ts";
import { privateArrays } from "./rc-private-arrays.ts";
import { movePushedLocals } from "./rc-push-moves.ts";
import { type MayThrow, mayThrowCall, mayThrowOf, mayThrowWithin } from "./rc-unwind.ts";

/**
 * How a value of type `t` holds a counted object: "ptr" a class pointer (or
 * that pointer nullable), "view" the `obj` of a view's fat pointer (or of a
 * nullable view); undefined: not counted (pinned where it holds one).
 */
export function countKind(t: Type): "ptr" | "view" | "str" | "cell" | "union" | "dyn" | undefined {
  if (countedString(t)) return "str";
  const inner = t.k === "nullable" ? t.inner : t;
  // `unknown` (hosted): runtime/tsos_dyn.h counts the string or object it holds.
  if (inner.k === "dyn") return t.k === "nullable" ? "union" : "dyn";
  // A union (or a nullable union, its tagged struct) that may hold a counted member: per-type helpers (unionCountFunctions).
  if (inner.k === "union") return inner.members.some(counted) ? "union" : undefined;
  if (inner.k === "class") return countedClassInst(inner.cls) ? "ptr" : undefined;
  if (inner.k === "array") return "ptr";
  if (inner.k === "view") return "view";
  // Hosted function values are closure objects with the object header (rc-closures.ts); kernel ones raw code pointers.
  if (inner.k === "fn") return functionValuesCounted ? "ptr" : undefined;
  if (inner.k === "cell") return inner.counted ? "cell" : undefined;
  return undefined;
}

/** Whether function values are counted closure objects: the hosted target (set by countReferences). */
let functionValuesCounted = false;

/** Whether the pass counts the reference a value of type `t` holds. */
export function counted(t: Type): boolean {
  return countKind(t) !== undefined;
}

function countedClassInst(c: ClassInst): boolean {
  return hasObjectHeader(c) && !c.layout;
}

/** A field whose reference the object owns: released when the object is dropped. */
export function countedField(f: Field): boolean {
  return !f.inline && !f.keyOrder && !f.weak && counted(f.type);
}

/** The C lvalue of a weak field's object pointer (runtime/tsos_weak.h's slot), from the C of the object. */
export function weakSlot(obj: string, f: Field): string {
  const inner = f.type.k === "nullable" ? f.type.inner : f.type;
  return `(tsos_weak_ptr *)&${obj}->${f.name}${inner.k === "view" ? ".obj" : ""}`;
}

/** The C function that releases the references `c`'s own fields hold, then its base's. */
export function releaseFieldsFunction(c: ClassInst): string[] {
  const own = c.fields.filter(countedField);
  const weak = c.fields.filter((f) => f.weak);
  const out = [`static void tsos_release_fields__${c.cname}(void *p) {`];
  // A generator's coroutine goes first, before any field it may still read (runtime/tsos_gen.h tsos_gen_free: a
  // suspended body may leave, reading the object): the most derived class frees it, then clears the field, so its
  // base's release finds it gone.
  let coroutine = false;
  for (let k: ClassInst | undefined = c; k; k = k.base) {
    const co = k.fields.find((f) => f.coroutine);
    if (co) out.push(`  { ${k.cname} *g = p; tsos_gen_free(g->${co.name}); g->${co.name} = NULL; }`);
    coroutine ||= co !== undefined;
  }
  if (own.length || weak.length) out.push(`  ${c.cname} *o = p;`);
  for (const f of own) {
    const k = countKind(f.type);
    out.push(k === "str" || k === "union" || k === "dyn" || k === "cell" ? `  ${releaseName(f.type)}(o->${f.name});` : `  tsos_release(o->${f.name}${k === "view" ? ".obj" : ""});`);
  }
  // A weak field leaves the table of weak references with its object.
  for (const f of weak) out.push(`  tsos_weak_forget(${weakSlot("o", f)});`);
  out.push(c.base ? `  tsos_release_fields__${c.base.cname}(p);` : own.length || weak.length || coroutine ? "" : "  (void)p;");
  out.push("}");
  return out.filter((x) => x !== "");
}

/**
 * The C function that shows the cycle collector (runtime/tsos_cycles.h) the
 * references `c`'s fields hold, then its base's: the same fields
 * releaseFieldsFunction releases. Emitted for the classes in cyclicTypes
 * and their bases (a derived class calls its base's); the descriptor points
 * at it only for a class in cyclicTypes.
 */
export function traceFieldsFunction(c: ClassInst): string[] {
  // Strings refer to nothing: they are never part of a cycle.
  const own = c.fields.filter((f) => countedField(f) && countKind(f.type) !== "str");
  const out = [`__attribute__((unused)) static void tsos_trace__${c.cname}(void *p, void (*visit)(tsos_obj *)) {`];
  if (own.length) out.push(`  ${c.cname} *o = p;`);
  for (const f of own) {
    const k = countKind(f.type);
    if (k === "union" || k === "dyn") {
      out.push(`  ${unionVisit(f.type, `o->${f.name}`)}`);
      continue;
    }
    // A cell's object starts TSOS_CELL_HEAD bytes before the value it points at (rc-closures.ts).
    const ref = k === "cell" ? `((char *)(void *)o->${f.name} - TSOS_CELL_HEAD)` : `o->${f.name}${k === "view" ? ".obj" : ""}`;
    out.push(k === "cell" ? `  if (o->${f.name}) visit((tsos_obj *)(void *)${ref});` : `  if ((uintptr_t)${ref} > 1) visit((tsos_obj *)(void *)${ref});`);
  }
  out.push(c.base ? `  tsos_trace__${c.base.cname}(p, visit);` : own.length ? "" : "  (void)p;");
  if (!c.base && !own.length) out.push("  (void)visit;");
  out.push("}");
  return out.filter((x) => x !== "");
}

/**
 * The classes and array types whose instances can be part of a reference
 * cycle: those that can reach an instance of themselves through counted
 * fields and elements. A field or element of a class type reaches that
 * class and its subclasses; one of an interface or object type (a view)
 * may hold any class; one of an array type reaches that array type (a
 * tree's `children: Node[]` with `parent` pointers is a cycle through an
 * array). Only these are shown to the cycle collector: releasing an
 * instance of any other class or array type never makes it a possible
 * root, which keeps the collector off acyclic data (a `Box`, a `number[]`).
 */
export function cyclicTypes(classes: ClassInst[], arrays: { elem: Type; cname: string }[]): { classes: Set<ClassInst>; arrays: Set<string> } {
  type Node = ClassInst | string;
  const heapClasses = classes.filter(countedClassInst);
  const subclasses = new Map<ClassInst, ClassInst[]>(heapClasses.map((c) => [c, []]));
  for (const c of heapClasses) for (let b = c.base; b; b = b.base) subclasses.get(b)?.push(c);
  const reaches = (t: Type, out: Node[]): void => {
    const inner = t.k === "nullable" ? t.inner : t;
    if (inner.k === "union") for (const m of inner.members) reaches(m, out);
    else if (inner.k === "dyn") out.push(...heapClasses, ...arrays.map((a) => a.cname));
    else if (inner.k === "view" || inner.k === "fn") out.push(...heapClasses);
    else if (inner.k === "class" && countedClassInst(inner.cls)) out.push(inner.cls, ...(subclasses.get(inner.cls) ?? []));
    else if (inner.k === "array") out.push(inner.cname);
  };
  const edges = new Map<Node, Node[]>();
  for (const c of heapClasses) {
    const out: Node[] = [];
    for (let k: ClassInst | undefined = c; k; k = k.base) for (const f of k.fields) if (countedField(f)) reaches(f.type, out);
    edges.set(c, out);
  }
  for (const a of arrays) {
    const out: Node[] = [];
    if (counted(a.elem)) reaches(a.elem, out);
    edges.set(a.cname, out);
  }
  const cyclic = new Set<Node>();
  for (const start of edges.keys()) {
    const seen = new Set<Node>();
    const stack = [...edges.get(start)!];
    while (stack.length) {
      const d = stack.pop()!;
      if (d === start) {
        cyclic.add(start);
        break;
      }
      if (seen.has(d)) continue;
      seen.add(d);
      stack.push(...(edges.get(d) ?? []));
    }
  }
  return { classes: new Set(heapClasses.filter((c) => cyclic.has(c))), arrays: new Set(arrays.map((a) => a.cname).filter((n) => cyclic.has(n))) };
}

/**
 * What a counted value is, where it is produced:
 *   fresh    a +1 reference the consumer owns (`new`, a call of a function
 *            of this program): it must be stored, released or leaked;
 *   stable   a borrowed reference that stays valid until the end of the
 *            current statement, whatever the statement calls (a counted
 *            local or parameter, a global, or anything pinned);
 *   unstable a borrowed reference that a call could free (a field, an
 *            element, a value read from a view, `unknown` or a closure).
 */
type Own = "fresh" | "stable" | "unstable";

interface Scope {
  kind: "fn" | "block" | "loop" | "switch" | "label" | "forinit";
  label?: string;
  decls: string[];
  /** A protected block (`try`): a throw inside it, before its `catch` marker, lands in its handler. */
  protects?: boolean;
}

const RETAIN = "tsos_retain";
const RELEASE = "tsos_release";

function call(fn: string, type: Type, x: Expr): Expr {
  return { e: "call", type, fn, args: [x] };
}
const retainFn = { view: "tsos_retain_view", cell: "tsos_retain_cell", str: STR_RETAIN, ptr: RETAIN } as const;
const releaseFn = { view: "tsos_release_view", cell: "tsos_release_cell", str: STR_RELEASE, ptr: RELEASE } as const;
/** The C struct name of a union or nullable union type (its helpers' suffix). */
function unionCname(t: Type): string {
  return t.k === "nullable" ? t.cname! : (t as Extract<Type, { k: "union" }>).cname;
}
const UNION_RETAIN = "tsos_retain_u__";
const UNION_RELEASE = "tsos_release_u__";
const UNION_VISIT = "tsos_visit_u__";
/** The C function that retains a value of type `t` and yields it. */
export function retainName(t: Type): string {
  const k = countKind(t) ?? "ptr";
  return k === "union" ? UNION_RETAIN + unionCname(t) : k === "dyn" ? "tsos_dyn_retain" : retainFn[k];
}
/** The C function that releases a value of type `t`. */
export function releaseName(t: Type): string {
  const k = countKind(t) ?? "ptr";
  return k === "union" ? UNION_RELEASE + unionCname(t) : k === "dyn" ? "tsos_dyn_release" : releaseFn[k];
}
const isRetain = (fn: string): boolean =>
  fn === RETAIN || fn === "tsos_retain_view" || fn === "tsos_retain_cell" || fn === STR_RETAIN || fn === "tsos_dyn_retain" || fn.startsWith(UNION_RETAIN);
const isRelease = (fn: string): boolean =>
  fn === RELEASE || fn === "tsos_release_view" || fn === "tsos_release_cell" || fn === STR_RELEASE || fn === "tsos_dyn_release" || fn.startsWith(UNION_RELEASE);
const retain = (x: Expr): Expr => call(retainName(x.type), x.type, x);
const release = (x: Expr): Expr => call(releaseName(x.type), T.void, x);

/**
 * The C helpers that count a union or nullable union value: retain (yields
 * the value), release, and visit (shows the cycle collector the object a
 * member holds), each choosing the member by the tag. Emitted after the
 * union and optional structs; `TSOS_ELEM_*_4` dispatches on the element
 * type for arrays of them (runtime/tsos_rt.h).
 */
export function unionCountFunctions(p: Program): string[] {
  const out: string[] = [];
  const kinds: string[] = [];
  const member = (t: Type, v: string, what: "retain" | "release" | "visit"): string => {
    const k = countKind(t);
    if (k === "str") return what === "visit" ? "" : `${what === "retain" ? STR_RETAIN : STR_RELEASE}(${v});`;
    if (k === "dyn") return what === "visit" ? `tsos_dyn_visit(${v}, visit);` : `(void)tsos_dyn_${what}(${v});`;
    if (k === "ptr" || k === "view") {
      const obj = k === "view" ? `${v}.obj` : `(void *)${v}`;
      if (what === "retain") return `(void)tsos_retain_obj(${obj});`;
      if (what === "release") return `tsos_release(${obj});`;
      return `if ((uintptr_t)${obj} > 1) visit((tsos_obj *)(void *)${obj});`;
    }
    return "";
  };
  const emit = (cname: string, type: string, body: (what: "retain" | "release" | "visit") => string): void => {
    kinds.push(cname);
    out.push(`__attribute__((unused)) static inline ${type} ${UNION_RETAIN}${cname}(${type} u) { ${body("retain")} return u; }`);
    out.push(`__attribute__((unused)) static inline void ${UNION_RELEASE}${cname}(${type} u) { ${body("release")} }`);
    out.push(`__attribute__((unused)) static inline void ${UNION_VISIT}${cname}(${type} u, void (*visit)(tsos_obj *)) { (void)visit; ${body("visit")} }`);
  };
  const unionBody = (u: Extract<Type, { k: "union" }>, v: string) => (what: "retain" | "release" | "visit"): string =>
    `switch (${v}.tag) { ${u.members.map((m, i) => { const c = member(m, `${v}.u.m${i}`, what); return c ? `case ${i}: ${c} break; ` : ""; }).join("")}default: break; }`;
  for (const u of p.unionTypes) {
    const t: Extract<Type, { k: "union" }> = { k: "union", members: u.members, cname: u.cname };
    if (countKind(t) === "union") emit(u.cname, u.cname, unionBody(t, "u"));
  }
  for (const o of p.optTypes) {
    // `unknown | undefined` and a nullable union: their tagged struct holds the value when the tag says so.
    if (o.inner.k === "dyn") emit(o.cname, o.cname, (what) => `if (u.tag == TSOS_TAG_SOME) { ${member(o.inner, "u.value", what)} }`);
    if (o.inner.k !== "union" || countKind(o.inner) !== "union") continue;
    const inner = unionBody(o.inner, "u.value");
    emit(o.cname, o.cname, (what) => `if (u.tag == TSOS_TAG_SOME) { ${inner(what)} }`);
  }
  if (!kinds.length) return out;
  const generic = (what: string, call: (c: string) => string) => `_Generic((x), ${kinds.map((c) => `${c}: ${call(c)}`).join(", ")})`;
  out.push(`#define TSOS_ELEM_RETAIN_4(x) ((void)${generic("retain", (c) => UNION_RETAIN + c)}(x))`);
  out.push(`#define TSOS_ELEM_RELEASE_4(x) ${generic("release", (c) => UNION_RELEASE + c)}(x)`);
  out.push(`#define TSOS_ELEM_VISIT_4(x, visit) ${generic("visit", (c) => UNION_VISIT + c)}(x, visit)`);
  return out;
}

/** The C that shows the collector what a counted union value `ref` of type `t` holds. */
export function unionVisit(t: Type, ref: string): string {
  if (countKind(t) === "dyn") return `tsos_dyn_visit(${ref}, visit);`;
  return `${UNION_VISIT}${unionCname(t)}(${ref}, visit);`;
}
const releaseStmt = (name: string, type: Type, loc: number): Stmt => ({ s: "expr", x: release({ e: "local", type, name }), loc });

let tempCounter = 0;

/**
 * Static counts of what the pass did (`tsos emit-c --rc-stats`): the
 * retains and releases it wrote, and the ones it left out: counted
 * parameters borrowed from the caller, locals that borrow instead of owning,
 * fresh values moved into their owner, and returned locals moved out.
 */
export interface RcStats {
  retains: number;
  releases: number;
  borrowedParams: number;
  borrowedLocals: number;
  movedIn: number;
  movedOut: number;
}

let stats: RcStats = newStats();
/** The counts of the last program countReferences rewrote. */
export function lastRcStats(): RcStats {
  return stats;
}
function newStats(): RcStats {
  return { retains: 0, releases: 0, borrowedParams: 0, borrowedLocals: 0, movedIn: 0, movedOut: 0 };
}

/**
 * Insert reference counting into every function of the program; returns
 * the static counts. The functions in `noFree` (lower/no-alloc.ts
 * noFreeFunctions: reachable from an interrupt handler or the global
 * allocator) must never free: there the pass releases nothing (their locals
 * borrow, their temporaries are leaked, an overwritten element is leaked),
 * except the old value of an overwritten counted field, which no-alloc.ts
 * reports.
 */
export function countReferences(p: Program, noFree: Set<string> = new Set()): RcStats {
  stats = newStats();
  functionValuesCounted = p.target === "host";
  tempCounter = 0; // temporaries are named per program: the same program always gives the same C
  // Functions whose counted result is +1 (this pass makes every counted return +1).
  const funcs = new Map(p.funcs.map((f) => [f.cname, f]));
  const ctors = new Set<string>();
  for (const f of p.funcs) {
    if (f.ctor) ctors.add(f.cname);
    walkAll(f.body, (x) => { if (x.e === "new") ctors.add(x.init); });
  }
  // A call through a view runs a table function of this program (lower/views.ts thunks): +1 when every table's is.
  const freshSlots = new Set<string>();
  const bySlot = new Map<string, boolean>();
  for (const t of p.viewTables) {
    t.view.slots.forEach((slot, i) => {
      const key = `${t.view.cname}|${slot.name}`;
      const fn = funcs.get(t.fns[i]!);
      const ok = fn !== undefined && counted(fn.ret) && counted(slot.ret);
      bySlot.set(key, (bySlot.get(key) ?? true) && ok);
    });
  }
  for (const [key, ok] of bySlot) if (ok) freshSlots.add(key);
  // Calls through function values: when every function value's code is a function of this program (not a
  // constructor), the callee borrows its arguments and returns +1, as a direct call does.
  let fnValuesKnown = true;
  const known = (fn: string): void => { if (!funcs.has(fn) || ctors.has(fn)) fnValuesKnown = false; };
  for (const f of p.funcs) walkAll(f.body, (x) => { if (x.e === "fnref" || x.e === "closure") known(x.fn); });
  for (const g of p.globals) for (const e of g.staticObject?.elems ?? []) walkAll([{ s: "expr", x: e, loc: 0 }], (x) => { if (x.e === "fnref" || x.e === "closure") known(x.fn); });
  const writeOnce = writeOnceFields(p);
  const reassigned = reassignedGlobals(p);
  for (const f of p.funcs) f.body = countedCompoundsToAssigns(f.body, counted, p.target === "host");
  const moves = constructorMoves(p, ctors);
  quietFunctions = releaseFreeFunctions(p, funcs);
  p.releaseFree = quietFunctions;
  const mayThrow = mayThrowOf(p);
  p.mayThrow = mayThrow;
  for (const f of p.funcs) {
    f.body = new FnPass(f, funcs, ctors, freshSlots, fnValuesKnown, writeOnce, reassigned, moves, noFree.has(f.cname), mayThrow).run();
    stats.borrowedParams += f.params.filter((q) => counted(q.type)).length;
    walkAll(f.body, (x) => {
      if (x.e !== "call") return;
      if (isRetain(x.fn)) stats.retains++;
      else if (isRelease(x.fn)) stats.releases++;
    });
  }
  return stats;
}

/**
 * The counted fields (by name, over all classes) that no code outside a
 * constructor writes: never the target of an assignment, a compound
 * assignment or an atomic operation, and their address never taken (`addrof`,
 * `Ptr.to`), except by a constructor on the object it builds. A constructor
 * runs only on new storage, so once an object is built such a field keeps
 * its value for the object's life (TypeScript's `readonly` is not trusted: a readonly field
 * can be written through a mutable alias type).
 */
function writeOnceFields(p: Program): Set<string> {
  const names = new Set<string>();
  const written = new Set<string>();
  for (const c of p.classes) for (const f of c.fields) if (countedField(f)) names.add(f.name);
  const mark = (t: Expr | undefined): void => { if (t?.e === "field") written.add(t.name); };
  for (const f of p.funcs) {
    // A constructor may write the fields of the object it builds (its first parameter), not those of another.
    const self = f.ctor ? f.params[0]?.name : undefined;
    const ownField = (t: Expr): boolean => t.e === "field" && sameObject(t.obj).e === "local" && (sameObject(t.obj) as { name: string }).name === self;
    walkAll(f.body, (x) => {
      if ((x.e === "assign" || x.e === "compound") && self !== undefined && ownField(x.target)) return;
      if (x.e === "assign" || x.e === "compound") mark(x.target);
      else if (x.e === "addrof") mark(x.x);
      else if (x.e === "atomic") { mark(x.target); x.args.forEach(mark); }
      else if (x.e === "ptrop" || x.e === "intrinsic") { mark(x.e === "ptrop" ? x.ptr : undefined); x.args.forEach(mark); }
    });
  }
  return new Set([...names].filter((n) => !written.has(n)));
}

/**
 * The module-level variables that code other than module initialisation
 * assigns (or takes the address of): a call may replace and release their
 * value, so a read of one is unstable. The others change only in their
 * module's top-level code, which runs once before anything reads them.
 */
function reassignedGlobals(p: Program): Set<string> {
  const out = new Set<string>();
  for (const f of p.funcs) {
    if (f.moduleInit) continue;
    walkAll(f.body, (x) => {
      const t = x.e === "assign" || x.e === "compound" ? x.target : x.e === "addrof" ? x.x : undefined;
      if (t?.e === "global") out.add(t.name);
    });
  }
  return out;
}

/**
 * At exit, in the builds that count objects or check for leaks, every
 * module-level variable gives its reference back (in reverse order of
 * declaration), so that a program ends with nothing alive but what leaked.
 * A static object or array is never freed (its count stays above
 * TSOS_RC_STATIC / 2); emit-program.ts releases what it holds.
 */
export function globalReleases(p: Program, used: Set<string>): Stmt[] {
  return [...p.globals].reverse()
    .filter((g) => used.has(g.cname) && counted(g.type))
    .map((g) => ({ s: "expr", x: release({ e: "global", type: g.type, name: g.cname }), loc: 0 }));
}

function walkAll(list: Stmt[], visit: (x: Expr) => void): void {
  walkExprs(list, (x) => visit(x));
}

/** A closure on the stack (never freed, never counted), through conversions that keep the pointer. */
function stackClosure(x: Expr): boolean {
  const y = sameObject(x);
  return y.e === "closure" && !y.heap;
}

/** A cell that is the address of a captured variable's slot (ref mode), which owns its value. */
/** Whether a loop step makes a counted value that needs a statement temporary (a call's, `new`'s or a string's result). */
const COUNTED_MAKERS = new Set(["call", "viewcall", "callptr", "new", "concat", "strpad", "tostr", "numlist", "arraylit", "newarray"]);
function makesCounted(x: Expr): boolean {
  let makes = false;
  let cell = false; // a fresh binding's new cell (freshBinding) is counted by the step itself
  walkAll([{ s: "expr", x, loc: 0 }], (y) => {
    if (y.e === "newcell") cell = true;
    else if (counted(y.type) && COUNTED_MAKERS.has(y.e)) makes = true;
  });
  return makes && !cell;
}

/**
 * `list` (a loop's body) with each `continue` of that loop (unlabelled and not in a nested loop, or naming
 * `ownLabel`) made `break label`, and whether there was one.
 */
function continuesToBreaks(list: Stmt[], label: string, ownLabel: string | undefined): [Stmt[], boolean] {
  let found = false;
  const go = (xs: Stmt[], nested: boolean): Stmt[] => xs.map((st): Stmt => {
    switch (st.s) {
      case "continue":
        if ((!st.label && !nested) || (st.label !== undefined && st.label === ownLabel)) {
          found = true;
          return { s: "break", label, loc: st.loc };
        }
        return st;
      case "if": return { ...st, then: go(st.then, nested), else: st.else && go(st.else, nested) };
      case "block": return { ...st, body: go(st.body, nested) };
      case "switch": return { ...st, cases: st.cases.map((k) => ({ ...k, body: go(k.body, nested) })) };
      case "while": case "dowhile": return { ...st, body: go(st.body, true) };
      case "for": return { ...st, init: go(st.init, true), body: go(st.body, true) };
      default: return st;
    }
  });
  const out = go(list, false);
  return [out, found];
}

function ownsSlot(t: Type): boolean {
  return t.k === "cell" && t.slot === true && counted(t.elem);
}

/** The locals initialized with a closure on the stack (lower/closures.ts gives one only to a never-assigned `const`). */
function stackClosureLocals(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  const visit = (list: Stmt[]): void => {
    for (const s of list) {
      switch (s.s) {
        case "let": {
          const init = s.init && sameObject(s.init);
          if (init?.e === "closure" && !init.heap) out.add(s.name);
          break;
        }
        case "if": visit(s.then); if (s.else) visit(s.else); break;
        case "while": case "dowhile": visit(s.body); break;
        case "for": visit(s.init); visit(s.body); break;
        case "block": visit(s.body); break;
        case "switch": for (const c of s.cases) visit(c.body); break;
      }
    }
  };
  visit(body);
  return out;
}

/** Strips conversions that keep the same object pointer. */
function sameObject(x: Expr): Expr {
  while (counted(x.type) && isSameObject(x) && counted(x.x.type)) x = x.x;
  return x;
}

/** Conversions whose result holds the same object as their operand: a class pointer seen as a base, nullable, or view, and back. */
function isSameObject(x: Expr): x is Extract<Expr, { e: "convert" | "some" | "unwrap" | "reopt" | "mkview" | "review" | "viewobj" }> {
  return x.e === "convert" || x.e === "some" || x.e === "unwrap" || x.e === "reopt" || x.e === "mkview" || x.e === "review" || x.e === "viewobj";
}

class FnPass {
  private readonly params: Set<string>;
  /** Managed locals and parameters of string type. */
  private readonly stringLocals = new Set<string>();
  /** Locals of counted type that own their reference: released at scope exit. */
  private readonly managed = new Set<string>();
  /**
   * Locals of counted type that hold no reference of their own: nothing is
   * released while they are live (borrowedLocals).
   */
  private readonly borrowed = new Set<string>();
  /** Local arrays only this function reaches: their elements are stable (rc-private-arrays.ts). */
  private readonly privateArrays: Set<string>;
  private readonly scopes: Scope[] = [];
  /** Statement temporaries: declared before the current statement, released after it. */
  private pre: Stmt[] = [];
  private post: Stmt[] = [];
  /** Inside a loop condition or step: no statement temporaries (values that need one are leaked). */
  private noTemps = false;
  /** Names bound by `let`/`bind` expressions in scope, with what their value is. */
  private readonly bound = new Map<string, Own>();
  private loc = 0;
  /** Inside withTemps: statement temporaries can be had, and a statement's unwind block can follow it. */
  private tempDepth = 0;
  /** The current statement's unwind block (rc-unwind.ts): its label, and what it does after releasing the temporaries. */
  private unwind: { label: string; tail: Stmt[] } | undefined;

  /**
   * noFree: nothing is freed while this function runs (it and everything it
   * calls release nothing), so every value is stable and every local borrows.
   */
  constructor(private readonly f: Func, private readonly funcs: Map<string, Func>, private readonly ctors: Set<string>, private readonly freshSlots: Set<string>, private readonly fnValuesKnown: boolean, private readonly writeOnce: Set<string>, private readonly reassignedGlobals: Set<string>, private readonly moves: ConstructorMoves, private readonly noFree = false, private readonly mayThrow?: MayThrow) {
    this.params = new Set(f.params.map((p) => p.name));
    this.findManaged();
    // A string local always owns its reference (outside noFree code): a fresh string stored in it must be released.
    const candidates = noFree ? new Set(this.managed) : new Set([...borrowedLocals(f, this.managed, funcs)].filter((n) => !this.stringLocals.has(n)));
    for (const n of candidates) {
      if (!this.params.has(n)) stats.borrowedLocals++;
      this.borrowed.add(n);
      this.managed.delete(n);
    }
    // A local that holds a closure on the stack (its only value: lower/closures.ts gives one only to a `const`
    // used for calls) counts nothing: the closure is never freed and dies with its block.
    // A ref-mode slot owns its value: cellStore releases what it overwrites.
    walkAll(f.body, (x) => {
      if (x.e === "addrof" && ownsSlot(x.type) && x.x.e === "local" && this.borrowed.has(x.x.name)) {
        this.borrowed.delete(x.x.name);
        if (!noFree) this.managed.add(x.x.name);
      }
    });
    for (const n of stackClosureLocals(f.body)) {
      this.borrowed.add(n);
      this.managed.delete(n);
    }
    this.privateArrays = privateArrays(f, new Set([...this.managed, ...this.borrowed]));
  }

  run(): Stmt[] {
    // An assigned parameter becomes an owned local: retained on entry, then counted like a `let`.
    const scope: Scope = { kind: "fn", decls: [] };
    const entry: Stmt[] = [];
    for (const p of this.f.params) {
      if (!this.managed.has(p.name)) continue;
      stats.borrowedParams--;
      this.localTypes.set(p.name, p.type);
      scope.decls.push(p.name);
      entry.push({ s: "expr", x: retain({ e: "local", type: p.type, name: p.name }), loc: this.f.loc });
    }
    this.loc = this.f.loc;
    const body = this.block(this.f.body, scope);
    return [...entry, ...body];
  }

  /**
   * A local is managed when every write to it is one this pass sees: declared
   * by `let` in an ordinary block or a switch case that no other case of its
   * switch mentions (not directly in a protected region), its address never taken, never the target of a
   * compound assignment, never rebound by a `let`/`bind` expression, and not
   * a parameter.
   */
  private findManaged(): void {
    const candidates = new Set<string>();
    const bad = new Set<string>();
    // Parameters that are assigned (anything else about them is checked as for locals below).
    const assigned = new Set<string>();
    walkAll(this.f.body, (x) => { if ((x.e === "assign" || (x.e === "compound" && isLocalAppend(x))) && x.target.e === "local") assigned.add(x.target.name); });
    for (const p of this.f.params) {
      if (countedString(p.type)) this.stringLocals.add(p.name);
      // A constructor's assigned parameter too (`if (den < 0n) num = -num`), not its `self` (never assigned;
      // constructorMoves never takes an assigned parameter).
      if (counted(p.type) && assigned.has(p.name) && !(this.f.ctor && p === this.f.params[0]) && !this.f.interrupt) candidates.add(p.name);
      else bad.add(p.name);
    }
    const scan = (list: Stmt[], direct: (name: string) => boolean): void => {
      for (const s of list) {
        switch (s.s) {
          case "let":
            if (countedString(s.type)) this.stringLocals.add(s.name);
            if (counted(s.type) && direct(s.name)) candidates.add(s.name);
            else bad.add(s.name);
            break;
          case "if": scan(s.then, ok); if (s.else) scan(s.else, ok); break;
          case "while": case "dowhile": scan(s.body, ok); break;
          case "for": scan(s.init, ok); scan(s.body, ok); break;
          // A protected block's own locals: those of its region are released at its catch marker (stmt "catch").
          case "block": scan(s.body, ok); break;
          // A case's own locals are released when its statements end (or a break or return leaves them), so only
          // those that no other case mentions: JavaScript lets a later case read them after falling through.
          case "switch": {
            const mentioned = s.cases.map((c) => localsIn(c.body));
            s.cases.forEach((c, i) => scan(c.body, (name) => mentioned.every((m, j) => j === i || !m.has(name))));
            break;
          }
        }
      }
    };
    const ok = (): boolean => true;
    scan(this.f.body, ok);
    walkAll(this.f.body, (x) => {
      // `&*p` is the cell p itself, not the address of a local; a ref-mode slot is written only through its cell (cellStore).
      if (x.e === "addrof" && x.x.e !== "deref" && !ownsSlot(x.type)) walkAll([{ s: "expr", x: x.x, loc: 0 }], (y) => { if (y.e === "local") bad.add(y.name); });
      // `s += x` on a string local is an append this pass counts (rc-compounds.ts localAppend); any other compound is not seen.
      if (x.e === "compound" && x.target.e === "local" && !isLocalAppend(x)) bad.add(x.target.name);
      if (x.e === "let" || x.e === "bind") bad.add(x.name);
    });
    for (const n of candidates) if (!bad.has(n)) this.managed.add(n);
  }

  // ---- statements ----

  private block(list: Stmt[], scope: Scope): Stmt[] {
    this.scopes.push(scope);
    const out: Stmt[] = [];
    for (const s of list) out.push(...this.stmt(s));
    const last = out[out.length - 1];
    const jumps = last && (last.s === "return" || last.s === "break" || last.s === "continue" || last.s === "raise");
    if (!jumps) out.push(...this.releaseScopes(1));
    this.scopes.pop();
    const moved = movePushedLocals(out, scope.decls, retainName, releaseName);
    if (moved !== out) stats.movedIn++;
    return moved;
  }

  /** Releases of the managed locals of the innermost `n` scopes, innermost first. */
  private releaseScopes(n: number, except?: string): Stmt[] {
    const out: Stmt[] = [];
    for (let i = this.scopes.length - 1; i >= this.scopes.length - n && i >= 0; i--) {
      const decls = this.scopes[i]!.decls;
      for (let j = decls.length - 1; j >= 0; j--) {
        const name = decls[j]!;
        if (name === except) { except = undefined; continue; }
        out.push(this.releaseLocal(name));
      }
    }
    return out;
  }

  private readonly localTypes = new Map<string, Type>();
  private releaseLocal(name: string): Stmt {
    return releaseStmt(name, this.localTypes.get(name)!, this.loc);
  }

  /** How many scopes a jump leaves: up to and including the first that `hit` accepts. */
  private depthTo(hit: (s: Scope) => boolean): number {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (hit(this.scopes[i]!)) return this.scopes.length - i;
    // A jump target this pass does not see: release nothing (a leak, never an early free).
    return 0;
  }

  /** The statement with its temporaries declared before it and released after it. */
  private withTemps(build: () => Stmt[]): Stmt[] {
    const savedPre = this.pre, savedPost = this.post, savedUnwind = this.unwind;
    this.pre = [];
    this.post = [];
    this.unwind = undefined;
    this.tempDepth++;
    const body = build();
    this.tempDepth--;
    const out = [...this.pre, ...body, ...this.post];
    const unwind = this.unwind as { label: string; tail: Stmt[] } | undefined; // set by build (unwindOf)
    // Reached only from a call that returned with an exception pending: the temporaries (declared zero, so
    // those not yet assigned release nothing), then what a `throw` here releases (docs/design/memory.md).
    if (unwind) out.push({ s: "unwind", label: unwind.label, body: [...this.post, ...unwind.tail] });
    this.pre = savedPre;
    this.post = savedPost;
    this.unwind = savedUnwind;
    return out;
  }

  /**
   * A call that may return with an exception pending (rc-unwind.ts) jumps to
   * its statement's unwind block. Not in a loop's condition or step (no
   * statement there to follow): there the emitter's test rethrows to the
   * nearest handler, leaving the frame's references. A generator's body
   * cannot return the exception (its caller is the resumer), so its unwind
   * block rethrows, as its own `throw` does, once the frame's references are
   * released.
   */
  private unwindOf(y: Expr): Expr {
    if (!this.mayThrow || this.noTemps || this.tempDepth === 0 || !mayThrowCall(this.mayThrow, y)) return y;
    if (!this.unwind) {
      const { n, inRegion } = this.throwDepth();
      this.unwind = { label: `tsos_unwind${tempCounter++}`, tail: [...this.releaseScopes(n), { s: "raise", rethrow: inRegion || !!this.f.coroutine }] };
    }
    return { ...y, unwind: this.unwind.label } as Expr;
  }

  /** How many scopes a throw here leaves (up to and including the innermost protected region), and whether it lands in one. */
  private throwDepth(): { n: number; inRegion: boolean } {
    let n = 0;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      n++;
      // The protected block's own region locals die with the jump too: its handler cannot see them.
      if (this.scopes[i]!.protects) return { n, inRegion: true };
    }
    return { n, inRegion: false };
  }

  /**
   * A condition with its temporaries: the statements that compute it into a
   * local and release them, and that local (no statements when it needs no
   * temporary: then the condition itself).
   */
  private condition(x: Expr, loc: number): [Stmt[], Expr] {
    let c = x;
    const stmts = this.withTemps(() => {
      c = this.value(x);
      if (!this.pre.length && !this.post.length) return [];
      const name = `tsos_rc${tempCounter++}`;
      const r: Stmt[] = [{ s: "let", name, type: x.type, init: c, loc }];
      c = { e: "local", type: x.type, name };
      return r;
    });
    return [stmts, c];
  }

  /**
   * The condition of a `while` or `for`: when it needs temporaries (a regex
   * literal tested, `(m = re.exec(s)) !== null`), it moves to the top of the
   * body as `if (!c) break;` after the statements that compute it, so they
   * run (and release) on every test; the loop's own test becomes `true`. A
   * `continue` still reaches it (a `for` runs its step first). Otherwise the
   * condition stays where it is.
   */
  private loopCondition(x: Expr, loc: number): [Stmt[], Expr] {
    if (x.type.k !== "bool" || this.noFree) return [[], this.templess(() => this.value(x))];
    const [pre, c] = this.condition(x, loc);
    if (!pre.length) return [[], c];
    const exit: Stmt = { s: "if", c: { e: "not", type: T.bool, x: c }, then: [{ s: "break", loc }], loc };
    return [[...pre, exit], { e: "bool", type: T.bool, value: true }];
  }

  /** `build` runs with temporaries forbidden (a loop condition or step). */
  private templess<X>(build: () => X): X {
    const saved = this.noTemps;
    this.noTemps = true;
    try {
      return build();
    } finally {
      this.noTemps = saved;
    }
  }

  private stmt(s: Stmt): Stmt[] {
    if ("loc" in s) this.loc = s.loc;
    switch (s.s) {
      case "let": {
        const out = this.withTemps(() => {
          if (!counted(s.type)) return [{ ...s, init: s.init && this.value(s.init) }];
          if (this.borrowed.has(s.name)) return [{ ...s, init: s.init && this.borrow(s.init) }];
          return [{ ...s, init: s.init && this.pin(s.init) }];
        });
        if (this.managed.has(s.name)) {
          this.localTypes.set(s.name, s.type);
          this.scopes[this.scopes.length - 1]!.decls.push(s.name);
        }
        return out;
      }
      case "expr":
        if (s.x.e === "call" && s.x.fn === "tsos_throw") return this.throwStmt(s, s.x);
        return this.withTemps(() => [{ ...s, x: this.discard(s.x, true) }]);
      case "catch": {
        // The region ends here: its locals are released (the handler, after the marker, is another C block
        // that cannot see them), and a throw in what follows is not caught by this block.
        const scope = this.scopes[this.scopes.length - 1];
        if (!scope) return [s];
        const releases = this.releaseScopes(1);
        scope.decls = [];
        scope.protects = false;
        return [...releases, s];
      }
      case "print":
        // A concatenation printed is printed part by part (emit-c.ts flattenConcat): never built, so not held.
        // An argument stays alive while the later ones are evaluated (`console.log(h.items, h.reset())`).
        return this.withTemps(() => [{ ...s, args: s.args.map((a, i) => (a.e === "concat" ? { ...a, parts: this.borrowStrings(a.parts, true) } : this.base(a, s.args.slice(i + 1)))) }]);
      case "if": {
        const [pre, c] = this.condition(s.c, s.loc);
        const then = this.block(s.then, { kind: "block", decls: [] });
        const els = s.else && this.block(s.else, { kind: "block", decls: [] });
        return [...pre, { ...s, c, then, else: els }];
      }
      case "while": {
        const [pre, c] = this.loopCondition(s.c, s.loc);
        const body = this.block(s.body, { kind: "loop", label: s.continueLabel, decls: [] });
        return [{ ...s, c, body: [...pre, ...body] }];
      }
      case "dowhile": {
        const body = this.block(s.body, { kind: "loop", label: s.continueLabel, decls: [] });
        const [pre, c] = this.loopCondition(s.c, s.loc);
        if (!pre.length) return [{ ...s, c, body }];
        // `do body while (c)` whose test needs temporaries: `while (true) { if (!first) test; first = false; body }`.
        const first = `tsos_rc${tempCounter++}`;
        const firstX: Expr = { e: "local", type: T.bool, name: first };
        const test: Stmt = { s: "if", c: { e: "not", type: T.bool, x: firstX }, then: pre, loc: s.loc };
        const clear: Stmt = { s: "expr", x: { e: "assign", type: T.bool, target: firstX, value: { e: "bool", type: T.bool, value: false } }, loc: s.loc };
        const loop: Stmt = { s: "while", c, body: [test, clear, ...body], continueLabel: s.continueLabel, loc: s.loc };
        return [{ s: "block", body: [{ s: "let", name: first, type: T.bool, init: { e: "bool", type: T.bool, value: true }, loc: s.loc }, loop] }];
      }
      case "for": {
        const scope: Scope = { kind: "forinit", decls: [] };
        this.scopes.push(scope);
        const init: Stmt[] = [];
        for (const i of s.init) init.push(...this.stmt(i));
        const [pre, c] = s.c ? this.loopCondition(s.c, s.loc) : [[], undefined];
        if (!this.noFree && s.step.some(makesCounted)) {
          // A step that makes a counted value (`w = prev.get(w) ?? null`) needs statement temporaries: it runs as
          // statements at the end of the body, and a `continue` of this loop leaves the body's block to reach them.
          const label = `tsos_step${tempCounter++}`;
          const [inner, continues] = continuesToBreaks(s.body, label, s.continueLabel);
          const steps: Stmt[] = s.step.map((x) => ({ s: "expr", x, loc: s.loc }));
          const list: Stmt[] = continues ? [{ s: "block", breakLabel: label, body: inner }, ...steps] : [...inner, ...steps];
          const body = [...pre, ...this.block(list, { kind: "loop", decls: [] })];
          const after = this.releaseScopes(1);
          this.scopes.pop();
          const loop: Stmt = { ...s, init: [], c, step: [], body, continueLabel: undefined };
          return [{ s: "block", body: [...init, loop, ...after] }];
        }
        const step = s.step.map((x) => this.step(x));
        const body = [...pre, ...this.block(s.body, { kind: "loop", label: s.continueLabel, decls: [] })];
        const after = this.releaseScopes(1);
        this.scopes.pop();
        if (!after.length) return [{ ...s, init, c, step, body }];
        return [{ s: "block", body: [...init, { ...s, init: [], c, step, body }, ...after] }];
      }
      case "break": {
        const n = s.label ? this.depthTo((k) => k.kind === "label" && k.label === s.label) : this.depthTo((k) => k.kind === "loop" || k.kind === "switch");
        return [...this.releaseScopes(n), s];
      }
      case "continue": {
        const n = s.label ? this.depthTo((k) => k.kind === "loop" && k.label === s.label) : this.depthTo((k) => k.kind === "loop");
        return [...this.releaseScopes(n), s];
      }
      case "return":
        return this.ret(s);
      case "block":
        return [{ ...s, body: this.block(s.body, { kind: s.breakLabel ? "label" : "block", label: s.breakLabel, decls: [], ...(s.tryId ? { protects: true } : {}) }) }];
      case "switch": {
        let x = s.x;
        const pre = this.withTemps(() => {
          x = this.value(s.x);
          if (!this.pre.length && !this.post.length) return [];
          const name = `tsos_rc${tempCounter++}`;
          const r: Stmt[] = [{ s: "let", name, type: s.x.type, init: x, loc: s.loc }];
          x = { e: "local", type: s.x.type, name };
          return r;
        });
        const cases = s.cases.map((k) => ({ ...k, values: k.values.map((v) => this.templess(() => this.value(v))), body: this.block(k.body, { kind: "switch", decls: [] }) }));
        return [...pre, { ...s, x, cases }];
      }
      default:
        return [s];
    }
  }

  /**
   * `tsos_throw(value, site)` (lower/exceptions.ts throwValue): the jump leaves
   * every scope up to and including the innermost protected region of this
   * function (all of them when there is none), so their managed locals are
   * released first, as a `return` releases them. The thrown local itself is the reference the
   * handler receives (its `caught` is fresh): it is not released.
   */
  private throwStmt(s: Extract<Stmt, { s: "expr" }>, x: Extract<Expr, { e: "call" }>): Stmt[] {
    const { n, inRegion } = this.throwDepth();
    const held = x.args[0]!;
    const releases = this.releaseScopes(n, held.e === "local" ? held.name : undefined);
    // Outside a protected region of its own, the exception returns: pending, to each caller in turn (rc-unwind.ts).
    if (!inRegion && this.mayThrow && !this.f.coroutine) {
      const pend: Expr = { ...x, fn: "tsos_pend", type: T.void };
      return [...releases, ...this.withTemps(() => [{ ...s, x: this.discard(pend, true) }]), { s: "raise", rethrow: false }];
    }
    return [...releases, ...this.withTemps(() => [{ ...s, x: this.discard(x, true) }])];
  }

  private ret(s: Extract<Stmt, { s: "return" }>): Stmt[] {
    const all = this.scopes.length;
    if (!s.x) return [...this.releaseScopes(all), s];
    // `return f()` where f returns nothing or never returns (an adapter of `() => { throw ... }`): C has no such
    // value to hold; the call is a statement and the return takes no value.
    if (s.x.type.k === "void" || s.x.type.k === "never") return [...this.stmt({ s: "expr", x: s.x, loc: s.loc }), ...this.ret({ ...s, x: undefined })];
    const inner = sameObject(s.x);
    // A returned counted local is moved out: neither retained nor released.
    if (inner.e === "local" && this.managed.has(inner.name) && !this.bound.has(inner.name)) {
      stats.movedOut++;
      return [...this.releaseScopes(all, inner.name), s];
    }
    // A constructor returns the storage it was given (directly, or through the constructor it delegates to: default arguments).
    const self = this.f.params[0]?.name;
    const isSelf = (y: Expr): boolean => {
      const z = sameObject(y);
      return z.e === "local" && z.name === self;
    };
    const isCtorSelf = this.ctors.has(this.f.cname) && self !== undefined && (isSelf(inner) || (inner.e === "call" && this.ctors.has(inner.fn) && inner.args.length > 0 && isSelf(inner.args[0]!)));
    let x = s.x;
    const body = this.withTemps(() => {
      x = counted(s.x!.type) && !isCtorSelf ? this.pin(s.x!) : this.value(s.x!);
      return [];
    });
    const releases = this.releaseScopes(all);
    if (!body.length && !releases.length) return [{ ...s, x }];
    const name = `tsos_rc${tempCounter++}`;
    return [...this.pre0(body, x, name, s.loc), ...releases, { ...s, x: { e: "local", type: s.x.type, name } }];
  }

  /** The statement temporaries of a return, with the value computed between them. */
  private pre0(temps: Stmt[], x: Expr, name: string, loc: number): Stmt[] {
    // withTemps gave [...pre, ...post]; put the value between them.
    const lets = temps.filter((t) => t.s === "let");
    const rest = temps.filter((t) => t.s !== "let");
    return [...lets, { s: "let", name, type: x.type, init: x, loc }, ...rest];
  }

  /**
   * A loop step: an assignment to a counted local releases the old value right after it. A comma step
   * (`prev = cur, cur = cur.next`) is one such step per part; a part that assigns and gives the assigned
   * value (`let v = cur in (prev = v, v)`, discarded) is the assignment itself.
   */
  private step(x: Expr): Expr {
    const fresh = this.freshBinding(x);
    if (fresh) return fresh;
    if (x.e === "seq") return { ...x, xs: x.xs.map((y) => this.step(discardedAssignment(y) ?? y)) };
    if (x.e === "assign" && x.target.e === "local" && this.managed.has(x.target.name) && !this.bound.has(x.target.name)) {
      const target = x.target;
      const value = this.templess(() => this.pin(x.value));
      const nv = `tsos_rc${tempCounter++}`, old = `tsos_rc${tempCounter++}`;
      const nvX: Expr = { e: "local", type: value.type, name: nv };
      return {
        e: "bind", type: T.void, name: nv, value,
        body: { e: "bind", type: T.void, name: old, value: target, body: { e: "seq", type: T.void, xs: [{ ...x, value: nvX }, release({ e: "local", type: target.type, name: old })] } },
      };
    }
    return this.templess(() => this.discard(x, false));
  }

  /**
   * The step lower/closures.ts adds to a `for` whose `let` is a cell: a new
   * cell for the next iteration, `let next = newcell in (*next = *x, x =
   * next)`. The new cell owns a reference to the copied value; the loop's
   * cell local moves to it and releases the previous one (which the
   * closures of that iteration may still hold).
   */
  private freshBinding(x: Expr): Expr | undefined {
    if (x.e !== "let" || x.init.e !== "newcell" || x.body.e !== "seq" || x.body.xs.length !== 2) return undefined;
    const [copy, move] = x.body.xs as [Expr, Expr];
    if (copy.e !== "assign" || move.e !== "assign" || move.target.e !== "local" || !this.managed.has(move.target.name)) return undefined;
    const target = move.target;
    const old = `tsos_rc${tempCounter++}`;
    const copied: Expr = { ...copy, value: counted(copy.type) ? retain(copy.value) : copy.value };
    const swap: Expr = { e: "bind", type: T.void, name: old, value: target, body: { e: "seq", type: T.void, xs: [move, release({ e: "local", type: target.type, name: old })] } };
    return { ...x, body: { e: "seq", type: T.void, xs: [copied, swap] } };
  }

  // ---- expressions ----

  /** A fresh value held until the end of the statement (or leaked where there are no temporaries). */
  private hold(x: Expr): Expr {
    if (this.noTemps || this.noFree) return x;
    const name = `tsos_rc${tempCounter++}`;
    this.pre.push({ s: "let", name, type: x.type, loc: this.loc });
    this.post.push(releaseStmt(name, x.type, this.loc));
    return { e: "assign", type: x.type, target: { e: "local", type: x.type, name }, value: x };
  }

  /** A value stored where a reference is owned: +1. */
  private pin(x: Expr): Expr {
    const [y, own] = this.visit(x);
    // null, a string literal (static: its count never changes) and a closure on the stack need no reference.
    if (!counted(x.type) || y.e === "nullish" || y.e === "str" || stackClosure(y)) return y;
    if (own === "fresh") {
      stats.movedIn++;
      return y;
    }
    return retain(y);
  }

  /**
   * The operands of one call or new object, in order, where those `moved`
   * become references the callee or object owns (`pin`) and the others are
   * given by `other`; `made` builds the call or object from them.
   *
   * An exception from a later operand (`[new Q(1), parse(s)]`, `{ input,
   * result: convert(input) }`) must not leave the references already made
   * for earlier ones with no owner. So when every operand before the last
   * that may throw is moved, and is an object or array pointer or
   * uncounted, those are evaluated in order into statement temporaries
   * first: the unwind block releases the ones assigned, and once the call or
   * object has them they are set to null, so that nothing releases them
   * twice. Otherwise (a rare mix) they are passed as they are.
   */
  private movedIn(xs: Expr[], moved: (i: number) => boolean, other: (a: Expr) => Expr, made: (args: Expr[]) => Expr): Expr {
    const plain = (): Expr => made(xs.map((a, i) => (moved(i) ? this.pin(a) : other(a))));
    if (!this.mayThrow || this.noTemps || this.noFree || this.tempDepth === 0 || this.f.coroutine) return plain();
    let last = -1;
    xs.forEach((b, j) => { if (mayThrowWithin(this.mayThrow, b)) last = j; });
    const early = xs.slice(0, Math.max(last, 0));
    if (!early.some((a) => counted(a.type)) || !early.every((a, i) => moved(i) && (!counted(a.type) || a.type.k === "class" || a.type.k === "array"))) return plain();
    const firsts: Expr[] = [];
    const nulls: Expr[] = [];
    const args = xs.map((a, i) => {
      if (i >= last) return moved(i) ? this.pin(a) : other(a);
      const name = `tsos_rc${tempCounter++}`;
      if (!counted(a.type)) {
        this.pre.push({ s: "let", name, type: a.type, loc: this.loc });
        firsts.push({ e: "assign", type: a.type, target: { e: "local", type: a.type, name }, value: this.value(a) });
        return { e: "local", type: a.type, name } as Expr;
      }
      const held: Type = { k: "nullable", inner: a.type, null: true, undef: false };
      const t: Expr = { e: "local", type: held, name };
      this.pre.push({ s: "let", name, type: held, loc: this.loc });
      this.post.push(releaseStmt(name, held, this.loc));
      firsts.push({ e: "assign", type: held, target: t, value: { e: "some", type: held, x: this.pin(a) } });
      nulls.push({ e: "assign", type: held, target: t, value: { e: "nullish", type: held, undef: false } });
      return { e: "unwrap", type: a.type, x: t, loc: 0 } as Expr;
    });
    // The call itself may throw too: its unwind label goes on it, inside the sequence (`visit` sees only the sequence).
    const result = this.unwindOf(made(args));
    const r = `tsos_rc${tempCounter++}`;
    const kept: Expr = { e: "bind", type: result.type, name: r, value: result, body: { e: "seq", type: result.type, xs: [...nulls, { e: "local", type: result.type, name: r }] } };
    return { e: "seq", type: result.type, xs: [...firsts, kept] };
  }

  /**
   * A value stored in a borrowed local: no reference of its own. A fresh one
   * (the result of a release-free function, releaseFreeFunctions: an object
   * that existed before the call, retained) is released after the statement,
   * which frees nothing: its other owners outlive the local's range.
   */
  private borrow(x: Expr): Expr {
    const [y, own] = this.visit(x);
    return own === "fresh" && counted(x.type) && countKind(x.type) !== "str" && !this.noTemps && !this.noFree ? this.hold(y) : y;
  }

  /**
   * An argument of a call of the program's functions, which borrow their
   * parameters. A view's object passed as an untyped receiver (a view call
   * that lower/devirt.ts made direct) is borrowed too: the table function
   * counts it as a stable parameter.
   */
  private argument(a: Expr): Expr {
    if (a.e === "viewobj" && a.type.k === "anyobj" && counted(a.x.type)) return { ...a, x: this.keep(a.x) };
    return this.keep(a);
  }

  /** A value that must stay alive during a call it is passed to. */
  private keep(x: Expr): Expr {
    const [y, own] = this.visit(x);
    if (!counted(x.type) || own === "stable") return y;
    return this.hold(own === "fresh" ? y : retain(y));
  }

  /** A value used at once (a field read, a test): a fresh one is released after the statement. */
  private instant(x: Expr): Expr {
    const [y, own] = this.visit(x);
    return counted(x.type) && own === "fresh" ? this.hold(y) : y;
  }

  /** A non-counted value, or a counted one used at once. */
  private value(x: Expr): Expr {
    return this.instant(x);
  }

  private discard(x: Expr, _top: boolean): Expr {
    return this.instant(x);
  }

  /**
   * Values read by an operation that keeps no reference (a string's bytes
   * copied or compared, a number): a counted one is read at once when
   * nothing else evaluated with it can release it, else kept alive for the
   * operation. `flatten`: a nested concatenation stays one (its parts are
   * borrowed the same way), so the emitter still builds one string.
   */
  private borrowStrings(xs: Expr[], flatten = false): Expr[] {
    return xs.map((a, i) => {
      if (flatten && a.e === "concat") return { ...a, parts: this.borrowStrings(a.parts, true) };
      if (!counted(a.type)) return this.value(a);
      const alone = xs.every((b, j) => j === i || releaseFreeExpr(b, this.funcs));
      return alone ? this.instant(a) : this.keep(a);
    });
  }

  /** `x` with the children named in `keys` (all counted) borrowed together. */
  private childList<X extends Expr>(x: X, keys: (keyof X)[]): X {
    const vals = this.borrowStrings(keys.map((k) => x[k] as unknown as Expr));
    const out = { ...x };
    keys.forEach((k, i) => { (out as Record<keyof X, unknown>)[k] = vals[i]; });
    return out;
  }

  /** Rewrites every child with `each`, keeping the node. */
  private children(x: Expr, each: (c: Expr) => Expr): Expr {
    return mapChildExprs(x, each);
  }

  /** The rewritten expression and, for a counted one, what its value is. */
  private visit(x: Expr): [Expr, Own] {
    const [y0, own] = this.visitOwn(x);
    const y = this.unwindOf(y0);
    return [y, this.noFree && own === "unstable" ? "stable" : own];
  }

  private visitOwn(x: Expr): [Expr, Own] {
    const isCounted = counted(x.type);
    switch (x.e) {
      case "local": {
        const b = this.bound.get(x.name);
        return [x, b ?? "stable"];
      }
      case "global":
        // A global that a function may replace (and release) is read as a field is; one only module code sets, as a local.
        return [x, isCounted && this.reassignedGlobals.has(x.name) ? "unstable" : "stable"];
      case "nullish":
      case "str":
        return [x, "stable"];
      case "concat":
        // A new string (runtime/tsos_rt.h tsos_concat): its parts are read during the call only.
        return [{ ...x, parts: this.borrowStrings(x.parts, true) }, "fresh"];
      case "tostr":
        return [{ ...x, x: this.value(x.x) }, isCounted ? "fresh" : "unstable"];
      case "strpad": {
        // A string of its own, or (a part of a concatenation) text on the stack or s itself, read during the copy only.
        const [str, max] = this.borrowStrings([x.s, x.max]);
        return [{ ...x, s: str!, max: max! }, "fresh"];
      }
      case "strindex": {
        const [s, idx] = this.borrowStrings([x.s, x.idx]);
        return [{ ...x, s: s!, idx: idx! }, isCounted ? "fresh" : "unstable"];
      }
      case "strlen":
        return [{ ...x, s: this.instant(x.s) }, "unstable"];
      case "optstr":
        // A nullable string as text: the string itself or "undefined"/"null" (valid while its operand is);
        // a value whose form may be made (a number member) is converted as a reference of its own (emit-c.ts toStrOf).
        return [{ ...x, x: this.instant(x.x) }, stringFormIsMade(x.x.type) ? "fresh" : "unstable"];
      case "numlist":
        return [{ ...x, args: x.args.map((a) => this.value(a)) }, isCounted && helperReturnsFresh(x.fn) ? "fresh" : "unstable"];
      case "streq": {
        const [a, b] = this.borrowStrings([x.a, x.b]);
        return [{ ...x, a: a!, b: b! }, "unstable"];
      }
      case "field": {
        // A field that only constructors write, of an object that stays alive for the statement (a stable or
        // held base), keeps its value for the statement: `this.allocator.alloc(n)` needs no retain.
        const [obj, ownObj] = this.visit(x.obj);
        const held = counted(x.obj.type) && ownObj === "fresh" ? this.hold(obj) : obj;
        const base = x.obj.type.k === "nullable" ? x.obj.type.inner : x.obj.type;
        const field = base.k === "class" && countedClassInst(base.cls) ? findField(base.cls, x.name) : undefined;
        const stable = ownObj !== "unstable" && !x.inline && !this.f.ctor && !!field && countedField(field) && this.writeOnce.has(x.name);
        return [{ ...x, obj: held }, stable ? "stable" : "unstable"];
      }
      case "new": {
        // An argument the constructor moves into a field is given as a reference of its own (constructorMoves).
        const moved = this.moves.params.get(x.init);
        return [this.movedIn(x.args, (i) => !!moved?.has(i + 1), (a) => this.keep(a), (args) => ({ ...x, args })), isCounted ? "fresh" : "unstable"];
      }
      case "arraylit":
        // The new array owns a reference to each element.
        return [this.movedIn(x.elems, () => true, (a) => this.pin(a), (elems) => ({ ...x, elems })), "fresh"];
      case "newarray":
        return [{ ...x, len: this.value(x.len) }, "fresh"];
      case "index": {
        // An element: the array holds it, any call could replace it. The array stays alive while the
        // index is computed (`this.items[this.reset()]`, where reset replaces and frees `this.items`).
        // An element of a private array stays for the statement: no callee reaches the array.
        const priv = x.arr.e === "local" && this.privateArrays.has(x.arr.name) && !this.bound.has(x.arr.name);
        return [{ ...x, arr: this.base(x.arr, [x.idx]), idx: this.value(x.idx) }, priv ? "stable" : "unstable"];
      }
      case "arraymethod":
        return [this.arrayMethod(x), "unstable"];
      case "call": {
        if (isRetain(x.fn) || isRelease(x.fn)) return [x, "unstable"];
        const callee = this.funcs.get(x.fn);
        if (callee) {
          const moved = this.moves.params.get(x.fn);
          const call = this.movedIn(x.args, (i) => !!moved?.has(i), (a) => this.argument(a), (args) => ({ ...x, args }));
          return [call, isCounted && counted(callee.ret) && !this.ctors.has(x.fn) ? "fresh" : "unstable"];
        }
        // `throw`: the thrown value's local (lower/exceptions.ts throwValue) holds the reference the runtime carries to
        // the handler; the jump skips its release. The site string is kept.
        if (x.fn === "tsos_throw" || x.fn === "tsos_pend") return [{ ...x, args: [this.instant(x.args[0]!), this.pin(x.args[1]!)] }, "unstable"];
        if (x.fn === "tsos_class_name" || x.fn === "tsos_fn_name" || HEAP_INTRINSIC_FNS.has(x.fn)) return [{ ...x, args: x.args.map((a) => this.instant(a)) }, "unstable"];
        const own: Own = isCounted && helperReturnsFresh(x.fn) ? "fresh" : "unstable";
        // A helper marked pure (a hash of a key) has no effect: it keeps nothing it is given.
        if (helperBorrows(x.fn) || x.pure) {
          // Read at once when nothing else the call evaluates can release it (`ta[i]` reads its buffer's bytes with no count).
          const args = x.args.map((a, i) => (x.args.every((b, j) => j === i || releaseFreeExpr(b, this.funcs)) ? this.instant(a) : this.keep(a)));
          return [{ ...x, args }, own];
        }
        if (borrowsStrings(x.fn, x.type)) {
          // Its strings are read during the call only; anything else counted it is given is pinned.
          const borrowedArgs = this.borrowStrings(x.args);
          return [{ ...x, args: x.args.map((a, i) => (countKind(a.type) === "str" ? borrowedArgs[i]! : this.pin(a))) }, own];
        }
        return [{ ...x, args: x.args.map((a) => this.pin(a)) }, own];
      }
      case "fromdyn":
        // An array of unknowns copied from another array type: a reference of its own (runtime/tsos_dyn.h).
        if (x.copy) return [{ ...x, x: this.instant(x.x) }, "fresh"];
      // falls through
      case "fromunion":
        // A member that is not counted (a number) is a copy read at once.
        if (!isCounted) return [{ ...x, x: this.instant(x.x) }, "unstable"];
      // falls through
      case "todyn":
      case "tounion":
      case "reunion":
      case "convert":
      case "some":
      case "unwrap":
      case "reopt":
      case "mkview":
      case "review":
      case "viewobj": {
        if (isCounted && counted(x.x.type)) {
          const [y, own] = this.visit(x.x);
          return [{ ...x, x: y }, own];
        }
        // A view table function's receiver: the caller keeps the view (and so its object) alive for the call.
        if (isCounted && x.e === "convert" && x.x.e === "local" && x.x.type.k === "anyobj" && this.params.has(x.x.name)) return [x, "stable"];
        // Into or out of another representation: pinned.
        return [{ ...x, x: this.pin(x.x) }, "unstable"];
      }
      case "viewcall": {
        // The receiver and the arguments stay alive during the call; the table functions borrow them.
        const view = this.keep(x.view);
        const args = x.args.map((a) => this.keep(a));
        const vt = x.view.type.k === "nullable" ? x.view.type.inner : x.view.type;
        const fresh = isCounted && vt.k === "view" && this.freshSlots.has(`${vt.view.cname}|${x.slot}`);
        return [{ ...x, view, args }, fresh ? "fresh" : "unstable"];
      }
      case "callptr": {
        if (!this.fnValuesKnown) return [this.children(x, (c) => (counted(c.type) ? this.pin(c) : this.value(c))), "unstable"];
        // The closure stays alive while its code runs (the call could replace the field or element it was read from).
        const callee = this.keep(x.callee);
        const args = x.args.map((a) => this.keep(a));
        return [{ ...x, callee, args }, isCounted ? "fresh" : "unstable"];
      }
      case "instanceof":
      case "istag":
      case "dynis":
      case "truthy":
      case "isnullish":
      case "not":
        return [this.children(x, (c) => this.instant(c)), "unstable"];
      case "binary":
        // Comparing strings reads their bytes during the comparison only.
        if (countKind(x.a.type) === "str" && countKind(x.b.type) === "str") return [this.childList(x, ["a", "b"]), "unstable"];
        return [this.children(x, (c) => this.keep(c)), "unstable"];
      case "opteq":
        // Identity comparisons: both operands stay alive until compared (a freed address could be reused).
        return [this.children(x, (c) => this.keep(c)), "unstable"];
      case "cond": {
        const c = this.value(x.c);
        const [a, oa] = this.visit(x.a);
        const [b, ob] = this.visit(x.b);
        if (!isCounted) return [{ ...x, c, a: this.holdIf(x.a, a, oa), b: this.holdIf(x.b, b, ob) }, "unstable"];
        if (oa === "fresh" || ob === "fresh") return [{ ...x, c, a: oa === "fresh" ? a : retain(a), b: ob === "fresh" ? b : retain(b) }, "fresh"];
        return [{ ...x, c, a, b }, oa === "stable" && ob === "stable" ? "stable" : "unstable"];
      }
      case "seq": {
        const xs = x.xs.map((y, i) => (i < x.xs.length - 1 ? this.discard(y, false) : y));
        const [last, own] = x.xs.length ? this.visit(xs[xs.length - 1]!) : [undefined, "unstable" as Own];
        if (last) xs[xs.length - 1] = last;
        return [{ ...x, xs }, own];
      }
      case "let":
      case "bind": {
        const init = x.e === "let" ? x.init : x.value;
        let value: Expr;
        let own: Own = "unstable";
        if (counted(init.type)) {
          const [v, o] = this.visit(init);
          if (o === "fresh") {
            value = this.hold(v);
            own = "stable";
          } else {
            value = v;
            own = o;
          }
        } else value = this.value(init);
        const saved = this.bound.get(x.name);
        this.bound.set(x.name, own);
        const [body, bodyOwn] = this.visit(x.body);
        if (saved === undefined) this.bound.delete(x.name);
        else this.bound.set(x.name, saved);
        const y = x.e === "let" ? { ...x, init: value, body } : { ...x, value, body };
        return [y, isCounted ? bodyOwn : "unstable"];
      }
      case "assign":
        return this.assign(x);
      case "compound": {
        if (isLocalAppend(x) && x.target.e === "local" && x.value.e === "concat") {
          const [old, ...rest] = x.value.parts;
          const name = x.target.name;
          // A local that owns its value: tsos_str_append consumes the old value, which the appended parts cannot change
          // (they do not assign the local), and the local owns the new one.
          if (this.managed.has(name) && !this.borrowed.has(name) && !this.bound.has(name)) return [{ ...x, value: { ...x.value, parts: [old!, ...this.borrowStrings(rest, true)] } }, "unstable"];
          // Any other (a parameter, a local this pass does not manage): the plain assignment `s = s + x`.
          return this.assign({ e: "assign", type: x.type, target: x.target, value: { ...x.value, parts: [x.target, ...rest] } });
        }
        const target = this.place(x.target, x.value);
        if (!isCounted) return [{ ...x, target, value: this.value(x.value) }, "unstable"];
        // Any other compound left: the old value is not released (a leak); the new one is owned by the target.
        return [{ ...x, target, value: this.pin(x.value) }, "unstable"];
      }
      case "stamp":
        // Storage from `alloc` with its class header (a generator object): a new object, as `new` makes.
        return [x, "fresh"];
      case "current":
        return [x, "unstable"];
      case "caught":
        // The exception being handled: `throw` gave the runtime one reference, which its handler now owns.
        return [x, "fresh"];
      // Closures and cells (rc-closures.ts, docs/design/memory.md "Closures").
      case "fnref":
        // A static closure object: never freed.
        return [x, "stable"];
      case "closure":
        // On the heap: the environment owns a reference to each counted capture, the value is +1.
        if (x.heap) return [{ ...x, values: x.values.map((v) => this.pin(v)) }, "fresh"];
        // On the stack: never freed, dies with its block; its captures are kept alive for the statement (it does not outlive it
        // unless held by a `const` whose captures are locals and parameters, which outlive it).
        return [{ ...x, values: x.values.map((v) => this.keep(v)) }, "stable"];
      case "envfield":
        // A capture of the running closure (or the closure itself): the caller keeps the closure alive during the call, and its
        // captures are never reassigned (a reassigned variable is captured as a cell).
        return [x, "stable"];
      case "newcell":
        return [x, "fresh"];
      case "deref":
        // The variable in a cell: any call could assign it.
        return [{ ...x, ptr: this.instant(x.ptr) }, "unstable"];
      case "addrof": {
        // `&*p` is the cell p itself; any other address (a ref-mode local, a tuple element) is not counted.
        if (x.x.e !== "deref") return [x, "unstable"];
        const [ptr, own] = this.visit(x.x.ptr);
        return [{ ...x, x: { ...x.x, ptr } }, counted(x.type) ? own : "unstable"];
      }
      default: {
        // Anything else: counted children are stored somewhere this pass does not follow.
        const y = this.children(x, (c) => (counted(c.type) ? this.pin(c) : this.value(c)));
        return [y, "unstable"];
      }
    }
  }

  /**
   * A runtime array operation. The array stays alive during it (fill,
   * setLength and copyWithin release elements, which may drop objects); a
   * pushed value becomes the array's own reference; fill retains its value
   * once per slot itself. The result (a length, or the array itself) is
   * borrowed.
   */
  private arrayMethod(x: Extract<Expr, { e: "arraymethod" }>): Expr {
    if (x.method === "length") return { ...x, arr: this.instant(x.arr) };
    // push releases no object: its array needs no count of its own unless the value's code could drop it.
    const arr = x.method === "push" && x.args.every((a) => releaseFreeExpr(a, this.funcs)) ? this.instant(x.arr) : this.keep(x.arr);
    const args = x.args.map((a) => (x.method === "push" ? this.pin(a) : x.method === "fill" ? this.keep(a) : this.value(a)));
    return { ...x, arr, args };
  }

  /**
   * The object or array an access goes through: retained for the statement
   * when something evaluated after it (an index, a stored value) could
   * release it, since JavaScript still reads or writes the old one.
   */
  private base(x: Expr, after: Expr[]): Expr {
    return after.every((a) => releaseFreeExpr(a, this.funcs)) ? this.instant(x) : this.keep(x);
  }

  /** The place a store or a compound assignment writes, its object or array kept alive while the index and the value are computed. */
  private place(t: Expr, value: Expr): Expr {
    if (t.e === "field") return { ...t, obj: this.base(t.obj, [value]) };
    if (t.e === "index") return { ...t, arr: this.base(t.arr, [t.idx, value]), idx: this.value(t.idx) };
    return t.e === "local" || t.e === "global" ? t : this.children(t, (c) => this.instant(c));
  }

  private holdIf(orig: Expr, y: Expr, own: Own): Expr {
    return counted(orig.type) && own === "fresh" ? this.hold(y) : y;
  }

  private assign(x: Extract<Expr, { e: "assign" }>): [Expr, Own] {
    const t = x.target;
    if (!counted(x.type) && !counted(t.type)) return [{ ...x, target: this.place(t, x.value), value: this.value(x.value) }, "unstable"];
    if (t.e === "local" && this.borrowed.has(t.name) && !this.bound.has(t.name)) return [{ ...x, value: this.borrow(x.value) }, "unstable"];
    // A module-level variable owns its value as a managed local does (released at exit: globalReleases).
    const countedGlobal = t.e === "global" && counted(t.type) && !this.noFree;
    if (countedGlobal || (t.e === "local" && this.managed.has(t.name) && !this.bound.has(t.name))) {
      const value = this.pin(x.value);
      if (this.noTemps) return [{ ...x, value }, "unstable"];
      // The old value is released after the statement: anything the statement borrowed from it stays valid.
      const old = this.oldTemp(t.type);
      const nv = `tsos_rc${tempCounter++}`;
      const nvX: Expr = simple(value) ? value : { e: "local", type: value.type, name: nv };
      const y: Expr = { e: "seq", type: x.type, xs: [{ e: "assign", type: t.type, target: old, value: t }, { ...x, value: nvX }] };
      return [nvX === value ? y : { e: "bind", type: x.type, name: nv, value, body: y }, "unstable"];
    }
    if (t.e === "field" && t.obj.type.k === "class") {
      const field = findField(t.obj.type.cls, t.name);
      // The object stays alive while the value is computed (a call could drop an object read from a field or element).
      const obj = releaseFreeExpr(x.value, this.funcs) ? this.instant(t.obj) : this.keep(t.obj);
      // A weak field holds no count: the value is only borrowed (a fresh one is released after the statement).
      if (field?.weak) return [{ ...x, target: { ...t, obj }, value: this.instant(x.value) }, "unstable"];
      // A parameter the caller gave this constructor as a reference of its own: the field takes it (constructorMoves).
      const value = this.moves.stores.has(x) ? x.value : this.pin(x.value);
      // In code that must not free (noFree), an overwritten string is kept (a leak): its release would be a free.
      if (!field || !countedField(field) || this.noTemps || (this.noFree && countKind(t.type) === "str")) return [{ ...x, target: { ...t, obj }, value }, "unstable"];
      // obj, then the value, then the old value is read and the new one stored (JavaScript's order).
      const ob = `tsos_rc${tempCounter++}`, nv = `tsos_rc${tempCounter++}`;
      // The object is read again after the value: only a local the value does not assign (or anything, when the value is simple).
      const keepObj = simple(value) ? simple(obj) : obj.e === "local" && !assignsVariable(value, obj.name);
      const obX: Expr = keepObj ? obj : { e: "local", type: t.obj.type, name: ob };
      const nvX: Expr = simple(value) ? value : { e: "local", type: value.type, name: nv };
      const target: Expr = { ...t, obj: obX };
      const old = this.oldTemp(t.type);
      let y: Expr = { e: "seq", type: x.type, xs: [{ e: "assign", type: t.type, target: old, value: target }, { ...x, target, value: nvX }] };
      if (nvX !== value) y = { e: "bind", type: x.type, name: nv, value, body: y };
      if (obX !== obj) y = { e: "bind", type: x.type, name: ob, value: obj, body: y };
      return [y, "unstable"];
    }
    if (t.e === "index" && t.arr.type.k === "array" && !this.noTemps && !this.noFree) return [this.elementStore(x, t), "unstable"];
    if (t.e === "deref" && (countKind(t.ptr.type) === "cell" || ownsSlot(t.ptr.type))) return [this.cellStore(x, t), "unstable"];
    // Globals, cells, unmodelled fields: the new value is pinned, the old one never released.
    const target = t.e === "local" || t.e === "global" ? t : this.children(t, (c) => this.instant(c));
    return [{ ...x, target, value: this.pin(x.value) }, "unstable"];
  }

  /**
   * `xs[i] = v` of a counted element: the array, the index, then the value
   * are evaluated (JavaScript's order), then the old element is read (the
   * same bounds check as the store) and released after the statement. The
   * array is kept alive while the value is computed (a call could drop it).
   */
  private elementStore(x: Extract<Expr, { e: "assign" }>, t: Extract<Expr, { e: "index" }>): Expr {
    const arr = this.base(t.arr, [t.idx, x.value]);
    const idx = this.value(t.idx);
    const value = this.pin(x.value);
    const ab = `tsos_rc${tempCounter++}`, ib = `tsos_rc${tempCounter++}`, nv = `tsos_rc${tempCounter++}`;
    const stays = (y: Expr): boolean => y.e === "int" || (simple(y) && (simple(value) || (y.e === "local" && !assignsVariable(value, y.name))));
    const arX: Expr = stays(arr) ? arr : { e: "local", type: t.arr.type, name: ab };
    const ixX: Expr = stays(idx) ? idx : { e: "local", type: t.idx.type, name: ib };
    const nvX: Expr = simple(value) ? value : { e: "local", type: value.type, name: nv };
    const target: Expr = { ...t, arr: arX, idx: ixX };
    const old = this.oldTemp(t.type);
    let y: Expr = { e: "seq", type: x.type, xs: [{ e: "assign", type: t.type, target: old, value: target }, { ...x, target, value: nvX }] };
    if (nvX !== value) y = { e: "bind", type: x.type, name: nv, value, body: y };
    if (ixX !== idx) y = { e: "bind", type: x.type, name: ib, value: idx, body: y };
    if (arX !== arr) y = { e: "bind", type: x.type, name: ab, value: arr, body: y };
    return y;
  }

  /**
   * `*p = v` into a counted cell (a captured variable shared with closures)
   * or a ref-mode slot: the cell (or slot) owns its value, so the new value is pinned and the old one
   * released after the statement. The cell pointer is a local or a capture
   * of the running closure, read again after the value is computed.
   */
  private cellStore(x: Extract<Expr, { e: "assign" }>, t: Extract<Expr, { e: "deref" }>): Expr {
    const ptr = this.instant(t.ptr);
    const value = this.pin(x.value);
    const target: Expr = { ...t, ptr };
    // The cell stays the same while the value is computed: a capture of the running closure, a local the value does
    // not assign, or an object literal's capture field (hidden: set once by its init) of such a local.
    const hiddenOfLocal = ptr.e === "field" && ptr.obj.e === "local" && ptr.obj.type.k === "class" && findField(ptr.obj.type.cls, ptr.name)?.hidden === true && !assignsVariable(value, ptr.obj.name);
    const stays = ptr.e === "envfield" || (ptr.e === "local" && !assignsVariable(value, ptr.name)) || hiddenOfLocal;
    if (!stays || this.noTemps || this.noFree) return { ...x, target, value };
    const nv = `tsos_rc${tempCounter++}`;
    // A stack closure stays in place: a compound literal lives only as long as the block around it (here, the statement's).
    const nvX: Expr = simple(value) || stackClosure(value) ? value : { e: "local", type: value.type, name: nv };
    const old = this.oldTemp(t.type);
    const y: Expr = { e: "seq", type: x.type, xs: [{ e: "assign", type: t.type, target: old, value: target }, { ...x, target, value: nvX }] };
    return nvX === value ? y : { e: "bind", type: x.type, name: nv, value, body: y };
  }

  /** A statement temporary for an overwritten value, released after the statement. */
  private oldTemp(type: Type): Expr {
    const name = `tsos_rc${tempCounter++}`;
    this.pre.push({ s: "let", name, type, loc: this.loc });
    this.post.push(releaseStmt(name, type, this.loc));
    return { e: "local", type, name };
  }
}

/**
 * Constructor parameters moved into fields. A constructor's init function
 * whose body starts with plain stores of parameters into fields of its
 * object (`constructor(public left: Node | null, ...)`, `this.x = x` first)
 * takes those arguments as references of its own: every caller gives +1
 * (a fresh argument as it is, any other retained) and the store keeps it,
 * instead of the caller holding a fresh argument for the call, the store
 * retaining it, and the caller releasing it after, which also made the
 * cycle collector buffer every such object (binary_trees: every node). Only
 * the leading stores count (nothing before them can return or throw), a
 * parameter stored once and never assigned, of an object or array type, into
 * a counted field that is not weak; and only for init functions that are
 * only ever called directly (`new`, `super(...)`, default-argument wrappers).
 */
interface ConstructorMoves {
  /** Init function -> indices of its parameters (self is 0) that it takes. */
  params: Map<string, Set<number>>;
  /** The field stores (nodes of the init functions' bodies) that take the parameter's reference. */
  stores: Set<Expr>;
}

function constructorMoves(p: Program, ctors: Set<string>): ConstructorMoves {
  const moves: ConstructorMoves = { params: new Map(), stores: new Set() };
  // Init functions referred to other than by a direct call or `new` (a function value): left alone.
  const indirect = new Set<string>();
  for (const f of p.funcs) walkAll(f.body, (x) => { if (x.e === "fnref" || x.e === "closure") indirect.add(x.fn); });
  for (const f of p.funcs) {
    if (!ctors.has(f.cname) || indirect.has(f.cname)) continue;
    const self = f.params[0]?.name;
    if (self === undefined || f.params[0]!.type.k !== "class") continue;
    const assigned = new Set<string>();
    walkAll(f.body, (x) => { if ((x.e === "assign" || x.e === "compound") && x.target.e === "local") assigned.add(x.target.name); if (x.e === "addrof" && x.x.e === "local") assigned.add(x.x.name); });
    const taken = new Set<number>();
    const stores: Expr[] = [];
    for (const s of f.body) {
      if (s.s !== "expr" || s.x.e !== "assign") break;
      const { target, value } = s.x;
      if (target.e !== "field" || target.obj.e !== "local" || target.obj.name !== self || value.e !== "local") break;
      const i = f.params.findIndex((q) => q.name === value.name);
      const field = findField((f.params[0]!.type as { cls: ClassInst }).cls, target.name);
      if (i < 1 || taken.has(i) || assigned.has(value.name) || countKind(value.type) !== "ptr" || !field || !countedField(field) || field.weak || target.inline) break;
      taken.add(i);
      stores.push(s.x);
    }
    if (!taken.size) continue;
    moves.params.set(f.cname, taken);
    for (const x of stores) moves.stores.add(x);
  }
  return moves;
}

/** The names of the locals that `list` reads or writes. */
function localsIn(list: Stmt[]): Set<string> {
  const out = new Set<string>();
  walkAll(list, (x) => { if (x.e === "local") out.add(x.name); });
  return out;
}

/**
 * The managed locals that may borrow instead of owning: those whose live
 * range releases nothing. A local's range runs from its `let` to the last
 * statement of its block that mentions it (a `for` statement, for a local of
 * its initializer; the whole body, for a parameter). In a range that calls no
 * function of the program, through a view or a function value, allocates
 * nothing and stores no counted value anywhere but a local that itself
 * borrows or is pinned, no object can be freed: every object reachable when
 * the range starts stays alive until it ends, so the local needs no count of
 * its own (the chain walk `while (n && n.key !== k) n = n.next` counts
 * nothing). Returning such a local retains it. The candidates that fail are
 * removed until every one left passes (their ranges may assign each other).
 */
function borrowedLocals(f: Func, managed: Set<string>, funcs: Map<string, Func>): Set<string> {
  const ranges = new Map<string, Stmt[]>();
  for (const p of f.params) if (managed.has(p.name)) ranges.set(p.name, f.body);
  const mentions = (s: Stmt, name: string): boolean => {
    let hit = false;
    walkAll([s], (x) => { if (x.e === "local" && x.name === name) hit = true; });
    return hit;
  };
  const find = (list: Stmt[], whole?: Stmt): void => {
    list.forEach((s, i) => {
      if (s.s === "let" && managed.has(s.name)) {
        if (whole) ranges.set(s.name, [whole]);
        else {
          let j = i;
          for (let k = i + 1; k < list.length; k++) if (mentions(list[k]!, s.name)) j = k;
          ranges.set(s.name, list.slice(i, j + 1));
        }
      }
      switch (s.s) {
        case "if": find(s.then); if (s.else) find(s.else); break;
        case "while": case "dowhile": find(s.body); break;
        case "for": find(s.init, s); find(s.body); break;
        case "block": find(s.body); break;
        case "switch": for (const c of s.cases) find(c.body); break;
      }
    });
  };
  find(f.body);
  const borrowed = new Set(ranges.keys());
  for (let changed = true; changed;) {
    changed = false;
    for (const name of borrowed) {
      if (releaseFree(ranges.get(name)!, funcs, (n) => !managed.has(n) || borrowed.has(n))) continue;
      borrowed.delete(name);
      changed = true;
    }
  }
  return borrowed;
}

/** The functions of the program whose calls release no object (releaseFreeFunctions), for the program being counted. */
let quietFunctions = new Set<string>();

/**
 * The functions whose every run releases no object and allocates nothing:
 * their bodies are release-free (below) when their own locals borrow and
 * their calls go to such functions. The greatest such set, found by
 * removing failures until none is left, so recursion is allowed (binary
 * trees' `itemCheck` walks a tree with borrowed locals). Such a function
 * allocates nothing, so a counted result it returns is an object that
 * existed before the call, retained: releasing it later frees nothing.
 */
function releaseFreeFunctions(p: Program, funcs: Map<string, Func>): Set<string> {
  const quiet = new Set(p.funcs.filter((f) => !f.ctor && !f.interrupt).map((f) => f.cname));
  const saved = quietFunctions;
  quietFunctions = quiet;
  try {
    for (let changed = true; changed;) {
      changed = false;
      for (const f of p.funcs) {
        if (!quiet.has(f.cname) || releaseFree(f.body, funcs, () => true)) continue;
        quiet.delete(f.cname);
        changed = true;
      }
    }
  } finally {
    quietFunctions = saved;
  }
  return quiet;
}

/**
 * Whether running `list` can release no object. A whitelist: an expression
 * or statement kind not listed makes the answer no. `quiet(n)`: a store into
 * the counted local `n`, or its end of scope, releases nothing.
 */
function releaseFree(list: Stmt[], funcs: Map<string, Func>, quiet: (name: string) => boolean): boolean {
  let ok = true;
  const exprOk = (x: Expr): boolean => releaseFreeNode(x, funcs, quiet);
  const walkStmts = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      switch (s.s) {
        case "let": if (counted(s.type) && countKind(s.type) !== "str" && !quiet(s.name)) ok = false; break;
        case "expr": case "print": case "return": case "break": case "continue": break;
        case "if": walkStmts(s.then); if (s.else) walkStmts(s.else); break;
        case "while": case "dowhile": walkStmts(s.body); break;
        case "for": walkStmts(s.init); walkStmts(s.body); break;
        case "block": walkStmts(s.body); break;
        case "switch": for (const c of s.cases) walkStmts(c.body); break;
        default: ok = false;
      }
    }
  };
  walkStmts(list);
  if (ok) walkAll(list, (x) => { if (!exprOk(x)) ok = false; });
  return ok;
}

/** Whether evaluating the node `x` itself (not its children) can release no object; `quiet(n)`: a store into the counted local `n` releases nothing. */
function releaseFreeNode(x: Expr, funcs: Map<string, Func>, quiet: (name: string) => boolean): boolean {
  switch (x.e) {
    case "int": case "num": case "bool": case "str": case "local": case "global": case "nullish":
    case "neg": case "not": case "bitnot": case "binary": case "logic": case "streq": case "convert": case "truthy":
    case "field": case "index": case "strindex": case "strlen": case "cond": case "minmax": case "abs":
    case "instanceof": case "let": case "bind": case "seq": case "mkview": case "review": case "viewobj":
    case "some": case "unwrap": case "isnullish": case "reopt": case "opteq": case "callerloc": case "current":
    // Strings are made by the runtime's C, which releases nothing and runs no code of the program.
    case "concat": case "strpad": case "tostr": case "optstr": case "stackfmt":
    case "panic": case "noreturn":
      return true;
    case "call":
      return (x.pure === true && !funcs.has(x.fn)) || quietFunctions.has(x.fn);
    case "assign":
      // A string owns nothing: storing one can free only a string, and only after the statement (no local borrows a string).
      if (!counted(x.target.type) || countKind(x.target.type) === "str") return true;
      return x.target.e === "local" && quiet(x.target.name);
    case "compound":
      return !counted(x.target.type) || countKind(x.target.type) === "str";
    case "arraymethod":
      // Reading the length, or pushing a value that is not counted (a grown buffer is not an object).
      return x.method === "length" || (x.method === "push" && !x.args.some((a) => counted(a.type)));
    default:
      return false;
  }
}

/** Whether evaluating `x` (all of it) can release no object. */
function releaseFreeExpr(x: Expr, funcs: Map<string, Func>): boolean {
  let ok = true;
  walkAll([{ s: "expr", x, loc: 0 }], (y) => { if (!releaseFreeNode(y, funcs, () => false)) ok = false; });
  return ok;
}


/** `let v = e in (t = v, v)` whose value is discarded: the assignment `t = e`; undefined for anything else. */
function discardedAssignment(x: Expr): Expr | undefined {
  if ((x.e !== "bind" && x.e !== "let") || x.body.e !== "seq" || x.body.xs.length !== 2) return undefined;
  const [assign, value] = x.body.xs as [Expr, Expr];
  const bound = x.e === "bind" ? x.value : x.init;
  const isV = (e: Expr): boolean => e.e === "local" && e.name === x.name;
  if (assign.e !== "assign" || assign.target.e !== "local" || assign.target.name === x.name || !isV(value)) return undefined;
  // The value itself, or made optional (`prev = cur` with `prev: N | null`).
  if (isV(assign.value)) return { ...assign, value: bound };
  if (assign.value.e === "some" && isV(assign.value.x)) return { ...assign, value: { ...assign.value, x: bound } };
  return undefined;
}

/** A value that reads no field and has no effect: it may be evaluated after the old value is read. */
function simple(x: Expr): boolean {
  if (x.e === "local" || x.e === "global" || x.e === "nullish") return true;
  return x.e === "call" && (x.fn === RETAIN || x.fn === "tsos_retain_view" || x.fn === "tsos_retain_cell") && simple(x.args[0]!);
}

function findField(c: ClassInst, name: string): Field | undefined {
  for (let k: ClassInst | undefined = c; k; k = k.base) {
    const f = k.fields.find((g) => g.name === name);
    if (f) return f;
  }
  return undefined;
}
