/*
 * tsos_cycles.h: the cycle collector: objects that refer to each other in a
 * cycle that nothing else refers to are freed (docs/design/memory.md,
 * "Cycles"). Synchronous trial deletion, after Bacon and Rajan, "Concurrent
 * Cycle Collection in Reference Counted Systems" (ECOOP 2001), section 3.
 *
 * Input:  included by tsos_rc.h. Class descriptors with a `trace` function
 *         (rc.ts traceFieldsFunction): only classes that can be part of a
 *         cycle have one; an object without it is never a candidate and its
 *         references are released normally.
 * Output: tsos_possible_root(o), called by tsos_release when a count drops
 *         to a value other than zero; tsos_collect_cycles(), run when the
 *         buffer of possible roots is full, and at exit in the builds that
 *         count objects or check for leaks.
 * Invariants:
 *   - The count word keeps the count in its low 60 bits (bit 60: weakly
 *     referenced, tsos_weak.h); bit 63 says the
 *     object is in the root buffer, bits 61-62 its colour (black: in use,
 *     gray: being trial-deleted, white: garbage, purple: a possible root).
 *     Outside a collection an object is purple if it is buffered and alive,
 *     black otherwise.
 *   - Trial deletion subtracts only the references a `trace` function
 *     reports, each of which the object owns (a counted field). Any other
 *     reference (a local, a pinned value, an array, a union) is counted and
 *     never subtracted, so it keeps what it refers to alive.
 *   - A buffered object whose count reaches zero releases its fields at
 *     once but keeps its storage until the collector takes it out of the
 *     buffer.
 *   - No recursion: the graph walks use an explicit stack.
 *   - In the kernel a collection runs with interrupts off: a handler may
 *     retain an object (it never releases one) and must not see a
 *     half-finished trial deletion.
 */
#ifndef TSOS_CYCLES_H
#define TSOS_CYCLES_H

#define TSOS_RC_BUFFERED ((uint64_t)1 << 63)
#define TSOS_RC_COLOR_SHIFT 61
#define TSOS_RC_COLOR_MASK ((uint64_t)3 << TSOS_RC_COLOR_SHIFT)
enum { TSOS_BLACK = 0, TSOS_GRAY = 1, TSOS_WHITE = 2, TSOS_PURPLE = 3 };

static inline uint64_t tsos_rc_count(const tsos_obj *o) { return o->rc & TSOS_RC_COUNT; }
static inline int tsos_rc_color(const tsos_obj *o) { return (int)((o->rc & TSOS_RC_COLOR_MASK) >> TSOS_RC_COLOR_SHIFT); }
static inline void tsos_rc_paint(tsos_obj *o, int color) {
  o->rc = (o->rc & ~TSOS_RC_COLOR_MASK) | ((uint64_t)color << TSOS_RC_COLOR_SHIFT);
}

/*
 * Possible roots: objects whose count went down without reaching zero. The
 * collector runs when tsos_roots_threshold are buffered. The threshold adapts,
 * as in Nim's ORC: a collection that frees less than a quarter of what it
 * examined multiplies it by 4 (up to TSOS_ROOTS_LIMIT; by 2 made
 * bench/nullable_objects 10% slower: more collections over the same big
 * live graph), one that frees at least half of it halves it (down to
 * TSOS_ROOTS_START). A program that keeps releasing references to long-lived
 * objects (a lookup in a big table) then stops paying for collections: each
 * object is buffered once, however often it is released.
 */
#ifdef TSOS_KERNEL_H
#define TSOS_ROOTS_START 1024
#define TSOS_ROOTS_LIMIT 4096
#define TSOS_CC_STEP 1024
#else
#define TSOS_ROOTS_START 8192
#define TSOS_ROOTS_LIMIT ((uint64_t)1 << 24)
/* The roots one automatic step examines (a bounded pause: the graph below 8 192 roots). */
#define TSOS_CC_STEP 8192
#endif
/* A growable array of object pointers, doubling through tsos_alloc: the roots, the walks' stack, the garbage. */
typedef struct { tsos_obj **items; uint64_t len, cap; } tsos_objbuf;

/* Room for one more item (the first allocation holds `first`); false when `limit` are in use. */
static bool tsos_objbuf_room(tsos_objbuf *b, uint64_t first, uint64_t limit) {
  if (b->len < b->cap) return true;
  if (b->cap >= limit) return false;
  uint64_t cap = b->cap ? b->cap * 2 : first;
  tsos_obj **s = tsos_alloc_as(cap * sizeof *s, NULL, NULL);
  for (uint64_t i = 0; i < b->len; i++) s[i] = b->items[i];
  if (b->items) tsos_free(b->items, b->cap * sizeof *s, NULL);
  b->items = s;
  b->cap = cap;
  return true;
}
static void tsos_objbuf_push(tsos_objbuf *b, tsos_obj *o) {
  tsos_objbuf_room(b, 256, UINT64_MAX);
  b->items[b->len++] = o;
}

