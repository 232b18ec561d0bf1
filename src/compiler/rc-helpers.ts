/**
 * rc-helpers.ts: what each runtime helper does with the references it is
 * given and the one it returns, for reference counting (rc.ts, rc-strings.ts).
 *
 * Input:  the C name of a runtime helper (runtime/*.h), not a function of the program.
 * Output: whether its result is a reference of its own ("fresh"), whether it
 *         keeps none of the arrays and objects it is given ("borrows"), and
 *         whether it keeps a string it is given after it returns ("keeps").
 * Invariants:
 *   - A helper not marked fresh may return one of its arguments: its result
 *     is "unstable" (retained where it is kept), never "fresh" (which would
 *     move a reference it does not own).
 *   - A helper not marked borrows has its counted arguments pinned (retained,
 *     never released): a leak, never an early free.
 *   - One entry per helper: the lowering names a helper, this table alone says
 *     how it owns.
 */

interface Ownership {
  /** Its result is a reference of its own: a new block (count 1), a static value, or an argument it retained. */
  fresh?: true;
  /** It uses the arrays and objects it is given during the call and keeps no reference to them. */
  borrows?: true;
  /** It keeps a string it is given after it returns. */
  keeps?: true;
}

const HELPERS: Record<string, Ownership> = {
  // Strings (runtime/tsos_str.h): `tsos_str_sub` of the whole string and `tsos_str_case` of text with nothing to
  // change return their retained argument; `tsos_str_concat_all` of one part its retained part.
  tsos_str_slice_units: { fresh: true },
  tsos_str_slice_bytes: { fresh: true },
  tsos_str_repeat: { fresh: true },
  tsos_str_pad: { fresh: true },
  tsos_str_trim: { fresh: true },
  tsos_str_upper: { fresh: true },
  tsos_str_lower: { fresh: true },
  tsos_str_char_at: { fresh: true },
  tsos_str_at_rel: { fresh: true },
  tsos_str_unit_at: { fresh: true },
  tsos_str_unit_at_or_undefined: { fresh: true },
  tsos_str_from_char_codes: { fresh: true },
  tsos_str_char_at_byte: { fresh: true },
  tsos_str_from_num: { fresh: true },
  tsos_str_from_radix: { fresh: true },
  tsos_str_from_bool: { fresh: true },
  tsos_str_from_i64: { fresh: true },
  tsos_str_from_u64: { fresh: true },
  tsos_num_to_fixed: { fresh: true },
  tsos_num_to_exponential: { fresh: true },
  tsos_num_to_precision: { fresh: true },
  tsos_num_to_radix: { fresh: true },
  tsos_num_to_string_radix: { fresh: true },
  // `join` and string concatenation of an array read the array; split's array is new, its pieces references of their own.
  tsos_join_strs: { fresh: true, borrows: true },
  tsos_str_concat_all: { fresh: true, borrows: true },
  tsos_str_split: { fresh: true, borrows: true },
  // Unknown values (runtime/tsos_dyn.h) as text.
  tsos_dyn_to_str: { fresh: true },
  tsos_dyn_show_other: { fresh: true },
  tsos_dyn_json: { fresh: true },
  tsos_fn_show: { fresh: true },
  // console.log's and JSON's cycle check compares only with the ancestors being formatted.
  tsos_seen_at: { borrows: true },
  // A generator's coroutine points back at the generator object, which owns it and frees it (runtime/tsos_gen.h tsos_gen_free).
  tsos_gen_new: { borrows: true },
  // Match arrays (runtime/tsos_rt.h TSOS_MATCH_ARRAY_OF) read their arguments during the call and retain what they
  // keep; the new array, and the input and group names they return, are references of their own.
  tsos_match_new: { fresh: true, borrows: true },
  tsos_match_is: { borrows: true },
  tsos_match_index: { borrows: true },
  tsos_match_input: { fresh: true, borrows: true },
  tsos_match_names: { fresh: true, borrows: true },
  // `Object.freeze` sets a mark in the object's header and yields the object (lower/frozen.ts): no reference of its own.
  tsos_freeze: { borrows: true },
  tsos_is_frozen: { borrows: true },
  tsos_freeze_view: { borrows: true },
  tsos_is_frozen_view: { borrows: true },
  // `v.constructor.name` of an interface value: its object's class name, a static string.
  tsos_view_class_name: { borrows: true },
  // An exception keeps its thrown site.
  tsos_throw: { keeps: true },
  tsos_pend: { keeps: true },
};

/** Whether the helper `fn`'s result is a reference of its own. */
export function helperReturnsFresh(fn: string): boolean {
  return HELPERS[fn]?.fresh === true;
}

/** Whether the helper `fn` keeps no reference to the arrays and objects it is given (typed-array element macros read the buffer's bytes). */
export function helperBorrows(fn: string): boolean {
  return HELPERS[fn]?.borrows === true || fn.startsWith("TSOS_TA_") || fn.startsWith("tsos_dyn_");
}

/** Whether the helper `fn` keeps a string it is given after it returns. */
export function helperKeepsStrings(fn: string): boolean {
  return HELPERS[fn]?.keeps === true;
}
