/*
 * tsos_num.h: `number` as an IEEE double on the hosted target, with
 * JavaScript's exact semantics.
 *
 * Input:  included by tsos_host.h after tsos_rt.h (the kernel target has no
 *         floating point and never includes this file).
 * Output: static inline helpers used by generated C: truthiness, ToInt32 and
 *         the wrapping conversions to fixed-width types, `%`, the Math
 *         functions whose C spelling differs from JavaScript's, the word
 *         intrinsics of lib/std/math.ts (which computes `**`), and printing
 *         (Number::toString: shortest round-trip digits, and toFixed), also
 *         as uncounted text on the caller's stack for concatenations.
 * Invariants: every helper returns exactly what V8 returns for the same
 *             operands (ECMA-262 §6.1.6.1, §21.3); where that needs more than
 *             one libm call it is written out here.
 */
#ifndef TSOS_NUM_H
#define TSOS_NUM_H
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsos_rt.h"

#define TSOS_NAN (__builtin_nan(""))
#define TSOS_INF (__builtin_inf())

/* ToBoolean: 0, -0 and NaN are false. */
static inline bool tsos_num_truthy(double v) { return v != 0 && v == v; }

/* The value as an int64 when it is an integer in int64's range (NaN is not). */
static inline bool tsos_num_is_i64(double v, int64_t *out) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return false;
  int64_t i = (int64_t)v;
  if ((double)i != v) return false;
  *out = i;
  return true;
}

static inline char *tsos_fmt_num(char *buf, double v);

/* An index, length or count: must be an integer (JavaScript would read `undefined`). */
static inline int64_t tsos_num_int(double v, const tsos_loc *loc) {
  int64_t i;
  if (__builtin_expect(tsos_num_is_i64(v, &i), 1)) return i;
  char b[48], m[80];
  snprintf(m, sizeof m, "expected an integer, got %s", tsos_fmt_num(b, v));
  tsos_panic_cstr(loc, m);
}

/*
 * Wrapping conversion to 64 bits (ToUint64-like, the 64-bit case of
 * JavaScript's ToUint32): NaN and ±Infinity give 0, otherwise truncate toward
 * zero and reduce modulo 2^64. Narrower types cast the result (modular).
 */
static inline uint64_t tsos_num_wrap64(double v) {
  if (!isfinite(v)) return 0;
  double t = trunc(v);
  if (t >= -9223372036854775808.0 && t < 9223372036854775808.0) return (uint64_t)(int64_t)t;
  double m = fmod(t, 18446744073709551616.0); /* exact */
  if (m < 0) m += 18446744073709551616.0;     /* exact: a multiple of 2^11 below 2^64 */
  return (uint64_t)m;
}
/*
 * `a % b` (ECMA-262 6.1.6.1.6: the sign of the dividend, fmod's result). When
 * both operands are integers in [1, 2^53], an integer division gives the same
 * value exactly, many times faster than libm's fmod loop; 32-bit operands use
 * the 32-bit division. Everything else is fmod: a zero dividend (-0 % b is
 * -0), a negative or fractional operand, NaN, Infinity, a zero divisor.
 */
static inline double tsos_num_mod(double a, double b) {
  if (__builtin_expect(a >= 1 && a <= 9007199254740992.0 && b >= 1 && b <= 9007199254740992.0, 1)) {
    /* Signed conversions: one instruction each way (both operands are below 2^63). */
    int64_t ia = (int64_t)a, ib = (int64_t)b;
    if ((double)ia == a && (double)ib == b) {
      if (((ia | ib) >> 32) == 0) return (double)((uint32_t)ia % (uint32_t)ib);
      return (double)(ia % ib);
    }
  }
  return fmod(a, b);
}
/* `a % n` for a uint32 value a and a count n (an array's length): NaN when n is 0, as `a % 0` is; a when n > a. */
static inline double tsos_num_mod_u32_count(uint32_t a, uint64_t n) {
  if (n > a) return (double)a;
  if (n == 0) return TSOS_NAN;
  return (double)(a % (uint32_t)n);
}
/* An index computed as `a % n` (tsos_num_mod_u32_count): n of 0 makes NaN, which is no integer (tsos_num_int's panic). */
static inline uint32_t tsos_num_index_mod_u32_count(uint32_t a, uint64_t n, const tsos_loc *loc) {
  if (n > a) return a;
  if (n == 0) return (uint32_t)tsos_num_int(TSOS_NAN, loc);
  return a % (uint32_t)n;
}
/* ToInt32 (ECMA-262 7.1.6), for the bitwise operators. */
static inline int32_t tsos_num_toint32(double v) {
  /* Within the int64 range a truncating conversion then reduction mod 2^32 is
   * exact (a uint32 value such as `seed >>> 0` takes this path too). */
  if (__builtin_expect(v >= -9223372036854775808.0 && v < 9223372036854775808.0, 1)) return (int32_t)(uint32_t)(int64_t)v;
  return (int32_t)(uint32_t)tsos_num_wrap64(v);
}

