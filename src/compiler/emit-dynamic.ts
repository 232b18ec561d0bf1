/**
 * emit-dynamic.ts: C for the dynamic-value IR nodes (todyn, fromdyn, dynis)
 * and the descriptors of the types boxed as `unknown` (lower/dynamic.ts).
 *
 * Input:  those IR expressions, typed and converted by lowering; the
 *         descriptors of Program.dynTypes that reachable code names.
 * Output: C expressions over runtime/tsos_dyn.h, and one static const
 *         tsos_dyntype per used descriptor.
 * Invariants: a checked unboxing goes through a tsos_dyn_as_* helper, which
 *             panics at the TypeScript location on a value of another kind.
 */
import type { Expr, Program, Type } from "./ir.ts";
import { cString, cType } from "./c-syntax.ts";

interface DynEmitter {
  expr(x: Expr, current?: string): string;
  fresh(prefix: string): string;
  L(loc: number): string;
}

/** The C of a dynamic-value node, or undefined for any other node. */
export function emitDynamic(em: DynEmitter, x: Expr, E: (y: Expr) => string): string | undefined {
  switch (x.e) {
    case "todyn":
      return boxCode(em, x.x.type, E(x.x), x.desc);
    case "fromdyn":
      return unboxCode(em, x, E(x.x));
    case "dynis":
      if (x.cls?.familyOf) return `tsos_dyn_instanceof_any(${E(x.x)}, ${x.cls.cname})`;
      if (x.cls) return `tsos_dyn_${x.exact ? "isclass" : "instanceof"}(${E(x.x)}, &${x.cls.cname}__class)`;
      return `tsos_dyn_is_exactly(${E(x.x)}, &${x.desc})`;
  }
  return undefined;
}

function boxCode(em: DynEmitter, t: Type, code: string, desc: string | undefined): string {
  switch (t.k) {
    case "int":
      return `tsos_dyn_num(${code})`;
    case "bool":
      return `tsos_dyn_bool(${code})`;
    case "str":
      return `tsos_dyn_str(${code})`;
    case "view": {
      const v = em.fresh("tsos_dv");
      return `({ ${cType(t)} ${v} = ${code}; tsos_dyn_view(${v}.obj, ${v}.vt, &${desc}); })`;
    }
    case "never":
      return code;
    default:
      return `tsos_dyn_ptr((const void *)(${code}), &${desc})`;
  }
}

function unboxCode(em: DynEmitter, x: Extract<Expr, { e: "fromdyn" }>, code: string): string {
  const t = x.type;
  const L = em.L(x.loc);
  switch (t.k) {
    case "int":
      return x.check ? `tsos_dyn_as_num(${code}, ${L})` : `(${code}).u.n`;
    case "bool":
      return x.check ? `tsos_dyn_as_bool(${code}, ${L})` : `(${code}).u.b`;
    case "str":
      return x.check ? `tsos_dyn_as_str(${code}, ${L})` : `(${code}).u.s`;
    case "class":
      if (x.check) return `((${cType(t)})tsos_dyn_as_obj(${code}, &${t.cls.cname}__class, ${cString(`a ${t.cls.tsName}`)}, ${L}))`;
      return `((${cType(t)})(${code}).u.p)`;
    case "view": {
      const v = em.fresh("tsos_dv");
      const checked = x.check ? `tsos_dyn_as_exactly(${code}, &${x.desc}, ${L})` : code;
      return `({ tsos_dyn ${v} = ${checked}; (${cType(t)}){${v}.u.v.obj, ${v}.u.v.vt}; })`;
    }
    default: {
      if (x.copy) return `((${cType(t)})tsos_dyn_as_array_copy(${code}, &${x.desc}, ${L}))`;
      const checked = x.check ? `tsos_dyn_as_exactly(${code}, &${x.desc}, ${L})` : `(${code})`;
      return `((${cType(t)})${checked}.u.p)`;
    }
  }
}

/** The descriptor a dynamic node names, if any (emit-program.ts marks it used). */
export function descriptorNamed(x: Expr): string | undefined {
  return (x.e === "todyn" || x.e === "fromdyn" || x.e === "dynis") ? x.desc : undefined;
}

/** The functions of descriptor `name` (show, String, and the copy as an array of unknowns). */
export function descriptorFunctions(p: Program, name: string): string[] {
  const d = p.dynTypes?.find((t) => t.cname === name);
  return d ? [d.show, d.str, ...(d.toArray ? [d.toArray] : []), ...(d.json ? [d.json] : [])] : [];
}

/** The static descriptors of the used boxed types. */
export function dynDescriptors(p: Program, used: Set<string>): string[] {
  const out: string[] = [];
  for (const d of p.dynTypes ?? []) {
    if (!used.has(d.cname)) continue;
    out.push(`static const tsos_dyntype ${d.cname} = {${d.kind === "fn" ? "TSOS_DYN_FN" : "TSOS_DYN_OBJ"}, ${cString(d.name)}, ${d.isArray}, ${d.show}, ${d.str}, ${d.toArray ?? "NULL"}, ${d.json ?? "NULL"}};`);
  }
  return out;
}
