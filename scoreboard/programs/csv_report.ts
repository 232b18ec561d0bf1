// features: interfaces, map-set, array-methods, arrows, string-methods, template-literals, floats, destructuring, for-of, math
const csv = `region,rep,product,units,price
North,Alice,Widget,12,2.50
South,Bob,Gadget,3,19.99
North,Carol,Widget,7,2.50
East,Dan,Gizmo,20,4.75
South,Alice,Widget,5,2.50
East,Erin,Gadget,1,19.99
North,Bob,Gizmo,9,4.75
West,Frank,Widget,0,2.50
East,Dan,Widget,15,2.45
South,Carol,Gizmo,4,4.80`;

interface Sale {
  region: string;
  rep: string;
  product: string;
  units: number;
  price: number;
}

function parse(text: string): Sale[] {
  const [header, ...rows] = text.split("\n");
  const cols = header.split(",");
  return rows.map((row) => {
    const cells = row.split(",");
    const get = (name: string): string => cells[cols.indexOf(name)];
    return {
      region: get("region"),
      rep: get("rep"),
      product: get("product"),
      units: parseInt(get("units"), 10),
      price: parseFloat(get("price")),
    };
  });
}

const sales = parse(csv);
const revenue = (s: Sale): number => s.units * s.price;

function groupBy<K>(xs: Sale[], key: (s: Sale) => K): Map<K, Sale[]> {
  const m = new Map<K, Sale[]>();
  for (const x of xs) {
    const k = key(x);
    const bucket = m.get(k);
    if (bucket === undefined) m.set(k, [x]);
    else bucket.push(x);
  }
  return m;
}

function table(title: string, groups: Map<string, Sale[]>): void {
  console.log(`== ${title} ==`);
  console.log(`${"name".padEnd(8)}${"units".padStart(6)}${"revenue".padStart(10)}${"avg".padStart(8)}`);
  const rows = [...groups].map(([name, xs]) => {
    const units = xs.reduce((n, s) => n + s.units, 0);
    const rev = xs.reduce((n, s) => n + revenue(s), 0);
    return { name, units, rev, avg: units === 0 ? 0 : rev / units };
  });
  rows.sort((a, b) => b.rev - a.rev);
  for (const r of rows) {
    console.log(`${r.name.padEnd(8)}${String(r.units).padStart(6)}${r.rev.toFixed(2).padStart(10)}${r.avg.toFixed(3).padStart(8)}`);
  }
  const total = rows.reduce((n, r) => n + r.rev, 0);
  console.log(`${"total".padEnd(14)}${total.toFixed(2).padStart(10)}`);
}

table("by region", groupBy(sales, (s) => s.region));
table("by rep", groupBy(sales, (s) => s.rep));
table("by product", groupBy(sales, (s) => s.product));

const best = sales.reduce((a, b) => (revenue(b) > revenue(a) ? b : a));
console.log(`best sale: ${best.rep} sold ${best.units} ${best.product} in ${best.region} for ${revenue(best).toFixed(2)}`);
const zero = sales.filter((s) => s.units === 0).map((s) => `${s.rep}/${s.product}`);
console.log(`no units: ${zero.join(", ")}`);
const prices = new Set(sales.map((s) => s.price));
console.log(`distinct prices: ${[...prices].sort((a, b) => a - b).join(" ")}`);
const maxUnits = Math.max(...sales.map((s) => s.units));
console.log(`max units ${maxUnits}, mean ${(sales.reduce((n, s) => n + s.units, 0) / sales.length).toFixed(1)}`);