/* Math.min/Math.max: NaN wins; -0 is less than +0. */
static inline double tsos_num_min(double a, double b) {
  if (a != a || b != b) return TSOS_NAN;
  if (a == 0 && b == 0) return signbit(a) ? a : b;
  return a < b ? a : b;
}
static inline double tsos_num_max(double a, double b) {
  if (a != a || b != b) return TSOS_NAN;
  if (a == 0 && b == 0) return signbit(a) ? b : a;
  return a > b ? a : b;
}
/* Math.round: the nearest integer, halves toward +Infinity, the sign of zero kept. */
static inline double tsos_num_round(double x) {
  double r = floor(x);
  if (x - r >= 0.5) r += 1;
  return copysign(r, x);
}
static inline double tsos_num_sign(double x) {
  if (x != x || x == 0) return x;
  return x < 0 ? -1.0 : 1.0;
}
/* Math.hypot as V8 computes it: scale by the largest magnitude, Kahan-summed squares. */
static inline double tsos_num_hypot(int n, const double *xs) {
  double max = 0;
  bool nan = false;
  for (int i = 0; i < n; i++) {
    if (xs[i] != xs[i]) nan = true;
    else if (fabs(xs[i]) > max) max = fabs(xs[i]);
  }
  if (isinf(max)) return TSOS_INF;
  if (nan) return TSOS_NAN;
  if (max == 0) return 0;
  double sum = 0, compensation = 0;
  for (int i = 0; i < n; i++) {
    double r = fabs(xs[i]) / max;
    double summand = r * r - compensation;
    double preliminary = sum + summand;
    compensation = (preliminary - sum) - summand;
    sum = preliminary;
  }
  return sqrt(sum) * max;
}
/*
 * The words of a double's IEEE 754 encoding, and back: the intrinsics that
 * lib/std/math.ts (the fdlibm algorithms V8 uses) is written on.
 */
static inline int32_t tsos_num_high_word(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return (int32_t)(uint32_t)(bits >> 32);
}
static inline uint32_t tsos_num_low_word(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return (uint32_t)bits;
}
static inline double tsos_num_from_words(int32_t high, uint32_t low) {
  uint64_t bits = (uint64_t)(uint32_t)high << 32 | low;
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}
/* Math.imul: the low 32 bits of the product of ToInt32 of both, as a signed integer. */
static inline double tsos_num_imul(double a, double b) {
  return (int32_t)((uint32_t)tsos_num_toint32(a) * (uint32_t)tsos_num_toint32(b));
}
/* Math.clz32: leading zero bits of ToUint32(x); 32 for 0. */
static inline double tsos_num_clz32(double x) {
  uint32_t u = (uint32_t)tsos_num_toint32(x);
  return u == 0 ? 32 : __builtin_clz(u);
}
/* Math.fround: the nearest float (ties to even), back as a double. */
static inline double tsos_num_fround(double x) { return (double)(float)x; }
static inline bool tsos_num_is_integer(double x) { return isfinite(x) && trunc(x) == x; }
static inline bool tsos_num_is_safe_integer(double x) { return tsos_num_is_integer(x) && fabs(x) <= 9007199254740991.0; }

/*
 * The shortest decimal that reads back as v (v finite, > 0): digits without
 * trailing zeros and the exponent n such that v = 0.d1d2... x 10^n. Among
 * candidates of the shortest length, the one nearest v (what V8 prints):
 * the correctly rounded one, or at a power of two (where the rounding interval
 * is lopsided) one of its neighbours.
 */
static inline int tsos_shortest(double v, char *digits, int *n) {
  char t[40];
  uint64_t d = 0;
  int e = 0, prec;
  for (prec = 1; prec <= 17; prec++) {
    snprintf(t, sizeof t, "%.*e", prec - 1, v);
    char *ep = strchr(t, 'e');
    e = atoi(ep + 1);
    d = 0;
    for (char *p = t; p < ep; p++) if (*p >= '0' && *p <= '9') d = d * 10 + (uint64_t)(*p - '0');
    if (strtod(t, NULL) == v) break;
    if (prec == 17) break;
    bool found = false;
    for (int delta = -1; delta <= 1 && !found; delta += 2) {
      uint64_t c = d + (uint64_t)(int64_t)delta;
      snprintf(t, sizeof t, "%" PRIu64 "e%d", c, e - (prec - 1));
      if (c != 0 && strtod(t, NULL) == v) { d = c; found = true; }
    }
    if (found) break;
  }
  /* v = d x 10^(e - prec + 1) */
  char s[24];
  int k = snprintf(s, sizeof s, "%" PRIu64, d);
  *n = k + e - prec + 1;
  while (k > 1 && s[k - 1] == '0') k--;
  memcpy(digits, s, (size_t)k);
  digits[k] = 0;
  return k;
}

