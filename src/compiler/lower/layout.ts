/**
 * lower/layout.ts: sizes and alignments of layout structs, as C lays them out.
 *
 * Input:  IR types (integers, pointers, layout structs, FixedArray).
 * Output: size and alignment in bytes; `sizeOf<T>()` folds to this number and
 *         the emitter also checks it against gcc with _Static_assert.
 * Invariants: `@struct` follows the C (SysV x86_64) rules: each field at the
 *             next multiple of its alignment, size rounded up to the largest
 *             alignment; `@packed` has no padding and alignment 1.
 */
import type { ClassInst, Type } from "../ir.ts";
import { INT_INFO } from "../ints.ts";

export interface Layout {
  size: number;
  align: number;
}

export function layoutOf(t: Type): Layout | undefined {
  switch (t.k) {
    case "int": {
      const bytes = INT_INFO[t.kind].bits / 8;
      return { size: bytes, align: bytes };
    }
    case "bool":
      return { size: 1, align: 1 };
    case "ptr":
    case "fn":
      return { size: 8, align: 8 };
    case "atomic":
      return t.kind === "bool" ? { size: 1, align: 1 } : { size: 4, align: 4 };
    case "fixed": {
      const e = layoutOf(t.elem);
      return e && { size: e.size * t.len, align: e.align };
    }
    case "class":
      return t.cls.layout ? structLayout(t.cls) : undefined;
    default:
      return undefined;
  }
}

export function structLayout(cls: ClassInst): Layout | undefined {
  let size = 0;
  let align = 1;
  for (const f of cls.fields) {
    const l = layoutOf(f.type);
    if (!l) return undefined;
    const a = cls.layout === "packed" ? 1 : l.align;
    size = Math.ceil(size / a) * a + l.size;
    align = Math.max(align, a);
  }
  return { size: Math.ceil(size / align) * align, align };
}