static tsos_objbuf tsos_roots;
static uint64_t tsos_roots_threshold = TSOS_ROOTS_START;
static bool tsos_collecting;
/* Buffered roots freed since (count zero, storage waiting in the buffer): tsos_roots_sweep gives them back. */
static uint64_t tsos_roots_dead;

/* The explicit stack of the graph walks. */
static tsos_objbuf tsos_cc;
static void tsos_cc_push(tsos_obj *o) { tsos_objbuf_push(&tsos_cc, o); }

static inline void tsos_release(void *p);
static void tsos_collect_cycles(void);
static uint64_t tsos_collect_step(uint64_t max_roots);
__attribute__((unused)) static void (*tsos_before_exit)(void) = tsos_collect_cycles;

/* Only what a trace function reports can be in a cycle; static objects never are. */
static inline bool tsos_rc_traced(const tsos_obj *o) {
  return o->cls->trace != NULL && tsos_rc_count(o) < TSOS_RC_STATIC / 2;
}

__attribute__((noinline)) static void tsos_possible_root(tsos_obj *o) {
  /* Not buffered yet (tsos_release tests it): a buffered object is purple until a collection. */
  if (!tsos_rc_traced(o)) return;
  /* Only while the collector itself releases can the buffer be full: not examined, a leak at worst. */
  if (!tsos_objbuf_room(&tsos_roots, TSOS_ROOTS_START, TSOS_ROOTS_LIMIT)) return;
  o->rc |= TSOS_RC_BUFFERED;
  tsos_rc_paint(o, TSOS_PURPLE);
  tsos_roots.items[tsos_roots.len++] = o;
  /* Buffered first: the collection may find this very object to be garbage, and frees it. */
  if (tsos_roots.len >= tsos_roots_threshold && !tsos_collecting) (void)tsos_collect_step(TSOS_CC_STEP);
}

static void tsos_give_back(tsos_obj *o) {
#ifdef TSOS_COUNT_OBJECTS
  tsos_live_objects--;
#endif
  tsos_free(o, o->cls->size, NULL);
}

/*
 * Gives back the storage of the buffered roots that died since they were
 * buffered (count zero, nothing else set: tsos_drop and the collector leave
 * them so), keeping the others in order; no trial deletion. Run when at
 * least half the buffer is dead, so the dead storage stays bounded by the
 * live roots however large the threshold has grown, at a cost of one pass
 * per as many deaths.
 */
static void tsos_roots_sweep(void) {
  if (tsos_collecting) return;
  uint64_t kept = 0;
  for (uint64_t i = 0; i < tsos_roots.len; i++) {
    tsos_obj *o = tsos_roots.items[i];
    if (o->rc == TSOS_RC_BUFFERED) tsos_give_back(o);
    else tsos_roots.items[kept++] = o;
  }
  tsos_roots.len = kept;
  tsos_roots_dead = 0;
}
static inline void tsos_roots_died(void) {
  if (++tsos_roots_dead >= TSOS_ROOTS_START && tsos_roots_dead * 2 >= tsos_roots.len) tsos_roots_sweep();
}

/* ---- the three passes over the graph below the roots ---- */

static void tsos_visit_gray(tsos_obj *t) {
  if (!tsos_rc_traced(t)) return;
  t->rc--;
  if (tsos_rc_color(t) != TSOS_GRAY) tsos_cc_push(t);
}
/* Every reference from a gray object is taken away from what it refers to. A root left in the buffer
 * that the walk reaches is noted in `touched` (tsos_collect_step). */
static void tsos_mark_gray(tsos_obj *s, tsos_objbuf *touched) {
  tsos_cc_push(s);
  while (tsos_cc.len) {
    tsos_obj *o = tsos_cc.items[--tsos_cc.len];
    if (tsos_rc_color(o) == TSOS_GRAY) continue;
    if (o->rc & TSOS_RC_BUFFERED) tsos_objbuf_push(touched, o);
    tsos_rc_paint(o, TSOS_GRAY);
    o->cls->trace(o, tsos_visit_gray);
  }
}

static void tsos_visit_black(tsos_obj *t) {
  if (!tsos_rc_traced(t)) return;
  t->rc++;
  if (tsos_rc_color(t) != TSOS_BLACK) tsos_cc_push(t);
}
/* `s` and everything it reaches are in use: black, with the counts trial deletion took away given back.
 * Uses the walks' stack above what is on it. */