/* Number::toString(10) (ECMA-262 6.1.6.1.20) into buf (>= 40 bytes); -0 gives "0". */
static inline char *tsos_fmt_num(char *buf, double v) {
  if (v != v) return strcpy(buf, "NaN");
  if (v == 0) return strcpy(buf, "0");
  if (isinf(v)) return strcpy(buf, v < 0 ? "-Infinity" : "Infinity");
  char *p = buf;
  if (v < 0) { *p++ = '-'; v = -v; }
  if (v < 9007199254740992.0 && v == trunc(v)) {
    /* An integer: its decimal digits, written backwards into a scratch buffer (no snprintf). */
    char d[20];
    int len = 0;
    for (uint64_t u = (uint64_t)v; u != 0; u /= 10) d[len++] = (char)('0' + u % 10);
    while (len > 0) *p++ = d[--len];
    *p = 0;
    return buf;
  }
  char s[24];
  int n;
  int k = tsos_shortest(v, s, &n);
  if (k <= n && n <= 21) {
    memcpy(p, s, (size_t)k); p += k;
    for (int i = k; i < n; i++) *p++ = '0';
  } else if (0 < n && n <= 21) {
    memcpy(p, s, (size_t)n); p += n;
    *p++ = '.';
    memcpy(p, s + n, (size_t)(k - n)); p += k - n;
  } else if (-6 < n && n <= 0) {
    *p++ = '0'; *p++ = '.';
    for (int i = 0; i < -n; i++) *p++ = '0';
    memcpy(p, s, (size_t)k); p += k;
  } else {
    *p++ = s[0];
    if (k > 1) { *p++ = '.'; memcpy(p, s + 1, (size_t)(k - 1)); p += k - 1; }
    p += sprintf(p, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
  }
  *p = 0;
  return buf;
}

/*
 * Number::toString(10) of v as text in buf (>= TSOS_NUM_TEXT bytes), not
 * counted: a view for a concatenation to copy (emit-c.ts strParts formats a
 * template's numbers on the stack). The text is ASCII, so units = bytes.
 * Integers of magnitude below 2^32, the common case, are written backwards
 * from the buffer's end, two digits per 32-bit division; anything else is
 * tsos_fmt_num.
 */
#define TSOS_NUM_TEXT 48
static inline tsos_str tsos_num_text(double v, char *buf) {
  double m = v < 0 ? -v : v;
  if (m < 4294967296.0) {
    uint32_t w = (uint32_t)m;
    if ((double)w == m) { /* -0 and 0 give "0" */
      static const char pairs[201] =
          "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
          "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
          "8081828384858687888990919293949596979899";
      char *end = buf + TSOS_NUM_TEXT, *p = end;
      for (; w >= 100; w /= 100) { p -= 2; __builtin_memcpy(p, &pairs[2 * (w % 100)], 2); } /* two digits a division */
      if (w >= 10) { p -= 2; __builtin_memcpy(p, &pairs[2 * w], 2); } else *--p = (char)('0' + w);
      if (v < 0) *--p = '-';
      uint32_t n = (uint32_t)(end - p);
      return (tsos_str){(const uint8_t *)p, n, n, 0};
    }
  }
  /* gcc tracks the few bytes written and judges the copy's path for long texts: -Wstringop-overread is off (gcc.ts). */
  char *p = tsos_fmt_num(buf, v);
  uint32_t n = (uint32_t)strlen(p);
  return (tsos_str){(const uint8_t *)p, n, n, 0};
}
/* String(v): the text of tsos_num_text in a block of its own. */
static inline tsos_str tsos_str_from_num(double v) {
  char b[TSOS_NUM_TEXT];
  tsos_str t = tsos_num_text(v, b);
  uint8_t *q = tsos_str_alloc(t.len, NULL);
  tsos_copy_bytes(q, t.ptr, t.len);
  return tsos_str_heap(q, t.len, t.len);
}
/* console.log formats numbers with util.inspect: as String(v), except that -0 prints "-0". */
static inline void tsos_print_num(FILE *f, double v, bool inspect) {
  char b[48];
  if (tsos_group_indent) tsos_group_pad(f);
  fputs(inspect && v == 0 && signbit(v) ? "-0" : tsos_fmt_num(b, v), f);
}

/*
 * Number.prototype.toFixed (ECMA-262 21.1.3.3): the integer n nearest
 * x * 10^f, the larger on a tie, computed from x's exact decimal expansion.
 */
static inline tsos_str tsos_num_to_fixed(double x, double digits, const tsos_loc *loc) {
  int64_t f;
  if (!tsos_num_is_i64(digits, &f) || f < 0 || f > 100) tsos_panic_cstr(loc, "toFixed() digits argument must be between 0 and 100");
  if (x != x) return TSOS_STR("NaN");
  if (fabs(x) >= 1e21) return tsos_str_from_num(x);
  bool neg = x < 0;
  x = fabs(x); /* -0 prints without a sign */
  char exact[1200]; /* a double below 1e21 has at most 21 integer and 1074 fraction digits */
  snprintf(exact, sizeof exact, "%.1100f", x);
  char *dot = strchr(exact, '.');
  int ilen = (int)(dot - exact);
  char d[1200];
  d[0] = '0'; /* room for a carry */
  memcpy(d + 1, exact, (size_t)ilen);
  memcpy(d + 1 + ilen, dot + 1, (size_t)f);
  int len = 1 + ilen + (int)f;
  if (dot[1 + f] >= '5') {
    int i = len - 1;
    while (d[i] == '9') d[i--] = '0';
    d[i]++;
  }
  char *start = d[0] == '0' ? d + 1 : d;
  int ilen2 = (int)(d + len - start) - (int)f;
  uint8_t *out = tsos_str_alloc((uint64_t)(ilen2 + f + 2), loc);
  int at = 0;
  if (neg) out[at++] = '-';
  memcpy(out + at, start, (size_t)ilen2); at += ilen2;
  if (f) { out[at++] = '.'; memcpy(out + at, start + ilen2, (size_t)f); at += (int)f; }
  return tsos_str_heap(out, (uint32_t)at, (uint32_t)at);
}

/* x.toString(radix) for radix != 10 and a value that is not a safe integer: V8's
   DoubleToRadixCString (src/numbers/conversions.cc), digit for digit. The fraction gets
   digits until the rest is below half the distance to the next double, rounded to even;
   integer digits past 2^53 are zeros, as V8 prints them. */
static inline tsos_str tsos_num_to_radix_slow(double value, unsigned radix, const tsos_loc *loc) {
  static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  enum { SIZE = 2200 };
  char buffer[SIZE];
  int integer_cursor = SIZE / 2;
  int fraction_cursor = integer_cursor;
  bool negative = value < 0;
  if (negative) value = -value;
  double integer = floor(value);
  double fraction = value - integer;
  double delta = 0.5 * (nextafter(value, INFINITY) - value);
  if (delta < nextafter(0.0, 1.0)) delta = nextafter(0.0, 1.0);
  if (fraction >= delta) {
    buffer[fraction_cursor++] = '.';
    do {
      fraction *= radix;
      delta *= radix;
      int digit = (int)fraction;
      buffer[fraction_cursor++] = chars[digit];
      fraction -= digit;
      if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
        if (fraction + delta > 1) {
          for (;;) {
            fraction_cursor--;
            if (fraction_cursor == SIZE / 2) {
              integer += 1;
              break;
            }
            char c = buffer[fraction_cursor];
            int d = c > '9' ? (c - 'a' + 10) : (c - '0');
            if (d + 1 < (int)radix) {
              buffer[fraction_cursor++] = chars[d + 1];
              break;
            }
          }
          break;
        }
      }
    } while (fraction >= delta);
  }
  /* Double(integer / radix).Exponent() > 0: the quotient is at least 2^53. */
  while (integer / radix >= 9007199254740992.0) {
    integer /= radix;
    buffer[--integer_cursor] = '0';
  }
  do {
    double remainder = fmod(integer, (double)radix);
    buffer[--integer_cursor] = chars[(int)remainder];
    integer = (integer - remainder) / radix;
  } while (integer > 0);
  if (negative) buffer[--integer_cursor] = '-';
  uint32_t len = (uint32_t)(fraction_cursor - integer_cursor);
  uint8_t *out = tsos_str_alloc(len, loc);
  memcpy(out, buffer + integer_cursor, len);
  return tsos_str_heap(out, len, len);
}

/* x.toString(radix) for radix != 10. */
static inline tsos_str tsos_num_to_radix(double v, unsigned radix, const tsos_loc *loc) {
  if (v != v) return TSOS_STR("NaN");
  if (isinf(v)) return v < 0 ? TSOS_STR("-Infinity") : TSOS_STR("Infinity");
  if (!(fabs(v) < 9007199254740992.0) || v != trunc(v)) return tsos_num_to_radix_slow(v, radix, loc);
  return tsos_str_from_radix((uint64_t)fabs(v), v < 0, radix);
}

#endif
