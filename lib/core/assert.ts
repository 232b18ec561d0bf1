/**
 * lib/core/assert.ts: assertions for kernel tests and invariant checks.
 *
 * Each helper panics (throw new Error) when its check fails, with a Rust-like
 * message formatted on the stack, e.g.
 * `assertion failed: left == right (left: 3, right: 4)`. Each is tagged
 * @trackCaller, so the panic names the line that called it (the test's line).
 * Invariants: no heap; a Text argument is only read.
 */

/** Panics with `assertion failed: <message>` unless `condition` holds.
 * @trackCaller
 */
export function assert(condition: boolean, message: Text): void {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

/** Panics unless two unsigned integers are equal (any unsigned type widens to u64).
 * @trackCaller
 */
export function assertEq(left: u64, right: u64): void {
  if (left !== right) throw new Error(`assertion failed: left == right (left: ${left}, right: ${right})`);
}

/** Panics unless two signed integers are equal (i8..i64, u8..u32 and number widen to i64).
 * @trackCaller
 */
export function assertEqI(left: i64, right: i64): void {
  if (left !== right) throw new Error(`assertion failed: left == right (left: ${left}, right: ${right})`);
}

/** Panics unless two texts hold the same bytes.
 * @trackCaller
 */
export function assertStrEq(left: Text, right: Text): void {
  if (left !== right) throw new Error(`assertion failed: left == right (left: "${left}", right: "${right}")`);
}
