/*
 * tsos_rc.h: reference counting of class instances and arrays (docs/design/memory.md).
 *
 * Input:  included by generated C right after the target header, so
 *         tsos_alloc, tsos_free (or the stand-in below) and the panics exist.
 *         The compiler's rc pass (compiler/rc.ts) emits every call here;
 *         neither programs nor lib/ code call them.
 *         Macros set before the target header (test builds):
 *           TSOS_CHECK_FREES   a retain or release of a freed object panics
 *                              (freed objects are poisoned with 0xdb and
 *                              never reused);
 *           TSOS_COUNT_OBJECTS at exit, stderr gets the live and peak
 *                              counts of objects made by `new`;
 *           TSOS_COUNT_RC      at exit, stderr gets the number of retains,
 *                              releases and drops executed on objects
 *                              (bench/rc-count.ts reads it).
 * Output: tsos_retain(p) (yields p) and tsos_release(p); a reference the
 *         pass cannot follow is "pinned": retained and never released.
 * Invariants:
 *   - NULL and address 1 (undefined in a nullable admitting both) are not
 *     objects: retain and release ignore them.
 *   - An object whose count reaches zero is dropped: its descriptor releases
 *     the references its fields hold, then its storage goes back through
 *     tsos_free with the size tsos_new was given. Drops are iterative (a
 *     worklist threaded through the dead objects' count words), so freeing
 *     a long linked list never recurses deeply.
 *   - Static objects start at TSOS_RC_STATIC and are never dropped.
 *   - An array (TSOS_ARRAY_OF in tsos_rt.h) starts with the same header:
 *     its descriptor's release_fields releases its counted elements and
 *     gives its element buffer back, so it is dropped like an object.
 */
#ifndef TSOS_RC_H
#define TSOS_RC_H

#ifndef TSOS_ALLOC_H
/* Stand-in until the global allocator (runtime/tsos_alloc.h) lands: hosted
 * blocks are calloc'd, so free() gives them back; the kernel never frees. */
static inline void tsos_free(void *p, uint64_t size, const tsos_loc *loc) {
  (void)size;
  (void)loc;
#if defined(TSOS_CHECK_FREES)
  for (uint64_t i = 0; i < size; i++) ((volatile uint8_t *)p)[i] = 0xdb;
#elif defined(TSOS_HOST_H)
  free(p);
#else
  (void)p;
#endif
}
#endif

/* The builds that count objects or check leaks release the program's module-level variables at exit (emit-program.ts). */
#if defined(TSOS_CHECK_LEAKS) || defined(TSOS_COUNT_OBJECTS)
#define TSOS_EXIT_CLEANUP 1
#endif

#define TSOS_RC_POISON ((uintptr_t)0xdbdbdbdbdbdbdbdbull)

#ifdef TSOS_COUNT_RC
static uint64_t tsos_rc_ops[3]; /* retains, releases, drops (of objects: NULL and undefined not counted) */
#define TSOS_COUNT_RC_OP(i) (tsos_rc_ops[i]++)
#else
#define TSOS_COUNT_RC_OP(i) ((void)0)
#endif

/* Dead objects waiting for their fields to be released, linked through their count words. */
static tsos_obj *tsos_drop_list;
static bool tsos_dropping;

#include "tsos_weak.h"
#include "tsos_cycles.h"

__attribute__((noinline)) static void tsos_drop(tsos_obj *o) {
  TSOS_COUNT_RC_OP(2);
  if (o->rc & TSOS_RC_WEAK) tsos_weak_clear(o);
  /* Bit 0 of the link (objects are 16-byte aligned) keeps "in the cycle collector's root buffer". */
  o->rc = (uint64_t)(uintptr_t)tsos_drop_list | ((o->rc & TSOS_RC_BUFFERED) ? 1 : 0);
  tsos_drop_list = o;
  if (tsos_dropping) return;
  tsos_dropping = true;
  uint64_t dead = 0;
  while (tsos_drop_list) {
    tsos_obj *q = tsos_drop_list;
    bool buffered = q->rc & 1;
    tsos_drop_list = (tsos_obj *)(uintptr_t)(q->rc & ~(uint64_t)1);
    const tsos_class *c = q->cls;
    c->release_fields(q);
    if (buffered) {
      /* Count zero, black, still buffered: a collector step or a sweep gives the storage back. */
      q->rc = TSOS_RC_BUFFERED;
      dead++;
      continue;
    }
#ifdef TSOS_COUNT_OBJECTS
    tsos_live_objects--;
#endif
    tsos_free(q, c->size, NULL);
  }
  tsos_dropping = false;
  while (dead--) tsos_roots_died();
}

