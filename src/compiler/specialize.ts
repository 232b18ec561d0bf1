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
