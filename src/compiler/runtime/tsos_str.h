/*
 * tsos_str.h: the hosted intrinsics of strings with JavaScript's meaning.
 *
 * Input:  included by tsos_host.h after tsos_rt.h and tsos_num.h. Called by
 *         generated C for `s.length`, `s[i]`, `s.charCodeAt(i)`, string
 *         comparison, Number(s)/parseInt/parseFloat, case mapping, trimming,
 *         and by lib/std/string.ts through lib/std/string-intrinsics.d.ts.
 * Output: static inline helpers over tsos_str (UTF-8 bytes plus the UTF-16
 *         length, tsos_rt.h).
 * Invariants:
 *   - Every observable index, length and order is in UTF-16 code units, as
 *     in JavaScript; `len == units` means ASCII and takes a byte-wise path.
 *   - A string never holds a lone surrogate: an operation that would make
 *     one (slicing an emoji in half) panics with a clear message instead.
 *   - Results are built with one allocation each (tsos_alloc); single ASCII
 *     characters come from static storage.
 */
#ifndef TSOS_STR_H
#define TSOS_STR_H
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "tsos_rt.h"
#include "tsos_case.h"
#include "tsos_hash.h"

/* ---- UTF-8 ---- */
static inline uint32_t tsos_utf8_seqlen(uint8_t b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }
static inline uint32_t tsos_utf8_decode(const uint8_t *p, uint32_t n) {
  switch (n) {
    case 1: return p[0];
    case 2: return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default: return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
}
static inline uint32_t tsos_utf8_encode(uint8_t *out, uint32_t cp) {
  if (cp < 0x80) { out[0] = (uint8_t)cp; return 1; }
  if (cp < 0x800) { out[0] = (uint8_t)(0xC0 | (cp >> 6)); out[1] = (uint8_t)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    out[0] = (uint8_t)(0xE0 | (cp >> 12)); out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F)); out[2] = (uint8_t)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (uint8_t)(0xF0 | (cp >> 18)); out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (uint8_t)(0x80 | (cp & 0x3F));
  return 4;
}
/* Whether p[0..n) is well-formed UTF-8 without surrogates (what a JavaScript string can hold). */
static inline bool tsos_utf8_valid(const uint8_t *p, uint64_t n) {
  for (uint64_t i = 0; i < n;) {
    uint8_t b = p[i];
    uint32_t k = b < 0x80 ? 1 : (b >= 0xC2 && b < 0xE0) ? 2 : (b >= 0xE0 && b < 0xF0) ? 3 : (b >= 0xF0 && b < 0xF5) ? 4 : 0;
    if (!k || i + k > n) return false;
    for (uint32_t j = 1; j < k; j++) if ((p[i + j] & 0xC0) != 0x80) return false;
    uint32_t cp = tsos_utf8_decode(p + i, k);
    if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    i += k;
  }
  return true;
}
/* A command-line argument: Node would replace invalid UTF-8; tsos refuses it rather than differ. */
static inline tsos_str tsos_str_from_arg(const char *s) {
  tsos_str r = tsos_str_from_cstr_copy(s);
  if (!tsos_utf8_valid(r.ptr, r.len)) tsos_panic_cstr(NULL, "a command-line argument is not valid UTF-8 (not supported)");
  return r;
}

/* ---- code units ---- */
static inline bool tsos_str_ascii(tsos_str s) { return s.len == s.units; }

/*
 * The byte offset of code unit `unit` (<= s.units). When the unit is the low
 * half of a surrogate pair, *mid is set and the offset is the pair's start.
 */
static uint32_t tsos_str_cursor_len;
static uint64_t tsos_str_cursor_unit, tsos_str_cursor_byte;
/*
 * The bytes of s with their origin hidden from gcc: decoding at an offset the
 * scan below found, in a literal, made -Warray-bounds assume any offset.
 */
static inline const uint8_t *tsos_str_laundered(tsos_str s) {
  uintptr_t q = (uintptr_t)s.ptr;
  __asm__("" : "+r"(q));
  return (const uint8_t *)q;
}
/* Out of line: the scan is long. */
__attribute__((noinline)) static uint64_t tsos_str_offset_scan(tsos_str s, uint64_t unit, bool *mid) {
  uint64_t off = 0, u = 0;
  /* Heap strings only: their bytes never change while the block lives (an append writes past `len`). */
  bool cached = s.heap && s.ptr == tsos_str_cursor_ptr && s.len == tsos_str_cursor_len;
  if (cached && unit >= tsos_str_cursor_unit) {
    off = tsos_str_cursor_byte;
    u = tsos_str_cursor_unit;
  } else if (cached && tsos_str_cursor_unit - unit < unit) {
    /* Nearer the cursor than the start: back up one character at a time (UTF-8 continuation bytes are 10xxxxxx). */
    off = tsos_str_cursor_byte;
    u = tsos_str_cursor_unit;
    while (u > unit) {
      do off--; while ((s.ptr[off] & 0xC0) == 0x80);
      u -= tsos_utf8_seqlen(s.ptr[off]) == 4 ? 2 : 1;
    }
    if (u < unit) { *mid = true; return off; } /* the low half of a pair backed over */
  }
  while (u < unit) {
    uint32_t n = tsos_utf8_seqlen(s.ptr[off]);
    if (n == 4 && u + 1 == unit) { *mid = true; return off; }
    u += n == 4 ? 2 : 1;
    off += n;
  }
  if (s.heap) {
    tsos_str_cursor_ptr = s.ptr;
    tsos_str_cursor_len = s.len;
    tsos_str_cursor_unit = u;
    tsos_str_cursor_byte = off;
  }
  return off;
}
static inline uint64_t tsos_str_offset(tsos_str s, uint64_t unit, bool *mid) {
  *mid = false;
  if (tsos_str_ascii(s)) return unit;
  return tsos_str_offset_scan(s, unit, mid);
}
/* The number of code units before byte offset `off` (a character boundary). */
static inline uint64_t tsos_str_units_before(tsos_str s, uint64_t off) {
  return tsos_str_ascii(s) ? off : tsos_utf8_units(s.ptr, off);
}
/*
 * The code unit at index i (< s.units) of a string that is not ASCII: out of
 * line, and the fields come apart, so that a caller in a loop keeps only
 * what the ASCII read needs (below).
 */
__attribute__((noinline, unused)) static uint32_t tsos_str_unit_wide(const uint8_t *ptr, uint32_t len, uint32_t units, uint32_t heap, uint64_t i) {
  tsos_str s = {ptr, len, units, heap};
  bool mid;
  uint64_t off = tsos_str_offset(s, i, &mid);
  const uint8_t *b = tsos_str_laundered(s);
  uint32_t cp = tsos_utf8_decode(b + off, tsos_utf8_seqlen(b[off]));
  if (cp < 0x10000) return cp;
  cp -= 0x10000;
  return mid ? 0xDC00 + (cp & 0x3FF) : 0xD800 + (cp >> 10);
}
/*
 * The code unit at index i (< s.units): an ASCII string's byte inline, else
 * a call. With the decoding inlined, a loop over `s.charCodeAt(i)` kept s as
 * one packed value and rebuilt it per character for the decoder's call
 * (string_builder's checksum: 18 instructions per character, 11 now).
 */
