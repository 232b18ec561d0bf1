/**
 * ir.ts: the typed intermediate representation between lowering and the C
 * emitter.
 *
 * Input:  built by lower/*.ts from the checked TypeScript AST.
 * Output: read by emit-c.ts.
 * Invariants:
 *   - Every expression carries its final IR type; generics are already
 *     specialised (no type parameters survive lowering).
 *   - Implicit conversions are explicit `convert` nodes; the emitter never
 *     has to decide a conversion.
 *   - Names (functions, globals, structs) are final, unique C identifiers.
 *   - `loc` indexes into Program.locs: the TypeScript position a panic
 *     reports, and the target of #line directives.
 */

export type IntKind =
  | "u8" | "u16" | "u32" | "u64" | "usize"
  | "i8" | "i16" | "i32" | "i64" | "isize"
  | "number";

export type Type =
  | { k: "int"; kind: IntKind }
  | { k: "bool" }
  /** `borrowed`: a Text (lib/kernel.d.ts), valid only during the call that received it. */
  /** `keys`: only as a generic instance's type argument for `K extends keyof T`: the literal keys K stands for (lower/key-params.ts). */
  | { k: "str"; borrowed?: boolean; keys?: string[] }
  | { k: "void" }
  | { k: "never" }
  | { k: "class"; cls: ClassInst }
  | { k: "array"; elem: Type; cname: string }
  /** Ptr<T> (kernel): a C pointer. */
  | { k: "ptr"; elem: Type }
  /** AtomicBool / AtomicU32 (kernel): a value embedded in its field or global. */
  | { k: "atomic"; kind: "bool" | "u32" }
  /** FixedArray<T, N>: N elements stored inline in a layout struct. */
  | { k: "fixed"; elem: Type; len: number }
  /** The hidden caller-location parameter of an @trackCaller function. */
  | { k: "loc" }
  /** A module-level function used as a value: a C function pointer. */
  | { k: "fn"; params: Type[]; ret: Type; cname: string }
  /** An interface, object-literal type or union of object types: a fat pointer {obj, view table} (lower/views.ts). */
  | { k: "view"; view: ViewInst }
  /** The untyped object pointer (`void *`) a view table's functions receive. */
  | { k: "anyobj" }
  /**
   * `T | null`, `T | undefined`, `T | null | undefined` (lower/nullable.ts):
   * a pointer-like `inner` uses NULL (and address 1 when both are admitted),
   * a value `inner` a struct { tag, value }; `inner` is never itself nullable.
   * `inner` never: the type of a bare `null`/`undefined` literal.
   * `cname`: the C struct of a value `inner` (Program.optTypes).
   */
  | { k: "nullable"; inner: Type; null: boolean; undef: boolean; cname?: string }
  /**
   * A union of value and reference types (`string | number`, `string |
   * Circle | Square`, lower/unions.ts): a struct { tag, union { m0, m1, ...
   * } u } whose tag is the member's index; members are distinct, never
   * nullable or unions, in a canonical order (a recursive union's members
   * are filled in once mapped, its cname fixed before).
   */
  | { k: "union"; members: Type[]; cname: string }
  /**
   * A pointer to a captured variable's storage (lower/closures.ts): a heap
   * cell (`counted`: a counted object whose header sits just before the
   * value, docs/design/memory.md "Closures") or a local's address
   * (`slot`: the hidden local of a captured variable in ref mode, which owns
   * its value; otherwise a tuple element or another place).
   */
  | { k: "cell"; elem: Type; counted?: boolean; slot?: boolean }
  /** `unknown` and `object` (lower/dynamic.ts, hosted): a tagged value, runtime/tsos_dyn.h. */
  | { k: "dyn" };

export interface SourceLoc {
  file: string; // path relative to the working directory
  line: number;
  col: number;
}

