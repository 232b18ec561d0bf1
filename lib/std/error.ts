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
