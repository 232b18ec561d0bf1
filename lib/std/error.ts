/**
 * lib/std/error.ts: JavaScript's Error classes, written in the dialect.
 *
 * Input:  `new Error(message)`, `class MyError extends Error`, `throw`,
 *         `catch (e)`: lib/tsos.d.ts declares the global classes for tsc,
 *         and the compiler uses the classes of the same names here to build
 *         them (lower/exceptions.ts).
 * Output: objects with `name`, `message` and `cause`, `toString()` as
 *         Error.prototype.toString (ECMA-262 20.5.3.4), and `uncaught`, the
 *         report of an exception no `catch` took.
 * Invariants: every thrown value is an instance of Error or a subclass (the
 *             compiler refuses other throws), so a catch variable is an Error.
 */

/** `new Error(message, { cause })`: what this error wraps, any value, as in TypeScript (a caught `unknown` rethrown with context). */
export interface ErrorOptions {
  cause?: unknown;
}

export class Error {
  name: string = "Error";
  message: string;
  cause: unknown;
  constructor(message?: string, options?: ErrorOptions) {
    this.message = message ?? "";
    this.cause = options?.cause;
  }
  toString(): string {
    if (this.name.length === 0) return this.message;
    if (this.message.length === 0) return this.name;
    return `${this.name}: ${this.message}`;
  }
}

/**
 * `x.m()` in a generic function's instance where x's class has no `m`, reached
 * through a type guard that said it had one (`isCloseable(x) && x.close()`):
 * JavaScript reads `undefined` and throws this (lower/views.ts).
 */
export function notAFunction<T>(what: string): T {
  throw new TypeError(`${what} is not a function`);
}

/**
 * Writes to what `Object.freeze` froze (lower/frozen.ts, lib/std/array.ts):
 * the TypeErrors of JavaScript's strict mode, worded as V8 words them.
 * `className` is the object's class (`Object` for an object literal's), as
 * `obj.constructor.name` gives it. Nothing is made unless the object is frozen.
 */
export function checkWritable(frozen: boolean, key: string, className: string): void {
  if (frozen) throw new TypeError(`Cannot assign to read only property '${key}' of object '#<${className}>'`);
}

/** `delete obj.key` of a frozen object. */
export function checkDeletable(frozen: boolean, key: string, className: string): void {
  if (frozen) throw new TypeError(`Cannot delete property '${key}' of #<${className}>`);
}

/** `xs[index] = v` of a frozen array of `length` elements: past the end the store would add an element. */
export function checkElementWritable(frozen: boolean, index: number, length: number): void {
  if (frozen) frozenArrayWrite(index, index >= length ? "add" : "set");
}

/** The first write an array method makes to a frozen array: element `index` set, added or deleted; index -1 sets the length. */
export function frozenArrayWrite(index: number, how: "set" | "add" | "delete"): never {
  if (index < 0) throw new TypeError("Cannot assign to read only property 'length' of object '[object Array]'");
  if (how === "add") throw new TypeError(`Cannot add property ${index}, object is not extensible`);
  if (how === "delete") throw new TypeError(`Cannot delete property '${index}' of [object Array]`);
  throw new TypeError(`Cannot assign to read only property '${index}' of object '[object Array]'`);
}

export class RangeError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RangeError";
  }
}

export class TypeError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "TypeError";
  }
}

export class SyntaxError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SyntaxError";
  }
}

export class URIError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "URIError";
  }
}

export class ReferenceError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ReferenceError";
  }
}

export class EvalError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "EvalError";
  }
}

/**
 * A thrown value that is not an Error (`throw "oops"`, `throw 42`,
 * `throw { code: 1 }`): it travels through the handlers inside this Error
 * (hosted), and a `catch (e)` gets the value back (lower/exceptions.ts).
 * Its name is empty, so an uncaught one reports the value's string form.
 */
export class ThrownValue extends Error {
  value: unknown;
  constructor(value: unknown) {
    super(String(value));
    this.name = "";
    this.value = value;
  }
}

/** What `throw v` carries: an Error as it is, any other value wrapped. */
export function thrownValue(v: unknown): Error {
  if (v instanceof Error) return v;
  return new ThrownValue(v);
}

/** What a `catch (e)` variable of type `unknown` holds: the thrown value itself. */
export function caughtValue(e: Error): unknown {
  if (e instanceof ThrownValue) return e.value;
  return e;
}

/** An exception that reached the top: reported on stderr with where it was thrown; exit status 1, as Node's. */
export function uncaught(e: Error, site: string): never {
  console.error(`Uncaught ${e.toString()}`);
  console.error(`    thrown at ${site}`);
  process.exit(1);
}