export type BinOp =
  | "+" | "-" | "*" | "/" | "%" | "floordiv" | "**"
  | "<<" | ">>" | ">>>" | "&" | "|" | "^"
  | "<" | "<=" | ">" | ">=" | "==" | "!=";

export type Expr =
  | { e: "int"; type: Type; value: bigint }
  /** A `number` constant that is not a safe integer (hosted target): 1.5, 1e21, NaN, Infinity, -0. */
  | { e: "num"; type: Type; value: number }
  | { e: "bool"; type: Type; value: boolean }
  | { e: "str"; type: Type; value: string }
  | { e: "local"; type: Type; name: string }
  | { e: "global"; type: Type; name: string }
  | { e: "neg"; type: Type; x: Expr; loc: number }
  | { e: "not"; type: Type; x: Expr }
  | { e: "bitnot"; type: Type; x: Expr }
  | { e: "binary"; type: Type; op: BinOp; a: Expr; b: Expr; loc: number }
  | { e: "logic"; type: Type; op: "&&" | "||"; a: Expr; b: Expr }
  | { e: "streq"; type: Type; negate: boolean; a: Expr; b: Expr }
  | { e: "convert"; type: Type; x: Expr; checked: boolean; loc: number }
  | { e: "truthy"; type: Type; x: Expr }
  /** `pure`: a runtime math helper without side effects (lower/number.ts). */
  | { e: "call"; type: Type; fn: string; args: Expr[]; pure?: boolean; unwind?: string }
  /** A runtime helper over any number of doubles: `fn(n, (double[]){args})` (Math.hypot). */
  | { e: "numlist"; type: Type; fn: string; args: Expr[] }
  /** `inline`: the field is a struct stored in place; the expression is its address. */
  | { e: "field"; type: Type; obj: Expr; name: string; inline?: boolean }
  | { e: "new"; type: Type; cls: ClassInst; init: string; args: Expr[]; loc: number; unwind?: string }
  /** `unchecked`: proven in range before the loop (lower/bounds.ts). */
  /** `append`: the target of a store, which may be one past the end (`xs[xs.length] = v` appends, as in JavaScript). */
  | { e: "index"; type: Type; arr: Expr; idx: Expr; loc: number; unchecked?: boolean; append?: boolean }
  | { e: "arraylit"; type: Type; elems: Expr[]; loc: number }
  | { e: "newarray"; type: Type; len: Expr; loc: number }
  /** Runtime array operations (lower/array-methods.ts); `setLength` only shrinks, `copyWithin` is a memmove. */
  | { e: "arraymethod"; type: Type; method: "push" | "fill" | "length" | "setLength" | "copyWithin"; arr: Expr; args: Expr[]; loc: number }
  | { e: "strindex"; type: Type; s: Expr; idx: Expr; loc: number; code: boolean }
  | { e: "strlen"; type: Type; s: Expr }
  | { e: "concat"; type: Type; parts: Expr[] }
  /** An integer as a string in base `radix` (2..36): `x.toString(radix)`; `onStack` inside a Text template or print (no heap). */
  | { e: "tostr"; type: Type; x: Expr; radix: number; onStack?: boolean }
  | { e: "cond"; type: Type; c: Expr; a: Expr; b: Expr }
  /**
   * `s.padStart(max, fill)` (`start`) or `s.padEnd(...)` with a one-byte ASCII fill, on the hosted target
   * (lower/string-methods.ts padded). `s` is a string, or a double formatted as `String(s)` is. As a part of a
   * concatenation the result is written into a stack buffer when it fits (emit-c.ts); anywhere else it is a
   * string of its own, as the library's padStart gives. `at` is the caller's location (@trackCaller).
   */
  | { e: "strpad"; type: Type; s: Expr; max: Expr; fill: number; start: boolean; at: Expr }
  | { e: "assign"; type: Type; target: Expr; value: Expr; /** A new object's constructor filling in a member its literal left out: no key yet (lower/key-order.ts). */ noKey?: boolean }
  /** `target op= v`, `++x`, `x++`: `value` reads the target through `current`. */
  | { e: "compound"; type: Type; target: Expr; value: Expr; postfix: boolean }
  | { e: "current"; type: Type }
  | { e: "minmax"; type: Type; op: "min" | "max"; a: Expr; b: Expr }
  | { e: "abs"; type: Type; x: Expr; loc: number }
  | { e: "argv"; type: Type }
  /** A zeroed heap object of class type (the start of a constructor). */
  | { e: "alloc"; type: Type; loc: number }
  /** Panic: control reached the end of a function that must return a value. */
  | { e: "noreturn"; type: Type; loc: number }
  | { e: "panic"; type: Type; message: Expr; loc: number }
  | { e: "exit"; type: Type; code: Expr }
  /** A call to a kernel intrinsic (lib/kernel.d.ts), emitted as tsos_k_<name>. */
  | { e: "intrinsic"; type: Type; name: string; args: Expr[] }
  /** Ptr<T> operations. */
  | { e: "ptrop"; type: Type; op: "at" | "to" | "address" | "read" | "write" | "readVolatile" | "writeVolatile" | "add"; ptr?: Expr; args: Expr[] }
  /** AtomicBool/AtomicU32: `new` (init) and methods on an lvalue. */
  | { e: "atomic"; type: Type; op: "new" | "load" | "store" | "swap" | "fetchAdd"; target?: Expr; args: Expr[] }
  /** A module-level function as a value. */
  | { e: "fnref"; type: Type; fn: string }
  /** A call through a function value. */
  | { e: "callptr"; type: Type; callee: Expr; args: Expr[]; unwind?: string }
  /** A template literal formatted on the caller's stack for a Text parameter. */
  | { e: "stackfmt"; type: Type; parts: Expr[] }
  /** A source location passed to an @trackCaller function: a loc index, or -1 for "my own caller". */
  | { e: "callerloc"; type: Type; loc: number }
  /** `x instanceof cls` (`exact`: x's class is exactly cls); x is a class pointer or a view, NULL is false. */
  | { e: "instanceof"; type: Type; x: Expr; cls: ClassInst; exact?: boolean }
  /** Sets the class header of freshly allocated storage `x` (a class pointer) to `x.type`'s class and yields it. */
  | { e: "stamp"; type: Type; x: Expr }
  /** `let name = init in body`: a temporary inside an expression. */
  | { e: "let"; type: Type; name: string; init: Expr; body: Expr }
  /** A call through a view's table: `v.vt->slot(v.obj, args)`. */
  | { e: "viewcall"; type: Type; view: Expr; slot: string; args: Expr[]; unwind?: string }
  /** A fat pointer from a class pointer (`table` names the static view table of (class, view)). */
  | { e: "mkview"; type: Type; x: Expr; table: string }
  /** A view converted to another view: the target table found through the class descriptor. */
  | { e: "review"; type: Type; x: Expr; fn: string }
  /** The object pointer of a view, as the class TypeScript narrowed it to. */
  | { e: "viewobj"; type: Type; x: Expr }
  /** Nullables (lower/nullable.ts): the `null` (undef false) or `undefined` value of nullable `type`. */
  | { e: "nullish"; type: Type; undef: boolean }
  /** A present value wrapped in nullable `type`. */
  | { e: "some"; type: Type; x: Expr }
  /** Nullable -> its inner value; `check` panics at `loc` if absent (postfix `!`, narrowed property reads). */
  | { e: "unwrap"; type: Type; x: Expr; loc: number; check?: "nonnull" | "narrowed" }
  /** Whether a nullable is null, undefined, or either. */
  | { e: "isnullish"; type: Type; x: Expr; which: "null" | "undefined" | "either" }
  /** Nullable -> nullable with the same inner type but other admitted absences. */
  | { e: "reopt"; type: Type; x: Expr }
  /** `===` (or `==` when `loose`) between two values of one nullable type. */
  | { e: "opteq"; type: Type; a: Expr; b: Expr; loose: boolean }
  /** A nullable as Node's String() prints it: "null", "undefined" or the value. */
  | { e: "optstr"; type: Type; x: Expr }
  /** Unions of value types (lower/unions.ts): member `tag` of union `type`. */
  | { e: "tounion"; type: Type; x: Expr; tag: number }
  /** The member `tag` of a union known (narrowed) to hold it; `check` panics at `loc` if it does not. */
  | { e: "fromunion"; type: Type; x: Expr; tag: number; loc: number; check?: boolean }
  /** Whether a union holds member `tag`. */
  | { e: "istag"; type: Type; x: Expr; tag: number }
  /** Union -> union: member i of x becomes member map[i] of `type`. */
  | { e: "reunion"; type: Type; x: Expr; map: number[] }
  /** `value` evaluated once into the local `name`, then `body` (which reads it). */
  | { e: "bind"; type: Type; name: string; value: Expr; body: Expr }
  /** The comma operator: every expression in order; the value is the last one's. */
  | { e: "seq"; type: Type; xs: Expr[] }
  /** The static array of @test functions (kernel test builds). */
  | { e: "unittests"; type: Type }
  /**
   * Closures (lower/closures.ts, hosted): a closure object of function type
   * `type` whose code is `fn` and whose environment struct `env` holds
   * `fields` = `values` (captured values or cells); `heap`: allocated, else on the stack
   * of the enclosing block (it does not escape).
   */
  | { e: "closure"; type: Type; fn: string; env: string; fields: string[]; values: Expr[]; heap: boolean; loc: number }
  /** A captured field of the running closure's environment `env`; `name` "" is the closure itself. */
  | { e: "envfield"; type: Type; env: string; name: string }
  /** The variable a cell points to (an lvalue). */
  | { e: "deref"; type: Type; ptr: Expr }
  /** The address of a variable (a local, or a `deref`) as a cell. */
  | { e: "addrof"; type: Type; x: Expr }
  /** A fresh zeroed heap cell of `type` (a cell type). */
  | { e: "newcell"; type: Type; loc: number }
  /** The value being thrown, in a handler (lower/exceptions.ts). */
  | { e: "caught"; type: Type }
  /** Dynamic values (lower/dynamic.ts): `x` boxed as `unknown`; `desc` names the descriptor of an object, array or function type. */
  | { e: "todyn"; type: Type; x: Expr; desc?: string }
  /** An `unknown` as `type`: a primitive by its kind, an instance of `cls` (or a subclass), or a value boxed with descriptor `desc`; panics at `loc` otherwise (`check` false: known to hold it). `copy`: an array of unknowns that may be a copy of another array (read-only uses). */
  | { e: "fromdyn"; type: Type; x: Expr; loc: number; check: boolean; cls?: ClassInst; desc?: string; copy?: boolean }
  /** Whether an `unknown` is an instance of `cls` (or a subclass; `exact`: of cls itself), or holds a value boxed with descriptor `desc`. */
  | { e: "dynis"; type: Type; x: Expr; cls?: ClassInst; desc?: string; exact?: boolean };

