// features: integers, template-literals, for-of
function popcount(x: number): number {
  let n = 0;
  while (x !== 0) {
    x = x & (x - 1);
    n++;
  }
  return n;
}

function reverseBits8(x: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) {
    r = (r << 1) | ((x >> i) & 1);
  }
  return r;
}

function isPowerOfTwo(x: number): boolean {
  return x > 0 && (x & (x - 1)) === 0;
}

function nextPowerOfTwo(x: number): number {
  let p = 1;
  while (p < x) p = p << 1;
  return p;
}

function binary(x: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += (x >> i) & 1 ? "1" : "0";
  return s;
}

function gray(x: number): number {
  return x ^ (x >> 1);
}

const samples = [0, 1, 2, 3, 7, 8, 100, 255, 1023, 4096, 65535];
for (const x of samples) {
  console.log(`${x}: popcount ${popcount(x)} pow2 ${isPowerOfTwo(x)} next ${nextPowerOfTwo(x)}`);
}
console.log("gray codes:");
for (let i = 0; i < 8; i++) {
  console.log(`  ${i} ${binary(i, 3)} -> ${binary(gray(i), 3)}`);
}
console.log(`reverse 0b00010110 = ${binary(reverseBits8(22), 8)}`);
console.log(`reverse 0b11110000 = ${binary(reverseBits8(240), 8)}`);
let mask = 0;
const flags = [1, 4, 9, 16];
for (const f of flags) mask = mask | (1 << f);
console.log(`mask ${mask} has bit 4: ${(mask & (1 << 4)) !== 0}, bit 5: ${(mask & (1 << 5)) !== 0}`);
console.log(`xor swap: ${7 ^ 12 ^ 12} ${7 ^ 12 ^ 7}`);
console.log(`-1 >>> 0 = ${-1 >>> 0}, ~5 = ${~5}, -17 >> 2 = ${-17 >> 2}`);
