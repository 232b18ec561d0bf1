/*
 * tsos_weak.h: weak references (lib/std/weakref.ts's WeakRef): a field that
 * refers to an object without keeping it alive, and reads `undefined` once
 * the object is freed (docs/design/memory.md, "Weak references").
 *
 * Input:  included by tsos_rc.h before the drop. The compiler emits
 *         tsos_weak_forget/tsos_weak_remember around every store into a
 *         field marked `@weak` (a slot: the field's object pointer, or a
 *         view's `obj`), and tsos_weak_forget in the release of the object
 *         that holds the field; tsos_drop and the cycle collector call
 *         tsos_weak_clear on an object with TSOS_RC_WEAK before freeing it.
 * Output: the table of live weak slots, keyed by the object they refer to.
 * Invariants:
 *   - Every slot that holds an object pointer is in the table under that
 *     object, exactly once, and its object has TSOS_RC_WEAK set in its
 *     count word. A slot holding NULL (undefined) is in no entry.
 *   - Freeing an object first sets every slot that refers to it to NULL and
 *     removes their entries; freeing the holder of a slot removes its entry.
 *     So the table never points at freed memory.
 *   - Open addressing with linear probing; a removed entry leaves a
 *     tombstone. Occupied entries plus tombstones stay at most half the
 *     table, which is rebuilt at twice the live entries when they would not.
 */
#ifndef TSOS_WEAK_H
#define TSOS_WEAK_H

/* Bit 60 of the count word: some weak slot refers to this object (counts use bits 0-59). */
#define TSOS_RC_WEAK ((uint64_t)1 << 60)

/* A slot is read and written as a `void *` whatever pointer type the field has. */
typedef void *tsos_weak_ptr __attribute__((may_alias));
typedef struct { tsos_obj *target; tsos_weak_ptr *slot; } tsos_weak_entry;
#define TSOS_WEAK_TOMBSTONE ((tsos_obj *)(uintptr_t)1)

static tsos_weak_entry *tsos_weak_table;
static uint64_t tsos_weak_cap, tsos_weak_used, tsos_weak_live; /* used: live entries and tombstones */

static inline uint64_t tsos_weak_hash(const tsos_obj *o) {
  uint64_t h = (uint64_t)(uintptr_t)o >> 4; /* objects are 16-byte aligned */
  h ^= h >> 29;
  h *= UINT64_C(0xbf58476d1ce4e5b9);
  return h ^ (h >> 32);
}

static void tsos_weak_insert(tsos_obj *target, tsos_weak_ptr *slot);

/* A table of `cap` empty entries holding the live ones of the old table. */
static void tsos_weak_rebuild(uint64_t cap) {
  tsos_weak_entry *old = tsos_weak_table;
  uint64_t old_cap = tsos_weak_cap;
  tsos_weak_table = tsos_alloc_as(cap * sizeof *tsos_weak_table, NULL, NULL); /* the runtime's own: not a leak */
  for (uint64_t i = 0; i < cap; i++) tsos_weak_table[i] = (tsos_weak_entry){NULL, NULL};
  tsos_weak_cap = cap;
  tsos_weak_used = tsos_weak_live = 0;
  for (uint64_t i = 0; i < old_cap; i++)
    if (old[i].target != NULL && old[i].target != TSOS_WEAK_TOMBSTONE) tsos_weak_insert(old[i].target, old[i].slot);
  if (old) tsos_free(old, old_cap * sizeof *old, NULL);
}

static void tsos_weak_insert(tsos_obj *target, tsos_weak_ptr *slot) {
  if ((tsos_weak_used + 1) * 2 > tsos_weak_cap) tsos_weak_rebuild(tsos_weak_live < 32 ? 64 : tsos_weak_live * 4);
  uint64_t mask = tsos_weak_cap - 1;
  for (uint64_t i = tsos_weak_hash(target) & mask;; i = (i + 1) & mask) {
    if (tsos_weak_table[i].target == NULL) tsos_weak_used++;
    else if (tsos_weak_table[i].target != TSOS_WEAK_TOMBSTONE) continue;
    tsos_weak_table[i] = (tsos_weak_entry){target, slot};
    tsos_weak_live++;
    return;
  }
}

/* The slot no longer refers to its object (it is about to be overwritten, or its holder freed). */
__attribute__((unused)) static void tsos_weak_forget(tsos_weak_ptr *slot) {
  tsos_obj *target = *slot;
  if ((uintptr_t)target <= 1) return;
  uint64_t mask = tsos_weak_cap - 1;
  for (uint64_t i = tsos_weak_hash(target) & mask; tsos_weak_table[i].target != NULL; i = (i + 1) & mask) {
    if (tsos_weak_table[i].target == target && tsos_weak_table[i].slot == slot) {
      tsos_weak_table[i].target = TSOS_WEAK_TOMBSTONE;
      tsos_weak_live--;
      return;
    }
  }
  tsos_panic_cstr(NULL, "tsos internal error: a weak reference is missing from its table");
}

/* The slot is about to hold `target` (stored right after). */
__attribute__((unused)) static void tsos_weak_remember(tsos_weak_ptr *slot, void *p) {
  tsos_obj *target = p;
  if ((uintptr_t)target <= 1) return;
  target->rc |= TSOS_RC_WEAK;
  tsos_weak_insert(target, slot);
}

/* `o` is being freed: every slot that refers to it reads undefined (NULL) from now on. */
__attribute__((noinline)) static void tsos_weak_clear(tsos_obj *o) {
  o->rc &= ~TSOS_RC_WEAK;
  uint64_t mask = tsos_weak_cap - 1;
  for (uint64_t i = tsos_weak_hash(o) & mask; tsos_weak_table[i].target != NULL; i = (i + 1) & mask) {
    if (tsos_weak_table[i].target != o) continue;
    /* A slot whose holder was freed without leaving the table would hold poison (or anything) here. */
    if (*tsos_weak_table[i].slot != (void *)o) tsos_panic_cstr(NULL, "tsos internal error: a weak reference's slot changed behind its table");
    *tsos_weak_table[i].slot = NULL;
    tsos_weak_table[i].target = TSOS_WEAK_TOMBSTONE;
    tsos_weak_live--;
  }
}

#endif