export type Stmt =
  | { s: "let"; name: string; type: Type; init?: Expr; loc: number }
  | { s: "expr"; x: Expr; loc: number }
  | { s: "print"; stream: "out" | "err"; args: Expr[]; loc: number; noNewline?: boolean }
  | { s: "if"; c: Expr; then: Stmt[]; else?: Stmt[]; loc: number }
  /** `continueLabel`: the loop is the target of a labeled `continue` (lower/control.ts). */
  | { s: "while"; c: Expr; body: Stmt[]; loc: number; continueLabel?: string }
  | { s: "dowhile"; c: Expr; body: Stmt[]; loc: number; continueLabel?: string }
  | { s: "for"; init: Stmt[]; c?: Expr; step: Expr[]; body: Stmt[]; loc: number; continueLabel?: string }
  /** `label`: a labeled `break`/`continue` (a jump to `<label>_break` / `<label>_continue`). */
  | { s: "break"; loc: number; label?: string }
  | { s: "continue"; loc: number; label?: string }
  | { s: "return"; x?: Expr; loc: number }
  /** `breakLabel`: the block is a labeled statement that a labeled `break` leaves. */
  | { s: "block"; body: Stmt[]; breakLabel?: string; tryId?: string }
  /**
   * Exceptions (lower/exceptions.ts). A block with `tryId` is a protected
   * region: its statements up to its `catch` marker run with a handler
   * installed; the statements after the marker run when something is thrown
   * inside (the handler already removed). `trypop` removes the handler on an
   * early exit (return, break, continue) from the region.
   */
  | { s: "catch"; id: string }
  | { s: "trypop"; id: string }
  /**
   * Exceptions that return (compiler/rc.ts, docs/design/memory.md): after a
   * call that may throw, a pending exception jumps to the statement's
   * `unwind` block (`label`), which releases what the statement and its
   * scopes own and ends with `raise`: `return` a zero value (the caller
   * checks in turn) or, inside a protected region of its own function,
   * `rethrow` to that region's handler.
   */
  | { s: "unwind"; label: string; body: Stmt[] }
  | { s: "raise"; rethrow: boolean }
  | { s: "switch"; x: Expr; cases: { values: Expr[]; isDefault: boolean; body: Stmt[] }[]; loc: number };