static inline uint32_t tsos_str_unit(tsos_str s, uint64_t i) {
  if (__builtin_expect(tsos_str_ascii(s), 1)) return s.ptr[i];
  return tsos_str_unit_wide(s.ptr, s.len, s.units, s.heap, i);
}
/* A fresh string of the n bytes at p holding `units` code units. */
static inline tsos_str tsos_str_of_bytes(const uint8_t *p, uint64_t n, uint64_t units) {
  if (n == 0) return TSOS_EMPTY_STR;
  if (n == 1 && p[0] < 128) return tsos_ascii_char(p[0]);
  uint8_t *q = tsos_str_alloc(n, NULL);
  memcpy(q, p, n);
  return tsos_str_heap(q, n, units);
}
__attribute__((noreturn, cold)) static inline void tsos_str_half_pair(const tsos_loc *loc) {
  tsos_panic_cstr(loc, "this would split a surrogate pair (an emoji or other character outside the BMP) into a lone surrogate: not supported");
}
/* Code units [from, to) of s (0 <= from <= to <= units); splitting a surrogate pair panics. */
static inline tsos_str tsos_str_sub(tsos_str s, uint64_t from, uint64_t to, const tsos_loc *loc) {
  if (from >= to) return TSOS_EMPTY_STR;
  if (to > s.units) tsos_panic_cstr(loc, "a string slice past the end (a tsos bug)");
  if (from == 0 && to == s.units) return tsos_str_retain(s); /* every string result is a reference of its own */
  if (tsos_str_ascii(s)) return tsos_str_of_bytes(s.ptr + from, to - from, to - from);
  bool m1, m2;
  uint64_t a = tsos_str_offset(s, from, &m1), b = tsos_str_offset(s, to, &m2);
  if (m1 || m2) tsos_str_half_pair(loc);
  return tsos_str_of_bytes(s.ptr + a, b - a, to - from);
}
/* Bytes [from, to) of s, both character boundaries. */
static inline tsos_str tsos_str_sub_bytes(tsos_str s, uint64_t from, uint64_t to) {
  if (from >= to) return TSOS_EMPTY_STR;
  if (to > s.len) tsos_panic_cstr(NULL, "a string slice past the end (a tsos bug)");
  if (from == 0 && to == s.len) return tsos_str_retain(s);
  uint64_t units = tsos_str_ascii(s) ? to - from : tsos_utf8_units(s.ptr + from, to - from);
  return tsos_str_of_bytes(s.ptr + from, to - from, units);
}

/* `s.length`, `s[i]`, `s.charCodeAt(i)` */
static inline double tsos_str_length(tsos_str s) { return (double)s.units; }
static inline tsos_str tsos_str_unit_at(tsos_str s, int64_t i, const tsos_loc *loc) {
  if (i < 0 || (uint64_t)i >= s.units) tsos_panic_index(loc, s.units, i, false);
  if (tsos_str_ascii(s)) return tsos_ascii_char(s.ptr[i]);
  return tsos_str_sub(s, (uint64_t)i, (uint64_t)i + 1, loc);
}
/* `s[i]` read as `string | undefined`: undefined (a NULL pointer) out of range. */
static inline tsos_str tsos_str_unit_at_or_undefined(tsos_str s, int64_t i, const tsos_loc *loc) {
  if (i < 0 || (uint64_t)i >= s.units) return (tsos_str){NULL, 0, 0, 0};
  return tsos_str_unit_at(s, i, loc);
}
/* ToIntegerOrInfinity: NaN is 0, the fraction dropped. */
static inline double tsos_num_integer(double v) { return v != v ? 0 : trunc(v) + 0.0; }
static inline double tsos_str_char_code_at(tsos_str s, double pos) {
  double p = tsos_num_integer(pos);
  if (p < 0 || p >= s.units) return TSOS_NAN;
  return (double)tsos_str_unit(s, (uint64_t)p);
}
/* The same for an integer position (a loop counter held as int64_t, lower/intrep.ts). */
static inline double tsos_str_char_code_at_i64(tsos_str s, int64_t pos) {
  if (pos < 0 || (uint64_t)pos >= s.units) return TSOS_NAN;
  return (double)tsos_str_unit(s, (uint64_t)pos);
}
/*
 * Code unit i of an ASCII string, 0 <= i < s.units: `s.charCodeAt(j)` in a
 * loop that lower/bounds.ts versioned on s being ASCII and j in range.
 */
static inline uint32_t tsos_str_ascii_unit(tsos_str s, int64_t i) { return s.ptr[i]; }
static inline double tsos_str_ascii_code_at(tsos_str s, int64_t i) { return (double)tsos_str_ascii_unit(s, i); }
/* The code unit at an integer position, or -1 outside the string (emit-c.ts int32Sum: NaN there). */
static inline int64_t tsos_str_unit_or_minus1(tsos_str s, int64_t pos) {
  if ((uint64_t)pos >= s.units) return -1;
  return tsos_str_unit(s, (uint64_t)pos);
}
/* `s.charAt(pos)`: "" out of range. */
static inline tsos_str tsos_str_char_at(tsos_str s, double pos, const tsos_loc *loc) {
  double p = tsos_num_integer(pos);
  if (p < 0 || p >= s.units) return TSOS_EMPTY_STR;
  return tsos_str_sub(s, (uint64_t)p, (uint64_t)p + 1, loc);
}
/* `s.at(pos)`: negative counts from the end; undefined (a NULL pointer) out of range. */
static inline tsos_str tsos_str_at_rel(tsos_str s, double pos, const tsos_loc *loc) {
  double p = tsos_num_integer(pos);
  if (p < 0) p += s.units;
  if (p < 0 || p >= s.units) return (tsos_str){NULL, 0, 0, 0};
  return tsos_str_sub(s, (uint64_t)p, (uint64_t)p + 1, loc);
}
/* `s.codePointAt(pos)`; NaN stands for undefined (lowering wraps it). */
static inline double tsos_str_code_point_at(tsos_str s, double pos) {
  double p = tsos_num_integer(pos);
  if (p < 0 || p >= s.units) return TSOS_NAN;
  if (tsos_str_ascii(s)) return s.ptr[(uint64_t)p];
  bool mid;
  uint64_t off = tsos_str_offset(s, (uint64_t)p, &mid);
  const uint8_t *b = tsos_str_laundered(s);
  uint32_t cp = tsos_utf8_decode(b + off, tsos_utf8_seqlen(b[off]));
  return mid ? (double)(0xDC00 + ((cp - 0x10000) & 0x3FF)) : (double)cp;
}

/* for-of over a string: the code point starting at byte `off`, and the offset after it. */
static inline tsos_str tsos_str_char_at_byte(tsos_str s, int64_t off) {
  uint8_t b = s.ptr[off];
  if (b < 0x80) return tsos_ascii_char(b);
  uint32_t n = tsos_utf8_seqlen(b);
  return tsos_str_of_bytes(s.ptr + off, n, n == 4 ? 2 : 1);
}
static inline int64_t tsos_str_next_byte(tsos_str s, int64_t off) { return off + (int64_t)tsos_utf8_seqlen(s.ptr[off]); }
static inline int64_t tsos_str_bytes(tsos_str s) { return (int64_t)s.len; }

