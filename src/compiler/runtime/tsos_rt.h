/*
 * tsos_rt.h: the target-independent part of the runtime that generated C
 * includes: strings, arrays, integer helpers with panics.
 *
 * Input:  the including target header defines tsos_alloc(size, loc) (runtime/tsos_alloc.h),
 *         tsos_panic_cstr(loc, msg) and tsos_panic_fmt helpers before this.
 * Output: static inline helpers; nothing here has external linkage.
 * Invariants: every helper that can fail takes the TypeScript location of
 *             the operation and panics with the dialect's message
 *             (docs/language.md, "Panics"); arithmetic helpers implement the
 *             dialect's semantics exactly (wrapping widths, safe `number`).
 */
#ifndef TSOS_RT_H
#define TSOS_RT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct { const char *file; int line; int col; } tsos_loc;
/*
 * A string: UTF-8 bytes (never holding a lone surrogate) and two counts, the
 * bytes and the UTF-16 code units JavaScript counts (docs/language.md section
 * 3). `len == units` exactly when the string is ASCII: every ASCII operation
 * stays byte-wise. Both fit 32 bits: V8's longest string is 2^29 - 24 units.
 */
typedef struct { const uint8_t *ptr; uint32_t len; uint32_t units : 31; uint32_t heap : 1; } tsos_str;
/*
 * Reference counting of strings (docs/design/memory.md, "Strings"). A string
 * whose `heap` bit is set owns a share of a heap block: a tsos_strhdr (count,
 * room, cached hash) right before its first byte, allocated by tsos_str_alloc. Every
 * other string (literals, the static one-character table, stack text, C
 * strings, anything built positionally with heap 0) is static: retain and
 * release ignore it. A string never points into the middle of a heap block:
 * a slice is a copy, or the whole string with its count raised.
 */
/*
 * `room`: the bytes the block holds for text (>= len; the block is the header,
 * room bytes and a NUL). `hash`: the string's tsos_hash_str once computed
 * (runtime/tsos_hash.h), 0 until then; valid because every string of a block
 * has the same bytes and length (an append in place, the one change of a
 * block's text, resets it).
 */
typedef struct { uint64_t rc; uint32_t room; uint32_t hash; } tsos_strhdr;
#define TSOS_STR_BLOCK_SIZE(h) (sizeof(tsos_strhdr) + (uint64_t)(h)->room + 1)
/* The header of a heap string; the pointer's origin is hidden from gcc (a literal on a path where `heap` is 0 made -Warray-bounds fire). */
static inline tsos_strhdr *tsos_str_hdr(tsos_str s) {
  uintptr_t q = (uintptr_t)s.ptr;
  __asm__("" : "+r"(q));
  return (tsos_strhdr *)q - 1;
}

/* An ASCII literal; TSOS_STRU gives a literal's UTF-16 length (computed by the compiler). */
#define TSOS_STR(lit) ((tsos_str){(const uint8_t *)(lit), sizeof(lit) - 1, sizeof(lit) - 1, 0})
#define TSOS_STRU(lit, n) ((tsos_str){(const uint8_t *)(lit), sizeof(lit) - 1, (n), 0})
#define TSOS_EMPTY_STR ((tsos_str){(const uint8_t *)"", 0, 0, 0})
#define TSOS_MAX_STR_UNITS 536870888u
/* Tags of a nullable value type's struct { tag, value } (lower/nullable-types.ts). */
#define TSOS_TAG_UNDEF 0
#define TSOS_TAG_NULL 1
#define TSOS_TAG_SOME 2
#define TSOS_MAX_SAFE INT64_C(9007199254740991)

__attribute__((noreturn, cold)) static inline void tsos_panic(const tsos_loc *loc, tsos_str msg);
__attribute__((noreturn, cold)) static inline void tsos_panic_cstr(const tsos_loc *loc, const char *msg);
__attribute__((noreturn, cold)) static inline void tsos_panic_index(const tsos_loc *loc, uint64_t len, int64_t index, bool is_unsigned);
static inline void *tsos_alloc(uint64_t size, const tsos_loc *loc);
static void *tsos_alloc_unzeroed(uint64_t size, const tsos_loc *loc); /* tsos_alloc without zeroing: for string text */
static inline void *tsos_alloc_unzeroed_as(uint64_t size, const tsos_loc *loc, const char *kind); /* the same for a block of another kind */
/* runtime/tsos_alloc.h: `kind` names the block's type in the leak report. */
static inline void *tsos_alloc_as(uint64_t size, const tsos_loc *loc, const char *kind);
static inline void tsos_free(void *p, uint64_t size, const tsos_loc *loc);

/* ---- number: the safe integer (|v| <= 2^53 - 1) ---- */
static inline int64_t tsos_num_check(int64_t v, bool overflow, const tsos_loc *loc) {
  if (overflow || v > TSOS_MAX_SAFE || v < -TSOS_MAX_SAFE) tsos_panic_cstr(loc, "number overflow");
  return v;
}
static inline int64_t tsos_num_add(int64_t a, int64_t b, const tsos_loc *loc) {
  int64_t r; bool o = __builtin_add_overflow(a, b, &r); return tsos_num_check(r, o, loc);
}
static inline int64_t tsos_num_sub(int64_t a, int64_t b, const tsos_loc *loc) {
  int64_t r; bool o = __builtin_sub_overflow(a, b, &r); return tsos_num_check(r, o, loc);
}
static inline int64_t tsos_num_mul(int64_t a, int64_t b, const tsos_loc *loc) {
  int64_t r; bool o = __builtin_mul_overflow(a, b, &r); return tsos_num_check(r, o, loc);
}
static inline int64_t tsos_num_from_u64(uint64_t v, const tsos_loc *loc) {
  if (v > (uint64_t)TSOS_MAX_SAFE) tsos_panic_cstr(loc, "number overflow");
  return (int64_t)v;
}
static inline int64_t tsos_num_from_i64(int64_t v, const tsos_loc *loc) { return tsos_num_check(v, false, loc); }

