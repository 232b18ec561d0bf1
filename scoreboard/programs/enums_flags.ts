// features: enums, string-enums, integers, switch, template-literals, array-methods, arrows, for-of, map-set, labeled-loops
enum Perm {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Exec = 1 << 2,
  All = Read | Write | Exec,
}

enum Color {
  Red = "RED",
  Green = "GREEN",
  Blue = "BLUE",
}

enum Dir {
  North,
  East,
  South,
  West,
}

function describe(p: Perm): string {
  if (p === Perm.None) return "none";
  if (p === Perm.All) return "all";
  const parts: string[] = [];
  if (p & Perm.Read) parts.push("read");
  if (p & Perm.Write) parts.push("write");
  if (p & Perm.Exec) parts.push("exec");
  return parts.join("+");
}

for (let p = 0; p <= 7; p++) console.log(`${p} ${p.toString(2).padStart(3, "0")} ${describe(p)}`);
let mine: Perm = Perm.Read;
mine |= Perm.Exec;
console.log(`grant exec: ${describe(mine)}; revoke read: ${describe(mine & ~Perm.Read)}; toggle write: ${describe(mine ^ Perm.Write)}`);

const turnRight = (d: Dir): Dir => (d + 1) % 4;
const turnLeft = (d: Dir): Dir => (d + 3) % 4;
let d = Dir.North;
const path: string[] = [];
for (const cmd of "RRLRRRL") {
  d = cmd === "R" ? turnRight(d) : turnLeft(d);
  path.push(Dir[d]);
}
console.log(path.join(" "));

function mix(a: Color, b: Color): string {
  switch (a) {
    case Color.Red:
      return b === Color.Blue ? "purple" : b === Color.Green ? "yellow" : "red";
    case Color.Green:
      return b === Color.Blue ? "cyan" : b === Color.Red ? "yellow" : "green";
    case Color.Blue:
      return b === Color.Red ? "purple" : b === Color.Green ? "cyan" : "blue";
  }
}
const colors = [Color.Red, Color.Green, Color.Blue];
for (const a of colors) console.log(colors.map((b) => `${a}+${b}=${mix(a, b)}`).join("  "));
const counts = new Map<Color, number>();
for (const c of [Color.Red, Color.Blue, Color.Red, Color.Green, Color.Red]) counts.set(c, (counts.get(c) ?? 0) + 1);
console.log([...counts].map(([c, n]) => `${c}:${n}`).join(","));
console.log(Object.values(Color).join("|"), Object.keys(Dir).join("|"));

const grid = ["..#.", "#...", "..#.", "...."];
let found: [number, number] | null = null;
outer: for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] !== "#") continue;
    if (r > 0 && c > 0) {
      found = [r, c];
      break outer;
    }
  }
}
console.log(`first interior wall: ${found ? found.join(",") : "none"}`);
let skipped = 0;
rows: for (const row of grid) {
  for (const ch of row) {
    if (ch === "#") {
      skipped++;
      continue rows;
    }
  }
}
console.log(`rows with walls: ${skipped}`);