/* ---- order: by UTF-16 code units (UTF-8 byte order differs only for characters outside the BMP) ---- */
/* Out of line (noipa: no inlining, no clone for a constant argument): against a short literal, gcc's -Warray-bounds took the multi-byte reads for overruns. */
__attribute__((noipa)) static int32_t tsos_str_cmp_nonascii(tsos_str a, tsos_str b, uint64_t i);
static inline int32_t tsos_str_cmp(tsos_str a, tsos_str b) {
  uint64_t n = a.len < b.len ? a.len : b.len, i = 0;
  while (i < n && a.ptr[i] == b.ptr[i]) i++;
  if (i == n) return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
  /* ASCII on both sides (always so against a one-character ASCII literal: `ch >= "a"`) */
  if (a.ptr[i] < 0x80 && b.ptr[i] < 0x80) return a.ptr[i] < b.ptr[i] ? -1 : 1;
  return tsos_str_cmp_nonascii(a, b, i);
}
/* Strings that differ first at byte i, not both ASCII there. */
__attribute__((noipa)) static int32_t tsos_str_cmp_nonascii(tsos_str a, tsos_str b, uint64_t i) {
  while (i > 0 && (a.ptr[i] & 0xC0) == 0x80) i--; /* back to the start of the differing character */
  uint32_t na = tsos_utf8_seqlen(a.ptr[i]), nb = tsos_utf8_seqlen(b.ptr[i]);
  if (na > a.len - i) na = (uint32_t)(a.len - i);
  if (nb > b.len - i) nb = (uint32_t)(b.len - i);
  uint32_t ca = tsos_utf8_decode(a.ptr + i, na);
  uint32_t cb = tsos_utf8_decode(b.ptr + i, nb);
  /* the first code unit of each: a surrogate (D800..DBFF) for a character outside the BMP */
  uint32_t ua = ca >= 0x10000 ? 0xD800 + ((ca - 0x10000) >> 10) : ca;
  uint32_t ub = cb >= 0x10000 ? 0xD800 + ((cb - 0x10000) >> 10) : cb;
  if (ua == ub) { ua = ca; ub = cb; } /* same high surrogate: the low ones order as the code points */
  return ua < ub ? -1 : 1;
}

/* ---- searching, by bytes (UTF-8 matches only at character boundaries) ---- */
/* The first byte offset >= from where pat occurs, or -1. */
static inline double tsos_str_find(tsos_str s, tsos_str pat, double from) {
  if (from < 0) from = 0;
  if (from > s.len) return pat.len == 0 ? (double)s.len : -1;
  if (pat.len == 0) return from;
  if (pat.len > s.len) return -1;
  for (uint64_t i = (uint64_t)from; i + pat.len <= s.len; i++)
    if (s.ptr[i] == pat.ptr[0] && memcmp(s.ptr + i, pat.ptr, pat.len) == 0) return (double)i;
  return -1;
}
/* The last byte offset <= from where pat occurs, or -1. */
static inline double tsos_str_find_last(tsos_str s, tsos_str pat, double from) {
  if (pat.len > s.len || from < 0) return -1;
  uint64_t i = (uint64_t)(from > s.len - pat.len ? s.len - pat.len : from);
  for (;; i--) {
    if (memcmp(s.ptr + i, pat.ptr, pat.len) == 0) return (double)i;
    if (i == 0) return -1;
  }
}
static inline bool tsos_str_match_at(tsos_str s, tsos_str pat, double at) {
  return at >= 0 && at + pat.len <= s.len && memcmp(s.ptr + (uint64_t)at, pat.ptr, pat.len) == 0;
}
static inline double tsos_str_byte_length(tsos_str s) { return (double)s.len; }
static inline double tsos_str_byte(tsos_str s, double i) {
  if (!(i >= 0 && i < s.len)) tsos_panic_cstr(NULL, "lib/std/string.ts read past the end of a string (a tsos bug)");
  return s.ptr[(uint64_t)i];
}
/* Unit index -> byte offset for a search start: inside a pair, the next character (`up`) or the pair (`!up`). */
static inline double tsos_str_byte_offset(tsos_str s, double unit, bool up) {
  if (unit <= 0) return 0;
  if (unit >= s.units) return (double)s.len;
  bool mid;
  uint64_t off = tsos_str_offset(s, (uint64_t)unit, &mid);
  return (double)(mid && up ? off + 4 : off);
}
static inline double tsos_str_unit_index(tsos_str s, double off) { return (double)tsos_str_units_before(s, (uint64_t)off); }
static inline tsos_str tsos_str_slice_units(tsos_str s, double from, double to, const tsos_loc *loc) {
  return tsos_str_sub(s, (uint64_t)from, (uint64_t)to, loc);
}
static inline tsos_str tsos_str_slice_bytes(tsos_str s, double from, double to) { return tsos_str_sub_bytes(s, (uint64_t)from, (uint64_t)to); }

/* ---- split ---- */
/*
 * The pieces split makes. A piece of 2..TSOS_PIECE_MAX bytes is first looked
 * up among the pieces made before that are still alive (a cache of 1024 sets
 * of 8, by hash and bytes): a hit is one more reference to that block, so
 * text of repeated words allocates each word once while it lives, and a Map
 * keyed by the words finds its keys by address (tsos_str_eq) with the hash
 * already in the header. The cache holds no reference: a block leaves it
 * when it is freed or its text grows in place (runtime/tsos_rt.h), and a new
 * piece takes a free way or, in turn, an occupied one (that block just stops
 * being found). Strings are immutable and compared by value, so sharing a
 * block is not observable.
 */
/*
 * 8 ways, not 4: with bench word_count's 2,784 words in 4,096 ways, sets
 * asked to hold more than 4 took their ways in turn and evicted each
 * other's words. An evicted word's next piece is a new block, which is not
 * the Map's key: of 16 million key comparisons, 4.9 million compared bytes
 * instead of addresses. With 8 ways none does.
 */
