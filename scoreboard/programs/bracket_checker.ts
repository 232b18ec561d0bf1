// features: map-set, string-methods, array-methods, arrows, template-literals, for-of, nullable, tuples, destructuring, type-aliases
type Problem = { at: number; message: string };

const PAIRS = new Map<string, string>([[")", "("], ["]", "["], ["}", "{"], [">", "<"]]);
const OPENERS = new Set(PAIRS.values());

function check(src: string, angle = false): Problem | null {
  const stack: [string, number][] = [];
  let inString: string | null = null;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inString !== null) {
      if (ch === "\\") i++;
      else if (ch === inString) inString = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      inString = ch;
      continue;
    }
    if (!angle && (ch === "<" || ch === ">")) continue;
    if (OPENERS.has(ch)) {
      stack.push([ch, i]);
    } else if (PAIRS.has(ch)) {
      const want = PAIRS.get(ch)!;
      const top = stack.pop();
      if (top === undefined) return { at: i, message: `unexpected '${ch}'` };
      const [open, where] = top;
      if (open !== want) return { at: i, message: `'${ch}' closes '${open}' opened at ${where}` };
    }
  }
  if (inString !== null) return { at: src.length, message: `unterminated string ${inString}` };
  const left = stack[stack.length - 1];
  if (left) return { at: left[1], message: `'${left[0]}' is never closed (${stack.length} open)` };
  return null;
}

const samples: string[] = [
  "f(a[1], {b: 2})",
  "if (x) { y = [1, 2, 3]; }",
  "(]",
  "((())",
  "}{",
  "say(\"a ) in a string\")",
  "say('it\\'s (fine)')",
  "open(\"never closed)",
  "",
  "[{(<>)}]",
];
for (const s of samples) {
  const p = check(s);
  const shown = JSON.stringify(s);
  if (p === null) {
    console.log(`ok    ${shown}`);
  } else {
    console.log(`error ${shown}`);
    console.log(`      ${" ".repeat(p.at + 1)}^ ${p.message}`);
  }
}
const generic = "Map<string, Array<number>>";
console.log(`${generic}: plain ${check(generic) === null ? "ok" : "error"}, angle ${check(generic, true)?.message ?? "ok"}`);
console.log(`Map<a, b>>: angle ${check("Map<a, b>>", true)?.message ?? "ok"}`);

function maxDepth(s: string): number {
  let depth = 0;
  let best = 0;
  for (const ch of s) {
    if (OPENERS.has(ch)) best = Math.max(best, ++depth);
    else if (PAIRS.has(ch)) depth--;
  }
  return best;
}
console.log(samples.filter((s) => check(s) === null).map((s) => `${maxDepth(s)}`).join(" "));
