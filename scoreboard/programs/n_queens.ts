// features: integers, recursion, closures, arrows, string-methods, template-literals, array-methods, spread, for-of
function solveQueens(n: number): number[][] {
  const solutions: number[][] = [];
  const cols: number[] = [];
  const place = (row: number) => {
    if (row === n) {
      solutions.push([...cols]);
      return;
    }
    for (let c = 0; c < n; c++) {
      let ok = true;
      for (let r = 0; r < row; r++) {
        const d = cols[r] - c;
        if (d === 0 || d === row - r || d === r - row) {
          ok = false;
          break;
        }
      }
      if (ok) {
        cols.push(c);
        place(row + 1);
        cols.pop();
      }
    }
  };
  place(0);
  return solutions;
}

function countBits(n: number): number {
  let count = 0;
  const all = (1 << n) - 1;
  function go(cols: number, d1: number, d2: number): void {
    if (cols === all) {
      count++;
      return;
    }
    let avail = all & ~(cols | d1 | d2);
    while (avail) {
      const bit = avail & -avail;
      avail -= bit;
      go(cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >> 1);
    }
  }
  go(0, 0, 0);
  return count;
}

function board(sol: number[]): string[] {
  return sol.map((c) => ".".repeat(c) + "Q" + ".".repeat(sol.length - c - 1));
}

for (let n = 1; n <= 8; n++) {
  const sols = solveQueens(n);
  console.log(`n=${n}: ${sols.length} solutions (bitmask count ${countBits(n)})`);
}
const eight = solveQueens(8);
console.log("first 8-queens solution:");
for (const line of board(eight[0])) console.log("  " + line);
console.log(`last: ${eight[eight.length - 1].join("")}`);
const symmetric = eight.filter((s) => s.every((c, r) => s[s.length - 1 - r] === s.length - 1 - c)).length;
console.log(`point-symmetric solutions: ${symmetric}`);
console.log(`n=10 by bitmask: ${countBits(10)}`);
