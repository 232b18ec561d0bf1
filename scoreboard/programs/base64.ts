// features: integers, string-methods, template-literals, for-of, nullable, readonly, nullish, array-methods
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromBytes(b: number[]): string {
  let s = "";
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    if (x < 0x80) {
      s += String.fromCharCode(x);
      i += 1;
    } else if (x < 0xe0) {
      s += String.fromCharCode(((x & 31) << 6) | (b[i + 1] & 63));
      i += 2;
    } else {
      s += String.fromCharCode(((x & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63));
      i += 3;
    }
  }
  return s;
}

function encode(bytes: number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "=";
  }
  return out;
}

function decode(s: string): number[] | null {
  if (s.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    let pad = 0;
    for (let j = 0; j < 4; j++) {
      const c = s[i + j];
      if (c === "=") {
        pad++;
        n <<= 6;
        continue;
      }
      const v = ALPHABET.indexOf(c);
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out.push((n >> 16) & 255);
    if (pad < 2) out.push((n >> 8) & 255);
    if (pad < 1) out.push(n & 255);
  }
  return out;
}

const samples = ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "café ümlaut", "tsos ♥ C"];
for (const s of samples) {
  const e = encode(toBytes(s));
  const d = decode(e);
  console.log(`${JSON.stringify(s).padEnd(16)} ${e.padEnd(24)} ${d !== null && fromBytes(d) === s ? "ok" : "MISMATCH"} (${toBytes(s).length} bytes)`);
}
for (const bad of ["abc", "ab$=", "====", "TWFu"]) {
  const d = decode(bad);
  console.log(`decode ${bad}: ${d === null ? "invalid" : `[${d.join(",")}] "${fromBytes(d)}"`}`);
}
