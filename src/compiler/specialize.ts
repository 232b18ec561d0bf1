/**
 * specialize.ts: copies of a function for the closure a caller passes it, so
 * the callback is called directly (hosted programs).
 *
 * Input:  the program after reference counting (rc.ts), whose calls pass
 *         closures created right there: `array__filter_number(xs, (&(struct
 *         env){..., lambda}).head)`, or a local that always holds one
 *         (emit-closures.ts knownClosureCode).
 * Output: knownClosureCode, for the emitter: the locals and parameters whose
 *         closure code is known. And for each (function, parameter, closure code) met at a call, one
 *         copy of the function, named `<fn>__with_<code>`, whose `knownParams`
 *         says that the parameter holds a closure with that code; the call
 *         calls the copy. The emitter then calls the parameter's code
 *         directly (`lambda(f, x)` instead of `f->code(f, x)`), which gcc
 *         can inline into the loop of `filter`, `map`, `reduce` or `sort`.
 *         Calls inside a copy that pass the parameter on (sort's merge
 *         helpers) are specialized in turn. A copy that loops is emitted
 *         noinline (emit-c.ts loopOfCallback): its loop keeps its registers.
 *         In a copy for closure code that releases nothing (rc.ts
 *         releaseFreeFunctions, Program.releaseFree), the counts rc.ts gave
 *         the arguments of calls through the parameter go (unpinQuietArgs).
 * Invariants:
 *   - A copy behaves exactly as the original: it receives the same closure
 *     object (captures, count and all), and only the way it is called
 *     changes. A parameter that its function assigns or takes the address
 *     of is never specialized (it could hold another closure).
 *   - Rewriting builds new statements and expressions; no body is changed
 *     in place, so an original and its copies never share a mutation.
 *   - Bounded: functions larger than MAX_BODY expressions are not copied,
 *     and at most MAX_COPIES copies are made per program, so the C grows by
 *     a bounded amount; a call past the bound keeps the indirect call.
 */
import { type Expr, type Func, type Program, type Stmt, mapChildExprs, mapStmtExprs, walkExprs } from "./ir.ts";

const MAX_BODY = 1500;
const MAX_COPIES = 200;

export function specializeCallbacks(p: Program): void {
  if (p.target === "kernel") return;
  const byName = new Map(p.funcs.map((f) => [f.cname, f]));
  const copies = new Map<string, Func>();
  const sizes = new Map<string, number>();
  const work: Func[] = [...p.funcs];
  const size = (f: Func): number => {
    let n = sizes.get(f.cname);
    if (n === undefined) {
      n = 0;
      walkExprs(f.body, () => n!++);
      sizes.set(f.cname, n);
    }
    return n;
  };
  /** The copy of `callee` for closure codes `codes` (parameter name -> code), made on first use. */
  const copyOf = (callee: Func, codes: Map<string, string>): Func | undefined => {
    const key = `${callee.cname}|${[...codes].map(([k, v]) => `${k}=${v}`).join(",")}`;
    const known = copies.get(key);
    if (known) return known;
    if (copies.size >= MAX_COPIES || size(callee) > MAX_BODY) return undefined;
    const suffix = [...codes.values()].join("__");
    const copy: Func = { ...callee, cname: `${callee.cname}__with_${suffix}`, knownParams: { ...callee.knownParams, ...Object.fromEntries(codes) } };
    // Only parameters the function never assigns: knownClosureCode applies the same rule to knownParams.
    const kept = knownClosureCode(copy);
    for (const name of codes.keys()) if (!kept.has(name)) return undefined;
    const quiet = [...codes].filter(([, code]) => p.releaseFree?.has(code)).map(([name]) => name);
    if (quiet.length) copy.body = unpinQuietArgs(copy.body, new Set(quiet));
    copies.set(key, copy);
    byName.set(copy.cname, copy);
    p.funcs.push(copy);
    if (p.mayThrow?.fns.has(callee.cname)) p.mayThrow.fns.add(copy.cname);
    work.push(copy);
    return copy;
  };
  for (let f = work.pop(); f; f = work.pop()) {
    const known = knownClosureCode(f);
    const retarget = (x: Expr): Expr => {
      const y = mapChildExprs(x, retarget);
      if (y.e !== "call") return y;
      const callee = byName.get(y.fn);
      if (!callee || callee === f) return y;
      const codes = new Map<string, string>();
      y.args.forEach((a, i) => {
        const param = callee.params[i];
        if (!param || param.type.k !== "fn") return;
        const code = codeOf(a, known);
        if (code && callee.knownParams?.[param.name] !== code) codes.set(param.name, code);
      });
      if (!codes.size) return y;
      const copy = copyOf(callee, codes);
      return copy ? { ...y, fn: copy.cname } : y;
    };
    f.body = mapStmtExprs(f.body, retarget);
  }
}

