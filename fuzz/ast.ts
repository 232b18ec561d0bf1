/**
 * fuzz/ast.ts: the generated program's tree, its printer and the edits the
 * shrinker makes.
 *
 * Input:  trees built by gen.ts.
 * Output: TypeScript source text (printProgram), and edited copies of trees.
 * Invariants:
 *   - A tree is a printing template: a Node is text interleaved with child
 *     Nodes and Blocks. Identifiers that belong to one program are written
 *     with the placeholder PREFIX, which the printer replaces, so many
 *     programs can share one compiled file without name clashes.
 *   - Trees are never mutated: an edit copies the path from the root down.
 *   - `alts` are replacements that keep the program well typed and keep its
 *     semantics inside what Node and the dialect share (no overflow, no
 *     panic): the generator only offers such alternatives.
 *   - Every item of a Block may be deleted unless `keep` is set; a deletion
 *     that breaks the program (a used declaration) is refused by the compiler
 *     and the shrinker drops that candidate.
 */

export const PREFIX = "§";

export interface Node {
  id: number;
  parts: Part[];
  /** Simpler replacements with the same type and shared semantics. */
  alts?: Node[];
  /** The shrinker must not delete this item from its block. */
  keep?: boolean;
}

export interface Block {
  id: number;
  block: true;
  items: Node[];
}

export type Part = string | Node | Block;

let nextId = 1;
export function node(parts: Part[], alts?: Node[]): Node {
  const n: Node = { id: nextId++, parts };
  if (alts && alts.length) n.alts = alts;
  return n;
}
export function block(items: Node[]): Block {
  return { id: nextId++, block: true, items };
}
export function isBlock(p: Part): p is Block {
  return typeof p !== "string" && (p as Block).block === true;
}

/** A program: the module-level items and the name of its entry function. */
export interface Program {
  name: string;
  top: Block;
}

export function printProgram(p: Program, prefix: string): string {
  const out: string[] = [];
  printBlockItems(p.top, 0, out);
  return out.join("").split(PREFIX).join(prefix);
}

function printBlockItems(b: Block, indent: number, out: string[]): void {
  for (const item of b.items) {
    out.push("  ".repeat(indent));
    printNode(item, indent, out);
    out.push("\n");
  }
}

function printNode(n: Node, indent: number, out: string[]): void {
  for (const part of n.parts) {
    if (typeof part === "string") out.push(part);
    else if (isBlock(part)) {
      out.push("{\n");
      printBlockItems(part, indent + 1, out);
      out.push("  ".repeat(indent), "}");
    } else printNode(part, indent, out);
  }
}

/** An edit the shrinker tries: delete an item of a block, or replace a node by one of its alternatives. */
export type Edit = { kind: "delete"; block: number; item: number } | { kind: "alt"; node: number; alt: number };

/** Every edit applicable to the live tree (alternatives' own subtrees are not walked). */
export function listEdits(p: Program): Edit[] {
  const deletes: Edit[] = [];
  const alts: Edit[] = [];
  const walkBlock = (b: Block): void => {
    for (const item of b.items) {
      if (!item.keep) deletes.push({ kind: "delete", block: b.id, item: item.id });
      walkNode(item);
    }
  };
  const walkNode = (n: Node): void => {
    n.alts?.forEach((_, i) => alts.push({ kind: "alt", node: n.id, alt: i }));
    for (const part of n.parts) {
      if (typeof part === "string") continue;
      if (isBlock(part)) walkBlock(part);
      else walkNode(part);
    }
  };
  walkBlock(p.top);
  return [...deletes, ...alts];
}

/** Apply edits in order; an edit whose target is gone (an ancestor was deleted) is skipped. */
export function applyEdits(p: Program, edits: Edit[]): Program {
  let top = p.top;
  for (const e of edits) top = editBlock(top, e) ?? top;
  return { ...p, top };
}

function editBlock(b: Block, e: Edit): Block | undefined {
  if (e.kind === "delete" && b.id === e.block) {
    const items = b.items.filter((i) => i.id !== e.item);
    return items.length === b.items.length ? undefined : { ...b, items };
  }
  for (let i = 0; i < b.items.length; i++) {
    const changed = editNode(b.items[i]!, e);
    if (changed) {
      const items = b.items.slice();
      items[i] = changed;
      return { ...b, items };
    }
  }
  return undefined;
}

function editNode(n: Node, e: Edit): Node | undefined {
  if (e.kind === "alt" && n.id === e.node) {
    const alt = n.alts?.[e.alt];
    // The replacement keeps the deletability of the node it replaces.
    return alt ? { ...alt, keep: n.keep } : undefined;
  }
  for (let i = 0; i < n.parts.length; i++) {
    const part = n.parts[i]!;
    if (typeof part === "string") continue;
    const changed = isBlock(part) ? editBlock(part, e) : editNode(part, e);
    if (changed) {
      const parts = n.parts.slice();
      parts[i] = changed;
      return { ...n, parts };
    }
  }
  return undefined;
}

/** Size of the live tree in nodes (to prefer small reproducers and report shrinking). */
export function size(p: Program): number {
  let count = 0;
  const walk = (part: Part): void => {
    if (typeof part === "string") return;
    count++;
    if (isBlock(part)) part.items.forEach(walk);
    else part.parts.forEach(walk);
  };
  walk(p.top);
  return count;
}
