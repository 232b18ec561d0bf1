/*
 * runtime/tsos_dyn.h (hosted only): `unknown` and `object` values, the
 * dynamic value type of lower/dynamic.ts.
 *
 * Input:  values boxed by the generated code (tsos_dyn_num, tsos_dyn_str,
 *         tsos_dyn_ptr with a descriptor the compiler emits per boxed type).
 * Output: tests (typeof, instanceof, ===, truthiness), checked unboxing
 *         (a wrong kind panics with a clear message, never a wrong value),
 *         and String(v).
 * Invariants: a tsos_dyn is 24 bytes passed by value: a descriptor pointer
 *             (NULL is `undefined`, so zeroed memory is undefined) and a
 *             payload. A boxed object keeps its pointer (and a view its
 *             table), never a copy: identity, mutation and instanceof
 *             (through the class header) are those of the object itself.
 */
#ifndef TSOS_DYN_H
#define TSOS_DYN_H

enum { TSOS_DYN_UNDEF, TSOS_DYN_NULL, TSOS_DYN_BOOL, TSOS_DYN_NUM, TSOS_DYN_STR, TSOS_DYN_OBJ, TSOS_DYN_FN };

typedef struct tsos_dyn tsos_dyn;
typedef struct tsos_dyntype {
  uint8_t kind;
  /* The static type the value had when it was boxed, for panics. */
  const char *name;
  /* Array.isArray */
  bool is_array;
  /* console.log's text of the value at an indentation and depth, and String(v). */
  tsos_str (*show)(tsos_dyn v, double indent, double depth);
  tsos_str (*str)(tsos_dyn v);
  /* An array of another element type: a copy as an array of unknowns (read-only uses, lower/dynamic.ts). */
  void *(*to_array)(tsos_dyn v);
  /* JSON.stringify's text of the value (lower/json.ts), given the call's options (lib/std/json.ts JsonOptions); NULL when the program serializes no unknown. */
  tsos_str (*json)(tsos_dyn v, void *options, tsos_str indent, double depth);
} tsos_dyntype;

struct tsos_dyn {
  const tsos_dyntype *ty;
  union {
    double n;
    bool b;
    tsos_str s;
    void *p;
    /* A view (interface value): the object and its table. */
    struct { void *obj; const void *vt; } v;
  } u;
};

static const tsos_dyntype tsos_dynty_null = {TSOS_DYN_NULL, "null", false, NULL, NULL, NULL, NULL};
static const tsos_dyntype tsos_dynty_bool = {TSOS_DYN_BOOL, "boolean", false, NULL, NULL, NULL, NULL};
static const tsos_dyntype tsos_dynty_num = {TSOS_DYN_NUM, "number", false, NULL, NULL, NULL, NULL};
static const tsos_dyntype tsos_dynty_str = {TSOS_DYN_STR, "string", false, NULL, NULL, NULL, NULL};

static inline tsos_dyn tsos_dyn_undef(void) { return (tsos_dyn){NULL, {.p = NULL}}; }
static inline tsos_dyn tsos_dyn_null(void) { return (tsos_dyn){&tsos_dynty_null, {.p = NULL}}; }
static inline tsos_dyn tsos_dyn_bool(bool b) { return (tsos_dyn){&tsos_dynty_bool, {.b = b}}; }
static inline tsos_dyn tsos_dyn_num(double n) { return (tsos_dyn){&tsos_dynty_num, {.n = n}}; }
static inline tsos_dyn tsos_dyn_str(tsos_str s) { return (tsos_dyn){&tsos_dynty_str, {.s = s}}; }
/* An object, array or function pointer; NULL (a null reference) is null. */
static inline tsos_dyn tsos_dyn_ptr(const void *p, const tsos_dyntype *ty) {
  if (!p) return tsos_dyn_null();
  tsos_dyn d = {ty, {.p = NULL}};
  d.u.p = (void *)p;
  return d;
}
static inline tsos_dyn tsos_dyn_view(const void *obj, const void *vt, const tsos_dyntype *ty) {
  if (!obj) return tsos_dyn_null();
  tsos_dyn d = {ty, {.p = NULL}};
  d.u.v.obj = (void *)obj;
  d.u.v.vt = vt;
  return d;
}

static inline uint8_t tsos_dyn_kind(tsos_dyn v) { return v.ty ? v.ty->kind : TSOS_DYN_UNDEF; }

