// string_builder: building text from many small pieces, as report and
// serialization code is written: template literals with numbers, `+=` on a
// line, arrays of strings joined, padStart/padEnd for columns, and a
// hand-rolled JSON-like rendering of records. 400 reports of 2,000 records
// each; each report is checksummed over its characters (charCodeAt).
// Output: the first report's first lines, and the totals, identical to
// bench/c/string_builder.c (a growable char buffer, hand-written formatting).

interface Item {
  id: number;
  name: string;
  quantity: number;
  cents: number;
}

const NAMES = ["apple", "bolt", "cable", "drill", "eraser", "flask", "gear", "hinge", "ink", "jack"];
const REPORTS = 400;
const ITEMS = 2000;

function makeItems(count: number, seed: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const r = seed >>> 8;
    items.push({ id: i + 1, name: NAMES[r % NAMES.length], quantity: 1 + (r % 50), cents: 99 + (r % 100000) });
  }
  return items;
}

function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${whole}.${rest < 10 ? "0" : ""}${rest}`;
}

function renderTable(items: Item[]): string {
  const lines: string[] = [];
  lines.push(`${"id".padStart(6)} ${"name".padEnd(8)} ${"qty".padStart(4)} ${"price".padStart(10)}`);
  for (const item of items) {
    let line = String(item.id).padStart(6);
    line += " " + item.name.padEnd(8);
    line += " " + String(item.quantity).padStart(4);
    line += " " + money(item.cents).padStart(10);
    lines.push(line);
  }
  return lines.join("\n");
}

function renderJson(items: Item[]): string {
  const records: string[] = [];
  for (const item of items) {
    records.push(`{"id":${item.id},"name":"${item.name}","quantity":${item.quantity},"total":${item.quantity * item.cents}}`);
  }
  return "[" + records.join(",") + "]";
}

function checksum(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

function main(): void {
  let totalLength = 0;
  let combined = 0;
  for (let r = 0; r < REPORTS; r++) {
    const items = makeItems(ITEMS, 1000 + r);
    const table = renderTable(items);
    const json = renderJson(items);
    if (r === 0) {
      const head = table.split("\n").slice(0, 4);
      for (const line of head) console.log(line);
      console.log(json.slice(0, 78));
    }
    totalLength += table.length + json.length;
    combined = (Math.imul(combined, 16777619) ^ checksum(table) ^ checksum(json)) >>> 0;
  }
  console.log(`string_builder ${totalLength} ${combined}`);
}

main();
