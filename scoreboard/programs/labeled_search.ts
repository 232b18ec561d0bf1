// features: labeled-loops, integers, template-literals, tuples, nullable, for-of, string-methods, array-methods, math
function findPairWithSum(xs: number[], target: number): [number, number] | null {
  let result: [number, number] | null = null;
  outer: for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[i] + xs[j] === target) {
        result = [i, j];
        break outer;
      }
    }
  }
  return result;
}

function firstRowWithoutZero(grid: number[][]): number {
  rows: for (let r = 0; r < grid.length; r++) {
    for (const v of grid[r]) {
      if (v === 0) continue rows;
    }
    return r;
  }
  return -1;
}

function pythagoreanTriples(limit: number): string[] {
  const out: string[] = [];
  aLoop: for (let a = 1; a < limit; a++) {
    for (let b = a; b < limit; b++) {
      const c2 = a * a + b * b;
      const c = Math.round(Math.sqrt(c2));
      if (c >= limit) continue aLoop;
      if (c * c === c2) out.push(`${a}-${b}-${c}`);
    }
  }
  return out;
}

function primesWithLabels(n: number): number[] {
  const primes: number[] = [];
  candidates: for (let k = 2; primes.length < n; k++) {
    for (const p of primes) {
      if (p * p > k) break;
      if (k % p === 0) continue candidates;
    }
    primes.push(k);
  }
  return primes;
}

function matrixSearch(m: number[][], target: number): string {
  let steps = 0;
  let found = "";
  search: {
    for (let r = 0; r < m.length; r++) {
      for (let c = 0; c < m[r].length; c++) {
        steps++;
        if (m[r][c] === target) {
          found = `(${r},${c})`;
          break search;
        }
      }
    }
    found = "absent";
  }
  return `${target}: ${found} after ${steps} steps`;
}

const xs = [3, 9, 14, 2, 8, 11, 5];
for (const t of [10, 25, 19, 100]) {
  const p = findPairWithSum(xs, t);
  console.log(`sum ${t}: ${p === null ? "none" : `xs[${p[0]}]+xs[${p[1]}] = ${xs[p[0]]}+${xs[p[1]]}`}`);
}
const grid = [[1, 0, 3], [4, 5, 0], [7, 8, 9], [0, 1, 1]];
console.log(`first row without zero: ${firstRowWithoutZero(grid)}`);
console.log(`first row without zero (all have one): ${firstRowWithoutZero([[0], [1, 0]])}`);
console.log(`triples below 30: ${pythagoreanTriples(30).join(" ")}`);
console.log(`first 15 primes: ${primesWithLabels(15).join(" ")}`);
const m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
for (const t of [1, 7, 12, 13]) console.log(matrixSearch(m, t));