static inline void tsos_rc_check(const void *p, const char *what) {
#ifdef TSOS_CHECK_FREES
  if ((uintptr_t)((const tsos_obj *)p)->cls == TSOS_RC_POISON) tsos_panic_cstr(NULL, what);
#else
  (void)p;
  (void)what;
#endif
}

/* The header is reached through tsos_launder: gcc must not reason about the
 * object's declared type or size from here (-Warray-bounds false positives). */
static inline void *tsos_retain_obj(void *p) {
  /* The test is on a laundered copy: gcc must not split the caller's code
   * into a path where its own pointer is "NULL or 1" and warn about its
   * later stores through it (-Warray-bounds on `MEM[1B].field`, an arrow
   * function field capturing `this` in a constructor). */
  void *q = tsos_launder(p);
  if ((uintptr_t)q > 1) {
    tsos_obj *o = q;
    tsos_rc_check(o, "use after free: retain of a freed object");
    TSOS_COUNT_RC_OP(0);
    o->rc++;
  }
  /* Laundered: gcc must not deduce "NULL or 1 here" on the path that skipped the count and warn about the caller's reads. */
  return q;
}

/* The same pointer, with its type: `x = tsos_retain(y)`. `p` is written once: an argument that declares
 * variables (a statement expression) would otherwise leave an unevaluated copy of them in `__typeof__`. */
#define tsos_retain(p) ({ __auto_type tsos_retained_ = (p); (__typeof__(tsos_retained_))tsos_retain_obj((void *)tsos_retained_); })

static inline void tsos_release(void *p) {
  p = tsos_launder(p); /* as in tsos_retain_obj: no "NULL or 1" path in the caller */
  if ((uintptr_t)p > 1) {
    tsos_obj *o = p;
    tsos_rc_check(o, "double free: release of a freed object");
    TSOS_COUNT_RC_OP(1);
    if ((--o->rc & TSOS_RC_COUNT) == 0) tsos_drop(o);
    /* A possible root of a cycle, unless it is already buffered (and so purple). */
    else if (o->cls->trace && !(o->rc & TSOS_RC_BUFFERED)) tsos_possible_root(o);
  }
}

/* A counted cell (a captured variable, compiler/rc-closures.ts) is a pointer to its value, which follows the
 * object header; NULL (an object literal's capture field before its init stores it) is no cell. */
#define TSOS_CELL_HEAD 16
#define tsos_retain_cell(p) ({ __typeof__((p) + 0) tsos_rcc = (p); if (tsos_rcc) tsos_retain_obj((char *)(void *)tsos_rcc - TSOS_CELL_HEAD); tsos_rcc; })
#define tsos_release_cell(p) ({ void *tsos_rlc = (void *)(p); if (tsos_rlc) tsos_release((char *)tsos_rlc - TSOS_CELL_HEAD); })

/* A view (fat pointer { obj, vt }) holds its object's reference. */
#define tsos_retain_view(v) ({ __typeof__(v) tsos_rv = (v); tsos_retain_obj(tsos_rv.obj); tsos_rv; })
#define tsos_release_view(v) tsos_release((v).obj)

#ifdef TSOS_COUNT_OBJECTS
__attribute__((destructor)) static void tsos_report_objects(void) {
  /* The program's exit cleanup (module-level variables released, then cycles), or just the collector. */
  if (tsos_before_exit) tsos_before_exit();
  fprintf(stderr, "tsos: %llu live objects, peak %llu\n", (unsigned long long)tsos_live_objects, (unsigned long long)tsos_peak_objects);
  fprintf(stderr, "tsos: %llu live strings, peak %llu\n", (unsigned long long)tsos_live_strings, (unsigned long long)tsos_peak_strings);
}
#endif

#ifdef TSOS_COUNT_RC
__attribute__((destructor)) static void tsos_report_rc(void) {
  fprintf(stderr, "tsos rc: %llu retains, %llu releases, %llu drops\n", (unsigned long long)tsos_rc_ops[0], (unsigned long long)tsos_rc_ops[1], (unsigned long long)tsos_rc_ops[2]);
}
#endif

#endif