export interface Param {
  name: string;
  type: Type;
}

export interface Func {
  cname: string;
  params: Param[];
  ret: Type;
  body: Stmt[];
  loc: number;
  /** Module init functions and helpers are not user-visible functions. */
  isStatic: boolean;
  /** JSDoc @trackCaller: panics report the caller's location (a hidden last parameter). */
  trackCaller?: boolean;
  /** An interrupt handler: first parameter InterruptStackFrame; compiled with the interrupt convention. */
  interrupt?: boolean;
  /** A constructor (`<Class>__init(self, ...)`): runs on storage it is given and returns it (compiler/rc.ts: not a new reference). */
  ctor?: boolean;
  /** A module's top-level code (`<module>__init`): runs once, before anything else of the module. */
  moduleInit?: boolean;
  /** A generator's body (lower/generators.ts), run on its own stack: an exception leaves it by longjmp to the coroutine's bottom handler. */
  coroutine?: boolean;
  /** Parameters that always hold a closure with the given code (specialize.ts): calls through them are direct. */
  knownParams?: Record<string, string>;
}

/** The hidden counter of key additions in a literal's object (lower/key-order.ts). */
export const KEY_ORDER_COUNTER = "tsos_ord";

/** The hidden stamp of the left-out member `field`: 0 until it is first given a value, then its place among the added keys. */
export function keyOrderStamp(field: string): string {
  return `tsos_ord_${field}`;
}

