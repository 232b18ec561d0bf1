// features: string-methods, interfaces, array-methods, arrows, floats, template-literals, nullable, for-of, map-set, union-values, spread, nullish, destructuring, object-literals
interface Row {
  [column: string]: string | number;
}

function parseLine(line: string): string[] {
  const fields: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(cur);
      cur = "";
    } else cur += c;
  }
  fields.push(cur);
  return fields;
}

function parse(text: string): { header: string[]; rows: Row[] } {
  const lines = text.split("\n").filter((l) => l.trim().length > 0);
  const header = parseLine(lines[0]).map((h) => h.trim());
  const rows = lines.slice(1).map((l) => {
    const fields = parseLine(l);
    const row: Row = {};
    header.forEach((h, i) => {
      const raw = (fields[i] ?? "").trim();
      const n = Number(raw);
      row[h] = raw !== "" && !isNaN(n) ? n : raw;
    });
    return row;
  });
  return { header, rows };
}

const data = `city, country, population, area_km2, note
Amsterdam, NL, 921402, 219.3, "canals, bikes"
Rotterdam, NL, 655468, 324.1, port
"Den Haag", NL, 552995, 98.1, "seat of ""government"""
Antwerp, BE, 536079, 204.5,
Ghent, BE, 265086, 156.2, "university"
Bruges, BE, 119079, 138.4, medieval
Luxembourg, LU, 134714, 51.5,`;

const { header, rows } = parse(data);
console.log(`columns: ${header.join(" | ")}`);
for (const r of rows) {
  const pop = r["population"] as number;
  const area = r["area_km2"] as number;
  console.log(`${String(r["city"]).padEnd(11)} ${String(r["country"])} ${String(pop).padStart(7)} ${(pop / area).toFixed(1).padStart(8)}/km2 ${r["note"] || "-"}`);
}
const byCountry = new Map<string, number[]>();
for (const r of rows) {
  const c = String(r["country"]);
  byCountry.set(c, [...(byCountry.get(c) ?? []), r["population"] as number]);
}
for (const [c, pops] of byCountry) {
  const total = pops.reduce((a, b) => a + b, 0);
  console.log(`${c}: ${pops.length} cities, ${total} people, mean ${(total / pops.length).toFixed(2)}`);
}
const types = header.map((h) => `${h}:${rows.every((r) => typeof r[h] === "number") ? "number" : "string"}`);
console.log(types.join(" "));
console.log(parseLine('a,"b,c",,"d""e"').map((f) => `[${f}]`).join(""));
