// features: integers, classes, static, template-literals, string-methods, for-of, readonly, private, math
class Crc32 {
  private static table: number[] = Crc32.makeTable();

  private static makeTable(): number[] {
    const t: number[] = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t.push(c >>> 0);
    }
    return t;
  }

  static of(s: string): number {
    let crc = 0xffffffff;
    for (let i = 0; i < s.length; i++) crc = Crc32.table[(crc ^ s.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }
}

function adler32(s: string): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    a = (a + s.charCodeAt(i)) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}

const inputs = ["", "a", "abc", "message digest", "The quick brown fox jumps over the lazy dog", "tsos"];
for (const s of inputs) {
  console.log(`"${s}": crc32 ${hex(Crc32.of(s))} adler32 ${hex(adler32(s))} fnv1a ${hex(fnv1a(s))}`);
}
for (const card of ["79927398713", "79927398710", "4539578763621486", "1234567812345678", "0"]) {
  console.log(`luhn ${card}: ${luhn(card) ? "valid" : "invalid"}`);
}
let collisions = 0;
const seen: number[] = [];
for (let i = 0; i < 2000; i++) {
  const h = fnv1a(`key${i}`) & 0xfff;
  if (seen.indexOf(h) >= 0) collisions++;
  else seen.push(h);
}
console.log(`12-bit fnv buckets: ${seen.length} used, ${collisions} collisions`);
