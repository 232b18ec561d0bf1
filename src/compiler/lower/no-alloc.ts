/**
 * lower/no-alloc.ts: code that must never allocate or free memory:
 * interrupt handlers (an interrupt can arrive while the allocator holds its
 * lock) and the global allocator's own methods (an allocation there would
 * re-enter the allocator). docs/language.md section 11.
 *
 * Input:  the lowered IR program (after the work list is empty): its
 *         functions, view tables and function types. noFreeFunctions runs
 *         before compiler/rc.ts (which counts the functions it returns
 *         without releases), checkNoAllocation after it.
 * Output: TSOS3007 for an interrupt handler (kernel) and TSOS1291 for an
 *         allocator method (both targets) from which an allocating or
 *         freeing operation is reachable, each with a note naming one
 *         shortest call path to it:
 *           `onKey -> pushScancode -> string concatenation at kernel/k.ts:12:5`.
 * Invariants (sound: every path a run could take is in the graph):
 *   - Allocating operations: heap `new` and constructor storage (`alloc`),
 *     array literals, `new Array(n)`, `push` (it may grow the storage),
 *     string concatenation and number-to-string not formatted on the stack,
 *     heap closures and captured-variable cells, boxing as `unknown`, and a
 *     call to a runtime helper (a C function the program does not define)
 *     that returns a string, array, object or function value. Freeing: a
 *     call to tsos_free or a runtime release helper, and `fill`, a `length`
 *     store or `copyWithin` on an array of objects (the runtime releases
 *     the elements they overwrite).
 *   - Edges: direct calls and constructors; a call through a view to the
 *     slot's function in every table of that view; a call through a function
 *     value to every function of that function type whose address the
 *     program takes (fnref, closure).
 *   - Releases: the check runs after compiler/rc.ts, on the code it
 *     produced. In the functions noFreeFunctions finds the pass releases
 *     nothing except an overwritten object field's old value, which is
 *     reported here as the drop it is (the object may be freed).
 *   - Allocator code: the table functions of every class used as a
 *     GlobalAllocator (converted to the view setGlobalAllocator takes,
 *     anywhere: its argument, a GlobalAllocator variable, a conversion from
 *     an interface that extends it).
 */
import ts from "typescript";
import { type Expr, type Func, type Program, type Stmt, forEachChildExpr } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { SET_ALLOCATOR_FN } from "../emit-alloc.ts";
import { counted } from "../rc.ts";

/** An operation that allocates or frees, and where. */
interface Site {
  what: string;
  loc: number;
}

interface Edge {
  fn: string;
  loc: number;
}