#define TSOS_PIECE_SETS 1024
#define TSOS_PIECE_WAYS 8
/* A way: the block's bytes, and its length and hash as one word (0: a free way; a cached piece has 2 or more bytes). */
typedef struct { const uint8_t *ptr; uint64_t key; } tsos_piece_slot;
static tsos_piece_slot tsos_piece_cache[TSOS_PIECE_SETS][TSOS_PIECE_WAYS];
static uint8_t tsos_piece_turn[TSOS_PIECE_SETS];
static inline uint64_t tsos_piece_key(uint64_t n, uint32_t hash) { return (uint64_t)hash << 32 | n; }
static inline tsos_piece_slot *tsos_piece_set(uint32_t hash) { return tsos_piece_cache[(hash ^ (hash >> 16)) & (TSOS_PIECE_SETS - 1)]; }
__attribute__((noinline, unused)) static void tsos_piece_forget(const uint8_t *ptr, uint32_t hash) {
  tsos_piece_slot *set = tsos_piece_set(hash);
  for (int w = 0; w < TSOS_PIECE_WAYS; w++)
    if (set[w].ptr == ptr) set[w] = (tsos_piece_slot){NULL, 0};
}
/* Whether the n (<= TSOS_PIECE_MAX) bytes at a and b are equal: two overlapping loads per 8 bytes, never past the n bytes. */
static inline bool tsos_bytes_eq(const uint8_t *a, const uint8_t *b, uint64_t n) {
  if (n >= 8) {
    uint64_t x, y;
    for (uint64_t i = 0; i + 8 < n; i += 8) {
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    memcpy(&x0, a, 4);
    memcpy(&y0, b, 4);
    memcpy(&x1, a + n - 4, 4);
    memcpy(&y1, b + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  for (uint64_t i = 0; i < n; i++) if (a[i] != b[i]) return false;
  return true;
}
/* A piece not in the cache (out of line: the hit below is the common case): a new block, entered in a free way or, in turn, an occupied one. */
__attribute__((noinline, unused)) static tsos_str tsos_str_piece_new(const uint8_t *p, uint64_t n, uint64_t units, uint32_t hash, tsos_piece_slot *set) {
  uint8_t *q = tsos_str_alloc(n, NULL);
  memcpy(q, p, n);
  tsos_str r = tsos_str_heap(q, n, units);
  tsos_str_hdr(r)->hash = hash;
  int way = -1;
  for (int w = 0; w < TSOS_PIECE_WAYS && way < 0; w++)
    if (set[w].key == 0) way = w;
  if (way < 0) {
    uint32_t k = (uint32_t)(set - tsos_piece_cache[0]) / TSOS_PIECE_WAYS;
    way = tsos_piece_turn[k]++ % TSOS_PIECE_WAYS;
  }
  set[way] = (tsos_piece_slot){q, tsos_piece_key(n, hash)};
  return r;
}
/* The string of the n bytes at p (units code units, hash their tsos_hash_bytes), shared with an earlier equal piece when there is one. */
static inline tsos_str tsos_str_piece(const uint8_t *p, uint64_t n, uint64_t units, uint32_t hash) {
  if (n < 2 || n > TSOS_PIECE_MAX) return tsos_str_of_bytes(p, n, units);
  if (hash == 0) return tsos_str_of_bytes(p, n, units); /* 0 marks "no hash" in a header */
  tsos_piece_slot *set = tsos_piece_set(hash);
  uint64_t key = tsos_piece_key(n, hash);
  for (int w = 0; w < TSOS_PIECE_WAYS; w++) {
    if (set[w].key == key && tsos_bytes_eq(set[w].ptr, p, n)) {
      tsos_str r = {set[w].ptr, (uint32_t)n, (uint32_t)units, 1};
      return tsos_str_retain(r);
    }
  }
  return tsos_str_piece_new(p, n, units, hash, set);
}
/* The first byte offset >= from where sep (non-empty) occurs in s, or s.len. */
static inline uint64_t tsos_str_find_from(tsos_str s, tsos_str sep, uint64_t from) {
  if (sep.len == 1) {
    /* A byte loop first: split pieces are mostly short, and memchr's call costs more than a word. */
    uint8_t c = sep.ptr[0];
    uint64_t stop = from + 32 < s.len ? from + 32 : s.len;
    for (; from < stop; from++) if (s.ptr[from] == c) return from;
    const uint8_t *q = from < s.len ? memchr(s.ptr + from, c, s.len - from) : NULL;
    return q ? (uint64_t)(q - s.ptr) : s.len;
  }
  while (from + sep.len <= s.len) {
    const uint8_t *q = memchr(s.ptr + from, sep.ptr[0], s.len - sep.len + 1 - from);
    if (!q) break;
    from = (uint64_t)(q - s.ptr);
    if (memcmp(q, sep.ptr, sep.len) == 0) return from;
    from++;
  }
  return s.len;
}
/*
 * `s.split(sep, limit)` for a non-empty separator (lib/std/string.ts split;
 * limit is ToUint32 of the argument): the text between occurrences, at most
 * limit pieces. Matches fall on character boundaries (UTF-8 is
 * self-synchronizing), so a piece is never half a character.
 */
static inline tsos_arr_str *tsos_str_split(tsos_str s, tsos_str sep, double limit) {
  uint64_t lim = limit > 0 ? (uint64_t)limit : 0;
  uint64_t count = 0;
  if (lim > 0 && sep.len == 1) {
    /* Eight bytes at a time: a zero byte of x ^ c*0x01.. is an occurrence (exact, no false positives). */
    uint8_t c = sep.ptr[0];
    const uint64_t ones = UINT64_C(0x0101010101010101), low7 = UINT64_C(0x7f7f7f7f7f7f7f7f);
    uint64_t i = 0;
    for (; i + 8 <= s.len; i += 8) {
      uint64_t x;
      memcpy(&x, s.ptr + i, 8);
      x ^= ones * c;
      uint64_t zero = ~(((x & low7) + low7) | x | low7); /* high bit set exactly in the zero bytes */
      count += ((zero >> 7) * ones) >> 56; /* the sum of the bytes, each 0 or 1 */
    }
    for (; i < s.len; i++) count += s.ptr[i] == c;
    count = count + 1 < lim ? count + 1 : lim;
  } else if (lim > 0) {
    count = 1;
    for (uint64_t at = tsos_str_find_from(s, sep, 0); at < s.len && count < lim; at = tsos_str_find_from(s, sep, at + sep.len)) count++;
  }
  /* The elements are not zeroed: the loop below writes every one before anything can read it. */
  tsos_arr_str *out = tsos_arr_str_new(0, NULL);
  if (count > 0) {
    out->data = tsos_alloc_unzeroed_as(sizeof(tsos_str) * count, NULL, "array elements");
    out->len = out->cap = count;
  }
  bool ascii = tsos_str_ascii(s);
  uint64_t from = 0;
  for (uint64_t i = 0; i < count; i++) {
    uint64_t to;
    uint32_t hash = 2166136261u; /* tsos_hash_bytes of the piece, computed while looking for its end */
    if (sep.len == 1) {
      uint8_t c = sep.ptr[0];
      uint64_t stop = s.len - from > TSOS_PIECE_MAX + 1 ? from + TSOS_PIECE_MAX + 1 : s.len; /* hashing past a cached piece's length is no use */
      for (to = from; to < stop && s.ptr[to] != c; to++) hash = (hash ^ s.ptr[to]) * 16777619u;
      if (to < s.len && s.ptr[to] != c) to = tsos_str_find_from(s, sep, to); /* longer than a cached piece: no hash needed */
    } else {
      to = tsos_str_find_from(s, sep, from);
      if (to - from <= TSOS_PIECE_MAX) hash = tsos_hash_bytes(s.ptr + from, to - from);
    }
    uint64_t n = to - from;
    out->data[i] = tsos_str_piece(s.ptr + from, n, ascii ? n : tsos_utf8_units(s.ptr + from, n), hash);
    from = to + sep.len;
  }
  return out;
}

/* ---- regular expressions (lib/std/regexp.ts) ---- */
/* Byte i of s (i < s.len): code unit i of an ASCII string. */
static inline int32_t tsos_str_unit_i32(tsos_str s, int32_t i) { return s.ptr[(uint64_t)i]; }
/* Canonicalize (non-unicode): toUpperCase of one code unit when that is one unit, never non-ASCII to ASCII. */
static inline int32_t tsos_regexp_canonicalize(int32_t unit) {
  if (unit < 0x80) return unit >= 'a' && unit <= 'z' ? unit - 32 : unit;
  if (unit >= 0xD800 && unit <= 0xDFFF) return unit;
  const uint32_t *more = NULL;
  uint32_t count = 1;
  uint32_t up = tsos_case_upper((uint32_t)unit, &more, &count);
  (void)more;
  if (count != 1 || up > 0xFFFF || up < 0x80) return unit;
  return (int32_t)up;
}
/* The lowercase of a code unit when it is one unit, else the unit. */
static inline int32_t tsos_regexp_lower_unit(int32_t unit) {
  if (unit < 0x80) return unit >= 'A' && unit <= 'Z' ? unit + 32 : unit;
  if (unit >= 0xD800 && unit <= 0xDFFF) return unit;
  const uint32_t *more = NULL;
  uint32_t count = 1;
  uint32_t low = tsos_case_lower((uint32_t)unit, &more, &count);
  (void)more;
  if (count != 1 || low > 0xFFFF) return unit;
  return (int32_t)low;
}
static inline void tsos_regexp_panic(tsos_str message, const tsos_loc *loc) { tsos_panic(loc, message); }

/* ---- building ---- */
/* `s.repeat(n)` for a count already checked (0 <= n, finite). */
static inline tsos_str tsos_str_repeat(tsos_str s, double count) {
  if (count == 0 || s.len == 0) return TSOS_EMPTY_STR;
  if ((double)s.units * count > TSOS_MAX_STR_UNITS) tsos_panic_cstr(NULL, "Invalid string length");
  uint64_t n = (uint64_t)count;
  uint8_t *p = tsos_str_alloc(s.len * n, NULL);
  for (uint64_t i = 0; i < n; i++) memcpy(p + i * s.len, s.ptr, s.len);
  return tsos_str_heap(p, s.len * n, (uint64_t)s.units * n);
}
/*
 * `s.padStart(n, fill)` / `s.padEnd(n, fill)` once padding is due (lib/std/
 * string.ts: `missing` = n - s.length > 0, fill not empty): fill repeated and
 * cut to `missing` code units, before s (`atStart`) or after it, in one
 * allocation. The checks come in the order of the parts they stand for
 * (fill's whole copies, the cut copy, the sum), so an impossible call panics
 * with the message `repeat`, `slice` and `+` would give in that order.
 */
static inline tsos_str tsos_str_pad(tsos_str s, tsos_str fill, double missing, bool atStart, const tsos_loc *loc) {
  double whole = floor(missing / (double)fill.units);
  if ((double)fill.units * whole > TSOS_MAX_STR_UNITS) tsos_panic_cstr(NULL, "Invalid string length");
  uint64_t copies = (uint64_t)whole, restUnits = (uint64_t)(missing - whole * (double)fill.units);
  uint64_t restBytes = restUnits;
  if (!tsos_str_ascii(fill) && restUnits > 0) {
    bool mid;
    restBytes = tsos_str_offset(fill, restUnits, &mid);
    if (mid) tsos_str_half_pair(loc);
  }
  uint64_t units = (uint64_t)s.units + copies * fill.units + restUnits;
  uint64_t padBytes = copies * fill.len + restBytes, len = s.len + padBytes;
  if (units > TSOS_MAX_STR_UNITS || len > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  uint8_t *p = tsos_str_alloc(len, NULL);
  uint8_t *pad = atStart ? p : p + s.len;
  if (fill.len == 1) {
    __builtin_memset(pad, fill.ptr[0], padBytes);
  } else {
    for (uint64_t i = 0; i < copies; i++) tsos_copy_bytes(pad + i * fill.len, fill.ptr, fill.len);
    tsos_copy_bytes(pad + copies * fill.len, fill.ptr, restBytes);
  }
  tsos_copy_bytes(atStart ? p + padBytes : p, s.ptr, s.len);
  return tsos_str_heap(p, len, units);
}
/*
 * `s.padStart(max, fill)` (`atStart`) or `s.padEnd(max, fill)` for a one-byte
 * ASCII fill (compiler/lower/string-methods.ts `padded`). With a buffer of
 * TSOS_PAD_TEXT bytes (the string is a part of a concatenation, which copies
 * it before the statement ends): the padded text is written there when it
 * fits, and s is given back as it is when nothing is missing (a heap s
 * retained, so the caller's release after the statement balances it). Without
 * one (buf NULL) the result is a reference of its own, as lib/std/string.ts's
 * padStart returns. `missing` is max's integer part less s.length, as
 * missingUnits computes it; NaN and lengths already reached pad nothing.
 */
#define TSOS_PAD_TEXT 64
#define TSOS_PAD_BUFFER (TSOS_PAD_TEXT + 8) /* the fill is stored 8 bytes at a time */
static inline tsos_str tsos_str_pad_part(tsos_str s, double max, uint8_t fill, bool atStart, uint8_t *buf, const tsos_loc *loc) {
  if (!(max > (double)s.units)) return buf && !s.heap ? s : tsos_str_retain(s);
  if (max >= 4294967296.0) return tsos_str_pad(s, (tsos_str){&fill, 1, 1, 0}, trunc(max) - (double)s.units, atStart, loc);
  int64_t missing = (int64_t)max - (int64_t)s.units; /* max is positive here: the conversion truncates as trunc does */
  if (missing <= 0) return buf && !s.heap ? s : tsos_str_retain(s);
  if (!buf || missing + s.len > TSOS_PAD_TEXT) return tsos_str_pad(s, (tsos_str){&fill, 1, 1, 0}, (double)missing, atStart, loc);
  uint8_t *pad = atStart ? buf : buf + s.len;
  uint64_t pattern = 0x0101010101010101ull * fill;
  for (int64_t i = 0; i < missing; i += 8) __builtin_memcpy(pad + i, &pattern, 8);
  tsos_copy_bytes(atStart ? buf + missing : buf, s.ptr, s.len);
  return (tsos_str){buf, s.len + (uint32_t)missing, s.units + (uint32_t)missing, 0};
}
/* The concatenation of every string in xs: one allocation (a string builder's result). */
static inline tsos_str tsos_str_concat_all(tsos_arr_str *xs) {
  if (xs->len == 1) return tsos_str_retain(xs->data[0]);
  return tsos_concat((int)xs->len, xs->data);
}

/* ---- whitespace (ECMA-262 WhiteSpace and LineTerminator) ---- */
static inline bool tsos_is_space(uint32_t c) {
  return (c >= 9 && c <= 13) || c == 32 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
/* The byte length of whitespace at the start (from >= 0) or just before the end of p[0..n). */
static inline uint64_t tsos_space_prefix(const uint8_t *p, uint64_t n) {
  uint64_t i = 0;
  while (i < n) {
    uint32_t k = tsos_utf8_seqlen(p[i]);
    if (!tsos_is_space(tsos_utf8_decode(p + i, k))) break;
    i += k;
  }
  return i;
}
static inline uint64_t tsos_space_suffix(const uint8_t *p, uint64_t n) {
  uint64_t end = n;
  while (end > 0) {
    uint64_t start = end - 1;
    while (start > 0 && (p[start] & 0xC0) == 0x80) start--;
    if (!tsos_is_space(tsos_utf8_decode(p + start, tsos_utf8_seqlen(p[start])))) break;
    end = start;
  }
  return n - end;
}
/* trim (both), trimStart (start only), trimEnd (end only). */
static inline tsos_str tsos_str_trim(tsos_str s, bool start, bool end) {
  uint64_t a = start ? tsos_space_prefix(s.ptr, s.len) : 0;
  uint64_t b = end && a < s.len ? s.len - tsos_space_suffix(s.ptr + a, s.len - a) : s.len;
  return tsos_str_sub_bytes(s, a, b);
}

/* ---- case mapping (toUpperCase / toLowerCase), Unicode's default mapping as V8 does it ---- */
static inline uint32_t tsos_case_map(uint32_t cp, bool upper, const uint32_t **more, uint32_t *count, const tsos_loc *loc) {
  *count = 1;
  if (cp < 0x80) return upper ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp) : (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  if (!upper && cp == 0x3A3) tsos_panic_cstr(loc, "toLowerCase of a string holding \u03a3 (capital sigma, whose lowercase depends on its position in a word) is not supported");
  return upper ? tsos_case_upper(cp, more, count) : tsos_case_lower(cp, more, count);
}
static inline tsos_str tsos_str_case(tsos_str s, bool upper, const tsos_loc *loc) {
  if (tsos_str_ascii(s)) {
    uint8_t lo = upper ? 'a' : 'A', hi = upper ? 'z' : 'Z';
    uint64_t i = 0;
    while (i < s.len && !(s.ptr[i] >= lo && s.ptr[i] <= hi)) i++;
    if (i == s.len) return tsos_str_retain(s);
    uint8_t *p = tsos_str_alloc(s.len, loc);
    for (uint64_t j = 0; j < s.len; j++) {
      uint8_t c = s.ptr[j];
      p[j] = c >= lo && c <= hi ? (uint8_t)(c ^ 0x20) : c;
    }
    return tsos_str_heap(p, s.len, s.units);
  }
  /* Two passes over the code points: the size of the result, then the bytes. */
  uint8_t *p = NULL;
  uint64_t bytes = 0, units = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) p = tsos_str_alloc(bytes, loc);
    uint64_t at = 0;
    units = 0;
    for (uint64_t i = 0; i < s.len;) {
      uint32_t k = tsos_utf8_seqlen(s.ptr[i]);
      const uint32_t *more = NULL;
      uint32_t count;
      uint32_t first = tsos_case_map(tsos_utf8_decode(s.ptr + i, k), upper, &more, &count, loc);
      for (uint32_t j = 0; j < count; j++) {
        uint32_t cp = j == 0 ? first : more[j];
        uint8_t enc[4];
        uint32_t n = tsos_utf8_encode(enc, cp);
        if (pass == 1) memcpy(p + at, enc, n);
        at += n;
        units += cp >= 0x10000 ? 2 : 1;
      }
      i += k;
    }
    bytes = at;
  }
  return tsos_str_heap(p, bytes, units);
}
static inline tsos_str tsos_str_upper(tsos_str s, const tsos_loc *loc) { return tsos_str_case(s, true, loc); }
static inline tsos_str tsos_str_lower(tsos_str s, const tsos_loc *loc) { return tsos_str_case(s, false, loc); }

/*
 * ---- localeCompare: the ICU root collation (Node's default for the en-US and
 * C locales) of tab, line breaks, printable ASCII and the Latin-1 letters with
 * accents (U+00C0-U+00FF that decompose to a letter and one mark), its three
 * levels reduced to what such text has. Primary: every ASCII character its own
 * weight, except that a letter, its capital and its accented forms share one
 * (`é` is `e` there). Secondary, on equal primaries: the accents in order, none
 * first, then acute, grave, circumflex, ring, diaeresis, tilde, cedilla (DUCET's
 * order of those marks), compared letter by letter. Tertiary: lowercase first,
 * the letters compared in order. Options (`localeCompare(b, "en", {...})`):
 * TSOS_COLLATE_NO_CASE leaves out the tertiary level (`sensitivity` "base" or
 * "accent"), TSOS_COLLATE_NO_ACCENTS the secondary ("base" or "case");
 * TSOS_COLLATE_NUMERIC compares runs of ASCII digits by their value, leading
 * zeros ignored (`numeric: true`: "file2" before "file10"). Other characters
 * (`ß`, `æ`, symbols, other scripts) panic: their weights are not tabulated here.
 */
#define TSOS_COLLATE_NO_CASE 1u
#define TSOS_COLLATE_NUMERIC 2u
#define TSOS_COLLATE_NO_ACCENTS 4u
/* One character's weights: primary (0: not tabulated), accent (0: none), capital. */
typedef struct { uint8_t primary, accent; bool upper; } tsos_collation_key;
static inline tsos_collation_key tsos_collation_key_of(uint32_t cp) {
  static const uint8_t primary[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    6, 12, 16, 28, 38, 29, 27, 15, 17, 18, 24, 32, 9, 8, 14, 25,
    39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 11, 10, 33, 34, 35, 13,
    23, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 19, 26, 20, 31, 7,
    30, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 21, 36, 22, 37, 0};
  /* U+00C0-U+00DF (and +0x20 for the small letters): the base letter and its accent, or 0 for none of ours.
     Accents: 1 acute, 2 grave, 3 circumflex, 4 ring, 5 diaeresis, 6 tilde, 7 cedilla. */
  static const char base[32] = "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??";
  static const uint8_t mark[32] = {2, 1, 3, 6, 5, 4, 0, 7, 2, 1, 3, 5, 2, 1, 3, 5, 0, 6, 2, 1, 3, 6, 5, 0, 0, 2, 1, 3, 5, 1, 0, 0};
  tsos_collation_key k = {0, 0, false};
  if (cp < 128) {
    k.primary = primary[cp];
    k.upper = cp >= 'A' && cp <= 'Z';
  } else if (cp >= 0xC0 && cp <= 0xFF && cp != 0xF7) {
    uint32_t i = cp & 0x1F;
    bool small = cp >= 0xE0;
    if (cp == 0xFF) {
      k.primary = primary['y'];
      k.accent = 5;
    } else if (base[i] != '?' && !(small && i == 0x1F)) {
      k.primary = primary[(uint8_t)base[i]];
      k.accent = mark[i];
      k.upper = !small;
    }
  }
  return k;
}
/* The next character of `s` from byte `*i` (advanced past it), as its weights; panics on one not tabulated. */
static inline tsos_collation_key tsos_collation_next(tsos_str s, uint64_t *i, const tsos_loc *loc) {
  uint32_t n = tsos_utf8_seqlen(s.ptr[*i]);
  if (*i + n > s.len) n = (uint32_t)(s.len - *i);
  tsos_collation_key k = tsos_collation_key_of(tsos_utf8_decode(s.ptr + *i, n));
  if (k.primary == 0) tsos_panic_cstr(loc, "localeCompare of text other than printable ASCII, Latin-1 letters, tabs and line breaks is not supported yet");
  *i += n;
  return k;
}
static inline double tsos_str_collate(tsos_str a, tsos_str b, unsigned flags, const tsos_loc *loc) {
  for (int pass = 0; pass < 2; pass++) {
    const tsos_str *s = pass ? &b : &a;
    for (uint64_t i = 0; i < s->len;) tsos_collation_next(*s, &i, loc);
  }
#define TSOS_DIGIT(c) ((c) >= '0' && (c) <= '9')
  uint64_t i = 0, j = 0;
  while (i < a.len && j < b.len) {
    uint8_t x = a.ptr[i], y = b.ptr[j];
    if ((flags & TSOS_COLLATE_NUMERIC) && TSOS_DIGIT(x) && TSOS_DIGIT(y)) {
      while (i < a.len && a.ptr[i] == '0') i++;
      while (j < b.len && b.ptr[j] == '0') j++;
      uint64_t ie = i, je = j;
      while (ie < a.len && TSOS_DIGIT(a.ptr[ie])) ie++;
      while (je < b.len && TSOS_DIGIT(b.ptr[je])) je++;
      if (ie - i != je - j) return ie - i < je - j ? -1 : 1;
      int c = memcmp(a.ptr + i, b.ptr + j, ie - i);
      if (c != 0) return c < 0 ? -1 : 1;
      i = ie;
      j = je;
      continue;
    }
    tsos_collation_key p = tsos_collation_next(a, &i, loc), q = tsos_collation_next(b, &j, loc);
    if (p.primary != q.primary) return p.primary < q.primary ? -1 : 1;
  }
#undef TSOS_DIGIT
  if (i < a.len || j < b.len) return i < a.len ? 1 : -1;
  /* Equal primaries: the same letters in the same order, which alone have accents and case (digit runs may
     differ in leading zeros, so the letters are paired, not the characters). */
  for (int level = 0; level < 2; level++) {
    if (level == 0 ? (flags & TSOS_COLLATE_NO_ACCENTS) : (flags & TSOS_COLLATE_NO_CASE)) continue;
    for (i = 0, j = 0;;) {
      tsos_collation_key p = {0, 0, false}, q = {0, 0, false};
      while (i < a.len && p.primary < 49) p = tsos_collation_next(a, &i, loc);
      while (j < b.len && q.primary < 49) q = tsos_collation_next(b, &j, loc);
      if (p.primary < 49 || q.primary < 49) break;
      if (level == 0 && p.accent != q.accent) return p.accent < q.accent ? -1 : 1;
      if (level == 1 && p.upper != q.upper) return p.upper ? 1 : -1;
    }
  }
  return 0;
}
static inline double tsos_str_locale_compare(tsos_str a, tsos_str b, const tsos_loc *loc) { return tsos_str_collate(a, b, 0, loc); }

/* ---- String.fromCharCode: code units -> UTF-8, pairing surrogates ---- */
/* (The numlist form passes no location: a lone surrogate's panic names none.) */
static inline tsos_str tsos_str_from_char_codes(int n, const double *codes) {
  const tsos_loc *loc = NULL;
  uint8_t *p = tsos_str_alloc((uint64_t)n * 3, loc);
  uint64_t at = 0;
  for (int i = 0; i < n; i++) {
    uint32_t u = (uint32_t)(uint16_t)tsos_num_wrap64(codes[i]);
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < n) {
      uint32_t lo = (uint32_t)(uint16_t)tsos_num_wrap64(codes[i + 1]);
      if (lo >= 0xDC00 && lo < 0xE000) {
        at += tsos_utf8_encode(p + at, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i++;
        continue;
      }
    }
    if (u >= 0xD800 && u < 0xE000) tsos_panic_cstr(loc, "String.fromCharCode of a lone surrogate: not supported");
    at += tsos_utf8_encode(p + at, u);
  }
  return tsos_str_heap(p, at, tsos_utf8_units(p, at));
}

/* ---- string -> number ---- */
/* The length of a StrUnsignedDecimalLiteral at p (without Infinity), or 0. */
static inline uint64_t tsos_decimal_prefix(const uint8_t *p, uint64_t n) {
  uint64_t i = 0, digits = 0;
  while (i < n && p[i] >= '0' && p[i] <= '9') { i++; digits++; }
  if (i < n && p[i] == '.') {
    uint64_t j = i + 1, frac = 0;
    while (j < n && p[j] >= '0' && p[j] <= '9') { j++; frac++; }
    if (digits + frac == 0) return 0;
    i = j;
    digits += frac;
  }
  if (digits == 0) return 0;
  if (i < n && (p[i] == 'e' || p[i] == 'E')) {
    uint64_t j = i + 1;
    if (j < n && (p[j] == '+' || p[j] == '-')) j++;
    uint64_t e = j;
    while (j < n && p[j] >= '0' && p[j] <= '9') j++;
    if (j > e) i = j;
  }
  return i;
}
/* The correctly rounded value of a validated decimal literal (strtod is correctly rounded). */
static inline double tsos_strtod(const uint8_t *p, uint64_t n) {
  char small[64];
  char *buf = n < sizeof small ? small : tsos_alloc(n + 1, NULL);
  memcpy(buf, p, n);
  buf[n] = 0;
  double v = strtod(buf, NULL);
  if (buf != small) tsos_free(buf, n + 1, NULL);
  return v;
}
static inline int tsos_digit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}
/* Digits of radix 2, 8 or 16 -> the correctly rounded double, through a hex literal for strtod. */
static inline double tsos_pow2_radix(const uint8_t *p, uint64_t n, int radix) {
  int bits = radix == 2 ? 1 : radix == 8 ? 3 : 4;
  uint64_t nbits = n * (uint64_t)bits;
  uint64_t hexdigits = (nbits + 3) / 4;
  char *hex = tsos_alloc(hexdigits + 4, NULL);
  hex[0] = '0'; hex[1] = 'x';
  for (uint64_t h = 0; h < hexdigits; h++) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      /* bit index from the most significant end, left-padded to a multiple of 4 */
      int64_t bit = (int64_t)(h * 4 + (uint64_t)k) - (int64_t)(hexdigits * 4 - nbits);
      int b = 0;
      if (bit >= 0) {
        uint64_t d = (uint64_t)bit / (uint64_t)bits;
        int within = (int)((uint64_t)bit % (uint64_t)bits);
        b = (tsos_digit(p[d]) >> (bits - 1 - within)) & 1;
      }
      v = v * 2 + b;
    }
    hex[2 + h] = "0123456789abcdef"[v];
  }
  hex[2 + hexdigits] = 0;
  double v = strtod(hex, NULL);
  tsos_free(hex, hexdigits + 4, NULL);
  return v;
}
/* Number(s) (ECMA-262 StringToNumber). */
static inline double tsos_str_to_num(tsos_str s) {
  /* Laundered: of a literal (`Number("0")`) gcc would warn about the branches for longer texts. */
  const uint8_t *b = tsos_str_laundered(s);
  uint64_t a = tsos_space_prefix(b, s.len);
  uint64_t n = s.len - a;
  n -= tsos_space_suffix(b + a, n);
  const uint8_t *p = b + a;
  if (n == 0) return 0;
  if (n > 2 && p[0] == '0') {
    int radix = (p[1] | 0x20) == 'x' ? 16 : (p[1] | 0x20) == 'o' ? 8 : (p[1] | 0x20) == 'b' ? 2 : 0;
    if (radix) {
      for (uint64_t i = 2; i < n; i++) if (tsos_digit(p[i]) >= radix) return TSOS_NAN;
      return tsos_pow2_radix(p + 2, n - 2, radix);
    }
  }
  uint64_t i = 0;
  bool neg = false;
  if (p[0] == '+' || p[0] == '-') { neg = p[0] == '-'; i = 1; }
  if (n - i == 8 && memcmp(p + i, "Infinity", 8) == 0) return neg ? -TSOS_INF : TSOS_INF;
  uint64_t k = tsos_decimal_prefix(p + i, n - i);
  if (k == 0 || i + k != n) return TSOS_NAN;
  return tsos_strtod(p, n);
}
/* parseFloat(s): the longest decimal prefix after leading whitespace. */
static inline double tsos_parse_float(tsos_str s) {
  const uint8_t *b = tsos_str_laundered(s); /* as in tsos_str_to_num */
  uint64_t a = tsos_space_prefix(b, s.len);
  const uint8_t *p = b + a;
  uint64_t n = s.len - a, i = 0;
  bool neg = false;
  if (n > 0 && (p[0] == '+' || p[0] == '-')) { neg = p[0] == '-'; i = 1; }
  if (n - i >= 8 && memcmp(p + i, "Infinity", 8) == 0) return neg ? -TSOS_INF : TSOS_INF;
  uint64_t k = tsos_decimal_prefix(p + i, n - i);
  if (k == 0) return TSOS_NAN;
  return tsos_strtod(p, i + k);
}
/* parseInt(s, radix) (ECMA-262 19.2.5); radix undefined is passed as 0. */
static inline double tsos_parse_int(tsos_str s, double radix_arg, const tsos_loc *loc) {
  const uint8_t *b = tsos_str_laundered(s); /* as in tsos_str_to_num */
  uint64_t a = tsos_space_prefix(b, s.len);
  const uint8_t *p = b + a;
  uint64_t n = s.len - a, i = 0;
  bool neg = false;
  if (n > 0 && (p[0] == '+' || p[0] == '-')) { neg = p[0] == '-'; i = 1; }
  int32_t radix = tsos_num_toint32(radix_arg);
  bool strip = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return TSOS_NAN;
    if (radix != 16) strip = false;
  } else radix = 10;
  if (strip && n - i >= 2 && p[i] == '0' && (p[i + 1] | 0x20) == 'x') { i += 2; radix = 16; }
  uint64_t start = i;
  while (i < n && tsos_digit(p[i]) < radix) i++;
  if (i == start) return TSOS_NAN;
  double v;
  if (radix == 10) v = tsos_strtod(p + start, i - start);
  else if (radix == 2 || radix == 8 || radix == 16) v = tsos_pow2_radix(p + start, i - start, radix);
  else {
    uint64_t acc = 0;
    for (uint64_t j = start; j < i; j++) {
      acc = acc * (uint64_t)radix + (uint64_t)tsos_digit(p[j]);
      if (acc > (UINT64_C(1) << 53)) tsos_panic_cstr(loc, "parseInt of a value above 2^53 in this radix is not supported (its rounding could differ from JavaScript's)");
    }
    v = (double)acc;
  }
  return neg ? -v : v;
}