export interface Field {
  name: string;
  type: Type;
  /** A layout struct or FixedArray stored in place rather than by reference. */
  inline?: boolean;
  /** An optional member an object literal left out: not a property (console.log skips it) until it holds a value. */
  absent?: boolean;
  /** A variable captured by an object literal's methods (lower/objects.ts): no property, never printed. */
  hidden?: boolean;
  /** A hidden counter or stamp of the order in which left-out members were added (lower/key-order.ts). */
  keyOrder?: boolean;
  /** `@weak` (lib/std/weakref.ts): holds an object without a count; runtime/tsos_weak.h clears it when the object is freed. */
  weak?: boolean;
  /** A generator object's runtime coroutine (lower/generators.ts): its object's release frees it (runtime/tsos_gen.h tsos_gen_free). */
  coroutine?: boolean;
}

export interface ClassInst {
  cname: string; // C struct name
  tsName: string; // for messages
  /** The class's own fields; inherited ones live in `base` (stored first, as its struct). */
  fields: Field[];
  /** The class it extends: its struct is this struct's first member. */
  base?: ClassInst;
  /** Non-layout user classes start with `const tsos_class *tsos_cls` (a root class) or their base struct. */
  header?: boolean;
  /** Emitted as an object (`{ x: 1 }`) by console.log: a class synthesized for an object literal. */
  literal?: boolean;
  /** A tuple's struct (lower/destructure.ts): the object header without being a class to TypeScript (no `instanceof`, no methods). */
  tuple?: boolean;
  /** A tuple with optional elements (`[string, number?]`): how many are required. An absent element reads as undefined. */
  tupleRequired?: number;
  /** JSDoc @struct (C layout) or @packed (no padding): a hardware layout. */
  layout?: "struct" | "packed";
  /**
   * A generic class's instances share a family (its C name): `x instanceof Box` tests them all.
   * The family itself is a ClassInst with `familyOf` set, used only as instanceof's class:
   * it has no struct or descriptor, only the list `<cname>` of its members' descriptors.
   */
  family?: string;
  familyOf?: boolean;
}