/*
 * Reference counting (compiler/rc.ts, docs/design/memory.md): an unknown owns
 * the reference its string, object, array or function holds. Every boxed
 * object (TSOS_DYN_OBJ, TSOS_DYN_FN) is a counted object with the header:
 * lower/dynamic.ts boxes only classes with a header, arrays, views (u.v.obj
 * shares u.p's word) and closures. Arrays of unknowns count their elements
 * as element kind 5 (runtime/tsos_rt.h TSOS_ARRAY_OF).
 */
/* Macros: runtime/tsos_rc.h (tsos_retain_obj, tsos_release) is included after this header. */
#define tsos_dyn_holds_obj(v) (tsos_dyn_kind(v) == TSOS_DYN_OBJ || tsos_dyn_kind(v) == TSOS_DYN_FN)
#define tsos_dyn_retain(x) ({                                          \
  tsos_dyn tsos_dv = (x);                                              \
  if (tsos_dyn_kind(tsos_dv) == TSOS_DYN_STR) tsos_str_retain(tsos_dv.u.s); \
  else if (tsos_dyn_holds_obj(tsos_dv)) tsos_retain_obj(tsos_dv.u.p);  \
  tsos_dv;                                                             \
})
#define tsos_dyn_release(x) ({                                         \
  tsos_dyn tsos_dv = (x);                                              \
  if (tsos_dyn_kind(tsos_dv) == TSOS_DYN_STR) tsos_str_release(tsos_dv.u.s); \
  else if (tsos_dyn_holds_obj(tsos_dv)) tsos_release(tsos_dv.u.p);     \
})
#define tsos_dyn_visit(x, visit) ({                                    \
  tsos_dyn tsos_dv = (x);                                              \
  if (tsos_dyn_holds_obj(tsos_dv) && (uintptr_t)tsos_dv.u.p > 1) (visit)((tsos_obj *)tsos_dv.u.p); \
})
#define TSOS_ELEM_RETAIN_5(x) ((void)tsos_dyn_retain(x))
#define TSOS_ELEM_RELEASE_5(x) tsos_dyn_release(x)
#define TSOS_ELEM_VISIT_5(x, visit) tsos_dyn_visit(x, visit)
static inline bool tsos_dyn_is(tsos_dyn v, uint8_t kind) { return tsos_dyn_kind(v) == kind; }
/* Number.isNaN, isFinite, isInteger and isSafeInteger of an unknown: false for anything but a number. */
static inline bool tsos_dyn_is_nan(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NUM && isnan(v.u.n); }
static inline bool tsos_dyn_is_finite(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NUM && isfinite(v.u.n); }
static inline bool tsos_dyn_is_integer(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NUM && tsos_num_is_integer(v.u.n); }
static inline bool tsos_dyn_is_safe_integer(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NUM && tsos_num_is_safe_integer(v.u.n); }
static inline bool tsos_dyn_is_array(tsos_dyn v) { return v.ty && v.ty->is_array; }
/* typeof v === "object": null and every object that is not a function. */
static inline bool tsos_dyn_is_object(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NULL || tsos_dyn_kind(v) == TSOS_DYN_OBJ; }
static inline bool tsos_dyn_is_exactly(tsos_dyn v, const tsos_dyntype *ty) { return v.ty == ty; }
/* v instanceof C: a class instance (it starts with its class header) whose class is C or extends it. */
static inline bool tsos_dyn_instanceof(tsos_dyn v, const tsos_class *c) {
  return tsos_dyn_kind(v) == TSOS_DYN_OBJ && !v.ty->is_array && tsos_instanceof(v.u.p, c);
}

/* An instance of one of a generic class's instances (tsos_instanceof_any). */
static inline bool tsos_dyn_instanceof_any(tsos_dyn v, const tsos_class *const *family) {
  return tsos_dyn_kind(v) == TSOS_DYN_OBJ && !v.ty->is_array && tsos_instanceof_any(v.u.p, family);
}

/* An instance of exactly class c. */
static inline bool tsos_dyn_isclass(tsos_dyn v, const tsos_class *c) {
  return tsos_dyn_kind(v) == TSOS_DYN_OBJ && !v.ty->is_array && tsos_isclass(v.u.p, c);
}

