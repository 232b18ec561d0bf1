// features: string-methods, array-methods, arrows, template-literals, for-of, map-set, integers, tuples, default-params
const camelToSnake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const titleCase = (s: string) => s.split(" ").map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w)).join(" ");
const slugify = (s: string) => s.toLowerCase().trim().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

for (const s of ["parseHTTPResponse", "userId", "getX2Value", "already_snake"]) {
  console.log(`${s} -> ${camelToSnake(s)} -> ${snakeToCamel(camelToSnake(s))}`);
}
console.log(titleCase("the  lord OF the rings"));
console.log(slugify("  Hello, World! -- TypeScript 5.4 rocks  "));

function isPalindrome(s: string): boolean {
  const clean = s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return clean === [...clean].reverse().join("");
}
for (const s of ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"]) {
  console.log(`"${s}" palindrome: ${isPalindrome(s)}`);
}

function longestRepeat(s: string): [string, number] {
  let best: [string, number] = ["", 0];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    if (j - i > best[1]) best = [s[i], j - i];
    i = j;
  }
  return best;
}
console.log(longestRepeat("aabbbbccdddddde"), longestRepeat(""));

function caesar(s: string, shift: number): string {
  return s.replace(/[a-z]/gi, (ch) => {
    const base = ch <= "Z" ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + shift) % 26 + 26) % 26 + base);
  });
}
const secret = caesar("Attack at Dawn, Zebra!", 3);
console.log(`${secret} / ${caesar(secret, -3)}`);

function charFreq(s: string): string {
  const m = new Map<string, number>();
  for (const ch of s.replace(/\s/g, "")) m.set(ch, (m.get(ch) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([c, n]) => `${c}${n}`).join(" ");
}
console.log(charFreq("mississippi river"));

function truncate(s: string, max: number, ellipsis = "..."): string {
  return s.length <= max ? s : s.slice(0, Math.max(0, max - ellipsis.length)) + ellipsis;
}
for (const n of [30, 12, 3, 2]) console.log(`[${truncate("The quick brown fox jumps", n)}]`);

const template = "Dear {name}, your order #{id} of {qty} {item}s ships {when}. {missing}";
const vals: Record<string, string | number> = { name: "Ms. Lee", id: 4021, qty: 3, item: "lamp", when: "today" };
console.log(template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vals ? String(vals[k]) : m)));

const hex = [0, 15, 255, 4096, 65535].map((n) => n.toString(16).padStart(4, "0")).join(" ");
const bin = [5, 255, 1024].map((n) => n.toString(2)).join(" ");
console.log(`hex ${hex}; bin ${bin}; parsed ${parseInt("ff", 16)} ${parseInt("101", 2)} ${parseInt("z", 36)}`);
const codes = [..."héllo✓"].map((c) => c.codePointAt(0)!.toString(16)).join(",");
console.log(`code points: ${codes}; length ${"héllo✓".length}; at(-1) ${"héllo✓".at(-1)}`);
console.log(`"${"  padded  ".trimStart()}" "${"  padded  ".trimEnd()}" ${"abc".localeCompare("abd")} ${"a-b-c".split("-", 2)}`);
console.log("x".repeat(0) === "", "ab".concat("cd", "ef"), "Hello".startsWith("ell", 1), "Hello".endsWith("ell", 4), "banana".lastIndexOf("an"));