/**
 * A copy's body where the calls through the parameters `quiet`, whose
 * closure code releases no object and allocates nothing (rc.ts
 * releaseFreeFunctions), get their arguments without counts: rc.ts retained
 * each counted one into a temporary (`tsos_rcN = retain(x)`) released after
 * the statement, as it must for code it cannot see (a callback may pop the
 * array it was given). Here the code is known to release nothing, and every
 * argument is a plain read (a local, an element or field of one), so what an
 * argument refers to stays alive through the call, held by what it was read
 * from. The temporaries' declarations and releases (the unwind paths' too) go.
 */
function unpinQuietArgs(body: Stmt[], quiet: Set<string>): Stmt[] {
  const temps = new Set<string>();
  /** `[temporary, value]` of an argument `tsos_rcN = retain(value)`. */
  const retained = (a: Expr): [string, Expr] | undefined => {
    if (a.e !== "assign" || a.target.e !== "local" || !a.target.name.startsWith("tsos_rc")) return undefined;
    if (a.value.e !== "call" || !/^tsos_(str_)?retain/.test(a.value.fn) || a.value.args.length !== 1) return undefined;
    return [a.target.name, a.value.args[0]!];
  };
  const rewrite = (x: Expr): Expr => {
    const y = mapChildExprs(x, rewrite);
    if (y.e !== "callptr" || y.callee.e !== "local" || !quiet.has(y.callee.name)) return y;
    const found = y.args.map(retained);
    const args = y.args.map((a, i) => found[i]?.[1] ?? a);
    if (!found.some((r) => r) || !args.every(plainRead)) return y;
    for (const r of found) if (r) temps.add(r[0]);
    return { ...y, args };
  };
  const out = mapStmtExprs(body, rewrite);
  return temps.size ? dropTemps(out, temps) : out;
}

/** Whether evaluating `x` only reads: a local, a constant, an element or field of such, a conversion of one. */
function plainRead(x: Expr): boolean {
  switch (x.e) {
    case "local": case "int": case "num": case "bool": return true;
    case "convert": return plainRead(x.x);
    case "index": return plainRead(x.arr) && plainRead(x.idx);
    case "field": return plainRead(x.obj);
    default: return false;
  }
}

/** `list` without the declarations of the temporaries `temps` and the statements releasing them. */
function dropTemps(list: Stmt[], temps: Set<string>): Stmt[] {
  const releases = (s: Stmt): boolean => {
    if (s.s !== "expr" || s.x.e !== "call" || !/release/.test(s.x.fn) || s.x.args.length !== 1) return false;
    const a = s.x.args[0]!;
    return a.e === "local" && temps.has(a.name);
  };
  const D = (l: Stmt[]): Stmt[] => l.filter((s) => !(s.s === "let" && temps.has(s.name)) && !releases(s)).map(st);
  const st = (s: Stmt): Stmt => {
    switch (s.s) {
      case "if": return { ...s, then: D(s.then), else: s.else && D(s.else) };
      case "while": case "dowhile": return { ...s, body: D(s.body) };
      case "for": return { ...s, init: D(s.init), body: D(s.body) };
      case "block": case "unwind": return { ...s, body: D(s.body) };
      case "switch": return { ...s, cases: s.cases.map((k) => ({ ...k, body: D(k.body) })) };
      default: return s;
    }
  };
  return D(list);
}

/** The code of the closure that argument `a` evaluates to, if known: one created there, a function's static closure, a local that always holds one. */
function codeOf(a: Expr, known: Map<string, string>): string | undefined {
  if (a.e === "closure" || a.e === "fnref") return a.fn;
  if (a.e === "local") return known.get(a.name);
  if (a.e === "assign") return codeOf(a.value, known); // a temporary that the statement releases
  return undefined;
}

/**
 * The locals of `f` that hold one closure for their whole life: declared once
 * (`const next = () => ...`), initialized with a closure (or a parameter that
 * specialize.ts knows the closure of), never assigned and never taken by address (a cell another closure writes through). A call
 * through such a local calls the closure's code directly, so gcc can inline
 * it (the object still goes in as `self`, for its captures).
 */
export function knownClosureCode(f: Func): Map<string, string> {
  const declared = new Map<string, number>(f.params.map((q) => [q.name, 1]));
  const code = new Map<string, string>(Object.entries(f.knownParams ?? {}));
  const visit = (list: Stmt[]): void => {
    for (const s of list) {
      switch (s.s) {
        case "let":
          declared.set(s.name, (declared.get(s.name) ?? 0) + 1);
          if (s.init?.e === "closure") code.set(s.name, s.init.fn);
          break;
        case "if": visit(s.then); if (s.else) visit(s.else); break;
        case "while": case "dowhile": case "block": case "unwind": visit(s.body); break;
        case "for": visit(s.init); visit(s.body); break;
        case "switch": s.cases.forEach((c) => visit(c.body)); break;
      }
    }
  };
  visit(f.body);
  for (const name of code.keys()) if (declared.get(name) !== 1) code.delete(name);
  if (!code.size) return code;
  walkExprs(f.body, (x) => {
    if ((x.e === "assign" || x.e === "compound") && x.target.e === "local") code.delete(x.target.name);
    if (x.e === "addrof" && x.x.e === "local") code.delete(x.x.name);
  });
  return code;
}
