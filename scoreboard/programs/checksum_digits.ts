// features: integers, string-methods, template-literals, for-of, switch
function isbn10(s: string): boolean {
  const digits = s.replace(/-/g, "");
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = digits[i];
    let v: number;
    if (ch === "X" && i === 9) v = 10;
    else if (ch >= "0" && ch <= "9") v = ch.charCodeAt(0) - 48;
    else return false;
    sum += v * (10 - i);
  }
  return sum % 11 === 0;
}

function isbn13(s: string): boolean {
  const digits = s.replace(/-/g, "");
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) {
    const v = digits.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
    sum += i % 2 === 0 ? v : v * 3;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, "").toUpperCase();
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 && code <= 90 ? code - 55 : code - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

function verhoeffLike(s: string): number {
  let check = 0;
  for (const ch of s) {
    switch (ch) {
      case "0": case "1": case "2": case "3": case "4": case "5": case "6": case "7": case "8": case "9":
        check = (check * 7 + (ch.charCodeAt(0) - 48) + 3) % 11;
        break;
      default:
        check = (check + 1) % 11;
    }
  }
  return check;
}

for (const s of ["0-306-40615-2", "0-306-40615-3", "0-8044-2957-X", "123456789X", "12345"]) console.log(`isbn10 ${s}: ${isbn10(s)}`);
for (const s of ["978-0-306-40615-7", "978-0-306-40615-6", "9781861972712", "978-3-16-148410-0"]) console.log(`isbn13 ${s}: ${isbn13(s)}`);
for (const s of ["GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 33", "NL91 ABNA 0417 1643 00", "DE89 3704 0044 0532 0130 00"]) console.log(`iban ${s}: ${ibanValid(s)}`);
for (const s of ["12345", "54321", "2026-11-25", ""]) console.log(`toy check digit of "${s}": ${verhoeffLike(s)}`);
