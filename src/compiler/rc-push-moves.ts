/**
 * rc-push-moves.ts: a block's last use of a local that is a `push` gives the
 * array the local's own reference (a move) instead of a new one.
 *
 * Input:  a block's statements as rc.ts made them (its scope-end releases
 *         included), the names its scope declares (the managed locals it
 *         releases) and the C names of the retain and release of a type.
 * Output: the same statements where
 *           arr.push(retain(x)); <releases of locals, x's among them; a jump>
 *         becomes
 *           arr.push(x); <the same releases but x's; the jump>
 *         for a local `x` of this scope, or of a scope the jump leaves.
 * Invariants: after the push only releases and at most a jump run (the
 *   push's array is a local and its one argument is x), so x is dead, no
 *   code can observe its count, and nothing can throw with x's reference
 *   given away (an unwind block would be a statement of its own). The
 *   releases between are decrements of other objects: the reference x gave
 *   the array keeps its object alive as x's own did, and a release that
 *   frees the array releases that reference as it would have released the
 *   retained one. A local whose address is taken (a ref-mode slot) is left
 *   alone: it could be read through the address.
 */
import type { Expr, Stmt, Type } from "./ir.ts";
import { walkExprs } from "./ir.ts";

type Local = Extract<Expr, { e: "local" }>;

const isLocal = (x: Expr | undefined): x is Local => x?.e === "local";

/** `fn(local)` as a call expression of one local argument, else undefined. */
function callOfLocal(x: Expr, fn: string): Local | undefined {
  if (x.e !== "call" || x.fn !== fn || x.args.length !== 1) return undefined;
  const a = x.args[0];
  return isLocal(a) ? a : undefined;
}

/** A statement that may follow the push of `name`: a local's release, or a jump (a `return` of nothing or of another local). */
function tailStmt(s: Stmt, name: string, releaseOf: (t: Type) => string): boolean {
  if (s.s === "break" || s.s === "continue" || s.s === "raise") return true;
  if (s.s === "return") return s.x === undefined || (isLocal(s.x) && s.x.name !== name);
  return s.s === "expr" && releasedLocal(s, releaseOf) !== undefined;
}

/** The local a statement `release(local)` releases. */
function releasedLocal(s: Stmt, releaseOf: (t: Type) => string): Local | undefined {
  if (s.s !== "expr" || s.x.e !== "call" || s.x.args.length !== 1) return undefined;
  const a = s.x.args[0]!;
  return isLocal(a) && s.x.fn === releaseOf(a.type) ? a : undefined;
}

export function movePushedLocals(out: Stmt[], decls: readonly string[], retainOf: (t: Type) => string, releaseOf: (t: Type) => string): Stmt[] {
  const own = new Set(decls);
  for (let i = 0; i + 1 < out.length; i++) {
    const push = out[i]!;
    if (push.s !== "expr") continue;
    const m = push.x;
    if (m.e !== "arraymethod" || m.method !== "push" || m.args.length !== 1 || !isLocal(m.arr)) continue;
    const arg = m.args[0]!;
    const x = callOfLocal(arg, retainOf(arg.type));
    if (!x || m.arr.name === x.name || retainOf(x.type) !== retainOf(arg.type)) continue;
    const tail = out.slice(i + 1);
    // A local of an enclosing scope: only when a jump leaves its scope (the releases before a jump are of the scopes it leaves).
    const last = tail[tail.length - 1]!;
    if (!own.has(x.name) && last.s !== "break" && last.s !== "continue" && last.s !== "return" && last.s !== "raise") continue;
    if (!tail.every((s) => tailStmt(s, x.name, releaseOf))) continue;
    const releases = tail.flatMap((s, k) => (releasedLocal(s, releaseOf)?.name === x.name ? [k] : []));
    if (releases.length !== 1) continue;
    let addressed = false;
    walkExprs(out, (y) => { if (y.e === "addrof" && isLocal(y.x) && y.x.name === x.name) addressed = true; });
    if (addressed) continue;
    const moved: Stmt = { ...push, x: { ...m, args: [x] } };
    return [...out.slice(0, i), moved, ...tail.filter((_, k) => k !== releases[0])];
  }
  return out;
}