/* ---- division: truncating, floor, remainder; zero and MIN / -1 panic ---- */
#define TSOS_DIV(S, T, MIN)                                                                     \
  static inline T tsos_div_##S(T a, T b, const tsos_loc *loc) {                                 \
    if (b == 0) tsos_panic_cstr(loc, "attempt to divide by zero");                             \
    if ((MIN) != 0 && a == (T)(MIN) && b == (T)-1) tsos_panic_cstr(loc, "attempt to divide with overflow"); \
    return (T)(a / b);                                                                          \
  }                                                                                             \
  static inline T tsos_rem_##S(T a, T b, const tsos_loc *loc) {                                 \
    if (b == 0) tsos_panic_cstr(loc, "attempt to divide by zero"); \
    if ((MIN) != 0 && b == (T)-1) return 0;                                                     \
    return (T)(a % b);                                                                          \
  }
/* Math.floor(a / b) on signed types rounds toward negative infinity. */
#define TSOS_FLOORDIV(S, T)                                                                     \
  static inline T tsos_floordiv_##S(T a, T b, const tsos_loc *loc) {                            \
    T q = tsos_div_##S(a, b, loc);                                                              \
    return ((a % b) != 0 && ((a < 0) != (b < 0))) ? (T)(q - 1) : q;                             \
  }
TSOS_DIV(u8, uint8_t, 0)
TSOS_DIV(u16, uint16_t, 0)
TSOS_DIV(u32, uint32_t, 0)
TSOS_DIV(u64, uint64_t, 0)
TSOS_DIV(i8, int8_t, INT8_MIN)
TSOS_DIV(i16, int16_t, INT16_MIN)
TSOS_DIV(i32, int32_t, INT32_MIN)
TSOS_DIV(i64, int64_t, INT64_MIN)
TSOS_FLOORDIV(i8, int8_t)
TSOS_FLOORDIV(i16, int16_t)
TSOS_FLOORDIV(i32, int32_t)
TSOS_FLOORDIV(i64, int64_t)

/* ---- strings: immutable byte slices ---- */
/* The UTF-16 length of valid UTF-8: one unit per sequence, two for a 4-byte one. */
static inline uint64_t tsos_utf8_units(const uint8_t *p, uint64_t n) {
  uint64_t u = 0;
  for (uint64_t i = 0; i < n; i++) u += ((p[i] & 0xC0) != 0x80) + (p[i] >= 0xF0);
  return u;
}
/* A string of n bytes at p whose UTF-16 length is `units`; panics beyond JavaScript's longest string. */
static inline tsos_str tsos_str_make(const uint8_t *p, uint64_t n, uint64_t units) {
  if (units > TSOS_MAX_STR_UNITS || n > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  return (tsos_str){p, (uint32_t)n, (uint32_t)units, 0};
}
#ifdef TSOS_COUNT_OBJECTS
/* Heap strings not yet freed, and the most at once (test/rc.test.ts). */
static uint64_t tsos_live_strings, tsos_peak_strings;
#endif
/*
 * Storage for a heap string of n bytes (plus a NUL) in a block with room for
 * `room` >= n bytes (tsos_str_append grows into the rest): its count is 1,
 * owned by the string tsos_str_heap makes of it.
 */
static inline uint8_t *tsos_str_alloc_room(uint64_t n, uint64_t room, const tsos_loc *loc) {
  if (n > UINT32_MAX || room > UINT32_MAX) tsos_panic_cstr(loc, "Invalid string length");
  tsos_strhdr *h = tsos_alloc_unzeroed(sizeof(tsos_strhdr) + room + 1, loc);
  h->rc = 1;
  h->room = (uint32_t)room;
  h->hash = 0;
  ((uint8_t *)(h + 1))[n] = 0; /* the bytes before it are the caller's to write */
#ifdef TSOS_COUNT_OBJECTS
  if (++tsos_live_strings > tsos_peak_strings) tsos_peak_strings = tsos_live_strings;
#endif
  return (uint8_t *)(h + 1);
}
static inline uint8_t *tsos_str_alloc(uint64_t n, const tsos_loc *loc) { return tsos_str_alloc_room(n, n, loc); }
/* The string of the first n bytes of a tsos_str_alloc block (its one reference). */
static inline tsos_str tsos_str_heap(const uint8_t *p, uint64_t n, uint64_t units) {
  if (units > TSOS_MAX_STR_UNITS || n > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  return (tsos_str){p, (uint32_t)n, (uint32_t)units, 1};
}
#define TSOS_STR_POISON 0xdbdbdbdbdbdbdbdbull
#ifdef TSOS_HOST_H
extern const char tsos_image_start[] __asm__("__executable_start"), tsos_image_end[] __asm__("end");
/*
 * A copy of text that is neither counted nor in the program image: a `Text`
 * a caller formatted on its stack (emit-c.ts callWith), which a string method
 * gave back as its result (`t.slice(0)`, a `trim()` with nothing to trim).
 * Keeping it would keep a pointer into a dead frame; the copy is counted.
 */
__attribute__((noinline, cold)) static tsos_str tsos_str_keep_copy(tsos_str s) {
  uint8_t *q = tsos_str_alloc(s.len, NULL);
  __builtin_memcpy(q, s.ptr, s.len);
  return tsos_str_heap(q, s.len, s.units);
}
#endif
/*
 * One more reference to s's block; yields s. A static string needs none; on
 * the hosted target, text on a caller's stack is copied (tsos_str_keep_copy):
 * whatever retains a string keeps it.
 */
static inline tsos_str tsos_str_retain(tsos_str s) {
  if (s.heap) {
    tsos_strhdr *h = tsos_str_hdr(s);
#ifdef TSOS_CHECK_FREES
    if (h->rc == TSOS_STR_POISON) tsos_panic_cstr(NULL, "use after free: retain of a freed string");
#endif
    h->rc++;
  }
#ifdef TSOS_HOST_H
  else if (s.len > 0 && ((const char *)s.ptr < tsos_image_start || (const char *)s.ptr >= tsos_image_end)) return tsos_str_keep_copy(s);
#endif
  return s;
}
/*
 * The last non-ASCII heap string that was indexed by code unit, and a
 * position in it (runtime/tsos_str.h tsos_str_offset): the next index at or
 * after that unit goes on from there, so a loop over `s[i]` is linear. A
 * freed block is forgotten here (a new string could take its place).
 */
static const uint8_t *tsos_str_cursor_ptr __attribute__((unused));
#ifdef TSOS_HOST_H
/* runtime/tsos_str.h: the cache of short split pieces forgets a block that goes. */
#define TSOS_PIECE_MAX 32
/* Out of line: every release inlines the test for it, and it is rare (a freed or grown block that has a hash). */
__attribute__((noinline, unused)) static void tsos_piece_forget(const uint8_t *ptr, uint32_t hash);
#endif
/* One reference less; the block goes back when none is left. */
static inline void tsos_str_release(tsos_str s) {
  if (s.heap) {
    tsos_strhdr *h = tsos_str_hdr(s);
#ifdef TSOS_CHECK_FREES
    if (h->rc == TSOS_STR_POISON) tsos_panic_cstr(NULL, "double free: release of a freed string");
#endif
    if (--h->rc == 0) {
#ifdef TSOS_COUNT_OBJECTS
      tsos_live_strings--;
#endif
      if (s.ptr == tsos_str_cursor_ptr) tsos_str_cursor_ptr = NULL;
#ifdef TSOS_HOST_H
      if (h->hash && s.len <= TSOS_PIECE_MAX) tsos_piece_forget(s.ptr, h->hash);
#endif
      tsos_free(h, TSOS_STR_BLOCK_SIZE(h), NULL);
    }
  }
}
static inline bool tsos_str_eq(tsos_str a, tsos_str b) {
  if (a.len != b.len) return false;
  if (a.ptr == b.ptr) return true; /* the same block, or the same static text */
  for (uint64_t i = 0; i < a.len; i++) if (a.ptr[i] != b.ptr[i]) return false;
  return true;
}
static inline int64_t tsos_u64_index(uint64_t i) { return i > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)i; }
static inline uint64_t tsos_str_check(tsos_str s, int64_t i, const tsos_loc *loc) {
  if (i < 0 || (uint64_t)i >= s.len) tsos_panic_index(loc, s.len, i, false);
  return (uint64_t)i;
}
static inline int64_t tsos_str_code(tsos_str s, int64_t i, const tsos_loc *loc) { return s.ptr[tsos_str_check(s, i, loc)]; }
/* A one-byte string for byte c < 128, in static storage (no allocation). */
static inline tsos_str tsos_ascii_char(uint8_t c) {
  static const uint8_t chars[128] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
    32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
    96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127};
  return (tsos_str){&chars[c & 127], 1, 1, 0};
}
/* Kernel `s[i]`: the byte at i (kernel strings count bytes, docs/language.md section 9). */
static inline tsos_str tsos_str_at(tsos_str s, int64_t i, const tsos_loc *loc) {
  uint64_t k = tsos_str_check(s, i, loc);
  /* A byte >= 128 comes from a static table too: never a pointer into s (which may be freed first). */
  static const uint8_t high[128] = {
    128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
    160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
    192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
    224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255};
  return s.ptr[k] < 128 ? tsos_ascii_char(s.ptr[k]) : (tsos_str){&high[s.ptr[k] - 128], 1, 1, 0};
}
/*
 * Copies n bytes from src to dst (not overlapping). Most parts of a
 * concatenation are a few bytes, where a call of memcpy costs more than the
 * copy: up to 16 bytes are moved with two loads and two stores that may
 * overlap each other but never reach outside either range.
 */
