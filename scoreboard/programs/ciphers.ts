// features: string-methods, integers, arrows, array-methods, interfaces, default-params, template-literals, classes, for-of, readonly, private, destructuring, tuples
interface Cipher {
  readonly name: string;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

const A = 65;
const shiftChar = (c: string, k: number): string => {
  const code = c.charCodeAt(0);
  const upper = code >= 65 && code <= 90;
  const lower = code >= 97 && code <= 122;
  if (!upper && !lower) return c;
  const base = upper ? A : 97;
  return String.fromCharCode(((code - base + (k % 26) + 26) % 26) + base);
};

class Caesar implements Cipher {
  readonly name: string;
  constructor(private readonly shift: number = 3) {
    this.name = `caesar(${shift})`;
  }
  encrypt(plain: string): string {
    return plain.split("").map((c) => shiftChar(c, this.shift)).join("");
  }
  decrypt(cipher: string): string {
    return cipher.split("").map((c) => shiftChar(c, -this.shift)).join("");
  }
}

class Vigenere implements Cipher {
  readonly name: string;
  private readonly shifts: number[];
  constructor(key: string) {
    this.name = `vigenere(${key})`;
    this.shifts = key.toUpperCase().split("").map((c) => c.charCodeAt(0) - A);
  }
  private run(text: string, sign: number): string {
    let out = "";
    let j = 0;
    for (const c of text) {
      if (/[a-z]/i.test(c)) {
        out += shiftChar(c, sign * this.shifts[j % this.shifts.length]);
        j++;
      } else {
        out += c;
      }
    }
    return out;
  }
  encrypt(plain: string): string {
    return this.run(plain, 1);
  }
  decrypt(cipher: string): string {
    return this.run(cipher, -1);
  }
}

class Atbash implements Cipher {
  readonly name = "atbash";
  encrypt(plain: string): string {
    return plain.replace(/[a-z]/gi, (c) => {
      const upper = c === c.toUpperCase();
      const base = upper ? 65 : 97;
      return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
    });
  }
  decrypt(cipher: string): string {
    return this.encrypt(cipher);
  }
}

function frequencies(s: string): string {
  const counts = new Array<number>(26).fill(0);
  for (const c of s.toUpperCase()) {
    const i = c.charCodeAt(0) - A;
    if (i >= 0 && i < 26) counts[i]++;
  }
  return counts.map((n, i) => [String.fromCharCode(A + i), n] as const).filter(([, n]) => n > 2).map(([c, n]) => `${c}${n}`).join(" ");
}

const message = "Attack at dawn! The quick brown fox jumps over the lazy dog, 42 times.";
const ciphers: Cipher[] = [new Caesar(), new Caesar(13), new Caesar(-1), new Vigenere("LEMON"), new Vigenere("tsos"), new Atbash()];
for (const c of ciphers) {
  const enc = c.encrypt(message);
  console.log(`${c.name.padEnd(16)} ${enc}`);
  console.log(`${"".padEnd(16)} round trip ${c.decrypt(enc) === message ? "ok" : "FAILED"}; freq ${frequencies(enc)}`);
}