static inline const char *tsos_dyn_what(tsos_dyn v) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: return "undefined";
    case TSOS_DYN_NULL: return "null";
    case TSOS_DYN_OBJ: return v.ty->is_array ? "an array" : "an object";
    default: return v.ty->name;
  }
}
__attribute__((noreturn, cold)) static inline void tsos_dyn_wrong(tsos_dyn v, const char *want, const tsos_loc *loc) {
  tsos_panic_begin(loc);
  fprintf(stderr, "an unknown value used as %s holds %s (%s)", want, tsos_dyn_what(v), v.ty ? v.ty->name : "undefined");
  tsos_panic_end();
}
static inline double tsos_dyn_as_num(tsos_dyn v, const tsos_loc *loc) {
  if (tsos_dyn_kind(v) != TSOS_DYN_NUM) tsos_dyn_wrong(v, "a number", loc);
  return v.u.n;
}
static inline bool tsos_dyn_as_bool(tsos_dyn v, const tsos_loc *loc) {
  if (tsos_dyn_kind(v) != TSOS_DYN_BOOL) tsos_dyn_wrong(v, "a boolean", loc);
  return v.u.b;
}
static inline tsos_str tsos_dyn_as_str(tsos_dyn v, const tsos_loc *loc) {
  if (tsos_dyn_kind(v) != TSOS_DYN_STR) tsos_dyn_wrong(v, "a string", loc);
  return v.u.s;
}
/* An instance of class c (or a subclass). */
static inline void *tsos_dyn_as_obj(tsos_dyn v, const tsos_class *c, const char *want, const tsos_loc *loc) {
  if (!tsos_dyn_instanceof(v, c)) tsos_dyn_wrong(v, want, loc);
  return v.u.p;
}
/* A value boxed from exactly the static type of descriptor ty (an array, a function, a view). */
static inline tsos_dyn tsos_dyn_as_exactly(tsos_dyn v, const tsos_dyntype *ty, const tsos_loc *loc) {
  if (v.ty != ty) tsos_dyn_wrong(v, ty->name, loc);
  return v;
}

/* An array of unknowns, as a reference of its own: the boxed one itself (retained), or a copy of an array of
 * another element type (the dialect's to_array function returns a new one). A macro: see tsos_dyn_retain. */
static inline void *tsos_dyn_array_copy(tsos_dyn v, const tsos_dyntype *ty, const tsos_loc *loc) {
  if (v.ty && v.ty->to_array) return v.ty->to_array(v);
  tsos_dyn_wrong(v, ty->name, loc);
}
#define tsos_dyn_as_array_copy(value, want, at) ({                         \
  tsos_dyn tsos_ac = (value);                                              \
  const tsos_dyntype *tsos_at = (want);                                    \
  tsos_ac.ty == tsos_at ? tsos_dyn_retain(tsos_ac).u.p : tsos_dyn_array_copy(tsos_ac, tsos_at, (at)); \
})

/* typeof v */
static inline tsos_str tsos_dyn_typeof(tsos_dyn v) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: return TSOS_STR("undefined");
    case TSOS_DYN_BOOL: return TSOS_STR("boolean");
    case TSOS_DYN_NUM: return TSOS_STR("number");
    case TSOS_DYN_STR: return TSOS_STR("string");
    case TSOS_DYN_FN: return TSOS_STR("function");
    default: return TSOS_STR("object");
  }
}

/* console.log of a function value: `[Function: name]`, or `[Function (anonymous)]` for a function
 * JavaScript gives no name (`[GeneratorFunction: name]` for a generator function, `[class name]` for a
 * class); the name is in the descriptor of the function inside any wrapper. */
__attribute__((unused)) static tsos_str tsos_fn_show(const void *f) {
  const tsos_class *c = TSOS_CLASS_OF(tsos_fn_origin(f));
  bool cls = c->parent == &tsos_fn_class_mark;
  const char *kind = cls ? "class" : c->parent == &tsos_fn_generator_mark ? "GeneratorFunction" : "Function";
  const char *sep = cls ? " " : ": ";
  char buf[512];
  int len = c->name.len < 480 ? (int)c->name.len : 480;
  int n = len == 0 ? snprintf(buf, sizeof buf, "[%s (anonymous)]", kind)
                   : snprintf(buf, sizeof buf, "[%s%s%.*s]", kind, sep, len, (const char *)c->name.ptr);
  return tsos_str_of_bytes((const uint8_t *)buf, (uint32_t)n, (uint32_t)n);
}

/* a === b (IsStrictlyEqual): numbers by value (NaN is not equal to itself), strings by content, objects by identity,
 * functions by the function inside any adapting wrapper (tsos_rt.h tsos_fn_origin). */
static inline bool tsos_dyn_eq(tsos_dyn a, tsos_dyn b) {
  uint8_t k = tsos_dyn_kind(a);
  if (k != tsos_dyn_kind(b)) return false;
  switch (k) {
    case TSOS_DYN_UNDEF: case TSOS_DYN_NULL: return true;
    case TSOS_DYN_BOOL: return a.u.b == b.u.b;
    case TSOS_DYN_NUM: return a.u.n == b.u.n;
    case TSOS_DYN_STR: return tsos_str_eq(a.u.s, b.u.s);
    case TSOS_DYN_FN: return tsos_fn_origin(a.u.p) == tsos_fn_origin(b.u.p);
    default: return a.u.p == b.u.p;
  }
}