static inline void tsos_copy_bytes(uint8_t *dst, const uint8_t *src, uint64_t n) {
  if (n > 16) {
    __builtin_memcpy(dst, src, n);
  } else if (n >= 8) {
    uint64_t a, b;
    __builtin_memcpy(&a, src, 8);
    __builtin_memcpy(&b, src + n - 8, 8);
    __builtin_memcpy(dst, &a, 8);
    __builtin_memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    __builtin_memcpy(&a, src, 4);
    __builtin_memcpy(&b, src + n - 4, 4);
    __builtin_memcpy(dst, &a, 4);
    __builtin_memcpy(dst + n - 4, &b, 4);
  } else if (n > 0) {
    dst[0] = src[0];
    dst[n / 2] = src[n / 2];
    dst[n - 1] = src[n - 1];
  }
}
static inline tsos_str tsos_concat(int n, const tsos_str *parts) {
  uint64_t len = 0, units = 0;
  for (int i = 0; i < n; i++) { len += parts[i].len; units += parts[i].units; }
  if (units > TSOS_MAX_STR_UNITS || len > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  if (len == 0) return TSOS_EMPTY_STR;
  uint8_t *p = tsos_str_alloc(len, NULL);
  uint64_t at = 0;
  for (int i = 0; i < n; i++) {
    tsos_copy_bytes(p + at, parts[i].ptr, parts[i].len);
    at += parts[i].len;
  }
  return tsos_str_heap(p, len, units);
}
/*
 * Whether s may be kept beyond the current call: a heap string (counted) or
 * one in the program image (a literal, the one-character tables). Text a
 * caller formatted on its stack (emit-c.ts callWith) is neither: it must be
 * copied before it is stored. Hosted builds tell the image by the linker's
 * bounds; elsewhere only heap strings count.
 */
#ifdef TSOS_HOST_H
static inline bool tsos_str_static_or_heap(tsos_str s) {
  return s.heap || ((const char *)s.ptr >= tsos_image_start && (const char *)s.ptr < tsos_image_end);
}
#else
static inline bool tsos_str_static_or_heap(tsos_str s) { return s.heap; }
#endif
/*
 * `s += parts` on a local string (compiler/rc-compounds.ts): s's reference is
 * consumed and the result's returned. When s's block is s's alone (count 1)
 * and has room, the parts are copied in after s's bytes: no string can see
 * those bytes (a string is always a whole block's first `len` bytes, and the
 * only one of this block is s), and s's own bytes are not touched, so a part
 * that is s itself reads them unchanged. Otherwise the result gets a new
 * block with half again its length as room, so a loop of appends copies each
 * byte a bounded number of times (Node's ropes are linear too). The parts
 * whose bit is set in `owned` are released after, as tsos_concat_owned does.
 */
static inline tsos_str tsos_str_append(tsos_str s, int n, const tsos_str *parts, uint64_t owned) {
  uint64_t len = s.len, units = s.units;
  for (int i = 0; i < n; i++) { len += parts[i].len; units += parts[i].units; }
  if (units > TSOS_MAX_STR_UNITS || len > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  tsos_str r;
  if (s.len == 0 && n == 1 && tsos_str_static_or_heap(parts[0])) {
    /* "" + x is x: shared, no copy (a later append copies it); text in the image needs no reference (tested just above). */
    r = parts[0];
    if (r.heap) r = tsos_str_retain(r);
    tsos_str_release(s);
  } else if (s.heap && tsos_str_hdr(s)->rc == 1 && len <= tsos_str_hdr(s)->room) {
    uint8_t *p = (uint8_t *)(uintptr_t)s.ptr;
    tsos_strhdr *h = tsos_str_hdr(s);
    if (h->hash) { /* the text changes: its hash and its place among the split pieces go */
#ifdef TSOS_HOST_H
      if (s.len <= TSOS_PIECE_MAX) tsos_piece_forget(s.ptr, h->hash);
#endif
      h->hash = 0;
    }
    uint64_t at = s.len;
    for (int i = 0; i < n; i++) {
      tsos_copy_bytes(p + at, parts[i].ptr, parts[i].len);
      at += parts[i].len;
    }
    p[len] = 0;
    r = (tsos_str){s.ptr, (uint32_t)len, (uint32_t)units, 1};
  } else if (len == s.len) {
    r = s; /* nothing appended: s's reference passes to the result */
  } else {
    uint64_t room = len + len / 2; /* short strings stay small: many are never appended to again */
    if (room > UINT32_MAX) room = UINT32_MAX;
    uint8_t *p = tsos_str_alloc_room(len, room, NULL);
    tsos_copy_bytes(p, s.ptr, s.len);
    uint64_t at = s.len;
    for (int i = 0; i < n; i++) {
      tsos_copy_bytes(p + at, parts[i].ptr, parts[i].len);
      at += parts[i].len;
    }
    p[len] = 0;
    r = tsos_str_heap(p, len, units);
    tsos_str_release(s);
  }
  for (int i = 0; i < n && i < 64; i++) if (owned >> i & 1) tsos_str_release(parts[i]);
  return r;
}
/* tsos_concat, then the parts whose bit is set in `owned` (numbers converted for it) are released. */
static inline tsos_str tsos_concat_owned(int n, const tsos_str *parts, uint64_t owned) {
  tsos_str r = tsos_concat(n, parts);
  for (int i = 0; i < n && i < 64; i++) if (owned >> i & 1) tsos_str_release(parts[i]);
  return r;
}
/* Formats into buf (>= 21 bytes, filled from the end); returns the first digit. */
static inline char *tsos_fmt_u64(char *end, uint64_t v) {
  *--end = 0;
  do { *--end = (char)('0' + v % 10); v /= 10; } while (v);
  return end;
}
static inline char *tsos_fmt_i64(char *end, int64_t v) {
  char *p = tsos_fmt_u64(end, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
  if (v < 0) *--p = '-';
  return p;
}
static inline tsos_str tsos_str_from_cstr_copy(const char *s) {
  uint64_t n = 0;
  while (s[n]) n++;
  if (n == 0) return TSOS_EMPTY_STR;
  uint8_t *p = tsos_str_alloc(n, NULL);
  for (uint64_t i = 0; i < n; i++) p[i] = (uint8_t)s[i];
  return tsos_str_heap(p, n, tsos_utf8_units(p, n));
}
/* A view of a NUL-terminated C string (no copy). */
static inline tsos_str tsos_cstr(const char *s) {
  uint64_t n = 0;
  while (s[n]) n++;
  return tsos_str_make((const uint8_t *)s, n, tsos_utf8_units((const uint8_t *)s, n));
}
/* Joins parts into buf (which has room for all of them): stack formatting for Text. */
static inline tsos_str tsos_join(uint8_t *buf, int n, const tsos_str *parts) {
  uint64_t at = 0, units = 0;
  for (int i = 0; i < n; i++) {
    for (uint64_t j = 0; j < parts[i].len; j++) buf[at++] = parts[i].ptr[j];
    units += parts[i].units;
  }
  return (tsos_str){buf, (uint32_t)at, (uint32_t)units, 0};
}
static inline tsos_str tsos_str_copy(tsos_str s) { return tsos_concat(1, &s); }
/* x.toString(radix): formats into buf (>= 66 bytes, filled from the end). */
static inline char *tsos_fmt_radix(char *end, uint64_t magnitude, bool negative, unsigned radix) {
  *--end = 0;
  do { unsigned d = (unsigned)(magnitude % radix); *--end = (char)(d < 10 ? '0' + d : 'a' + d - 10); magnitude /= radix; } while (magnitude);
  if (negative) *--end = '-';
  return end;
}
static inline tsos_str tsos_str_from_radix(uint64_t magnitude, bool negative, unsigned radix) {
  char b[68];
  return tsos_str_from_cstr_copy(tsos_fmt_radix(b + 68, magnitude, negative, radix));
}
static inline tsos_str tsos_str_from_u64(uint64_t v) { char b[24]; return tsos_str_from_cstr_copy(tsos_fmt_u64(b + 24, v)); }
static inline tsos_str tsos_str_from_i64(int64_t v) { char b[24]; return tsos_str_from_cstr_copy(tsos_fmt_i64(b + 24, v)); }
static inline tsos_str tsos_str_from_bool(bool v) { return v ? TSOS_STR("true") : TSOS_STR("false"); }

/* ---- bounds checks for FixedArray (inline arrays of layout structs) ---- */
static inline uint64_t tsos_index_s(int64_t i, uint64_t len, const tsos_loc *loc) {
  if (__builtin_expect(i < 0 || (uint64_t)i >= len, 0)) tsos_panic_index(loc, len, i, false);
  return (uint64_t)i;
}
static inline uint64_t tsos_index_u(uint64_t i, uint64_t len, const tsos_loc *loc) {
  if (__builtin_expect(i >= len, 0)) tsos_panic_index(loc, len, (int64_t)i, true);
  return i;
}

/* Loop versioning (lower/bounds.ts): every index low..high is in [0, len) and <= max. */
static inline bool tsos_range_ok(int64_t low, int64_t high, int64_t len, int64_t max) {
  return low >= 0 && high < len && high <= max;
}

/* ---- arrays: { len, cap, data }, growable by push ---- */
/* A relative index as copyWithin reads it: negative counts from the end; clamped to 0..len. */
static inline int64_t tsos_rel_index(int64_t i, int64_t len) {
  if (i < 0) return len + i < 0 ? 0 : len + i;
  return i < len ? i : len;
}
__attribute__((noreturn, cold)) static inline void tsos_panic_set_length(const tsos_loc *loc, uint64_t len, int64_t n) {
  if (n < 0) tsos_panic_cstr(loc, "invalid array length");
  char buf[128];
  char num[24];
  uint64_t at = 0;
  const char *parts[4] = {"cannot grow an array by assigning its length: the length is ", 0, " but the new length is ", 0};
  char num2[24];
  parts[1] = tsos_fmt_u64(num + 24, len);
  parts[3] = tsos_fmt_u64(num2 + 24, (uint64_t)n);
  for (int p = 0; p < 4; p++)
    for (const char *c = parts[p]; *c && at < sizeof buf - 1; c++) buf[at++] = *c;
  buf[at] = 0;
  tsos_panic_cstr(loc, buf);
}
/*
 * An array is counted like an object (runtime/tsos_rc.h, docs/design/memory.md):
 * it starts with the same two header words, its descriptor's release_fields
 * releases the elements it holds (K: 0 none, 1 a class pointer or array, 2
 * the object of a view, 3 a string) and gives `data` back (cap elements). Growth gives
 * the old buffer back. An empty array has no buffer (data NULL, cap 0). A static array (module-level literal) has the count
 * TSOS_RC_STATIC and is never freed; while its `data` is still its static
 * buffer, TSOS_RC_STATIC_DATA is set too: growth leaves that buffer alone
 * (and clears the bit), and gives back every later one.
 */
#define TSOS_ELEM_RETAIN_0(x) ((void)(x))
#define TSOS_ELEM_RETAIN_1(x) ((void)tsos_retain_obj((void *)(x)))
#define TSOS_ELEM_RETAIN_2(x) ((void)tsos_retain_obj((x).obj))
#define TSOS_ELEM_RELEASE_0(x) ((void)(x))
#define TSOS_ELEM_RELEASE_1(x) tsos_release((void *)(x))
#define TSOS_ELEM_RELEASE_2(x) tsos_release((x).obj)
#define TSOS_ELEM_RETAIN_3(x) ((void)tsos_str_retain(x))
#define TSOS_ELEM_RELEASE_3(x) tsos_str_release(x)
/* Still in its static buffer: bit 57. A static array starts at TSOS_RC_STATIC_ARRAY (defined with
 * TSOS_RC_STATIC below): bit 56 set too, so retains and releases never carry into or borrow from bit 57,
 * before or after growth clears it. */
#define TSOS_RC_STATIC_DATA ((uint64_t)1 << 57)
#define TSOS_ARRAY_STATIC_DATA(a) (((a)->tsos_rc & TSOS_RC_STATIC_DATA) != 0)
/* What an element holds for the cycle collector (tsos_cycles.h): kinds as TSOS_ELEM_RELEASE_. */
#define TSOS_ELEM_VISIT_0(x, visit) ((void)(x), (void)(visit))
#define TSOS_ELEM_VISIT_1(x, visit) ((uintptr_t)(x) > 1 ? visit((tsos_obj *)(void *)(x)) : (void)0)
#define TSOS_ELEM_VISIT_2(x, visit) ((uintptr_t)(x).obj > 1 ? visit((tsos_obj *)(x).obj) : (void)0)
#define TSOS_ELEM_VISIT_3(x, visit) ((void)(x), (void)(visit)) /* strings: never part of a cycle */
#define TSOS_ELEM_VISIT_3(x, visit) ((void)(x), (void)(visit)) /* a string refers to nothing */
/* K 4 (a union that may hold a counted member): TSOS_ELEM_RETAIN_4 / RELEASE_4 / VISIT_4 are defined by the program (compiler/rc.ts unionCountFunctions), dispatching on the element type. */
/* TR 1: an array type that can be part of a cycle (compiler/rc.ts cyclicTypes) shows its elements to the collector. */
#define TSOS_ARRAY_TRACE_0(A) NULL
#define TSOS_ARRAY_TRACE_1(A) A##__trace
#define TSOS_ARRAY(A, T) TSOS_ARRAY_OF(A, T, 0, 0)
#define TSOS_ARRAY_OF(A, T, K, TR)                                                               \
  struct A { const tsos_class *tsos_cls; uint64_t tsos_rc; uint64_t len, cap; T *data; };        \
  static void A##__release_fields(void *p) {                                                     \
    A *a = p;                                                                                    \
    for (uint64_t i = 0; i < a->len; i++) TSOS_ELEM_RELEASE_##K(a->data[i]);                     \
    tsos_free(a->data, sizeof(T) * a->cap, NULL);                                                \
    a->len = a->cap = 0;                                                                         \
    a->data = NULL;                                                                              \
  }                                                                                              \
  __attribute__((unused)) static void A##__trace(void *p, void (*visit)(tsos_obj *)) {           \
    A *a = p;                                                                                    \
    for (uint64_t i = 0; i < a->len; i++) TSOS_ELEM_VISIT_##K(a->data[i], visit);                \
  }                                                                                              \
  static const tsos_class A##__class __attribute__((unused)) = {NULL, TSOS_STR("Array"), sizeof(A), A##__release_fields, TSOS_ARRAY_TRACE_##TR(A)}; \
  static inline A *A##_new(int64_t n, const tsos_loc *loc) {                                     \
    if (n < 0 || n > TSOS_MAX_SAFE) tsos_panic_cstr(loc, "invalid array length");               \
    A *a = tsos_alloc_as(sizeof(A), loc, "array");                                               \
    tsos_obj *o = tsos_launder(a);                                                               \
    o->cls = &A##__class;                                                                        \
    o->rc = 1;                                                                                   \
    TSOS_COUNT_NEW();                                                                            \
    a->len = a->cap = (uint64_t)n;                                                               \
    a->data = n ? tsos_alloc_as(sizeof(T) * a->cap, loc, "array elements") : NULL;               \
    return a;                                                                                    \
  }                                                                                              \
  static inline A *A##_from(uint64_t n, T const *items, const tsos_loc *loc) {                   \
    A *a = A##_new((int64_t)n, loc);                                                             \
    for (uint64_t i = 0; i < n; i++) a->data[i] = items[i];                                      \
    return a;                                                                                    \
  }                                                                                              \
  static inline T *A##_at(A *a, int64_t i, const tsos_loc *loc) {                                \
    if (__builtin_expect(i < 0 || (uint64_t)i >= a->len, 0)) tsos_panic_index(loc, a->len, i, false); \
    return &a->data[i];                                                                          \
  }                                                                                              \
  static inline T *A##_atu(A *a, uint64_t i, const tsos_loc *loc) {                              \
    if (__builtin_expect(i >= a->len, 0)) tsos_panic_index(loc, a->len, (int64_t)i, true);         \
    return &a->data[i];                                                                          \
  }                                                                                              \
  static inline void A##__grow(A *a, const tsos_loc *loc) {                                     \
    uint64_t cap = a->cap < 4 ? 4 : a->cap * 2;                                                  \
    /* Not zeroed: the slots past len are written before they are read (push, slotu). */         \
    T *data = tsos_alloc_unzeroed_as(sizeof(T) * cap, loc, "array elements");                    \
    for (uint64_t i = 0; i < a->len; i++) data[i] = a->data[i];                                  \
    if (!TSOS_ARRAY_STATIC_DATA(a)) tsos_free(a->data, sizeof(T) * a->cap, loc);                 \
    a->tsos_rc &= ~TSOS_RC_STATIC_DATA;                                                          \
    a->data = data;                                                                              \
    a->cap = cap;                                                                                \
  }                                                                                              \
  static inline int64_t A##_push(A *a, T v, const tsos_loc *loc) {                              \
    if (a->len == a->cap) A##__grow(a, loc);                                                     \
    a->data[a->len++] = v;                                                                       \
    return (int64_t)a->len;                                                                      \
  }                                                                                              \
  /* The place a store `a[i] = v` writes: at the length, a new last element holding zero (which \
   * a release ignores), as JavaScript's store there appends; past it (a hole), a panic.       */ \
  __attribute__((unused)) static inline T *A##_slotu(A *a, uint64_t i, const tsos_loc *loc) {   \
    if (__builtin_expect(i == a->len, 0)) {                                                      \
      if (a->len == a->cap) A##__grow(a, loc);                                                   \
      __builtin_memset(&a->data[a->len++], 0, sizeof(T));                                           \
    }                                                                                            \
    return A##_atu(a, i, loc);                                                                   \
  }                                                                                              \
  __attribute__((unused)) static inline T *A##_slot(A *a, int64_t i, const tsos_loc *loc) {     \
    return i < 0 ? A##_at(a, i, loc) : A##_slotu(a, (uint64_t)i, loc);                          \
  }                                                                                              \
  /* Every element becomes v: each slot holds its own reference, the old ones are released. */   \
  static inline A *A##_fill(A *a, T v, const tsos_loc *loc) {                                   \
    (void)loc;                                                                                   \
    for (uint64_t i = 0; i < a->len; i++) {                                                      \
      TSOS_ELEM_RETAIN_##K(v);                                                                   \
      T old = a->data[i];                                                                        \
      a->data[i] = v;                                                                            \
      TSOS_ELEM_RELEASE_##K(old);                                                                \
    }                                                                                            \
    return a;                                                                                    \
  }                                                                                              \
  /* `a.length = n`: shrinking only (a larger length would leave holes); the removed elements are released. */ \
  static inline int64_t A##_setLength(A *a, int64_t n, const tsos_loc *loc) {                    \
    if (n < 0 || (uint64_t)n > a->len) tsos_panic_set_length(loc, a->len, n);                   \
    if (K != 0)                                                                                  \
      while (a->len > (uint64_t)n) {                                                             \
        T old = a->data[--a->len];                                                               \
        TSOS_ELEM_RELEASE_##K(old);                                                              \
        (void)old;                                                                               \
      }                                                                                          \
    a->len = (uint64_t)n;                                                                        \
    return n;                                                                                    \
  }                                                                                              \
  /* `a.copyWithin(target, start, end)`: JavaScript's clamping, then one memmove; each copied  \
   * element gains the reference its new slot holds, each overwritten one loses its slot's.    */ \
  static inline A *A##_copyWithin(A *a, int64_t target, int64_t start, int64_t end, const tsos_loc *loc) { \
    (void)loc;                                                                                   \
    int64_t len = (int64_t)a->len;                                                               \
    int64_t to = tsos_rel_index(target, len), from = tsos_rel_index(start, len);                 \
    int64_t count = tsos_rel_index(end, len) - from;                                             \
    if (len - to < count) count = len - to;                                                      \
    if (count <= 0) return a;                                                                    \
    for (int64_t i = 0; i < count; i++) TSOS_ELEM_RETAIN_##K(a->data[from + i]);                 \
    for (int64_t i = 0; i < count; i++) TSOS_ELEM_RELEASE_##K(a->data[to + i]);                  \
    __builtin_memmove(&a->data[to], &a->data[from], sizeof(T) * (uint64_t)count);               \
    return a;                                                                                    \
  }

