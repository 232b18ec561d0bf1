// features: discriminated-unions, classes, map-set, switch, floats, math, template-literals, type-aliases, tuples, nullish, optional-chaining, readonly, spread, arrows, for-of, array-methods, string-methods, destructuring
import { Evaluator } from "./eval.ts";
import { lex } from "./lexer.ts";

const vars = new Map<string, number>([["pi", Math.PI]]);
const ev = new Evaluator(vars);
const lines = [
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "2 ^ 3 ^ 2",
  "r = 2.5",
  "area = pi * r ^ 2",
  "sqrt 16 + abs -3",
  "10 % 4 - -1",
  "x = 0.1 + 0.2",
  "x * 10",
  "floor 7 / 2",
  "unknown + 1",
  "1 / 0",
  "-2 ^ 2",
];
for (const line of lines) {
  const v = ev.run(lex(line));
  console.log(`${line.padEnd(20)} => ${v}`);
}
console.log(`variables: ${[...vars].map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(4)}`).join(", ")}`);
