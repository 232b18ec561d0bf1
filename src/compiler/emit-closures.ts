/**
 * emit-closures.ts: the C of function values (lower/closures.ts, lambdas.ts).
 *
 * Input:  the program's function types, closure environment structs, and the
 *         expressions `fnref`, `callptr`, `closure`, `envfield`, `deref`,
 *         `addrof`, `newcell`.
 * Output: C text. Kernel: a function type is a raw C function pointer
 *         (interrupt handlers, handler tables), exactly as before closures.
 *         Hosted: a function type F is a pointer to a closure object,
 *           typedef struct F__clo F__clo;  // { tsos_cls; tsos_rc; R (*code)(void *self, A...); }
 *           typedef F__clo *F;
 *         a counted object (rc-closures.ts): a capturing closure is
 *         `struct ENV { F__clo head; captures... }` with the descriptor
 *         `ENV__class` (count 1 on the heap; TSOS_RC_STATIC on the stack),
 *         a function without captures a `static F__clo name__clo` with the
 *         count TSOS_RC_STATIC.
 *         A call is `f->code((void *)f, args)`; a call of a known code
 *         (a static object, a closure created right there, or a local
 *         declared once with a closure and never assigned) is direct.
 * Invariants: the environment is read through the pointer the code receives,
 *             as the struct it was created as (never through another type);
 *             a stack closure is a compound literal of the block that
 *             creates it, and lowering only makes one that does not escape.
 */
import type { Expr, Func, Program } from "./ir.ts";
import { fnKindParent } from "./ir.ts";
import { cString, cType, declare } from "./c-syntax.ts";
import { closureDescriptors, newCell } from "./rc-closures.ts";

export interface ClosureEmitter {
  expr(x: Expr, current?: string): string;
  fresh(prefix: string): string;
  L(loc: number): string;
  callWith(args: Expr[], E: (y: Expr) => string, build: (args: string[]) => string): string;
  prototype(f: Func): string;
  /** The code of the closure that local `name` always holds (knownClosureCode), if any. */
  knownCode(name: string): string | undefined;
}

/** Typedefs of the function types (before the types that may use them). */
export function fnTypedefs(p: Program): string[] {
  if (p.target === "kernel") return p.fnTypes.map((f) => `typedef ${cType(f.ret)} (*${f.cname})(${f.params.length ? f.params.map(cType).join(", ") : "void"});`);
  return p.fnTypes.map((f) => `typedef struct ${f.cname}__clo ${f.cname}__clo; typedef ${f.cname}__clo *${f.cname};`);
}

/** The head struct of each function type and each environment struct (after every other type). */
export function closureStructs(p: Program): string[] {
  if (p.target === "kernel") return [];
  const out = p.fnTypes.map((f) => `struct ${f.cname}__clo { const tsos_class *tsos_cls; uint64_t tsos_rc; ${cType(f.ret)} (*code)(${["void *", ...f.params.map(cType)].join(", ")}); };`);
  for (const e of p.closureEnvs ?? []) out.push(`struct ${e.cname} { ${e.fnType}__clo head; ${e.fields.map((f) => `${declare(f.type, f.name)};`).join(" ")} };`);
  return [...out, ...closureDescriptors(p)];
}

const selfless = new WeakMap<Program, Set<string>>();

/** Functions used as values whose code does not take the closure object (made by other lowering code): wrapped here. */
function withoutSelf(p: Program): Set<string> {
  let s = selfless.get(p);
  if (!s) selfless.set(p, (s = new Set(p.funcs.filter((f) => f.params[0]?.name !== "tsos_self").map((f) => f.cname))));
  return s;
}

