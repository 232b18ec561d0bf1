/*
 * tsos_inspect.h (hosted only): the one intrinsic that console.log's and
 * JSON.stringify's generated functions (lower/inspect.ts, lower/json.ts)
 * need besides the dialect library: finding a circular structure.
 *
 * Input:  the object being formatted and its nesting depth (0 = the value
 *         passed to console.log / JSON.stringify).
 * Output: tsos_seen_at(depth, obj) records obj as the ancestor at `depth`
 *         and tells whether it is already one of the ancestors above it
 *         (a cycle, which both refuse with a panic).
 * Invariants: the stack is indexed by depth, so it needs no unwinding when
 *             formatting is left early (an exception in a toJSON method).
 */
#ifndef TSOS_INSPECT_H
#define TSOS_INSPECT_H

#define TSOS_SEEN_MAX 4096
static const void *tsos_seen[TSOS_SEEN_MAX];

__attribute__((unused)) static bool tsos_seen_at(double depth, const void *obj, const tsos_loc *loc) {
  if (!(depth >= 0 && depth < TSOS_SEEN_MAX)) tsos_panic_cstr(loc, "the value is nested too deeply to format");
  uint32_t d = (uint32_t)depth;
  for (uint32_t i = 0; i < d; i++)
    if (tsos_seen[i] == obj) return true;
  tsos_seen[d] = obj;
  return false;
}
#endif
