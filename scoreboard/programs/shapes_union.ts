// features: discriminated-unions, type-aliases, switch, floats, math, array-methods, arrows, template-literals, object-literals, readonly, literal-unions, spread, nullish, for-of, string-methods, destructuring
type Shape =
  | { readonly kind: "circle"; r: number }
  | { readonly kind: "rect"; w: number; h: number }
  | { readonly kind: "triangle"; a: number; b: number; c: number }
  | { readonly kind: "polygon"; sides: number; side: number };

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

function area(s: Shape): number {
  switch (s.kind) {
    case "circle":
      return Math.PI * s.r ** 2;
    case "rect":
      return s.w * s.h;
    case "triangle": {
      const p = (s.a + s.b + s.c) / 2;
      return Math.sqrt(p * (p - s.a) * (p - s.b) * (p - s.c));
    }
    case "polygon":
      return (s.sides * s.side ** 2) / (4 * Math.tan(Math.PI / s.sides));
    default:
      return assertNever(s);
  }
}

function perimeter(s: Shape): number {
  if (s.kind === "circle") return 2 * Math.PI * s.r;
  if (s.kind === "rect") return 2 * (s.w + s.h);
  if (s.kind === "triangle") return s.a + s.b + s.c;
  return s.sides * s.side;
}

function scale(s: Shape, k: number): Shape {
  switch (s.kind) {
    case "circle": return { ...s, r: s.r * k };
    case "rect": return { ...s, w: s.w * k, h: s.h * k };
    case "triangle": return { kind: "triangle", a: s.a * k, b: s.b * k, c: s.c * k };
    case "polygon": return { ...s, side: s.side * k };
  }
}

const label = (s: Shape): string => (s.kind === "polygon" ? `${s.sides}-gon` : s.kind);

const shapes: Shape[] = [
  { kind: "circle", r: 1.5 },
  { kind: "rect", w: 2, h: 3.25 },
  { kind: "triangle", a: 3, b: 4, c: 5 },
  { kind: "polygon", sides: 6, side: 1 },
  { kind: "polygon", sides: 4, side: 2 },
  { kind: "circle", r: 0.1 },
];
for (const s of shapes) {
  const big = scale(s, 2);
  console.log(`${label(s).padEnd(8)} area ${area(s).toFixed(4).padStart(8)} perim ${perimeter(s).toFixed(4).padStart(8)} x2 area ratio ${(area(big) / area(s)).toFixed(6)}`);
}
const byKind = shapes.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + area(s) }), {});
for (const [k, v] of Object.entries(byKind)) console.log(`${k}: ${v.toFixed(3)}`);
const compact = shapes.filter((s) => area(s) / perimeter(s) ** 2 > 0.06).map(label);
console.log(`compact shapes: ${compact.join(", ")}`);
console.log(`square check: ${area({ kind: "polygon", sides: 4, side: 2 }).toFixed(12)}`);