/* ---- match arrays (lib/std/regexp.ts) ---- */
/*
 * A match array (RegExpExecArray) is an ordinary array A of `string | undefined` whose
 * allocation also holds what JavaScript keeps as its other properties: `index` (where the
 * match starts, in code units), `input` (the string searched) and the regex's group names N
 * (for `groups`). Its class descriptor's parent is A's, so every array operation and
 * instanceof see an array; a global match's plain array of A is not a match array. TR is
 * A's TSOS_ARRAY_OF trace flag.
 * The functions take borrowed arguments and return owned references, as every call does.
 */
#define TSOS_MATCH_ARRAY_OF(A, N, TR)                                                              \
  typedef struct { A arr; double index; tsos_str input; N *names; } A##__match;                   \
  static void A##__match_release_fields(void *p) {                                               \
    A##__match *m = p;                                                                           \
    A##__release_fields(p);                                                                      \
    tsos_str_release(m->input);                                                                  \
    tsos_release(m->names);                                                                      \
  }                                                                                              \
  static const tsos_class A##__match_class __attribute__((unused)) = {&A##__class, TSOS_STR("Array"), sizeof(A##__match), A##__match_release_fields, TSOS_ARRAY_TRACE_##TR(A)}; \
  __attribute__((unused)) static A *tsos_match_new(double index, tsos_str input, N *names, const tsos_loc *loc) { \
    A##__match *m = tsos_alloc_as(sizeof(A##__match), loc, "array");                             \
    tsos_obj *o = tsos_launder(m);                                                               \
    o->cls = &A##__match_class;                                                                  \
    o->rc = 1;                                                                                   \
    TSOS_COUNT_NEW();                                                                            \
    m->arr.len = m->arr.cap = 0;                                                                 \
    m->arr.data = NULL;                                                                          \
    m->index = index;                                                                            \
    m->input = tsos_str_retain(input);                                                           \
    m->names = tsos_retain(names);                                                               \
    return &m->arr;                                                                              \
  }                                                                                              \
  __attribute__((unused)) static inline bool tsos_match_is(A *a) { return TSOS_CLASS_OF(a) == &A##__match_class; } \
  __attribute__((unused)) static inline double tsos_match_index(A *a) { return ((A##__match *)a)->index; } \
  __attribute__((unused)) static inline tsos_str tsos_match_input(A *a) { return tsos_str_retain(((A##__match *)a)->input); } \
  __attribute__((unused)) static inline N *tsos_match_names(A *a) { return tsos_retain(((A##__match *)a)->names); }

/* ---- class headers (docs/design/dialect-part1.md, "Objects") ---- */
/*
 * Every non-layout class instance starts with a pointer to its class
 * descriptor and its reference count (runtime/tsos_rc.h, docs/design/memory.md).
 * The descriptor gives the object's size, the function that releases the
 * references its fields hold (its own fields, then its base's), and, for a
 * class whose instances can be part of a cycle, the function that shows the
 * cycle collector those references (runtime/tsos_cycles.h); NULL otherwise.
 */
typedef struct tsos_obj tsos_obj;
typedef struct tsos_class {
  const struct tsos_class *parent;
  tsos_str name;
  uint64_t size;
  void (*release_fields)(void *obj);
  void (*trace)(void *obj, void (*visit)(tsos_obj *ref));
} tsos_class;
struct tsos_obj {
  const tsos_class *cls;
  uint64_t rc;
};
/* The count is the low 60 bits of the count word but bit 58; bit 60 marks a weakly referenced object (tsos_weak.h), the cycle collector keeps its marks above it. */
/* Bit 58 marks an object `Object.freeze` froze (lower/frozen.ts): it stays set until the object is freed.
 * No count reaches it (a count of 2^58 references), nor does a static object's (below). */
#define TSOS_RC_FROZEN ((uint64_t)1 << 58)
#define TSOS_RC_COUNT ((((uint64_t)1 << 60) - 1) & ~TSOS_RC_FROZEN)
/* The count of a static object: no sequence of releases reaches zero. It may go below its start (the
 * builds that check leaks release module-level variables at exit): bit 56 is set so that releases borrow
 * from it, never from the frozen mark (bit 58) or an array's TSOS_RC_STATIC_DATA (bit 57). */
#define TSOS_RC_STATIC (((uint64_t)1 << 59) | ((uint64_t)1 << 56))
#define TSOS_RC_STATIC_ARRAY (TSOS_RC_STATIC | TSOS_RC_STATIC_DATA)
/* Run before the leak report at exit: the cycle collector, when tsos_cycles.h is in (a tentative
 * definition here; tsos_cycles.h gives the value). */
__attribute__((unused)) static void (*tsos_before_exit)(void);
#ifdef TSOS_COUNT_OBJECTS
/* Test builds: objects made by `new` and arrays, not yet freed (and the most at once). */
static uint64_t tsos_live_objects, tsos_peak_objects;
#define TSOS_COUNT_NEW() do { if (++tsos_live_objects > tsos_peak_objects) tsos_peak_objects = tsos_live_objects; } while (0)
#else
#define TSOS_COUNT_NEW() ((void)0)
#endif
#define TSOS_CLASS_OF(obj) (*(const tsos_class *const *)(const void *)(obj))
/* NULL is null; address 1 is undefined in a type admitting both (lower/nullable-types.ts). */
static inline bool tsos_instanceof(const void *obj, const tsos_class *c) {
  if ((uintptr_t)obj <= 1) return false;
  for (const tsos_class *k = TSOS_CLASS_OF(obj); k; k = k->parent)
    if (k == c) return true;
  return false;
}
/* `obj instanceof Box` for a generic class Box: whether obj's class or one above it is one of
 * Box's instances, listed (NULL-terminated) in `family`. */
static inline bool tsos_instanceof_any(const void *obj, const tsos_class *const *family) {
  if ((uintptr_t)obj <= 1) return false;
  for (const tsos_class *k = TSOS_CLASS_OF(obj); k; k = k->parent)
    for (const tsos_class *const *f = family; *f; f++)
      if (k == *f) return true;
  return false;
}
/* `Object.freeze(obj)` and `Object.isFrozen(obj)` of an object or array (NULL: nothing to freeze, and frozen). */
static inline void *tsos_freeze(void *obj) {
  if ((uintptr_t)obj > 1) ((tsos_obj *)obj)->rc |= TSOS_RC_FROZEN;
  return obj;
}
static inline bool tsos_is_frozen(const void *obj) { return (uintptr_t)obj <= 1 || (((const tsos_obj *)obj)->rc & TSOS_RC_FROZEN) != 0; }
/* The same for an interface value (a view: the object and its table), which freeze yields. */
#define tsos_freeze_view(v) ({ __auto_type tsos_fv = (v); tsos_freeze(tsos_fv.obj); tsos_fv; })
#define tsos_is_frozen_view(v) tsos_is_frozen((v).obj)
/* `obj.constructor.name`: the name of the object's class. */
static inline tsos_str tsos_class_name(const void *obj) { return TSOS_CLASS_OF(obj)->name; }
#define tsos_view_class_name(v) tsos_class_name((v).obj)
/* A function value adapted to another function type where it is stored (lower/lambdas.ts wrapValue,
 * hosted) is a closure whose descriptor's parent is this mark and whose first capture, right after the
 * closure head (class, count, code), is the function it calls. JavaScript has one function there, so
 * identity (`===`, Map and Set keys) is that of the innermost function. */
#ifdef TSOS_HOST_H
__attribute__((unused)) static const tsos_class tsos_fn_wrapper_mark = {NULL, {0}, 0, NULL, NULL};
/* The parents of a generator function's and a class value's descriptors (lower/fn-names.ts): console.log shows
 * `[GeneratorFunction: name]` and `[class name]`. */
__attribute__((unused)) static const tsos_class tsos_fn_generator_mark = {NULL, {0}, 0, NULL, NULL};
__attribute__((unused)) static const tsos_class tsos_fn_class_mark = {NULL, {0}, 0, NULL, NULL};
static inline const void *tsos_fn_origin(const void *f) {
  while ((uintptr_t)f > 1 && TSOS_CLASS_OF(f)->parent == &tsos_fn_wrapper_mark) f = *(const void *const *)((const char *)f + 3 * sizeof(void *));
  return f;
}
#define tsos_fn_eq(a, b) (tsos_fn_origin(a) == tsos_fn_origin(b))
/* `f.name`: the name of the function inside any wrapper (lower/fn-names.ts), empty for an anonymous one; a class
 * value's descriptor names `Dog extends Animal`, whose name is the part before the space. The names are printable
 * ASCII (lower/fn-names.ts nameFunction) and static, so the part is a static string of as many units as bytes. */
static inline tsos_str tsos_fn_name(const void *f) {
  const tsos_class *c = TSOS_CLASS_OF(tsos_fn_origin(f));
  tsos_str name = c->name;
  if (c->parent != &tsos_fn_class_mark) return name;
  uint32_t n = 0;
  while (n < name.len && name.ptr[n] != ' ') n++;
  return (tsos_str){name.ptr, n, n, 0};
}
#else
/* The kernel's function values are raw code pointers, never wrapped. */
#define tsos_fn_eq(a, b) ((a) == (b))
#endif
static inline bool tsos_isclass(const void *obj, const tsos_class *c) { return (uintptr_t)obj > 1 && TSOS_CLASS_OF(obj) == c; }
/* The same pointer, its origin hidden from the optimiser (costs nothing). */
static inline void *tsos_launder(const void *p) {
  void *q = (void *)p;
  __asm__("" : "+r"(q));
  return q;
}
/* Fresh storage for an object of class c: zeroed, header set, one reference (the caller's). */
static inline void *tsos_new(uint64_t size, const tsos_class *c, const tsos_loc *loc) {
  void *p = tsos_alloc_as(size, loc, (const char *)c->name.ptr);
  tsos_obj *o = tsos_launder(p); /* gcc must not take the header's type for the object's (-Warray-bounds) */
  o->cls = c;
  o->rc = 1;
  TSOS_COUNT_NEW();
  return p;
}
/* A new object on zeroed storage `p` (a generator object, lower/generators.ts): its class, count 1, as tsos_new. */
static inline void *tsos_stamp(void *p, const tsos_class *c) {
  tsos_obj *o = tsos_launder(p);
  o->cls = c;
  o->rc = 1;
  TSOS_COUNT_NEW();
  return p;
}

/* string[] is predeclared: process.argv uses it. */
typedef struct tsos_arr_str tsos_arr_str;
TSOS_ARRAY_OF(tsos_arr_str, tsos_str, 3, 0)

/* `parts.join(sep)` on a string[]: one allocation for the result. */
static inline tsos_str tsos_join_strs(tsos_arr_str *a, tsos_str sep) {
  if (a->len == 0) return TSOS_EMPTY_STR;
  uint64_t len = (uint64_t)sep.len * (a->len - 1), units = (uint64_t)sep.units * (a->len - 1);
  for (uint64_t i = 0; i < a->len; i++) { len += a->data[i].len; units += a->data[i].units; }
  if (units > TSOS_MAX_STR_UNITS || len > UINT32_MAX) tsos_panic_cstr(NULL, "Invalid string length");
  if (len == 0) return TSOS_EMPTY_STR;
  uint8_t *p = tsos_str_alloc(len, NULL);
  uint64_t at = 0;
  for (uint64_t i = 0; i < a->len; i++) {
    if (i > 0) {
      tsos_copy_bytes(p + at, sep.ptr, sep.len);
      at += sep.len;
    }
    tsos_copy_bytes(p + at, a->data[i].ptr, a->data[i].len);
    at += a->data[i].len;
  }
  return tsos_str_heap(p, len, units);
}

#endif
