/**
 * kernel/arch/x86_64/paging_dump.ts: the mapped ranges of a 4-level
 * hierarchy, merged, for humans (like Linux's
 * /sys/kernel/debug/page_tables).
 *
 * Intel SDM vol. 3A, 4.5 "4-Level Paging" and 4.6 "Access Rights": a page is
 * writable only if R/W is set at every level, user-accessible only if U/S
 * is, and no-execute if XD is set at any level (with EFER.NXE).
 * Input: a mapper (its level-4 table, reached through its offset).
 * Output: walkMappedRanges() calls `visit` once per maximal run of
 * virtually contiguous pages with the same effective permissions and page
 * size, in address order (addresses above the canonical hole sign-extended);
 * printPageTables() prints one line per run on the console, e.g.
 *   0x0000000000100000-0x0000000000105000 20 KiB 4K r-x
 * Invariants: reads the tables only; nothing allocates (visitors get a
 * static MappedRange that is overwritten for the next run).
 */
import { print, println } from "../../console.ts";
import { HUGE_PAGE, NO_EXECUTE, PRESENT, PageTable, USER_ACCESSIBLE, WRITABLE } from "../../../lib/x86_64/structures/paging/page_table.ts";
import { type PhysAddr } from "../../../lib/x86_64/addr.ts";
import { OffsetPageTable } from "./paging_mapper.ts";

/** One merged run of mappings. @struct */
export class MappedRange {
  start: u64 = 0;
  end: u64 = 0;
  /** 4096, 2 MiB or 1 GiB. */
  pageSize: u64 = 0;
  writable: boolean = false;
  user: boolean = false;
  noExecute: boolean = false;
}

/** The run being built; `open` says whether it holds anything. */
const CURRENT = new MappedRange();
let open = false;
let visitor: (range: MappedRange) => void = ignore;

function ignore(range: MappedRange): void {}

/** Bits 48-63 copy bit 47 (an index of 256 or more in the level-4 table). */
function canonical(address: u64): u64 {
  return address >= 0x0000_8000_0000_0000 ? address | 0xffff_0000_0000_0000 : address;
}

function flush(): void {
  if (open) visitor(CURRENT);
  open = false;
}

/** Adds one page at `start` of `size` bytes with the effective `flags` (the AND of R/W, U/S, the OR of XD). */
function addPage(start: u64, size: u64, flags: u64): void {
  const writable = (flags & WRITABLE) !== 0;
  const user = (flags & USER_ACCESSIBLE) !== 0;
  const noExecute = (flags & NO_EXECUTE) !== 0;
  const same = open && CURRENT.end === start && CURRENT.pageSize === size && CURRENT.writable === writable && CURRENT.user === user && CURRENT.noExecute === noExecute;
  if (same) {
    CURRENT.end = start + size;
    return;
  }
  flush();
  CURRENT.start = start;
  CURRENT.end = start + size;
  CURRENT.pageSize = size;
  CURRENT.writable = writable;
  CURRENT.user = user;
  CURRENT.noExecute = noExecute;
  open = true;
}

/** Combines a parent's effective flags with an entry's: R/W and U/S must be set at all levels, XD at any. */
function combine(parent: u64, entry: u64): u64 {
  return (parent & entry & (WRITABLE | USER_ACCESSIBLE)) | ((parent | entry) & NO_EXECUTE);
}

/** Walks the table of `level` (4..1) at `table`, which maps from `base`. */
function walk(mapper: OffsetPageTable, table: PhysAddr, level: u32, base: u64, inherited: u64): void {
  const t: PageTable = mapper.table(table);
  const span: u64 = u64(1) << (12 + 9 * u64(level - 1));
  for (let i: u32 = 0; i < 512; i++) {
    const entry = t.entries[i];
    if ((entry.entry & PRESENT) === 0) continue;
    const start = canonical(base + u64(i) * span);
    const flags = combine(inherited, entry.entry);
    if (level === 1 || (level < 4 && (entry.entry & HUGE_PAGE) !== 0)) addPage(start, span, flags);
    else walk(mapper, entry.address(), level - 1, start, flags);
  }
}

/** Calls `visit` with each merged run of the hierarchy `mapper` reads, in address order. */
export function walkMappedRanges(mapper: OffsetPageTable, visit: (range: MappedRange) => void): void {
  visitor = visit;
  open = false;
  walk(mapper, mapper.level4, 4, 0, WRITABLE | USER_ACCESSIBLE);
  flush();
  visitor = ignore;
}

/** `value` in hex, zero-padded to 16 digits. */
function printAddress(value: u64): void {
  print("0x");
  for (let shift: u64 = 60; ; shift -= 4) {
    print(`${((value >> shift) & 0xf).toString(16)}`);
    if (shift === 0) break;
  }
}

function printRange(range: MappedRange): void {
  const bytes = range.end - range.start;
  printAddress(range.start);
  print("-");
  printAddress(range.end);
  if (bytes >= 0x4000_0000) print(` ${bytes >> 30} GiB`);
  else if (bytes >= 0x10_0000) print(` ${bytes >> 20} MiB`);
  else print(` ${bytes >> 10} KiB`);
  print(range.pageSize === 0x4000_0000 ? " 1G " : range.pageSize === 0x20_0000 ? " 2M " : " 4K ");
  print(range.writable ? "rw" : "r-");
  print(range.noExecute ? "-" : "x");
  println(range.user ? " user" : "");
}

/** Prints every merged range of `mapper`'s hierarchy on the console. */
export function printPageTables(mapper: OffsetPageTable): void {
  walkMappedRanges(mapper, printRange);
}