/** Whether instances start with the object header (descriptor, count): classes with a header, and tuples. */
export function hasObjectHeader(c: ClassInst): boolean {
  return !!c.header || !!c.tuple;
}

export interface Global {
  cname: string;
  type: Type;
  /** A module-level object or array stored statically (no heap): its class or array literal. */
  staticObject?: { cls?: ClassInst; elems?: Expr[] };
  /** A compile-time constant initializer, emitted in the declaration. */
  constInit?: Expr;
  /** A `const` global's initializer, for compile-time evaluation (staticAssert). */
  constValue?: Expr;
  isConst: boolean;
}

/** A view type (interface, object type): the C struct of its fat pointer and its table layout. */
export interface ViewInst {
  cname: string;
  tsName: string;
  /** Table slots in order (the C member names: `m_<method>`, `get_<prop>`, `set_<prop>`), signatures without self. */
  slots: ViewSlot[];
}

export interface ViewSlot {
  name: string;
  /** "generic": one instance of a generic method (`run<T>(xs: T[]): T[]` at T = typeArgs), added by the calls that use it. */
  kind: "method" | "get" | "set" | "generic";
  /** The TypeScript member name. */
  prop: string;
  params: Type[];
  ret: Type;
  /** A "generic" slot's type arguments, in the order of the method's type parameters. */
  typeArgs?: Type[];
  /** An optional property (`x?: T`): a class without it reads `undefined`. */
  optional?: boolean;
  /**
   * The property is an optional method (`m?(): T`): its value is only ever
   * called or tested (lower/calls.ts refuses other reads), so a method that
   * uses `this` may implement it bound to its object.
   */
  method?: boolean;
}

/** The static table of one (class, view) pair: a function for each slot. */
export interface ViewTable {
  cname: string;
  view: ViewInst;
  cls: ClassInst;
  fns: string[];
}

/** How console.log shows a function value other than `[Function: name]` (Program.fnKinds). */
export type FnKind = "generator" | "class";

/** The runtime descriptor parent that marks a function value's kind (runtime/tsos_rt.h), or "NULL". */
export function fnKindParent(kind: FnKind | undefined): string {
  return kind === "generator" ? "&tsos_fn_generator_mark" : kind === "class" ? "&tsos_fn_class_mark" : "NULL";
}

