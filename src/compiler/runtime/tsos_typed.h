/*
 * runtime/tsos_typed.h: the element intrinsics of typed arrays (hosted).
 *
 * Input:  included by tsos_host.h after tsos_num.h; used by the C that
 *         lower/typed-arrays.ts generates for `ta[i]`, `ta[i] = v` and the
 *         intrinsics of lib/std/typed-array.ts.
 * Output: macros and static inline helpers. `bytes` is an ArrayBuffer's
 *         u8[] (any array struct with a `data` member), `first` the index
 *         of the typed array's element 0 among the buffer's elements, `len`
 *         its length (both doubles holding integers).
 * Invariants:
 *   - A read outside 0..len-1 (or at a fractional, NaN or infinite index)
 *     panics: JavaScript would read `undefined`, which a `number` cannot
 *     hold. A write there is ignored, as JavaScript ignores it.
 *   - Stores convert as JavaScript does: ToInt8..ToUint32 wrap modulo 2^n
 *     (fraction dropped, NaN and Infinity are 0), ToUint8Clamp rounds half
 *     to even and clamps, Float64 stores the double.
 *   - The `ta[i]` macros evaluate each argument exactly once; the library's
 *     LOAD/STORE read `bytes` twice (lowering passes a local or a field).
 */
#ifndef TSOS_TYPED_H
#define TSOS_TYPED_H

/* The integer index of `i` when it is an integer in [0, len); -1 otherwise. */
static inline int64_t tsos_ta_slot(double i, double len) {
  if (!(i >= 0 && i < len)) return -1;
  int64_t k = (int64_t)i;
  return (double)k == i ? k : -1;
}

__attribute__((noreturn, cold)) static inline void tsos_ta_panic_read(double i, double len, const tsos_loc *loc) {
  char b1[48], b2[48], m[160];
  snprintf(m, sizeof m, "typed array index out of range: the length is %s but the index is %s", tsos_fmt_num(b1, len), tsos_fmt_num(b2, i));
  tsos_panic_cstr(loc, m);
}

/* The element offset (first + i) of a checked read. */
static inline int64_t tsos_ta_read_at(double first, double len, double i, const tsos_loc *loc) {
  int64_t k = tsos_ta_slot(i, len);
  if (__builtin_expect(k < 0, 0)) tsos_ta_panic_read(i, len, loc);
  return (int64_t)first + k;
}

/* ToUint8Clamp: NaN is 0, then clamp to 0..255 and round half to even. */
static inline uint8_t tsos_ta_clamp(double v) {
  if (!(v > 0)) return 0;
  if (v >= 255) return 255;
  double f = floor(v);
  double r = v - f;
  if (r > 0.5 || (r == 0.5 && fmod(f, 2) != 0)) f += 1;
  return (uint8_t)f;
}

/* The stored forms of a number, one per element type. */
static inline int8_t tsos_ta_conv_i8(double v) { return (int8_t)tsos_num_toint32(v); }
static inline uint8_t tsos_ta_conv_u8(double v) { return (uint8_t)tsos_num_toint32(v); }
static inline int16_t tsos_ta_conv_i16(double v) { return (int16_t)tsos_num_toint32(v); }
static inline uint16_t tsos_ta_conv_u16(double v) { return (uint16_t)tsos_num_toint32(v); }
static inline int32_t tsos_ta_conv_i32(double v) { return tsos_num_toint32(v); }
static inline uint32_t tsos_ta_conv_u32(double v) { return (uint32_t)tsos_num_toint32(v); }
static inline double tsos_ta_conv_f64(double v) { return v; }

/* `ta[i]` read: checked, the element as a double. */
#define TSOS_TA_GET(T, bytes, first, len, i, loc) ((double)((const T *)(const void *)(bytes)->data)[tsos_ta_read_at((first), (len), (i), (loc))])

/* `ta[i] = v`: converted by CONV; ignored outside the array. */
#define TSOS_TA_SET(T, CONV, bytes, first, len, i, v) tsos_ta_set_##T((T *)(void *)(bytes)->data, (first), (len), (i), CONV(v))
#define TSOS_TA_SETTER(T)                                                              \
  static inline void tsos_ta_set_##T(T *data, double first, double len, double i, T v) { \
    int64_t k = tsos_ta_slot(i, len);                                                  \
    if (k >= 0) data[(int64_t)first + k] = v;                                          \
  }
TSOS_TA_SETTER(int8_t)
TSOS_TA_SETTER(uint8_t)
TSOS_TA_SETTER(int16_t)
TSOS_TA_SETTER(uint16_t)
TSOS_TA_SETTER(int32_t)
TSOS_TA_SETTER(uint32_t)
TSOS_TA_SETTER(double)

/* The library's element access (lib/std/typed-array.ts): `index` counts elements of the whole buffer. */
static inline int64_t tsos_ta_buffer_slot(uint64_t nbytes, uint64_t size, double index) {
  int64_t k = tsos_ta_slot(index, (double)(nbytes / size));
  if (__builtin_expect(k < 0, 0)) tsos_panic_cstr(NULL, "typed array element outside its buffer (a tsos library bug)");
  return k;
}
#define TSOS_TA_LOAD(T, bytes, index) ((double)((const T *)(const void *)(bytes)->data)[tsos_ta_buffer_slot((bytes)->len, sizeof(T), (index))])
#define TSOS_TA_STORE(T, CONV, bytes, index, v) tsos_ta_store_##T((T *)(void *)(bytes)->data, (bytes)->len, (index), CONV(v))
#define TSOS_TA_STORER(T)                                                                 \
  static inline void tsos_ta_store_##T(T *data, uint64_t nbytes, double index, T v) {   \
    data[tsos_ta_buffer_slot(nbytes, sizeof(T), index)] = v;                             \
  }