/** What `x` itself does to the heap (not its operands), described for the note; undefined if nothing. */
function heapOperation(x: Expr, defined: Set<string>): string | undefined {
  switch (x.e) {
    case "new":
      return `\`new ${x.cls.tsName}(...)\``;
    case "alloc":
      return `a new \`${(x.type as { cls?: { tsName: string } }).cls?.tsName ?? "object"}\``;
    case "arraylit":
      return "an array literal";
    case "newarray":
      return "`new Array(...)`";
    case "arraymethod":
      if (x.method === "push") return "`push` (it may grow the array)";
      // The runtime's fill, length store and copyWithin overwrite elements: an array of objects releases the old ones.
      if (x.method !== "length" && x.arr.type.k === "array" && counted(x.arr.type.elem)) return `\`${x.method === "setLength" ? "length =" : x.method}\` (it drops the objects it overwrites)`;
      return undefined;
    case "concat":
      return "string concatenation";
    case "strpad":
      return "`padStart`/`padEnd` (it may make a new string)";
    case "tostr":
      return x.onStack ? undefined : "a number converted to a string";
    case "closure":
      return x.heap ? "a closure that escapes (allocated on the heap)" : undefined;
    case "newcell":
      return "a variable captured by a closure";
    case "todyn":
      return "a value boxed as `unknown`";
    case "call": {
      if (defined.has(x.fn)) return undefined;
      if (/^tsos_(str_)?retain/.test(x.fn)) return undefined; // a count goes up: nothing is allocated or freed
      if (/^tsos_str_release/.test(x.fn)) return "dropping a string (its last reference frees it)";
      if (/^tsos_(release|rc_release)/.test(x.fn)) return "dropping the object a field held (the field is overwritten; its last reference frees the object)";
      if (/^tsos_free/.test(x.fn)) return `freeing memory (\`${x.fn}\`)`;
      if (/^tsos_collect_cycles/.test(x.fn)) return "`collectCycles()` (the cycle collector frees what it finds)";
      const t = x.type.k === "nullable" ? x.type.inner : x.type;
      if (["str", "array", "class", "view", "fn", "dyn", "anyobj", "cell", "union"].includes(t.k)) return `\`${x.fn}\` (a runtime function that builds its result on the heap)`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The expressions a statement evaluates itself, and the statements nested in it. */
function parts(s: Stmt): { exprs: (Expr | undefined)[]; stmts: Stmt[] } {
  switch (s.s) {
    case "let":
      return { exprs: [s.init], stmts: [] };
    case "expr":
      return { exprs: [s.x], stmts: [] };
    case "print":
      return { exprs: s.args, stmts: [] };
    case "if":
      return { exprs: [s.c], stmts: [...s.then, ...(s.else ?? [])] };
    case "while":
    case "dowhile":
      return { exprs: [s.c], stmts: s.body };
    case "for":
      return { exprs: [s.c, ...s.step], stmts: [...s.init, ...s.body] };
    case "return":
      return { exprs: [s.x], stmts: [] };
    case "block":
      return { exprs: [], stmts: s.body };
    case "switch":
      return { exprs: [s.x, ...s.cases.flatMap((c) => c.values)], stmts: s.cases.flatMap((c) => c.body) };
    default:
      return { exprs: [], stmts: [] };
  }
}

/** Every expression of `body` with the location to report it at (its own, else its statement's). */
function eachExpr(body: Stmt[], fnLoc: number, visit: (x: Expr, loc: number) => void): void {
  const ex = (x: Expr | undefined, loc: number): void => {
    if (!x) return;
    visit(x, "loc" in x && typeof x.loc === "number" && x.loc >= 0 ? x.loc : loc);
    forEachChildExpr(x, (c) => ex(c, loc));
  };
  const st = (s: Stmt, outer: number): void => {
    const loc = "loc" in s ? s.loc : outer;
    const { exprs, stmts } = parts(s);
    exprs.forEach((x) => ex(x, loc));
    stmts.forEach((t) => st(t, loc));
  };
  body.forEach((s) => st(s, fnLoc));
}

/** Every function's outgoing calls (sound: every function a call could run). */
function callGraph(p: Program): Map<string, Edge[]> {
  const defined = new Set(p.funcs.map((f) => f.cname));
  // Functions whose address is taken, by function type: the targets of a call through a value of that type.
  const valuesOfType = new Map<string, Set<string>>();
  const taken = (type: string, fn: string) => {
    if (!valuesOfType.has(type)) valuesOfType.set(type, new Set());
    valuesOfType.get(type)!.add(fn);
  };
  for (const f of p.funcs) {
    eachExpr(f.body, f.loc, (x) => {
      if (x.e === "fnref" && x.type.k === "fn") taken(x.type.cname, x.fn);
      if (x.e === "closure" && x.type.k === "fn") taken(x.type.cname, x.fn);
    });
  }
  for (const g of p.globals) for (const e of g.staticObject?.elems ?? []) eachExpr([{ s: "expr", x: e, loc: -1 }], -1, (x) => {
    if (x.e === "fnref" && x.type.k === "fn") taken(x.type.cname, x.fn);
  });
  const calls = new Map<string, Edge[]>();
  for (const f of p.funcs) {
    const out: Edge[] = [];
    eachExpr(f.body, f.loc, (x, loc) => {
      if (x.e === "call" && defined.has(x.fn)) out.push({ fn: x.fn, loc });
      if (x.e === "new") out.push({ fn: x.init, loc });
      if (x.e === "viewcall" && x.view.type.k === "view") {
        const view = x.view.type.view;
        const slot = view.slots.findIndex((s) => s.name === x.slot);
        for (const t of p.viewTables) if (t.view.cname === view.cname && t.fns[slot]) out.push({ fn: t.fns[slot]!, loc });
      }
      if (x.e === "callptr" && x.callee.type.k === "fn") for (const fn of valuesOfType.get(x.callee.type.cname) ?? []) out.push({ fn, loc });
    });
    calls.set(f.cname, out);
  }
  return calls;
}

/** The view tables of every class used as the GlobalAllocator (setGlobalAllocator's argument; views are structural, so it may carry another interface's name). */
function allocatorTables(p: Program): Program["viewTables"] {
  const views = new Set(p.views.filter((v) => v.tsName === "GlobalAllocator").map((v) => v.cname));
  for (const f of p.funcs) eachExpr(f.body, f.loc, (x) => {
    const arg = x.e === "call" && x.fn === SET_ALLOCATOR_FN ? x.args[0] : undefined;
    if (arg?.type.k === "view") views.add(arg.type.view.cname);
  });
  return p.viewTables.filter((t) => views.has(t.view.cname));
}

/**
 * The functions that must never free: every function reachable from an
 * interrupt handler (kernel) or from a method of the global allocator (its
 * view tables' functions). compiler/rc.ts counts references in them without
 * releasing anything (it reports nothing itself: a release it cannot leave
 * out, the old value of an overwritten field, stays, and checkNoAllocation
 * reports it with its path).
 */
export function noFreeFunctions(p: Program): Set<string> {
  const calls = callGraph(p);
  const roots = allocatorTables(p).flatMap((t) => t.fns.filter((fn): fn is string => !!fn));
  if (p.target === "kernel") roots.push(...p.funcs.filter((f) => f.interrupt).map((f) => f.cname));
  const found = new Set<string>(roots);
  const queue = [...roots];
  while (queue.length) {
    for (const e of calls.get(queue.shift()!) ?? []) {
      if (found.has(e.fn)) continue;
      found.add(e.fn);
      queue.push(e.fn);
    }
  }
  return found;
}

export function checkNoAllocation(l: Lowerer): void {
  const p = l.program;
  const funcs = new Map<string, Func>(p.funcs.map((f) => [f.cname, f]));
  const defined = new Set(funcs.keys());
  const calls = callGraph(p);
  const first = new Map<string, Site>();
  for (const f of p.funcs) {
    eachExpr(f.body, f.loc, (x, loc) => {
      const what = heapOperation(x, defined);
      if (what && !first.has(f.cname)) first.set(f.cname, { what, loc });
    });
  }

  /** One shortest path from `root` to an allocating function, as the note's text; undefined when there is none. */
  const pathFrom = (root: string): string | undefined => {
    const parent = new Map<string, string | null>([[root, null]]);
    const queue = [root];
    while (queue.length) {
      const fn = queue.shift()!;
      const site = first.get(fn);
      if (site) {
        const chain: string[] = [];
        for (let at: string | null = fn; at !== null; at = parent.get(at) ?? null) chain.unshift(at);
        const names = chain.map((c) => displayName(l, c)).filter((n): n is string => n !== undefined);
        const where = p.locs[site.loc];
        return `${[...names, site.what].join(" -> ")}${where ? ` at ${where.file}:${where.line}:${where.col}` : ""}`;
      }
      for (const e of calls.get(fn) ?? []) {
        if (parent.has(e.fn) || !funcs.has(e.fn)) continue;
        parent.set(e.fn, fn);
        queue.push(e.fn);
      }
    }
    return undefined;
  };

  const report = (code: "TSOS3007" | "TSOS1291", node: ts.Node, name: string, path: string) => {
    l.error(code, node, name);
    const d = l.diagnostics[l.diagnostics.length - 1]!;
    d.notes = [`path: ${path}`];
  };

  if (p.target === "kernel") {
    for (const handler of p.funcs.filter((f) => f.interrupt)) {
      const path = pathFrom(handler.cname);
      const node = l.funcNodes.get(handler.cname);
      if (path && node) report("TSOS3007", node, displayName(l, handler.cname) ?? handler.cname, path);
    }
  }
  for (const t of allocatorTables(p)) {
    t.view.slots.forEach((slot, i) => {
      const thunk = t.fns[i];
      if (!thunk) return;
      const path = pathFrom(thunk);
      const method = (calls.get(thunk) ?? []).map((e) => e.fn).find((fn) => l.funcNodes.has(fn));
      const node = method ? l.funcNodes.get(method) : undefined;
      if (path && node) report("TSOS1291", node, `${t.cls.tsName}.${slot.prop}`, path);
    });
  }
}

/** The TypeScript name of a function for a call path (`Class.method`, `fn`); undefined for a compiler-made thunk. */
function displayName(l: Lowerer, cname: string): string | undefined {
  const at = l.funcNodes.get(cname); // the declaration's name, or the declaration when it has none (lower/functions.ts)
  if (!at) return undefined;
  const decl = ts.isIdentifier(at) || ts.isPrivateIdentifier(at) || ts.isStringLiteral(at) || ts.isComputedPropertyName(at) ? at.parent : at;
  const cls = decl.parent && ts.isClassLike(decl.parent) ? (decl.parent.name?.text ?? "class") : undefined;
  if (ts.isConstructorDeclaration(decl)) return `new ${cls ?? "class"}`;
  if (ts.isArrowFunction(decl) || (ts.isFunctionExpression(decl) && !decl.name)) return "an arrow function";
  const own = at !== decl ? at.getText() : cname;
  return cls ? `${cls}.${own}` : own;
}
