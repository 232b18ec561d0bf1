/**
 * rc-closures.ts: the counted closure objects and cells of the hosted target
 * (docs/design/memory.md "Closures").
 *
 * Input:  the program's closure environments (lower/closures.ts, lambdas.ts,
 *         method-values.ts) and the cells its functions allocate (`newcell`).
 * Output: C text: the descriptor of each environment struct (a
 *         `release_fields` that releases the counted captures, a `trace`
 *         for the cycle collector when it captures anything counted), the
 *         shared descriptor of static and stack closures, and one descriptor
 *         per cell element type, plus the cell macros `tsos_retain_cell` /
 *         `tsos_release_cell` that rc.ts emits.
 * Invariants:
 *   - A closure object starts with the object header (`tsos_cls`,
 *     `tsos_rc`) then `code`: tsos_retain / tsos_release treat it as any
 *     object. Static closures (a function without captures) and stack
 *     closures (a closure that does not escape) have the count
 *     TSOS_RC_STATIC and the descriptor `tsos_fn_static__class`: never freed.
 *   - A counted cell is `{ header; T value }` and a cell pointer points at
 *     the value, TSOS_CELL_HEAD bytes after the header.
 *   - Kernel: nothing here (function values are raw C function pointers).
 */
import type { Expr, Program, Type } from "./ir.ts";
import { fnKindParent, walkExprs } from "./ir.ts";
import { cString, cType } from "./c-syntax.ts";
import { countKind, cyclicTypes, releaseName, unionVisit } from "./rc.ts";
import { STR_RELEASE } from "./rc-strings.ts";
import type { ClassInst } from "./ir.ts";

/**
 * Whether a reference of type `t` can lead back to a closure or cell, so
 * that a closure or cell holding it can be part of a cycle: a function
 * value, a view (any object), a cell of such a value, or an object of a
 * class or array type that can be in a cycle (rc.ts cyclicTypes: a class
 * with a function-typed field is one). A string refers to nothing. Only closures and cells holding such a
 * reference get a trace function: the others never become possible roots
 * of the cycle collector (they are freed as soon as their count is zero).
 */
function mayCycle(t: Type, cyclic: { classes: Set<ClassInst>; arrays: Set<string> }): boolean {
  const inner = t.k === "nullable" ? t.inner : t;
  const k = countKind(inner);
  if (k === undefined || k === "str") return false;
  if (inner.k === "fn" || inner.k === "view" || inner.k === "dyn") return true;
  if (inner.k === "union") return inner.members.some((m) => mayCycle(m, cyclic));
  if (inner.k === "cell") return mayCycle(inner.elem, cyclic);
  if (inner.k === "array") return cyclic.arrays.has(inner.cname);
  return inner.k === "class" && cyclic.classes.has(inner.cls);
}

/** The C that releases (and the statement that shows the collector) the reference `ref` of type `t` holds, or undefined when it holds none. */
function refOf(t: Type, ref: string): { release: string; visit: string } | undefined {
  const k = countKind(t);
  // A string is released but never shown to the collector (mayCycle is false for it).
  if (k === "str") return { release: `${STR_RELEASE}(${ref})`, visit: "" };
  if (k === "union" || k === "dyn") return { release: `${releaseName(t)}(${ref})`, visit: unionVisit(t, ref) };
  const obj = k === "ptr" ? `(void *)${ref}` : k === "view" ? `(void *)${ref}.obj` : k === "cell" ? `(void *)((char *)(void *)${ref} - TSOS_CELL_HEAD)` : undefined;
  if (obj === undefined) return undefined;
  const release = k === "cell" ? `tsos_release_cell(${ref})` : `tsos_release(${obj})`;
  return { release, visit: `if ((uintptr_t)${obj} > 1) visit(${obj});` };
}

