// features: interfaces, generics, generic-constraints, arrows, closures, rest-params, union-values, typeof, optional, template-literals, array-methods, object-literals, for-of, type-aliases, nullable
type Value = string | number | undefined;
type Rule = (v: Value, field: string) => string | null;

const required: Rule = (v, f) => (v === undefined || v === "" ? `${f} is required` : null);
const minLength = (n: number): Rule => (v, f) => (typeof v === "string" && v.length < n ? `${f} must have at least ${n} characters` : null);
const between = (lo: number, hi: number): Rule => (v, f) => (typeof v === "number" && (v < lo || v > hi) ? `${f} must be between ${lo} and ${hi}` : null);
const matches = (re: RegExp, what: string): Rule => (v, f) => (typeof v === "string" && v !== "" && !re.test(v) ? `${f} must be ${what}` : null);
const isNumber: Rule = (v, f) => (v !== undefined && typeof v !== "number" ? `${f} must be a number` : null);

function all(...rules: Rule[]): Rule {
  return (v, f) => {
    for (const r of rules) {
      const e = r(v, f);
      if (e !== null) return e;
    }
    return null;
  };
}

type Schema<T> = { [K in keyof T]: Rule };

function validate<T extends Record<string, Value>>(data: T, schema: Schema<T>): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    const e = schema[key](data[key], key);
    if (e) errors.push(e);
  }
  return errors;
}

interface Signup extends Record<string, Value> {
  username: string;
  email: string;
  age: Value;
  password: string;
  referrer?: string;
}

const schema: Schema<Signup> = {
  username: all(required, minLength(3), matches(/^[a-z0-9_]+$/, "lowercase letters, digits or _")),
  email: all(required, matches(/^[^@\s]+@[^@\s]+\.[a-z]+$/, "an email address")),
  age: all(required, isNumber, between(13, 120)),
  password: all(required, minLength(8), matches(/\d/, "contain a digit")),
  referrer: matches(/^[a-z]+$/, "a plain name"),
};

const forms: Signup[] = [
  { username: "ada_l", email: "ada@example.com", age: 36, password: "engine1843" },
  { username: "Al", email: "alan@", age: 12, password: "short" },
  { username: "", email: "", age: undefined, password: "" },
  { username: "grace", email: "grace@navy.mil", age: "old", password: "cobol1959", referrer: "Ada!" },
  { username: "linus", email: "linus@kernel.org", age: 121, password: "withoutdigits", referrer: "ken" },
];
forms.forEach((f, i) => {
  const errors = validate(f, schema);
  console.log(`form ${i + 1} (${f.username || "<blank>"}): ${errors.length === 0 ? "valid" : `${errors.length} error(s)`}`);
  for (const e of errors) console.log(`  - ${e}`);
});