static void tsos_blacken(tsos_obj *s) {
  uint64_t base = tsos_cc.len;
  tsos_cc_push(s);
  while (tsos_cc.len > base) {
    tsos_obj *b = tsos_cc.items[--tsos_cc.len];
    if (tsos_rc_color(b) == TSOS_BLACK) continue;
    tsos_rc_paint(b, TSOS_BLACK);
    b->cls->trace(b, tsos_visit_black);
  }
}
static void tsos_visit_scan(tsos_obj *t) {
  if (tsos_rc_traced(t) && tsos_rc_color(t) == TSOS_GRAY) tsos_cc_push(t);
}
static void tsos_scan(tsos_obj *s) {
  tsos_cc_push(s);
  while (tsos_cc.len) {
    tsos_obj *o = tsos_cc.items[--tsos_cc.len];
    if (tsos_rc_color(o) != TSOS_GRAY) continue;
    if (tsos_rc_count(o) > 0) {
      /* Still referred to from outside: in use, and so is everything it refers to, whose counts
       * come back. That walk uses the same stack, above what is left of this one. */
      tsos_blacken(o);
    } else {
      tsos_rc_paint(o, TSOS_WHITE);
      o->cls->trace(o, tsos_visit_scan);
    }
  }
}

/* The garbage found, gathered here, then freed together: white objects, and (kept) the white ones still in
 * the root buffer, whose storage goes back only when a later step takes them out of it. */
static tsos_objbuf tsos_white;
static tsos_objbuf tsos_white_kept;
static void tsos_visit_white(tsos_obj *t) {
  if (tsos_rc_traced(t) && tsos_rc_color(t) == TSOS_WHITE) tsos_cc_push(t);
}
static void tsos_collect_white(tsos_obj *s) {
  tsos_cc_push(s);
  while (tsos_cc.len) {
    tsos_obj *o = tsos_cc.items[--tsos_cc.len];
    if (tsos_rc_color(o) != TSOS_WHITE) continue;
    tsos_rc_paint(o, TSOS_BLACK);
    tsos_objbuf_push((o->rc & TSOS_RC_BUFFERED) ? &tsos_white_kept : &tsos_white, o);
    o->cls->trace(o, tsos_visit_white);
  }
}

/* Trial deletion took away the references a garbage object's traced fields hold: they come back, to be released for real. */
static void tsos_visit_restore(tsos_obj *t) {
  if (tsos_rc_traced(t)) t->rc++;
}

#if defined(TSOS_KERNEL_H) && defined(__x86_64__)
/* Intel SDM vol. 2, PUSHF/CLI: RFLAGS.IF (bit 9) says whether interrupts were on. */
static inline uint64_t tsos_cc_irq_off(void) {
  uint64_t flags;
  __asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
  return flags;
}
static inline void tsos_cc_irq_restore(uint64_t flags) {
  if (flags & 0x200) __asm__ volatile("sti" : : : "memory");
}
#else
static inline uint64_t tsos_cc_irq_off(void) { return 0; }
static inline void tsos_cc_irq_restore(uint64_t flags) { (void)flags; }
#endif

/*
 * One bounded step: at most `max_roots` possible roots, taken from the front
 * of the buffer (the last ones fill their places, so a step costs nothing
 * per root it leaves). Its work is the graph below those roots. A root still
 * in the buffer that the step reaches is trial-deleted with the rest:
 *   - found in use (black), it is purple again, so a later step examines it;
 *   - found garbage (white: every reference to it comes from the step's
 *     garbage), it is freed with the rest, but its storage stays, dead
 *     (count zero, black), until a later step takes it out of the buffer.
 * Returns the number of objects found to be garbage.
 */
