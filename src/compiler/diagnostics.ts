/**
 * diagnostics.ts: the one catalog of tsos error codes, and their rendering.
 *
 * Input:  a code from CATALOG, a source span, and message arguments.
 * Output: `Diagnostic` values; `render()` turns one into the house format:
 *
 *     error[TSOS1001]: the `any` type is not supported
 *      --> examples/bad.ts:3:8
 *       |
 *     3 | let x: any = 5;
 *       |        ^^^
 *       = help: give the value a concrete type such as `u32` or `string`
 *
 * Invariants: every diagnostic the toolchain prints has a code listed here,
 * exactly once; messages are lowercase with no trailing period (rustc style).
 * Codes: 0xxx TypeScript's own errors, 1xxx unsupported constructs,
 * 2xxx integer rules, 3xxx target rules, 4xxx driver/toolchain, 9xxx bugs.
 */

export interface CatalogEntry {
  /** Message template; {0}, {1}... are replaced by arguments. */
  message: string;
  help?: string;
}

export const CATALOG = {
  // 0xxx: errors reported by the TypeScript checker itself.
  TSOS0001: { message: "{0}", help: "this is TypeScript's own error {1}" },

  // 1xxx: constructs the dialect rejects.
  TSOS1001: {
    message: "the `any` type is not supported",
    help: "give the value a concrete type such as `u32`, `string` or a class",
  },
  TSOS1002: { message: "`eval` is not supported", help: "tsos compiles ahead of time; there is no interpreter at run time" },
  TSOS1003: {
    message: "dynamic property access is not supported",
    help: "use a property name (`obj.name`); only arrays and strings are indexed with `[]`",
  },
  TSOS1004: {
    message: "floating-point numbers are not supported on the kernel target",
    help: "on the kernel `number` is an integer (no FPU state, as in blog_os); use integers",
  },
  TSOS1005: { message: "{0} is not supported" },
  TSOS1006: {
    message: "the type `{0}` is not supported",
    help: "use an integer type, boolean, string, an array or a class",
  },
  TSOS1007: { message: "`var` is not supported", help: "use `let` or `const`" },
  TSOS1008: {
    message: "`{0}` is not a value in tsos",
    help: "`null` and `undefined` have no representation yet; use a sentinel value or a flag",
  },
  TSOS1009: {
    message: "object literals are not supported yet",
    help: "declare a class and construct it with `new`",
  },
  TSOS1010: {
    message: "function expressions and arrow functions are not supported yet",
    help: "declare a named function at module level; closures arrive with dynamic dispatch",
  },
  TSOS1011: { message: "class inheritance is not supported yet", help: "use composition: hold the other object in a field" },
  TSOS1012: { message: "`try`/`catch` is not supported in the kernel", help: "a kernel throw is a panic (no unwinding); report expected failures through return values such as `T | null`" },
  TSOS1013: { message: "only `new Error(...)` can be thrown in the kernel", help: "write `throw new Error(\"message\")`: in the kernel a throw is a panic with that message" },
  TSOS1014: {
    message: "cannot import `{0}`",
    help: "only relative imports of other tsos modules (`./file.ts`) are supported",
  },
  TSOS1015: { message: "{0} is not supported yet", help: "{1}" },
  TSOS1016: { message: "bigint is not supported in kernel code", help: "use `u64` or `i64`; hosted programs have bigint" },
  TSOS1017: { message: "interfaces as value types are not supported yet", help: "use a class; interfaces with dynamic dispatch arrive in a later release" },
  TSOS1018: { message: "the member `{0}` of `{1}` is not supported" },
  TSOS1019: { message: "generic function `{0}` cannot be used as a value", help: "call it directly" },
  TSOS1021: {
    message: "cannot use a value of type `{0}` as `{1}`",
    help: "the types must match exactly: classes and arrays are nominal, and a function value needs exactly the parameters of the function type",
  },
  TSOS1022: {
    message: "this may change `{0}`, which `{1}` shows as a copy: an object's `{2}` is read through that type as an array of `{3}`",
    help: "only read the array through `{1}` (its length, elements, `map`, `filter`, `for...of`), or give the parameter the object's own element type (a generic `<T>(p: Page<T>)`)",
  },
  TSOS1050: { message: "a class can only extend a class declared in the program, not `{0}`", help: "layout structs and library types cannot be extended" },
  TSOS1051: { message: "the layout struct `{0}` cannot take part in inheritance", help: "a layout struct has the exact C layout of its fields and no class header; hold the other struct in a field" },
  TSOS1052: { message: "the field `{0}` is redeclared as `{2}`, but the base class stores it as `{1}`", help: "give the redeclared field the base class's type" },
  TSOS1053: { message: "the property `{0}` has a setter but no getter, so reading it gives `undefined`", help: "add a `get {0}()` accessor" },
  TSOS1054: { message: "`{0}` overrides a member with a different signature: `{1}` instead of `{2}`", help: "give the override the parameter and return types of the member it overrides" },
  TSOS1055: { message: "`instanceof` needs an object on the left and a class declared in the program on the right, not `{0}`" },
  TSOS1056: { message: "assigning a static field through `{0}` would give `{0}` its own copy of `{2}`", help: "assign through the class that declares it: `{1}.{2}`" },
  TSOS1057: {
    message: "`{0}` uses a field of `{1}` while the constructor of `{2}` is still running",
    help: "JavaScript runs an override that a base constructor calls before the subclass's fields are initialised (they read as `undefined`); call it after construction",
  },
  TSOS1058: {
    message: "this call of `{0}` leaves out parameters that have default values",
    help: "pass every argument here: each override of a method has its own defaults, and an inherited constructor takes its base's",
  },
  TSOS1059: { message: "the object type `{0}` has {1}, which a view table cannot hold", help: "give the interface or object type plain properties and methods with one signature; a class implements a generic method with as many type parameters" },
  TSOS1062: {
    message: "the method `{0}` uses `this`, so it cannot be the function-valued property it implements in `{1}`",
    help: "JavaScript would call a function read from that property with `this` undefined; declare the member as a method in the interface (`name(...): T`), or implement it with an arrow function property",
  },
  TSOS1060: { message: "`{0}` cannot be used as `{1}`", help: "a class used as an interface or object type needs a header (not a layout struct) and every member of the type" },
  TSOS1063: { message: "this object literal has no `{0}`, which `{1}` requires", help: "give `{0}` a value in the literal (JavaScript would read undefined from it until it is assigned), or declare it optional in `{1}`" },
  TSOS1061: { message: "a method of an object literal uses `{0}`, a local of the enclosing function", help: "kernel code has no closures; pass the value as a parameter or store it in a property" },
  TSOS1020: { message: "`{0}` is not declared in the dialect", help: "see docs/language.md for what is available" },
  // 1030-1039: engineer `correct` (issue 8 section 0).
  TSOS1030: {
    message: "the type `{0}` is not supported",
    help: "name the exact type: a function type such as `(x: u32) => void`, a class, or a primitive",
  },
  TSOS1031: { message: "{0} cannot be of type `{1}`" },
  // 1080-1099: engineer `syntax` (issue 8: control flow, modules, enums, function values, destructuring).
  TSOS1080: {
    message: "the value of enum member `{0}` is computed at run time",
    help: "give the member a value tsc can compute at compile time: a literal, or an expression of other members",
  },
  TSOS1082: {
    message: "`{0}` may be read here before it is assigned",
    help: "a `var` read before its declaration runs is `undefined`, which tsos cannot hold in this variable; initialize it where it is declared, before the read, or use `let`",
  },
  TSOS1083: {
    message: "`export default {0}` exports the value `{0}` has now, but `{0}` can change later",
    help: "write `export { {0} as default }` to export the variable itself, or declare it with `const`",
  },
  TSOS1084: {
    message: "this function captures `{0}` from the enclosing function",
    help: "kernel function values are plain C function pointers until the kernel has a heap; pass `{0}` as a parameter, or use a module-level variable",
  },
  TSOS1130: {
    message: "`this` inside a function expression is the function's own `this`, which tsos does not track",
    help: "use an arrow function, which sees the `this` of the method around it",
  },
  TSOS1131: {
    message: "the method `{0}` used as a value loses its `this`",
    help: "JavaScript calls it with `this` undefined; write an arrow `(...args) => obj.{0}(...args)` or `obj.{0}.bind(obj)`",
  },
  TSOS1220: {
    message: "the method `{0}` of an object literal used as a value can only be called or passed to a callback here",
    help: "JavaScript gives the same function each time it is read, which tsos does not track yet; write an arrow `(...args) => obj.{0}(...args)`",
  },
  TSOS1221: {
    message: "the method `{0}` used as a value is overridden in a subclass, which tsos does not support yet",
    help: "write an arrow `(...args) => obj.{0}(...args)`",
  },
  TSOS1223: {
    message: "the generic class `{0}` used as a value is not supported yet",
    help: "pass an arrow that constructs it: `() => new {0}<T>()`",
  },
  TSOS1132: { message: "{0} is not supported yet", help: "declare the variable before the closure that uses it" },
  TSOS1250: {
    message: "the format directive `{0}` of `console.log` with an argument of type `{1}` is not supported yet",
    help: "Node substitutes the next argument for it; build the text with a template literal instead",
  },
  TSOS1085: {
    message: "default, optional and rest parameters of arrow functions and function expressions are not supported in kernel code",
    help: "declare a named function at module level for default values (kernel function values are plain C function pointers)",
  },
  TSOS1086: { message: "{0} is not supported yet", help: "bind or pass the values one by one" },
  TSOS1170: { message: "spread of `{0}` into an object literal is not supported", help: "{1}" },
  // 1360-1369: programs as outsiders write them (lower/spread-order.ts).
  TSOS1360: {
    message: "copying the properties of `{0}` in key order is not supported when an object of this type ({1}) lists them in another order than the type",
    help: "write the object's properties in the order the type declares them, or copy the properties by name",
  },
  TSOS1362: {
    message: "`declare {0}` declares a value that neither this program nor tsos's library defines",
    help: "tsos compiles the whole program, so every value it uses needs a definition: define it in the program, or use a global the library defines (lib/tsos.d.ts: console, process, Math, ...)",
  },
  TSOS1361: {
    message: "copying the properties of `{0}` is not supported when an object of this type has properties the type does not list ({1} has `{2}`)",
    help: "JavaScript copies every own property of the object; copy the properties by name, or give the variable the object's own type",
  },
  // 1310-1319: ArrayBuffer, typed arrays and DataView (lower/typed-arrays.ts).
  // 1300-1309: the kernel heap (lower/heap-intrinsics.ts, issue 13).
  TSOS1300: { message: "`{0}` needs a class instance the compiler counts, not {1}", help: "pass an object of a class (a layout struct has no count: use `Ptr.to(x).address` for its address)" },
  TSOS1310: { message: "`{0}` is not supported in kernel code", help: "typed arrays need the heap; use a FixedArray<T, N> or a Ptr<T> over a known region" },
  TSOS1311: { message: "a typed array iterator (`{0}()`) used as a value is not supported yet", help: "iterate it where it is made: `for (const x of ta.{0}())`, `[...ta.{0}()]` or `Array.from(ta.{0}())`" },
  TSOS1312: { message: "{0} is not supported yet", help: "build typed arrays from a length, a number[], another typed array or an ArrayBuffer" },
  // 1240-1249: iteration protocol and generators (lower/iterables.ts, lower/generators.ts).
  TSOS1240: { message: "{0} is not supported", help: "{1}" },
  TSOS1241: { message: "{0} is not supported yet", help: "iterate with a class whose `[Symbol.iterator]()` returns an object with `next()`, or with a generator" },
  TSOS1242: { message: "{0} is not supported yet", help: "{1}" },
  TSOS1243: { message: "`{0}` on a generator is not supported yet", help: "call `next()` without an argument, or iterate with `for...of`" },
  TSOS1171: { message: "the object rest pattern of `{0}` is not supported", help: "{1}" },
  TSOS1172: { message: "the key of type `{0}` cannot index `{1}`", help: "{2}" },
  // Math (lib/std/math.ts, lower/math.ts).
  TSOS1160: { message: "`{0}` computes on doubles, and kernel code has no floating point", help: "in the kernel `number` is a provably integral value (no SSE); compute this in a hosted program, or with integer arithmetic" },
  TSOS1140: { message: "only an `Error` (or an instance of a class that extends it) can be thrown, not a value of type `{0}`", help: "throw new Error(\"message\"), or a subclass of Error that carries the details" },
  TSOS1320: { message: "the enum `{0}` used as a value is not supported yet", help: "use its members (`{0}.Member`, `{0}[n]`), or `Object.keys({0})` / `Object.values({0})`" },
  TSOS1321: { message: "`+` of a string and a `{0}`, whose `valueOf` JavaScript would call, is not supported yet", help: "call it yourself: `s + x.valueOf()`, or use a template literal for its `toString`" },
  TSOS1322: { message: "`Object.is` of {0} is not supported yet", help: "compare with `===` (and `Number.isNaN` for NaN)" },
  TSOS1142: { message: "`{0}` of `{1}` is not supported yet: its optional property `{2}` may be absent", help: "list the properties by name, or make the property required" },
  TSOS1143: { message: "`{0}` of `{1}` is not supported yet: the object may be of a subclass, with more properties", help: "list the properties by name" },
  TSOS1145: { message: "`toLocaleString` with {0} is not supported yet", help: "use the en-US locale with literal options tsos knows (fraction and integer digits, `useGrouping`, `style` percent, or currency in USD, EUR, GBP, JPY or INR), or format the number with toFixed" },
  TSOS1144: { message: "`Object.assign` to {0} is not supported: {1}" },
  TSOS1087: { message: "`{0}` has no element at this position", help: "a tuple is indexed by a literal within its length" },
  TSOS1081: { message: "string enum `{0}` has no reverse mapping", help: "JavaScript only maps numeric enum values back to their names" },
  // Strings (lib/std/string.ts, lower/string-methods.ts).
  TSOS1100: {
    message: "a string holding a lone surrogate is not supported",
    help: "tsos strings hold UTF-8 text; write whole characters (a surrogate pair such as \\ud83d\\ude00 is fine)",
  },
  TSOS1102: { message: "the string method `{0}` is not available on the kernel target", help: "kernel strings are read with `length`, `[i]` and `charCodeAt`" },
  TSOS1103: { message: "`{0}` with a function as the replacement is not supported yet", help: "pass the replacement as a string" },
  // 1150-1159: regular expressions (lib/std/regexp.ts, lower/regexp.ts).
  TSOS1150: { message: "regular expressions are not available on the kernel target", help: "the kernel has no heap for their match arrays; scan the bytes with `charCodeAt`" },
  TSOS1151: { message: "this regular expression is invalid ({0})", help: "Node rejects it with a SyntaxError before the program runs" },
  TSOS1152: { message: "{0} in a regular expression is not supported yet", help: "write the pattern without it" },
  TSOS1153: { message: "printing {0} is not supported yet", help: "print each match array by itself: `for (const m of matches) console.log(m)`" },
  TSOS1154: { message: "a replacement function of type `{0}` is not supported", help: "pass an arrow function that returns a string: `(match, group1) => ...`" },
  TSOS1155: { message: "this replacement function takes parameters whose meaning depends on the regex's groups, which tsos knows only for a regex literal", help: "pass the regex literal itself (or a `const` holding one), and no `groups` parameter" },
  // 1110-1119: Map, Set, Record and iteration (lower/collections.ts).
  TSOS1110: { message: "a map or set iterator used as a value is not supported yet", help: "{0}" },
  TSOS1112: { message: "`{0}` as the key of a record is not supported", help: "use string (or number) keys: `Record<string, V>`" },
  TSOS1113: { message: "`{0}` of `{1}` is not supported yet", help: "only records (`Record<string, V>`, `{ [key: string]: V }`) list their entries" },
  TSOS1111: { message: "`{0}` as the key type of a Map or Set is not supported yet", help: "use a number, integer, boolean, string, class instance or array as the key" },
  // 1120-1129: engineer `arrays` (array methods, Array.from, `length` assignment).
  TSOS1120: {
    message: "sorting an array of `{0}`, which can be undefined, is not supported",
    help: "JavaScript moves undefined elements to the end without comparing them; filter them out first",
  },
  TSOS1121: {
    message: "`sort()` without a comparator on `{0}` is not supported",
    help: "JavaScript orders the elements by their string forms; pass a comparator such as `(a, b) => a - b`",
  },
  TSOS1122: { message: "the depth of `flat` must be a number literal", help: "write the depth as a literal: `xs.flat(2)`, or `xs.flat(Infinity)`" },
  TSOS1123: {
    message: "an array iterator from `{0}()` used as a value is not supported",
    help: "iterate it directly (`for (const [i, x] of xs.entries())`), spread it (`[...xs.keys()]`) or pass it to `Array.from`",
  },
  TSOS1125: {
    message: "`flat` of `{0}`, whose elements are only sometimes arrays, is not supported yet",
    help: "flatten arrays whose elements are all arrays (`number[][]`), or spread the array members with a loop",
  },
  TSOS1124: { message: "`Array.from({ length })` without a function would hold undefined elements", help: "pass a function that computes each element: `Array.from({ length: n }, (_, i) => i)`" },
  // 1180-1189: engineer `json` (console.log of objects, JSON, `unknown`).
  TSOS1180: { message: "printing {0} is not supported", help: "print its fields, or a string made from them" },
  TSOS1181: { message: "`JSON.stringify` of {0} is not supported", help: "pass a value of a declared type: numbers, strings, booleans, arrays, objects, class instances, Map, Set" },
  TSOS1182: {
    message: "`JSON.stringify` of a value that may be `undefined` is not supported",
    help: "its result would be `undefined`, not a string; test for `undefined` first",
  },
  TSOS1183: { message: "{0} is not supported with `JSON.stringify` and `JSON.parse`", help: "{1}" },
  TSOS1184: {
    message: "`JSON.parse` into {0} is not supported",
    help: "declare the shape the text has: `JSON.parse(text) as Config` with `type Config = { name: string; port?: number }`, of strings, numbers, booleans, null, arrays, object types and records",
  },
  TSOS1185: {
    message: "`JSON.parse` gives plain data, not `{0}`",
    help: "declare the shape as an object type (`type P = { x: number }`) and build the class instance from it",
  },
  TSOS1186: { message: "`structuredClone` of {0} is not supported", help: "{1}" },

  // 2xxx: integer rules.
  TSOS2001: {
    message: "implicit narrowing conversion from `{0}` to `{1}`",
    help: "convert explicitly with `{1}(value)`, which wraps to the target width",
  },
  TSOS2002: {
    message: "mismatched integer types `{0}` and `{1}` in `{2}`",
    help: "convert one side explicitly, for example `{1}(value)`",
  },
  TSOS2003: { message: "the literal {0} does not fit in `{1}`", help: "the range of `{1}` is {2}" },
  TSOS2004: { message: "division by zero" },
  TSOS2005: { message: "the shift count {0} is out of range for `{1}`", help: "shift counts must be less than the bit width ({2})" },
  TSOS2006: { message: "cannot negate the unsigned type `{0}`", help: "convert to a signed type first, or use `0 - x` for wrapping" },
  TSOS2007: {
    message: "`/` on `number` must be written `Math.floor(a / b)` or `Math.trunc(a / b)`",
    help: "`number` is an integer; plain `/` would give a fraction in JavaScript",
  },
  TSOS2008: { message: "operator `{0}` is not defined for `{1}`" },
  TSOS2010: {
    message: "`{0}` needs floating point, which the kernel target does not have",
    help: "on the kernel `number` is an integer (no SSE, as in blog_os); use integer arithmetic",
  },

  // 3xxx: target rules.
  TSOS3001: { message: "`{0}` is not available on the kernel target", help: "use the kernel console (`println`)" },
  TSOS3002: {
    message: "a `Text` is borrowed for the duration of a call and cannot be stored",
    help: "pass it on to another `Text` parameter, or read what you need from it",
  },
  TSOS3003: { message: "`{0}` is only available on the kernel target" },
  TSOS3004: { message: "`{0}` must be a field or a module-level constant to be used atomically" },
  TSOS3005: { message: "the panic handler must have the signature `(message: Text, file: Text, line: u32, column: u32): never`" },
  // 1200-1209: `unknown` and `object` (lower/dynamic.ts).
  TSOS1200: { message: "a value of type `{0}` cannot be held in an `unknown`", help: "convert it to a number, string, array or class instance first" },
  TSOS1201: { message: "an `unknown` value cannot be used as `{0}`", help: "narrow it to a number, string, boolean, array or class first (`typeof`, `instanceof`)" },
  TSOS1202: { message: "loose equality (`==`) with an `unknown` value is only supported against `null` or `undefined`", help: "use `===`, which does not convert its operands" },
  TSOS1190: {
    message: "this builds a string on the heap while the kernel's modules initialize, before any heap exists",
    help: "print the parts instead (`println(`x = ${x}`)` formats without a heap), or keep constant text as a `Text` literal",
  },
  TSOS1291: {
    message: "allocator method `{0}` may allocate or free memory",
    help: "the global allocator's own code runs inside every allocation and free: allocating or freeing there would re-enter it (keep its state in fields and fixed-size structures)",
  },
  TSOS1290: {
    message: "`{0}` is the C library's allocator: it exists only in hosted programs",
    help: "a kernel allocator hands out memory of the kernel heap (docs/language.md section 11)",
  },
  TSOS3007: {
    message: "interrupt handler `{0}` may allocate or free memory",
    help: "an interrupt can arrive while the allocator holds its lock; handlers must not allocate or free (format into a `Text`, keep fixed-size buffers, and leave object fields to code outside the handler: overwriting one drops the object it held)",
  },
  TSOS3008: { message: "a layout struct cannot hold a field of type `{0}`", help: "use integers, Ptr<T>, other layout structs and FixedArray<T, N>" },
  TSOS3009: { message: "static assertion failed: {0}" },
  TSOS3010: { message: "`staticAssert` needs a condition the compiler can evaluate", help: "compare constants, e.g. `sizeOf<Entry>() === 16`" },
  TSOS3011: { message: "interrupt handler `{0}` cannot be called directly", help: "the CPU calls it through the IDT; install it with setHandler" },
  TSOS3012: { message: "an interrupt handler's parameters must be `(frame: InterruptStackFrame)` or `(frame: InterruptStackFrame, errorCode: u64)`" },
  TSOS3013: { message: "a layout struct field stored in place cannot be replaced", help: "change its fields, or construct it in place with a field initializer" },
  TSOS3006: { message: "the kernel has no `@panicHandler` function", help: "tag one module-level function with the JSDoc tag `@panicHandler`" },

  // 4xxx: the driver and external tools.
  TSOS4001: { message: "cannot read `{0}`: {1}" },
  TSOS4002: { message: "`{0}` was not found", help: "install it: apt-get install {1}" },
  TSOS4003: { message: "gcc rejected the generated C (a tsos bug, please report it)\n{0}" },
  TSOS4004: { message: "{0}" },
  TSOS4005: { message: "the C library headers are missing: gcc cannot find `{0}`", help: "install them: apt-get install libc6-dev" },

  // 9xxx: bugs in tsos itself.
  TSOS9001: { message: "internal compiler error: {0}", help: "this is a bug in tsos; please report it with the program" },
} satisfies Record<string, CatalogEntry>;

