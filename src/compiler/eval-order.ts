/**
 * eval-order.ts: what an IR expression reads and writes, so the emitter can
 * keep JavaScript's left-to-right evaluation order in C, which leaves the
 * order of operands and arguments unspecified.
 *
 * Input:  IR expressions (ir.ts).
 * Output: `Access` sets (the locals an expression reads or writes by name,
 *         and whether it touches anything else mutable: "memory"), and
 *         `mustHoist`, the rule the emitter applies to every list of sibling
 *         operands (binary operands, arguments, array elements, template
 *         parts, assignment target parts and value).
 * The rule: operand i must be evaluated into a temporary before the others
 * when a later sibling j could change what i reads, i could change what j
 * reads, or both write the same thing. Then every non-constant operand up to
 * the last such i is evaluated into a temporary, in order, and the rest stay
 * inline (they are independent of each other). When no later operand has a
 * side effect, nothing is hoisted: the C stays as tight as hand-written code.
 * Invariants:
 *   - A local can only be written by an assignment or `++`/`--` naming it
 *     (a variable that a closure could change lives in a cell, read through
 *     `deref`: memory), so a call never changes a local; it may change any
 *     memory (globals, fields, elements, cells).
 *   - Strings are immutable values: `s.length` and `s[i]` read only `s`.
 *   - A `pure` call (a runtime math helper, lower/number.ts) reads and writes
 *     only its arguments.
 *   - A panic is not a side effect for ordering: every panic is a run that
 *     no longer matches Node anyway.
 *   - `current` (the old value inside a compound assignment) is a temporary
 *     whenever the new value has effects (emit-c.ts `compound`), so it reads
 *     nothing that can change.
 */
import type { Expr } from "./ir.ts";
import { childExprs } from "./ir.ts";

export interface Access {
  locals: Set<string>;
  memory: boolean;
}

const none = (): Access => ({ locals: new Set(), memory: false });

function merge(into: Access, from: Access): Access {
  for (const n of from.locals) into.locals.add(n);
  into.memory ||= from.memory;
  return into;
}

/** Kinds that run arbitrary code or do I/O: they read and write any memory. */
const RUNS_CODE = new Set(["call", "new", "callptr", "intrinsic", "panic", "exit", "noreturn", "viewcall", "stamp"]);

/** Everything evaluating `x` may read. */
export function readsOf(x: Expr): Access {
  const acc = none();
  switch (x.e) {
    case "local":
      acc.locals.add(x.name);
      break;
    case "global":
    case "field":
    case "index":
    case "ptrop":
    case "atomic":
    case "deref": // a captured variable's cell (lower/closures.ts)
      acc.memory = true;
      break;
    case "arraymethod":
      acc.memory = true;
      break;
    default:
      if (RUNS_CODE.has(x.e) && !(x.e === "call" && x.pure)) acc.memory = true;
  }
  for (const c of childExprs(x)) {
    // The target of a plain assignment to a local is written, not read.
    if (c.isAssignTarget && c.x.e === "local") continue;
    merge(acc, readsOf(c.x));
  }
  return acc;
}

/** Everything evaluating `x` may write. */
export function writesOf(x: Expr): Access {
  const acc = none();
  if (x.e === "assign" || x.e === "compound") {
    if (x.target.e === "local") acc.locals.add(x.target.name);
    else acc.memory = true;
  } else if (RUNS_CODE.has(x.e) && !(x.e === "call" && x.pure)) acc.memory = true;
  else if (x.e === "arraymethod" && x.method !== "length") acc.memory = true;
  else if (x.e === "atomic" && x.op !== "new" && x.op !== "load") acc.memory = true;
  // A volatile read may be a device register with side effects.
  else if (x.e === "ptrop" && (x.op === "write" || x.op === "writeVolatile" || x.op === "readVolatile")) acc.memory = true;
  for (const c of childExprs(x)) merge(acc, writesOf(c.x));
  return acc;
}

function meets(a: Access, b: Access): boolean {
  if (a.memory && b.memory) return true;
  for (const n of a.locals) if (b.locals.has(n)) return true;
  return false;
}

function isEmpty(a: Access): boolean {
  return !a.memory && a.locals.size === 0;
}

/** Whether evaluating `x` can change state that another operand could observe. */
export function hasEffects(x: Expr): boolean {
  return !isEmpty(writesOf(x));
}

/** Whether `x` always yields the same value: it reads and writes nothing mutable. */
export function isConstant(x: Expr): boolean {
  return isEmpty(readsOf(x)) && isEmpty(writesOf(x));
}

/**
 * How many leading operands must be evaluated into temporaries (in order)
 * so that `xs` is evaluated left to right: 0 when C's unspecified order
 * cannot be observed.
 */
export function mustHoist(xs: Expr[]): number {
  const writes = xs.map(writesOf);
  const writers = xs.map((_, i) => i).filter((i) => !isEmpty(writes[i]!));
  // Nothing writes: any order gives the same values (the common case, and long constant tables stay linear).
  if (writers.length === 0) return 0;
  const reads = xs.map(readsOf);
  let count = 0;
  for (const w of writers) {
    for (let k = 0; k < xs.length; k++) {
      if (k === w) continue;
      // The earlier of the two must go first.
      if (meets(writes[w]!, reads[k]!) || meets(writes[w]!, writes[k]!)) count = Math.max(count, Math.min(k, w) + 1);
    }
  }
  return count;
}

/** Whether evaluating `x` assigns the local or global named `name`. */
export function assignsVariable(x: Expr, name: string): boolean {
  if ((x.e === "assign" || x.e === "compound") && (x.target.e === "local" || x.target.e === "global") && x.target.name === name) return true;
  return childExprs(x).some((c) => assignsVariable(c.x, name));
}
