// itoa: format 0..25,000,000-1 in decimal by hand into a byte buffer; sum the digit bytes.
// Output: "itoa <sum of digit bytes> <digit count>", identical to bench/c/itoa.c.

/** Writes the digits of x at the end of buf[0..16) and returns the index of the first. */
function formatU32(x: u32, buf: u8[]): u32 {
  let pos: u32 = 16;
  do {
    pos--;
    buf[pos] = u8(48 + (x % 10));
    x = x / 10;
  } while (x !== 0);
  return pos;
}

export function main(): void {
  const n: u32 = 25_000_000;
  const buf = new Array<u8>(16).fill(0);
  let sum: u64 = 0;
  let digits: u64 = 0;
  for (let k: u32 = 0; k < n; k++) {
    const start = formatU32(k, buf);
    for (let i = start; i < 16; i++) sum += buf[i];
    digits += 16 - start;
  }
  console.log(`itoa ${sum} ${digits}`);
}

main();