/** Descriptors and functions of the environments and cells (after the environment structs). */
export function closureDescriptors(p: Program): string[] {
  if (!p.fnTypes.length && !p.closureEnvs?.length && !cellClassMap(p).size) return [];
  const cyclic = cyclicTypes(p.classes, p.arrays);
  const out = [
    "static void tsos_fn_static__release(void *p) { (void)p; }",
    "__attribute__((unused)) static const tsos_class tsos_fn_static__class = {NULL, TSOS_STR(\"\"), 0, tsos_fn_static__release, NULL};",
  ];
  for (const e of p.closureEnvs ?? []) {
    const refs = e.fields.map((f) => refOf(f.type, `e->${f.name}`)).filter((r) => r !== undefined);
    out.push(`static void ${e.cname}__release(void *p) {${refs.length ? ` struct ${e.cname} *e = p;` : " (void)p;"}${refs.map((r) => ` ${r.release};`).join("")} }`);
    // The trace shows every counted capture (trial deletion must subtract all of them), but only when one may cycle.
    const traced = e.fields.some((f) => mayCycle(f.type, cyclic));
    if (traced) {
      const visits = refs.filter((r) => r.visit !== "").map((r) => ` ${r.visit}`).join("");
      out.push(`static void ${e.cname}__trace(void *p, void (*visit)(tsos_obj *)) { struct ${e.cname} *e = p;${visits} }`);
    }
    // The descriptor carries the function's JavaScript name (lower/fn-names.ts); a wrapper's parent marks it (tsos_fn_origin).
    const parent = e.wrapper ? "&tsos_fn_wrapper_mark" : fnKindParent(p.fnKinds?.get(e.cname));
    const name = `TSOS_STR(${cString(p.fnNames?.get(e.cname) ?? "")})`;
    out.push(`__attribute__((unused)) static const tsos_class ${e.cname}__class = {${parent}, ${name}, sizeof(struct ${e.cname}), ${e.cname}__release, ${traced ? `${e.cname}__trace` : "NULL"}};`);
    // The same for the closure made on the stack, which is never released.
    out.push(`__attribute__((unused)) static const tsos_class ${e.cname}__sclass = {${parent}, ${name}, 0, tsos_fn_static__release, NULL};`);
  }
  for (const [elem, name] of cellClasses(p)) {
    const c = cType(elem);
    const r = refOf(elem, `(*(${c} *)((char *)p + TSOS_CELL_HEAD))`);
    out.push(`static void ${name}__release(void *p) { ${r ? `${r.release};` : "(void)p;"} }`);
    const traced = r !== undefined && mayCycle(elem, cyclic);
    if (traced) out.push(`static void ${name}__trace(void *p, void (*visit)(tsos_obj *)) { ${r.visit} }`);
    out.push(`__attribute__((unused)) static const tsos_class ${name}__class = {NULL, TSOS_STR("cell"), TSOS_CELL_HEAD + sizeof(${c}), ${name}__release, ${traced ? `${name}__trace` : "NULL"}};`);
  }
  return out;
}

const cellMemo = new WeakMap<Program, Map<string, [Type, string]>>();

/** The descriptor name of each cell element type the program allocates, by its C type. */
function cellClassMap(p: Program): Map<string, [Type, string]> {
  let m = cellMemo.get(p);
  if (m) return m;
  m = new Map();
  cellMemo.set(p, m);
  const found = m;
  const visit = (x: Expr): void => {
    if (x.e !== "newcell" || x.type.k !== "cell") return;
    const key = cType(x.type.elem);
    if (!found.has(key)) found.set(key, [x.type.elem, `tsos_cell${found.size}`]);
  };
  for (const f of p.funcs) walkExprs(f.body, visit);
  return m;
}

function cellClasses(p: Program): [Type, string][] {
  return [...cellClassMap(p).values()];
}

/** The C of `newcell`: a zeroed counted cell (count 1), as a pointer to its value. */
export function newCell(p: Program, x: Extract<Expr, { e: "newcell" }>, loc: string): string {
  const elem = (x.type as { elem: Type }).elem;
  const hit = cellClassMap(p).get(cType(elem));
  if (!hit) throw new Error(`no cell descriptor for ${cType(elem)}`);
  return `((${cType(x.type)})(void *)((char *)tsos_new(TSOS_CELL_HEAD + sizeof(${cType(elem)}), &${hit[1]}__class, ${loc}) + TSOS_CELL_HEAD))`;
}