TSOS_TA_STORER(int8_t)
TSOS_TA_STORER(uint8_t)
TSOS_TA_STORER(int16_t)
TSOS_TA_STORER(uint16_t)
TSOS_TA_STORER(int32_t)
TSOS_TA_STORER(uint32_t)
TSOS_TA_STORER(double)

/* Per element type: `ta[i]` (TSOS_TA_GET_k, TSOS_TA_SET_k) and the library's LOAD/STORE; u8 takes the clamped flag. */
static inline uint8_t tsos_ta_conv_u8c(double v, bool clamped) { return clamped ? tsos_ta_clamp(v) : tsos_ta_conv_u8(v); }
#define TSOS_TA_GET_i8(bytes, first, len, i, loc) TSOS_TA_GET(int8_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_i8(bytes, index) TSOS_TA_LOAD(int8_t, bytes, index)
#define TSOS_TA_SET_i8(bytes, first, len, i, v, clamped) TSOS_TA_SET(int8_t, tsos_ta_conv_i8, bytes, first, len, i, v)
#define TSOS_TA_STORE_i8(bytes, index, v, clamped) TSOS_TA_STORE(int8_t, tsos_ta_conv_i8, bytes, index, v)
#define TSOS_TA_GET_u8(bytes, first, len, i, loc) TSOS_TA_GET(uint8_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_u8(bytes, index) TSOS_TA_LOAD(uint8_t, bytes, index)
#define TSOS_TA_SET_u8(bytes, first, len, i, v, clamped) tsos_ta_set_uint8_t((uint8_t *)(void *)(bytes)->data, (first), (len), (i), tsos_ta_conv_u8c((v), (clamped)))
#define TSOS_TA_STORE_u8(bytes, index, v, clamped) tsos_ta_store_uint8_t((uint8_t *)(void *)(bytes)->data, (bytes)->len, (index), tsos_ta_conv_u8c((v), (clamped)))
#define TSOS_TA_GET_i16(bytes, first, len, i, loc) TSOS_TA_GET(int16_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_i16(bytes, index) TSOS_TA_LOAD(int16_t, bytes, index)
#define TSOS_TA_SET_i16(bytes, first, len, i, v, clamped) TSOS_TA_SET(int16_t, tsos_ta_conv_i16, bytes, first, len, i, v)
#define TSOS_TA_STORE_i16(bytes, index, v, clamped) TSOS_TA_STORE(int16_t, tsos_ta_conv_i16, bytes, index, v)
#define TSOS_TA_GET_u16(bytes, first, len, i, loc) TSOS_TA_GET(uint16_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_u16(bytes, index) TSOS_TA_LOAD(uint16_t, bytes, index)
#define TSOS_TA_SET_u16(bytes, first, len, i, v, clamped) TSOS_TA_SET(uint16_t, tsos_ta_conv_u16, bytes, first, len, i, v)
#define TSOS_TA_STORE_u16(bytes, index, v, clamped) TSOS_TA_STORE(uint16_t, tsos_ta_conv_u16, bytes, index, v)
#define TSOS_TA_GET_i32(bytes, first, len, i, loc) TSOS_TA_GET(int32_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_i32(bytes, index) TSOS_TA_LOAD(int32_t, bytes, index)
#define TSOS_TA_SET_i32(bytes, first, len, i, v, clamped) TSOS_TA_SET(int32_t, tsos_ta_conv_i32, bytes, first, len, i, v)
#define TSOS_TA_STORE_i32(bytes, index, v, clamped) TSOS_TA_STORE(int32_t, tsos_ta_conv_i32, bytes, index, v)
#define TSOS_TA_GET_u32(bytes, first, len, i, loc) TSOS_TA_GET(uint32_t, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_u32(bytes, index) TSOS_TA_LOAD(uint32_t, bytes, index)
#define TSOS_TA_SET_u32(bytes, first, len, i, v, clamped) TSOS_TA_SET(uint32_t, tsos_ta_conv_u32, bytes, first, len, i, v)
#define TSOS_TA_STORE_u32(bytes, index, v, clamped) TSOS_TA_STORE(uint32_t, tsos_ta_conv_u32, bytes, index, v)
#define TSOS_TA_GET_f64(bytes, first, len, i, loc) TSOS_TA_GET(double, bytes, first, len, i, loc)
#define TSOS_TA_LOAD_f64(bytes, index) TSOS_TA_LOAD(double, bytes, index)
#define TSOS_TA_SET_f64(bytes, first, len, i, v, clamped) TSOS_TA_SET(double, tsos_ta_conv_f64, bytes, first, len, i, v)
#define TSOS_TA_STORE_f64(bytes, index, v, clamped) TSOS_TA_STORE(double, tsos_ta_conv_f64, bytes, index, v)

/* DataView's Float32: the float whose encoding is `bits`, and the encoding of v rounded to float. */
static inline double tsos_ta_f32_from_bits(uint32_t bits) {
  float f;
  __builtin_memcpy(&f, &bits, sizeof f);
  return (double)f;
}
static inline uint32_t tsos_ta_f32_bits(double v) {
  float f = (float)v;
  uint32_t bits;
  __builtin_memcpy(&bits, &f, sizeof bits);
  return bits;
}

#endif