/** The static closure objects of functions without captures used as values (with their prototypes first). */
export function staticClosures(p: Program, em: ClosureEmitter, used: Map<string, string>): string[] {
  if (p.target === "kernel") return [];
  const byName = new Map(p.funcs.map((f) => [f.cname, f]));
  const out: string[] = [];
  for (const [fn, type] of used) {
    const f = byName.get(fn);
    if (f) out.push(em.prototype(f));
    let code = fn;
    if (f && withoutSelf(p).has(fn)) {
      code = `${fn}__code`;
      const params = f.params.map((q, i) => declare(q.type, `a${i}`));
      const call = `${fn}(${f.params.map((_, i) => `a${i}`).join(", ")})`;
      out.push(`static ${declare(f.ret, code)}(${["void *tsos_self", ...params].join(", ")}) { (void)tsos_self; ${f.ret.k === "void" || f.ret.k === "never" ? `${call};` : `return ${call};`} }`);
    }
    // Its own descriptor where the function has a name (lower/fn-names.ts), which console.log shows.
    // A generator function's or a class's has a mark of its kind as its parent (`[GeneratorFunction: name]`, `[class name]`).
    const name = p.fnNames?.get(fn);
    const kind = p.fnKinds?.get(fn);
    if (name || kind) out.push(`static const tsos_class ${fn}__fnclass = {${fnKindParent(kind)}, TSOS_STR(${cString(name ?? "")}), 0, tsos_fn_static__release, NULL};`);
    out.push(`static ${type}__clo ${fn}__clo = {${name || kind ? `&${fn}__fnclass` : "&tsos_fn_static__class"}, TSOS_RC_STATIC, ${code}};`);
  }
  return out;
}

/** The C of a function-value expression, or undefined for any other kind. */
export function emitClosureExpr(em: ClosureEmitter, p: Program, x: Expr, E: (y: Expr) => string): string | undefined {
  switch (x.e) {
    case "fnref":
      return p.target === "kernel" ? x.fn : `(&${x.fn}__clo)`;
    case "callptr": {
      if (p.target === "kernel") return em.callWith([x.callee, ...x.args], E, ([f, ...args]) => `${f}(${args.join(", ")})`);
      const c = x.callee;
      // A known code: called directly, so gcc can inline it.
      if (c.e === "fnref") return em.callWith(x.args, E, (args) => `${c.fn}(${[...(withoutSelf(p).has(c.fn) ? [] : [`(void *)&${c.fn}__clo`]), ...args].join(", ")})`);
      if (c.e === "closure") return em.callWith([c, ...x.args], E, ([f, ...args]) => `${c.fn}(${[`(void *)${f}`, ...args].join(", ")})`);
      const known = c.e === "local" ? em.knownCode(c.name) : undefined;
      // (A code without the closure object still evaluates the callee, which may be held in a temporary.)
      if (known) return em.callWith([c, ...x.args], E, ([f, ...args]) => (withoutSelf(p).has(known) ? `((void)${f}, ${known}(${args.join(", ")}))` : `${known}(${[`(void *)${f}`, ...args].join(", ")})`));
      return em.callWith([c, ...x.args], E, ([f, ...args]) => {
        if (/^[A-Za-z_]\w*$/.test(f!)) return `${f}->code(${[`(void *)${f}`, ...args].join(", ")})`;
        const t = em.fresh("tsos_fn");
        return `({ ${cType(c.type)} ${t} = ${f}; ${t}->code(${[`(void *)${t}`, ...args].join(", ")}); })`;
      });
    }
    case "closure": {
      const fields = x.fields.map((f, i) => `, .${f} = ${E(x.values[i]!)}`).join("");
      // On the stack: never freed (static count); on the heap: one reference, the consumer's.
      if (!x.heap) return `(&(struct ${x.env}){{&${x.env}__sclass, TSOS_RC_STATIC, ${x.fn}}${fields}}.head)`;
      const t = em.fresh("tsos_clo");
      return `({ struct ${x.env} *${t} = tsos_new(sizeof(struct ${x.env}), &${x.env}__class, ${em.L(x.loc)}); *${t} = (struct ${x.env}){{&${x.env}__class, 1, ${x.fn}}${fields}}; (${cType(x.type)})&${t}->head; })`;
    }
    case "envfield":
      return x.name ? `((const struct ${x.env} *)tsos_self)->${x.name}` : `((${cType(x.type)})tsos_self)`;
    case "deref":
      return `(*${E(x.ptr)})`;
    case "addrof":
      return x.x.e === "deref" ? E(x.x.ptr) : `(&${E(x.x)})`;
    case "newcell":
      return newCell(p, x, em.L(x.loc));
  }
  return undefined;
}