/*
 * Number.prototype.toPrecision (ECMA-262 21.1.3.5): `p` significant digits of
 * x's exact decimal expansion, the larger candidate on a tie; exponent form
 * when the exponent is below -6 or at least p.
 */
/*
 * Number.prototype.toExponential (ECMA-262 21.1.3.2): one digit, the point,
 * `digits` more digits, then "e+n" or "e-n". With `given`, the digits are the
 * exact value's rounded to digits + 1 significant digits, halves up (the
 * larger n on a tie, as V8); without, the shortest round-trip digits.
 */
static inline tsos_str tsos_num_to_exponential(double x, double digits, bool given, const tsos_loc *loc) {
  double f = given ? tsos_num_integer(digits) : 0;
  if (x != x || isinf(x)) return tsos_str_from_num(x);
  if (f < 0 || f > 100) tsos_panic_cstr(loc, "toExponential() argument must be between 0 and 100");
  char out[160];
  int at = 0;
  if (x < 0) { out[at++] = '-'; x = -x; }
  char d[112] = {0};
  int count, e = 0;
  if (!given) {
    if (x == 0) { d[0] = '0'; count = 1; }
    else { count = tsos_shortest(x, d, &e); e -= 1; }
  } else {
    count = (int)f + 1;
    if (x == 0) {
      for (int i = 0; i < count; i++) d[i] = '0';
    } else {
      char exact[840]; /* a double has at most 767 significant decimal digits: %.800e is exact */
      snprintf(exact, sizeof exact, "%.800e", x);
      char *ep = strchr(exact, 'e');
      e = atoi(ep + 1);
      char all[810];
      int n = 0;
      for (char *c = exact; c < ep; c++) if (*c >= '0' && *c <= '9') all[n++] = *c;
      memcpy(d, all, (size_t)count);
      if (all[count] >= '5') { /* halves round up */
        int i = count - 1;
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) d[i]++;
        else { d[0] = '1'; e++; }
      }
    }
  }
  out[at++] = d[0];
  if (count > 1) { out[at++] = '.'; memcpy(out + at, d + 1, (size_t)(count - 1)); at += count - 1; }
  snprintf(out + at, sizeof out - (size_t)at, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  return tsos_str_from_cstr_copy(out);
}