export type Code = keyof typeof CATALOG;

export interface Span {
  file: string; // path as given (relative paths are kept relative)
  text: string; // whole source text, for the code frame
  start: number; // 0-based offset
  length: number;
}

export interface Diagnostic {
  code: Code;
  message: string;
  help?: string;
  span?: Span;
  /** Extra facts after the code frame (`= note: ...`), such as a call path. */
  notes?: string[];
}

function fill(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
}

export function diag(code: Code, span: Span | undefined, ...args: string[]): Diagnostic {
  const entry: CatalogEntry = CATALOG[code];
  return {
    code,
    message: fill(entry.message, args),
    help: entry.help ? fill(entry.help, args) : undefined,
    span,
  };
}

/** Thrown to abandon compilation after diagnostics have been collected. */
export class CompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
  }
}

export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

export interface RenderOptions {
  color: boolean;
}

export function render(d: Diagnostic, opts: RenderOptions = { color: false }): string {
  const red = (s: string) => (opts.color ? `\x1b[1;31m${s}\x1b[0m` : s);
  const bold = (s: string) => (opts.color ? `\x1b[1m${s}\x1b[0m` : s);
  const blue = (s: string) => (opts.color ? `\x1b[1;34m${s}\x1b[0m` : s);
  const out: string[] = [`${red(`error[${d.code}]`)}${bold(`: ${d.message}`)}`];
  let gutter = "";
  if (d.span) {
    const { line, col } = lineCol(d.span.text, d.span.start);
    const src = (d.span.text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
    gutter = " ".repeat(String(line).length);
    const width = Math.max(1, Math.min(d.span.length, src.length - (col - 1)));
    out.push(`${gutter}${blue("-->")} ${d.span.file}:${line}:${col}`);
    out.push(`${gutter} ${blue("|")}`);
    out.push(`${blue(String(line))} ${blue("|")} ${src}`);
    out.push(`${gutter} ${blue("|")} ${" ".repeat(col - 1)}${red("^".repeat(width))}`);
  }
  for (const note of d.notes ?? []) out.push(`${gutter} ${blue("=")} note: ${note}`);
  if (d.help) out.push(`${gutter} ${blue("=")} help: ${d.help}`);
  return out.join("\n");
}
