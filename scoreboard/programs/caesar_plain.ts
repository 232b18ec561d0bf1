// features: integers, string-methods, template-literals, for-of, floats
function shift(text: string, k: number): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) out += String.fromCharCode(((code - 65 + k + 26 * 10) % 26) + 65);
    else if (code >= 97 && code <= 122) out += String.fromCharCode(((code - 97 + k + 26 * 10) % 26) + 97);
    else out += text[i];
  }
  return out;
}

const ENGLISH = [8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4, 6.7, 7.5, 1.9, 0.095, 6.0, 6.3, 9.1, 2.8, 0.98, 2.4, 0.15, 2.0, 0.074];

function score(text: string): number {
  const counts: number[] = [];
  for (let i = 0; i < 26; i++) counts.push(0);
  let letters = 0;
  for (const ch of text.toLowerCase()) {
    const c = ch.charCodeAt(0) - 97;
    if (c >= 0 && c < 26) {
      counts[c]++;
      letters++;
    }
  }
  let chi = 0;
  for (let i = 0; i < 26; i++) {
    const expected = (ENGLISH[i] / 100) * letters;
    chi += ((counts[i] - expected) * (counts[i] - expected)) / expected;
  }
  return chi;
}

function crack(cipher: string): number {
  let best = 0;
  let bestScore = Infinity;
  for (let k = 0; k < 26; k++) {
    const s = score(shift(cipher, -k));
    if (s < bestScore) {
      bestScore = s;
      best = k;
    }
  }
  return best;
}

const messages = [
  "Meet me at the old lighthouse at midnight and bring the maps.",
  "The quick brown fox jumps over the lazy dog.",
  "Compilers translate programs written in one language into another language.",
];
let k = 3;
for (const m of messages) {
  const c = shift(m, k);
  const found = crack(c);
  console.log(`key ${k}: ${c}`);
  console.log(`  cracked key ${found}: ${shift(c, -found)}`);
  k = k * 5 + 2;
}
console.log(`rot13 twice: ${shift(shift("Hello, World!", 13), 13)}`);