static inline tsos_str tsos_num_to_precision(double x, double precision, const tsos_loc *loc) {
  double pr = tsos_num_integer(precision);
  if (x != x || isinf(x)) return tsos_str_from_num(x);
  if (pr < 1 || pr > 100) tsos_panic_cstr(loc, "toPrecision() argument must be between 1 and 100");
  int p = (int)pr;
  char out[160];
  int at = 0;
  if (x < 0) { out[at++] = '-'; x = -x; }
  char d[112] = {0};
  int e = 0;
  if (x == 0) {
    for (int i = 0; i < p; i++) d[i] = '0';
  } else {
    char exact[840]; /* a double has at most 767 significant decimal digits: %.800e is exact */
    snprintf(exact, sizeof exact, "%.800e", x);
    char *ep = strchr(exact, 'e');
    e = atoi(ep + 1);
    char digits[810];
    int n = 0;
    for (char *c = exact; c < ep; c++) if (*c >= '0' && *c <= '9') digits[n++] = *c;
    memcpy(d, digits, (size_t)p);
    if (digits[p] >= '5') { /* halves round up: the larger n on a tie */
      int i = p - 1;
      while (i >= 0 && d[i] == '9') d[i--] = '0';
      if (i >= 0) d[i]++;
      else { d[0] = '1'; e++; } /* 99.9 -> 100: the digits after the first are all zeros already */
    }
  }
  if (e < -6 || e >= p) {
    out[at++] = d[0];
    if (p > 1) { out[at++] = '.'; memcpy(out + at, d + 1, (size_t)(p - 1)); at += p - 1; }
    at += snprintf(out + at, sizeof out - (size_t)at, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  } else if (e >= 0) {
    memcpy(out + at, d, (size_t)(e + 1)); at += e + 1;
    if (p > e + 1) { out[at++] = '.'; memcpy(out + at, d + e + 1, (size_t)(p - e - 1)); at += p - e - 1; }
  } else {
    out[at++] = '0'; out[at++] = '.';
    for (int i = 0; i < -(e + 1); i++) out[at++] = '0';
    memcpy(out + at, d, (size_t)p); at += p;
  }
  out[at] = 0;
  return tsos_str_from_cstr_copy(out);
}

/* x.toString(radix) with a radix known only at run time. */
static inline tsos_str tsos_num_to_string_radix(double v, double radix, const tsos_loc *loc) {
  if (radix != radix) radix = 10;
  double r = trunc(radix);
  if (r < 2 || r > 36) tsos_panic_cstr(loc, "toString() radix must be between 2 and 36");
  if (r == 10) return tsos_str_from_num(v);
  if (v != v) return TSOS_STR("NaN");
  if (isinf(v)) return v < 0 ? TSOS_STR("-Infinity") : TSOS_STR("Infinity");
  return tsos_num_to_radix(v, (unsigned)r, loc);
}

#endif
