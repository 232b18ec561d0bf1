/*
 * tsos_hash.h: the hashing intrinsics of Map and Set (lib/std/map.ts,
 * lower/collections.ts), hosted target.
 *
 * Input:  included by tsos_host.h after tsos_num.h.
 * Output: static inline hash functions returning uint32_t, and SameValueZero
 *         on doubles.
 * Invariants: keys that are SameValueZero-equal hash equally: -0 hashes as
 *             +0 and every NaN alike; strings hash their bytes (FNV-1a),
 *             objects their address. A heap string keeps its hash in its
 *             header (runtime/tsos_rt.h tsos_strhdr).
 */
#ifndef TSOS_HASH_H
#define TSOS_HASH_H
#include <stdint.h>
#include <string.h>
#include "tsos_rt.h"

/* A 64-bit finalizer (splitmix64) folded to 32 bits. */
static inline uint32_t tsos_hash_u64(uint64_t x) {
  x ^= x >> 30;
  x *= UINT64_C(0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= UINT64_C(0x94d049bb133111eb);
  x ^= x >> 31;
  return (uint32_t)x ^ (uint32_t)(x >> 32);
}
static inline uint32_t tsos_hash_num(double d) {
  if (d == 0) d = 0; /* -0 is +0 */
  if (d != d) return 0x7ff80000u; /* every NaN */
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return tsos_hash_u64(bits);
}
static inline uint32_t tsos_hash_bytes(const uint8_t *p, uint64_t n) {
  uint32_t h = 2166136261u;
  for (uint64_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}
/* A heap string's hash is computed once and kept in its header (0: not yet; a hash that is 0 is recomputed). */
static inline uint32_t tsos_hash_str(tsos_str s) {
  if (!s.heap) return tsos_hash_bytes(s.ptr, s.len);
  tsos_strhdr *hdr = tsos_str_hdr(s);
  if (hdr->hash) return hdr->hash;
  return hdr->hash = tsos_hash_bytes(s.ptr, s.len);
}
static inline uint32_t tsos_hash_ptr(const void *p) { return tsos_hash_u64((uint64_t)(uintptr_t)p); }
/* A function value: the function inside any adapting wrapper (tsos_rt.h tsos_fn_origin), as `===` compares it. */
#define tsos_hash_fn(f) tsos_hash_ptr(tsos_fn_origin(f))
/* An interface-typed key (a view: object and table): by the identity of its object. */
#define tsos_hash_view(v) tsos_hash_ptr((v).obj)
#define tsos_same_view(a, b) ((a).obj == (b).obj)
static inline double tsos_num_plus_zero(double d) { return d == 0 ? 0.0 : d; }
static inline bool tsos_same_value_zero(double a, double b) { return a == b || (a != a && b != b); }

#endif
