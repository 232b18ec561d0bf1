// features: generics, discriminated-unions, type-aliases, arrows, template-literals, switch, string-methods, union-values, typeof, array-methods, for-of, floats, object-literals
type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

function map<T, U, E>(r: Result<T, E>, f: (x: T) => U): Result<U, E> {
  return r.ok ? ok(f(r.value)) : r;
}

function andThen<T, U, E>(r: Result<T, E>, f: (x: T) => Result<U, E>): Result<U, E> {
  return r.ok ? f(r.value) : r;
}

function parseIntStrict(s: string): Result<number> {
  if (!/^-?\d+$/.test(s.trim())) return err(`not an integer: "${s}"`);
  return ok(parseInt(s, 10));
}

function checkRange(lo: number, hi: number): (n: number) => Result<number> {
  return (n) => (n >= lo && n <= hi ? ok(n) : err(`${n} out of range ${lo}..${hi}`));
}

type Field = string | number | boolean;

function describe(v: Field): string {
  if (typeof v === "string") return `text(${v.length})`;
  if (typeof v === "number") return Number.isInteger(v) ? `int(${v})` : `float(${v})`;
  return v ? "yes" : "no";
}

function all<T, E>(rs: Result<T, E>[]): Result<T[], E> {
  const out: T[] = [];
  for (const r of rs) {
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

const show = <T>(r: Result<T>): string => (r.ok ? `ok(${JSON.stringify(r.value)})` : `err(${r.error})`);

const inputs = ["42", " 7 ", "-3", "12a", "", "150", "99"];
for (const s of inputs) {
  const r = andThen(parseIntStrict(s), checkRange(0, 100));
  const doubled = map(r, (n) => n * 2);
  console.log(`${JSON.stringify(s).padEnd(6)} -> ${show(r).padEnd(36)} doubled ${show(doubled)}`);
}
console.log(`all valid: ${show(all(["1", "2", "3"].map(parseIntStrict)))}`);
console.log(`one bad:   ${show(all(["1", "x", "3"].map(parseIntStrict)))}`);
const fields: Field[] = ["hello", 3, 2.5, true, false, "", -0.125];
console.log(fields.map(describe).join(" "));
const sum = fields.reduce<number>((acc, f) => acc + (typeof f === "number" ? f : typeof f === "string" ? f.length : f ? 1 : 0), 0);
console.log(`weighted sum ${sum}`);