export interface Program {
  locs: SourceLoc[];
  classes: ClassInst[];
  /** The generic-class families `instanceof` tests (ClassInst.familyOf). */
  families: ClassInst[];
  arrays: { cname: string; elem: Type }[];
  /** The match array type (runtime TSOS_MATCH_ARRAY_OF) and its group names' array type, when lib/std/regexp.ts makes match arrays. */
  matchArray?: { cname: string; names: string };
  globals: Global[];
  funcs: Func[];
  /** Module init functions in the order main() calls them. */
  inits: string[];
  target: "host" | "kernel";
  /** Kernel: the @panicHandler function. */
  panicHandler?: string;
  /** Kernel test builds: the @test functions, with their display names. */
  unitTests: { name: string; fn: string }[];
  /** Function-pointer typedefs: C name -> signature. */
  fnTypes: { cname: string; params: Type[]; ret: Type }[];
  views: ViewInst[];
  viewTables: ViewTable[];
  /** View-to-view conversion functions: from, to, and the classes (table pairs) they switch over. */
  reviews: { fn: string; from: ViewInst; to: ViewInst; pairs: { cls: ClassInst; table: string }[] }[];
  /** Tagged structs of nullable value types: C name -> inner type (lower/nullable-types.ts). */
  optTypes: { cname: string; inner: Type }[];
  /** Structs of value unions: C name -> member types (lower/unions.ts). */
  unionTypes: { cname: string; members: Type[] }[];
  /**
   * Closure environment structs (lower/closures.ts): the function type of their head, then the fields.
   * `wrapper`: a function value adapted to another type (lower/lambdas.ts), its one field the function
   * it calls; `===` sees through it (runtime tsos_fn_origin).
   */
  closureEnvs?: { cname: string; fnType: string; fields: { name: string; type: Type }[]; wrapper?: boolean }[];
  /** The JavaScript names of function values (lower/fn-names.ts): static closure object or environment C name -> name. */
  fnNames?: Map<string, string>;
  /**
   * The functions among fnNames' keys that console.log shows otherwise: a generator function (`[GeneratorFunction:
   * name]`, its descriptor's parent runtime tsos_fn_generator_mark) and a class used as a value (`[class name]`,
   * tsos_fn_class_mark; its name is what follows `class `, `Dog extends Animal`).
   */
  fnKinds?: Map<string, FnKind>;
  /** Descriptors of the object types boxed as `unknown` (lower/dynamic.ts): their show and String functions. */
  dynTypes?: { cname: string; type: Type; kind: "obj" | "fn"; isArray: boolean; name: string; show: string; str: string; toArray?: string; json?: string }[];
  /** Hosted debug builds (emit-alloc.ts, runtime/tsos_alloc.h): `leaks` lists live blocks and reports them at exit; `frees` poisons freed blocks and catches double frees. */
  memoryChecks?: { leaks?: boolean; frees?: boolean };
  /**
   * Set by compiler/rc.ts (hosted): the functions that may return with an exception pending, and whether calls
   * through function values (`callptr`) and interface tables (`viewcall`) may; the emitter tests the pending
   * exception after each such call.
   */
  mayThrow?: { fns: Set<string>; callptr: boolean; viewcall: boolean; dyn: boolean };
  /** Set by compiler/rc.ts: the functions whose calls release no object and allocate nothing (rc.ts releaseFreeFunctions), as found before counting; specialize.ts reads it. */
  releaseFree?: Set<string>;
  /** Set by emit-program.ts: a reachable function calls setGlobalAllocator (runtime/tsos_alloc.h's TSOS_GLOBAL_ALLOCATOR). */
  installsAllocator?: boolean;
}

export const T = {
  bool: { k: "bool" } as Type,
  str: { k: "str" } as Type,
  void: { k: "void" } as Type,
  never: { k: "never" } as Type,
  number: { k: "int", kind: "number" } as Type,
  int(kind: IntKind): Type {
    return { k: "int", kind };
  },
};

/**
 * Call `each` on the direct subexpressions of `x`, in field order; the target
 * of a plain assignment is marked. Every walk over the IR goes through here,
 * so it reads the fields in place rather than building entry arrays.
 */
