/**
 * lib/std/number.ts: number formatting that JavaScript leaves to the locale:
 * `x.toLocaleString()` as Node (full ICU, the en-US locale) prints it.
 *
 * Input:  a hosted number; lower/number.ts maps `x.toLocaleString()` and
 *         `x.toLocaleString("en-US")` onto `toLocaleString`, and a call
 *         with literal options (fraction and integer digits, grouping,
 *         `style: "percent"` or `"currency"`) onto `formatLocale`.
 * Output: the digits grouped by threes with `,`, at most three fraction
 *         digits (trailing zeros dropped), `-` for a negative value (also
 *         `-0`, and a negative value that rounds to 0), `NaN`, `∞`.
 * Invariants: ICU rounds the shortest decimal form of the double (the digits
 *             `String(x)` shows), half away from zero, not the double's
 *             exact binary value: `(1.0005).toLocaleString()` is `1.001`
 *             though `(1.0005).toFixed(3)` is `1.000`.
 */

/** `x.toLocaleString()` in en-US. */
export function toLocaleString(x: number): string {
  return formatLocale(x, 0, 3, 1, true, "", "", false);
}

/**
 * `x.toLocaleString("en-US", options)`: the options lower/number.ts reads
 * from a literal object, resolved to fraction digits (rounded to at most
 * `maxFraction`, trailing zeros dropped down to `minFraction`), integer
 * digits, grouping, and the text around the number (`$`, `%`); `percent`
 * first moves the decimal point two places right, in the decimal digits.
 */
export function formatLocale(x: number, minFraction: number, maxFraction: number, minInteger: number, grouping: boolean, prefix: string, suffix: string, percent: boolean): string {
  if (isNaN(x)) return prefix + "NaN" + suffix;
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  const sign = negative ? "-" : "";
  if (!isFinite(x)) return sign + prefix + "∞" + suffix;
  let { whole, fraction } = decimalDigits(String(Math.abs(x)));
  if (percent) {
    const moved = fraction.length >= 2 ? fraction.slice(0, 2) : fraction + "0".repeat(2 - fraction.length);
    whole = whole + moved;
    fraction = fraction.slice(Math.min(2, fraction.length));
    let lead = 0;
    while (lead < whole.length - 1 && whole.charCodeAt(lead) === 48) lead++;
    whole = whole.slice(lead);
  }
  const rounded = roundFraction(whole, fraction, maxFraction);
  let frac = rounded.fraction;
  while (frac.length > minFraction && frac.charCodeAt(frac.length - 1) === 48) frac = frac.slice(0, frac.length - 1);
  while (frac.length < minFraction) frac = frac + "0";
  let digits = rounded.whole;
  while (digits.length < minInteger) digits = "0" + digits;
  return sign + prefix + (grouping ? groupThousands(digits) : digits) + (frac.length > 0 ? "." + frac : "") + suffix;
}

/**
 * `new Intl.NumberFormat("en-US", options)`: lower/number.ts resolves the literal options at compile time,
 * as for `toLocaleString`, and constructs this with them; `format(x)` is `x.toLocaleString("en-US", options)`.
 */
export class NumberFormat {
  constructor(
    private readonly minFraction: number,
    private readonly maxFraction: number,
    private readonly minInteger: number,
    private readonly grouping: boolean,
    private readonly prefix: string,
    private readonly suffix: string,
    private readonly percent: boolean,
  ) {}

  format(x: number): string {
    return formatLocale(x, this.minFraction, this.maxFraction, this.minInteger, this.grouping, this.prefix, this.suffix, this.percent);
  }
}

/** The integer and fraction digits of a non-negative number's shortest form (`"1.5e-7"` is `0` and `00000015`). */
function decimalDigits(shortest: string): { whole: string; fraction: string } {
  const e = shortest.indexOf("e");
  const mantissa = e < 0 ? shortest : shortest.slice(0, e);
  const exponent = e < 0 ? 0 : parseInt(shortest.slice(e + 1), 10);
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return { whole: "0", fraction: "0".repeat(-point) + digits };
  if (point >= digits.length) return { whole: digits + "0".repeat(point - digits.length), fraction: "" };
  return { whole: digits.slice(0, point), fraction: digits.slice(point) };
}

/** `whole.fraction` rounded half away from zero to `places` fraction digits. */
function roundFraction(whole: string, fraction: string, places: number): { whole: string; fraction: string } {
  if (fraction.length <= places) return { whole, fraction };
  const kept = whole + fraction.slice(0, places);
  if (fraction.charCodeAt(places) < 53) return { whole, fraction: fraction.slice(0, places) };
  const up = incrementDigits(kept);
  const cut = up.length - places;
  return { whole: up.slice(0, cut), fraction: up.slice(cut) };
}

/** A decimal digit string plus one (`"0999"` gives `"1000"`, `"999"` gives `"1000"`). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  const carried = "0".repeat(digits.length - 1 - i);
  if (i < 0) return "1" + carried;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + carried;
}

/** `1234567` as `1,234,567`. */
function groupThousands(whole: string): string {
  const first = whole.length % 3 === 0 ? 3 : whole.length % 3;
  const parts: string[] = [whole.slice(0, first)];
  for (let i = first; i < whole.length; i += 3) parts.push(whole.slice(i, i + 3));
  return parts.join(",");
}

/** `Object.is(a, b)` on numbers: SameValue, where NaN is NaN and +0 is not -0 (lower/object-is.ts). */
export function sameValue(a: number, b: number): boolean {
  if (a !== a) return b !== b;
  if (a === 0 && b === 0) return 1 / a === 1 / b;
  return a === b;
}
