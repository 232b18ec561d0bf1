// string_builder for AssemblyScript (bench/impls.ts compiles it with asc when
// bench/programs/string_builder.ts itself does not compile: "TS2469: The '>>>'
// operator cannot be applied to type 'f64'"). The same program with what
// AssemblyScript requires: integer types (u32, i32) instead of number (its f64
// would also print 1 as "1.0"), a class instead of an interface for the
// records ("Not implemented: Interface hidden classes"), indexed loops
// instead of for..of ("Not implemented: Iterators"), x.toString() for
// String(x), and main exported for the driver instead of called at the top.
// Output: identical to bench/programs/string_builder.ts.

class Item {
  id: i32 = 0;
  name: string = "";
  quantity: i32 = 0;
  cents: i32 = 0;
}

const NAMES = ["apple", "bolt", "cable", "drill", "eraser", "flask", "gear", "hinge", "ink", "jack"];
const REPORTS: i32 = 400;
const ITEMS: i32 = 2000;

function makeItems(count: i32, seed: u32): Item[] {
  const items: Item[] = [];
  for (let i: i32 = 0; i < count; i++) {
    seed = seed * 1103515245 + 12345;
    const r = seed >>> 8;
    items.push({ id: i + 1, name: NAMES[r % NAMES.length], quantity: 1 + (r % 50), cents: 99 + (r % 100000) });
  }
  return items;
}

function money(cents: i32): string {
  const whole = cents / 100;
  const rest = cents % 100;
  return `${whole}.${rest < 10 ? "0" : ""}${rest}`;
}

function renderTable(items: Item[]): string {
  const lines: string[] = [];
  lines.push(`${"id".padStart(6)} ${"name".padEnd(8)} ${"qty".padStart(4)} ${"price".padStart(10)}`);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let line = item.id.toString().padStart(6);
    line += " " + item.name.padEnd(8);
    line += " " + item.quantity.toString().padStart(4);
    line += " " + money(item.cents).padStart(10);
    lines.push(line);
  }
  return lines.join("\n");
}

function renderJson(items: Item[]): string {
  const records: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    records.push(`{"id":${item.id},"name":"${item.name}","quantity":${item.quantity},"total":${item.quantity * item.cents}}`);
  }
  return "[" + records.join(",") + "]";
}

function checksum(text: string): u32 {
  let h: u32 = 0;
  for (let i = 0; i < text.length; i++) h = h * 31 + text.charCodeAt(i);
  return h;
}

export function main(): void {
  let totalLength: i32 = 0;
  let combined: u32 = 0;
  for (let r: i32 = 0; r < REPORTS; r++) {
    const items = makeItems(ITEMS, 1000 + r);
    const table = renderTable(items);
    const json = renderJson(items);
    if (r === 0) {
      const head = table.split("\n").slice(0, 4);
      for (let i = 0; i < head.length; i++) console.log(head[i]);
      console.log(json.slice(0, 78));
    }
    totalLength += table.length + json.length;
    combined = (combined * 16777619) ^ checksum(table) ^ checksum(json);
  }
  console.log(`string_builder ${totalLength} ${combined}`);
}