export function forEachChildExpr(x: Expr, each: (c: Expr, isAssignTarget: boolean) => void): void {
  const fields = x as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (key === "type" || key === "cls") continue;
    const v = fields[key];
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (const y of v) if (typeof y === "object" && y !== null && "e" in y) each(y as Expr, false);
    } else if ("e" in v) each(v as Expr, x.e === "assign" && key === "target");
  }
}

/** The direct subexpressions of `x`, in field order; the target of a plain assignment is marked. */
export function childExprs(x: Expr): { x: Expr; isAssignTarget: boolean }[] {
  const out: { x: Expr; isAssignTarget: boolean }[] = [];
  forEachChildExpr(x, (c, isAssignTarget) => out.push({ x: c, isAssignTarget }));
  return out;
}

/** `x` with every direct subexpression replaced by `each(child)` (the node itself when it has none). */
export function mapChildExprs(x: Expr, each: (c: Expr) => Expr): Expr {
  let hasChild = false;
  forEachChildExpr(x, () => (hasChild = true));
  if (!hasChild) return x;
  const out: Record<string, unknown> = { ...x };
  for (const [key, v] of Object.entries(x)) {
    if (key === "type" || key === "cls") continue;
    if (Array.isArray(v)) out[key] = v.map((y) => (y && typeof y === "object" && "e" in y ? each(y as Expr) : y));
    else if (v && typeof v === "object" && "e" in v) out[key] = each(v as Expr);
  }
  return out as unknown as Expr;
}

/**
 * `list` with every expression of its statements (not of nested expressions:
 * `each` recurses as it needs) replaced by `each(x)`, in new statement
 * objects; the originals are left as they are.
 */
export function mapStmtExprs(list: Stmt[], each: (x: Expr) => Expr): Stmt[] {
  const S = (l: Stmt[]): Stmt[] => l.map(st);
  const st = (s: Stmt): Stmt => {
    switch (s.s) {
      case "let": return s.init ? { ...s, init: each(s.init) } : s;
      case "expr": return { ...s, x: each(s.x) };
      case "print": return { ...s, args: s.args.map(each) };
      case "if": return { ...s, c: each(s.c), then: S(s.then), else: s.else && S(s.else) };
      case "while": case "dowhile": return { ...s, c: each(s.c), body: S(s.body) };
      case "for": return { ...s, init: S(s.init), c: s.c && each(s.c), step: s.step.map(each), body: S(s.body) };
      case "return": return s.x ? { ...s, x: each(s.x) } : s;
      case "block": case "unwind": return { ...s, body: S(s.body) };
      case "switch": return { ...s, x: each(s.x), cases: s.cases.map((k) => ({ ...k, values: k.values.map(each), body: S(k.body) })) };
      default: return s;
    }
  };
  return S(list);
}

/**
 * Visit every expression in a statement list, outermost first. `isAssignTarget`
 * is true for the target of a plain assignment (written, not read).
 */
export function walkExprs(list: Stmt[], visit: (x: Expr, isAssignTarget: boolean) => void): void {
  const ex = (x: Expr | undefined, target = false): void => {
    if (!x) return;
    visit(x, target);
    forEachChildExpr(x, ex);
  };
  const st = (s: Stmt): void => {
    switch (s.s) {
      case "let": return ex(s.init);
      case "expr": return ex(s.x);
      case "print": return s.args.forEach((a) => ex(a));
      case "if": ex(s.c); s.then.forEach(st); s.else?.forEach(st); return;
      case "while": case "dowhile": ex(s.c); s.body.forEach(st); return;
      case "for": s.init.forEach(st); ex(s.c); s.step.forEach((x) => ex(x)); s.body.forEach(st); return;
      case "return": return ex(s.x);
      case "block": case "unwind": return s.body.forEach(st);
      case "switch": ex(s.x); s.cases.forEach((c) => { c.values.forEach((v) => ex(v)); c.body.forEach(st); }); return;
    }
  };
  list.forEach(st);
}