/* Map and Set keys of type unknown (lib/std/map.ts): SameValueZero (NaN is NaN, -0 is +0, otherwise `===`) and a hash
 * that agrees with it. */
static inline uint32_t tsos_hash_dyn(tsos_dyn v) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: return 0x75u;
    case TSOS_DYN_NULL: return 0x6eu;
    case TSOS_DYN_BOOL: return v.u.b ? 0x74u : 0x66u;
    case TSOS_DYN_NUM: return tsos_hash_num(v.u.n);
    case TSOS_DYN_STR: return tsos_hash_str(v.u.s);
    case TSOS_DYN_FN: return tsos_hash_fn(v.u.p);
    default: return tsos_hash_ptr(v.u.p);
  }
}
static inline bool tsos_dyn_same_value_zero(tsos_dyn a, tsos_dyn b) {
  if (tsos_dyn_kind(a) == TSOS_DYN_NUM && tsos_dyn_kind(b) == TSOS_DYN_NUM) return tsos_same_value_zero(a.u.n, b.u.n);
  return tsos_dyn_eq(a, b);
}
/* Object.is (SameValue): NaN is NaN, -0 is not +0, otherwise `===`. */
static inline bool tsos_dyn_same_value(tsos_dyn a, tsos_dyn b) {
  if (tsos_dyn_kind(a) == TSOS_DYN_NUM && tsos_dyn_kind(b) == TSOS_DYN_NUM)
    return a.u.n == b.u.n ? signbit(a.u.n) == signbit(b.u.n) : (a.u.n != a.u.n && b.u.n != b.u.n);
  return tsos_dyn_eq(a, b);
}
/* Whether v holds the number 0 or -0 (a Map stores -0 as +0). */
static inline bool tsos_dyn_is_zero(tsos_dyn v) { return tsos_dyn_kind(v) == TSOS_DYN_NUM && v.u.n == 0; }

static inline bool tsos_dyn_truthy(tsos_dyn v) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: case TSOS_DYN_NULL: return false;
    case TSOS_DYN_BOOL: return v.u.b;
    case TSOS_DYN_NUM: return v.u.n != 0 && !isnan(v.u.n);
    case TSOS_DYN_STR: return v.u.s.len != 0;
    default: return true;
  }
}

/* String(v) and `${v}`. */
/* String(v), as a reference of its own (compiler/rc-helpers.ts): a string is retained. */
static inline tsos_str tsos_dyn_to_str(tsos_dyn v) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: return TSOS_STR("undefined");
    case TSOS_DYN_NULL: return TSOS_STR("null");
    case TSOS_DYN_BOOL: return v.u.b ? TSOS_STR("true") : TSOS_STR("false");
    case TSOS_DYN_NUM: return tsos_str_from_num(v.u.n);
    case TSOS_DYN_STR: return tsos_str_retain(v.u.s);
    default: return v.ty->str(v);
  }
}

/* Number(v) (ToNumber): an object or function panics (its valueOf, a Date's time, is not reached from here). */
static inline double tsos_dyn_to_num(tsos_dyn v, const tsos_loc *loc) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_UNDEF: return TSOS_NAN;
    case TSOS_DYN_NULL: return 0;
    case TSOS_DYN_BOOL: return v.u.b ? 1 : 0;
    case TSOS_DYN_NUM: return v.u.n;
    case TSOS_DYN_STR: return tsos_str_to_num(v.u.s);
    default: tsos_panic_cstr(loc, "Number() of an object or function held in an unknown is not supported");
  }
}

/* JSON.stringify's text of an object or function held in an unknown (lib/std/json.ts jsonUnknown), as a reference of its own. */
static inline tsos_str tsos_dyn_json(tsos_dyn v, void *options, tsos_str indent, double depth) {
  return v.ty->json(v, options, indent, depth);
}

/* util.inspect's text of anything but a string (strings are quoted by lib/std/inspect.ts's showString), as a reference of its own. */
static inline tsos_str tsos_dyn_show_other(tsos_dyn v, double indent, double depth) {
  switch (tsos_dyn_kind(v)) {
    case TSOS_DYN_NUM: return v.u.n == 0 && signbit(v.u.n) ? TSOS_STR("-0") : tsos_str_from_num(v.u.n);
    case TSOS_DYN_OBJ: case TSOS_DYN_FN: return v.ty->show(v, indent, depth);
    default: return tsos_dyn_to_str(v);
  }
}
#endif