static tsos_objbuf tsos_chunk;   /* the roots of the step */
static tsos_objbuf tsos_touched; /* buffered objects the step reached, not among its roots */
static uint64_t tsos_collect_step(uint64_t max_roots) {
  if (tsos_collecting || !tsos_roots.len) return 0;
  uint64_t irq = tsos_cc_irq_off();
  tsos_collecting = true;
  uint64_t len = tsos_roots.len, k = len < max_roots ? len : max_roots;
  tsos_chunk.len = 0;
  for (uint64_t i = 0; i < k; i++) tsos_objbuf_push(&tsos_chunk, tsos_roots.items[i]);
  uint64_t rest = len - k, move = rest < k ? rest : k;
  for (uint64_t i = 0; i < move; i++) tsos_roots.items[i] = tsos_roots.items[len - move + i];
  tsos_roots.len = rest;
  /* The step's roots leave the buffer: an object the walks meet with the bit still set is a root left for later. */
  uint64_t kept = 0, dead = 0;
  for (uint64_t i = 0; i < tsos_chunk.len; i++) {
    tsos_obj *o = tsos_chunk.items[i];
    o->rc &= ~TSOS_RC_BUFFERED;
    if (tsos_rc_color(o) == TSOS_PURPLE) tsos_chunk.items[kept++] = o;
    /* Black: retained since it was buffered, or dead (count zero, fields released): given back. */
    else if (tsos_rc_color(o) == TSOS_BLACK && tsos_rc_count(o) == 0) {
      tsos_give_back(o);
      dead++;
      if (tsos_roots_dead) tsos_roots_dead--;
    }
  }
  tsos_chunk.len = kept;
  /* Mark: purple roots are trial-deleted (a gray one was reached from an earlier root, whose walks decide it). */
  for (uint64_t i = 0; i < tsos_chunk.len; i++)
    if (tsos_rc_color(tsos_chunk.items[i]) == TSOS_PURPLE) tsos_mark_gray(tsos_chunk.items[i], &tsos_touched);
  for (uint64_t i = 0; i < tsos_chunk.len; i++) tsos_scan(tsos_chunk.items[i]);
  /* Roots left for later that are in use are purple again; the white ones are garbage like the rest. */
  for (uint64_t i = 0; i < tsos_touched.len; i++)
    if (tsos_rc_color(tsos_touched.items[i]) == TSOS_BLACK) tsos_rc_paint(tsos_touched.items[i], TSOS_PURPLE);
  tsos_touched.len = 0;
  for (uint64_t i = 0; i < tsos_chunk.len; i++) tsos_collect_white(tsos_chunk.items[i]);
  uint64_t examined = tsos_chunk.len + dead;
  tsos_chunk.len = 0;
  /* Release what the garbage refers to outside it, then free the garbage. */
  uint64_t n = tsos_white.len, nk = tsos_white_kept.len;
  /* The threshold grows when the step's roots were mostly in use, and shrinks when they were mostly
   * garbage or dead: a dead root's storage waits in the buffer, so dead roots must keep the buffer
   * short (binary_trees buffered 16 million freed nodes, 640 MiB, when only cycles counted). */
  uint64_t found = n + nk + dead;
  if (found * 4 < examined && tsos_roots_threshold * 4 <= TSOS_ROOTS_LIMIT) tsos_roots_threshold *= 4;
  else if (found * 2 >= examined && tsos_roots_threshold / 2 >= TSOS_ROOTS_START) tsos_roots_threshold /= 2;
  /* Each garbage object releases what it refers to through its descriptor, as a drop does (an array
   * also gives its element buffer back). Meanwhile the garbage's own counts are pinned high and
   * "buffered": the releases among the garbage neither drop it nor make it a root again. */
  tsos_objbuf *lists[2] = {&tsos_white, &tsos_white_kept};
  for (int l = 0; l < 2; l++)
    for (uint64_t i = 0; i < lists[l]->len; i++) lists[l]->items[i]->cls->trace(lists[l]->items[i], tsos_visit_restore);
  for (int l = 0; l < 2; l++)
    for (uint64_t i = 0; i < lists[l]->len; i++) {
      tsos_obj *o = lists[l]->items[i];
      if (o->rc & TSOS_RC_WEAK) tsos_weak_clear(o);
      o->rc = TSOS_RC_BUFFERED | TSOS_RC_STATIC;
    }
  for (int l = 0; l < 2; l++)
    for (uint64_t i = 0; i < lists[l]->len; i++) lists[l]->items[i]->cls->release_fields(lists[l]->items[i]);
  for (uint64_t i = 0; i < n; i++) tsos_give_back(tsos_white.items[i]);
  /* Dead and still buffered: given back when a step takes it out of the buffer. */
  for (uint64_t i = 0; i < nk; i++) tsos_white_kept.items[i]->rc = TSOS_RC_BUFFERED;
  tsos_roots_dead += nk;
  tsos_white.len = tsos_white_kept.len = 0;
  tsos_collecting = false;
  tsos_cc_irq_restore(irq);
  return n + nk;
}

/* Every possible root, in steps (at exit, and `collectCycles()` without a limit). Returns the objects freed. */
static uint64_t tsos_collect_all(void) {
  uint64_t freed = 0;
  while (tsos_roots.len && !tsos_collecting) freed += tsos_collect_step(TSOS_CC_STEP);
  return freed;
}
static void tsos_collect_cycles(void) { (void)tsos_collect_all(); }
/* `collectCycles(maxRoots)` (lower/global-allocator.ts; without the argument, tsos_collect_cycles): one step of
 * at most maxRoots roots (its integer part; less than one, or NaN, examines none). */
__attribute__((unused)) static void tsos_collect_cycles_step(double max_roots) {
  if (max_roots >= 1) (void)tsos_collect_step(max_roots >= 1e18 ? UINT64_MAX : (uint64_t)max_roots);
}

#endif
