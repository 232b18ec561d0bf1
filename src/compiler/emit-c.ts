/**
 * emit-c.ts: stage 4a, IR functions -> C function definitions.
 *
 * Input:  IR expressions, statements and functions (ir.ts).
 * Output: C11 text (with GNU statement expressions) that compiles with
 *         -Wall -Wextra without warnings; emit-program.ts puts it in a file.
 * Invariants:
 *   - Every statement is preceded by a `#line` directive naming its
 *     TypeScript file and line, so gcc errors, gdb and addr2line point at TS.
 *   - Only functions and globals reachable from the module initializers are
 *     emitted; unused locals and parameters are marked `(void)x;`.
 *   - Operands are evaluated left to right with each read seeing every
 *     earlier side effect: `ordered` hoists the leading operands that a later
 *     one could observe or disturb into temporaries (eval-order.ts has the
 *     rule); where nothing later has effects the C stays inline.
 *   - Fixed-width arithmetic is cast back to its type after C's integer
 *     promotions, so it wraps exactly at its width; `number` arithmetic goes
 *     through the checked helpers in the runtime header.
 *   - A number inside a concatenation or `+=` is formatted into a stack
 *     buffer declared around the copy (strParts): only heap or image text
 *     may outlive that expression, and the runtime copies anything else.
 */
import { type ClassInst, type Expr, type Field, type Func, type Program, type Stmt, type Type, KEY_ORDER_COUNTER, hasObjectHeader, keyOrderStamp, walkExprs } from "./ir.ts";
import { INT_INFO, isInt, unsignedOf } from "./ints.ts";
import { cString, cType, declare, doubleLit, intLit, numberDouble, zero } from "./c-syntax.ts";
import { emitNullable, eqCode, nullableToStr, truthyOf, unionToStr } from "./emit-nullable.ts";
import { assignsVariable, hasEffects, isConstant, mustHoist } from "./eval-order.ts";
import { emitClosureExpr } from "./emit-closures.ts";
import { knownClosureCode } from "./specialize.ts";
import { isLocalAppend } from "./rc-compounds.ts";
import { emitDynamic } from "./emit-dynamic.ts";
import { kernelAllocSite } from "./kernel-alloc.ts";
import { allocCall, classKind, statementSite } from "./emit-alloc.ts";
import { releaseName, weakSlot } from "./rc.ts";
import { isUint32Value, uint32Functions, uint32Locals } from "./emit-u32.ts";
import { mayThrowCall, mayThrowWithin } from "./rc-unwind.ts";
import { stringFormIsMade } from "./rc-strings.ts";

/**
 * A compiler barrier around every volatile access through a Ptr: C lets gcc
 * move ordinary loads and stores across a volatile access, but a volatile
 * access can fault or reach a device, and the handler or device must see
 * every store the program made before it (a test's expectException(...)
 * before the faulting read). Costs no instruction.
 */
const VOLATILE_FENCE = "__atomic_signal_fence(__ATOMIC_SEQ_CST);";

/** A hosted `number`: a C double (runtime/tsos_num.h). */
function isDbl(t: Type): boolean {
  return t.k === "int" && t.kind === "number" && numberDouble();
}

/** Whether `t` is a property of an object that records the order of its keys (lower/key-order.ts). */
function isKeyOrdered(t: Extract<Expr, { e: "field" }>): boolean {
  const stamp = keyOrderStamp(t.name);
  return t.obj.type.k === "class" && t.obj.type.cls.fields.some((f) => f.keyOrder && f.name === stamp);
}

/** The weak field (lib/std/weakref.ts's `@weak`) a field expression names, if it is one. */
function weakFieldOf(t: Extract<Expr, { e: "field" }>): Field | undefined {
  if (t.obj.type.k !== "class") return undefined;
  for (let k: ClassInst | undefined = t.obj.type.cls; k; k = k.base) {
    const f = k.fields.find((g) => g.name === t.name);
    if (f) return f.weak ? f : undefined;
  }
  return undefined;
}

export class Emitter {
  private out: string[] = [];
  private ind = 1;
  private tmp = 0;
  /** The strpad nodes that are parts of a concatenation (withPadBuffers), and the declarations of their buffers so far. */
  private padParts = new Set<Expr>();
  private padBuffers: string[] = [];
  private reads = new Set<string>();
  private volatiles = new Set<string>();
  private closureCode = new Map<string, string>();
  /** The function being emitted (its return type for `raise`). */
  private fn: Func | undefined;
  /** The functions returning only uint32 values, and the uint32 locals of the function being emitted (emit-u32.ts). */
  private u32Fns: Set<string> | undefined;
  private u32Locals = new Set<string>();
  private funcsByName: Map<string, Func> | undefined;

  constructor(readonly p: Program) {}

  /** Whether `x` (a number) is known to be an integer in [0, 2^32) (emit-u32.ts). */
  private isUint32(x: Expr): boolean {
    this.u32Fns ??= uint32Functions(this.p.funcs);
    return isUint32Value(x, { locals: this.u32Locals, fns: this.u32Fns, code: this.closureCode });
  }

  private line(s: string): void {
    this.out.push("  ".repeat(this.ind) + s);
  }

  private lineDirective(loc: number): void {
    const l = this.p.locs[loc];
    if (l) this.out.push(`#line ${l.line} ${cString(l.file)}`);
  }

  /** A fresh C temporary name. */
  fresh(prefix: string): string {
    return `${prefix}${this.tmp++}`;
  }

  L(loc: number): string {
    return loc < 0 ? "tsos_caller" : `&tsos_locs[${loc}]`;
  }

  expr(x: Expr, current?: string): string {
    const c = this.exprOwn(x, current);
    return x.e !== "new" && mayThrowCall(this.p.mayThrow, x) ? this.checked(x, c) : c;
  }

  /**
   * A call that may return with an exception pending (rc-unwind.ts), then
   * the test: to the statement's unwind block (rc.ts), or, where it has
   * none, a longjmp to the nearest handler (the frame keeps what it owns).
   */
  private checked(x: Expr, call: string, before = ""): string {
    const label = (x as { unwind?: string }).unwind;
    const test = `if (__builtin_expect(tsos_pending, 0)) { ${before}${label ? `goto ${label};` : "tsos_rethrow();"} }`;
    if (x.type.k === "void") return `({ ${call}; ${test} })`;
    // A function that never returns normally: past the test, nothing follows.
    if (x.type.k === "never") return `({ ${call}; ${test} __builtin_unreachable(); })`;
    const t = this.fresh("tsos_r");
    return `({ __auto_type ${t} = ${call}; ${test} ${t}; })`;
  }

  private exprOwn(x: Expr, current?: string): string {
    const E = (y: Expr) => this.expr(y, current);
    switch (x.e) {
      case "int":
        return intLit(x.value, x.type);
      case "num":
        return doubleLit(x.value);
      case "bool":
        return x.value ? "true" : "false";
      case "str":
        // The UTF-16 length JavaScript counts (x.value.length) rides along when it differs from the byte count.
        return Buffer.byteLength(x.value) === x.value.length ? `TSOS_STR(${cString(x.value)})` : `TSOS_STRU(${cString(x.value)}, ${x.value.length}u)`;
      case "local":
      case "global":
        return x.type.k === "void" ? "((void)0)" : x.name;
      case "current":
        return current!;
      case "neg":
        return `((${cType(x.type)})-${E(x.x)})`;
      case "not":
        return `(!${E(x.x)})`;
      case "bitnot":
        if (isDbl(x.type)) return `((double)~tsos_num_toint32(${E(x.x)}))`;
        return isInt(x.type) && x.type.kind === "number" ? `((int64_t)~(int32_t)${E(x.x)})` : `((${cType(x.type)})~${E(x.x)})`;
      case "binary":
        return this.binary(x, E);
      case "logic":
        return `(${E(x.a)} ${x.op} ${E(x.b)})`;
      case "streq":
        return this.ordered([x.a, x.b], E, ([a, b]) => `${x.negate ? "!" : ""}tsos_str_eq(${a}, ${b})`);
      case "convert":
        // A never-returning expression where a value is wanted (lower/never.ts).
        if (x.x.type.k === "never") return `({ (void)${E(x.x)}; ${zero(x.type)}; })`;
        if (x.x.type.k === "fn") return `((uint64_t)(uintptr_t)${this.p.target === "host" ? `tsos_fn_origin(${E(x.x)})` : E(x.x)})`;
        return this.convert(x, E);
      case "truthy":
        if (!isInt(x.x.type)) return this.callWith([x.x], E, ([v]) => (/^[A-Za-z_]\w*$/.test(v!) ? truthyOf(this, x.x.type, v!) : `({ ${cType(x.x.type)} tsos_t${this.tmp} = ${v}; ${truthyOf(this, x.x.type, `tsos_t${this.tmp++}`)}; })`));
        return isDbl(x.x.type) ? `tsos_num_truthy(${E(x.x)})` : `(${E(x.x)} != 0)`;
      case "call":
        return this.callWith(x.args, E, (args) => `${x.fn}(${args.join(", ")})`);
      case "numlist":
        return this.ordered(x.args, E, (args) => `${x.fn}(${args.length}, (double[]){${args.join(", ") || "0"}})`);
      case "field":
        return x.inline && x.type.k !== "fixed" ? `(&${E(x.obj)}->${x.name})` : `${E(x.obj)}->${x.name}`;
      case "new": {
        const storage = hasObjectHeader(x.cls) ? `tsos_new(sizeof(${x.cls.cname}), &${x.cls.cname}__class, ${this.L(x.loc)})` : allocCall(this.p, `sizeof(${x.cls.cname})`, this.L(x.loc), classKind(x.cls));
        const throwing = mayThrowCall(this.p.mayThrow, x);
        if (throwing || x.args.some((a) => this.throwsWithin(a))) {
          // A constructor that throws leaves the new object to this site, which releases it (its fields set so far with it).
          // The arguments are evaluated first, as JavaScript does before it makes the object: one that throws
          // (`new VM(assemble(src))`) leaves no object behind.
          const o = this.fresh("tsos_o");
          return this.callWith(x.args, E, (args) => {
            const held = args.map((code, i) => {
              const t = x.args[i]!.type;
              if (t.k === "never" || t.k === "void") return { decl: "", ref: code };
              const n = this.fresh("tsos_na");
              return { decl: `${declare(t, n)} = ${code}; `, ref: n };
            });
            const init = `${x.init}(${[o, ...held.map((h) => h.ref)].join(", ")})`;
            const call = throwing ? this.checked(x, init, `${releaseName(x.type)}(${o}); `) : init;
            return `({ ${held.map((h) => h.decl).join("")}${cType(x.type)} ${o} = ${storage}; ${call}; })`;
          });
        }
        return this.callWith(x.args, E, (args) => `${x.init}(${[storage, ...args].join(", ")})`);
      }
      case "instanceof": {
        const obj = x.x.type.k === "view" || (x.x.type.k === "nullable" && x.x.type.inner.k === "view") ? `(${E(x.x)}).obj` : E(x.x);
        if (x.cls.familyOf) return `tsos_instanceof_any(${obj}, ${x.cls.cname})`;
        return `tsos_${x.exact ? "isclass" : "instanceof"}(${obj}, &${x.cls.cname}__class)`;
      }
      case "stamp":
        return `((${cType(x.type)})tsos_stamp(${E(x.x)}, &${(x.type as { cls: ClassInst }).cls.cname}__class))`;
      case "let":
        return `({ ${declare(x.init.type, x.name)} = ${E(x.init)};${this.reads.has(x.name) ? "" : ` (void)${x.name};`} ${E(x.body)}; })`;
      case "viewcall": {
        const pure = x.view.e === "local" || x.view.e === "global";
        return this.callWith([x.view, ...x.args], E, ([v, ...args]) => {
          if (pure) return `${v}.vt->${x.slot}(${[`${v}.obj`, ...args].join(", ")})`;
          const t = `tsos_v${this.tmp++}`;
          return `({ ${cType(x.view.type)} ${t} = ${v}; ${t}.vt->${x.slot}(${[`${t}.obj`, ...args].join(", ")}); })`;
        });
      }
      case "mkview":
        return `((${cType(x.type)}){(void *)(${E(x.x)}), &${x.table}})`;
      case "review":
        return `${x.fn}(${E(x.x)})`;
      case "viewobj":
        // The object as a view table's functions receive it (lower/devirt.ts: a direct call of one).
        if (x.type.k === "anyobj") return `(${E(x.x)}).obj`;
        return `((${cType(x.type)})tsos_launder((${E(x.x)}).obj))`;
      case "index": {
        // An element of a FixedArray of layout structs is used by its address.
        const byAddress = x.arr.type.k === "fixed" && x.arr.type.elem.k === "class";
        return this.ordered([x.arr, x.idx], E, ([a, i]) => (byAddress ? `(&${this.element(x, a!, i!)})` : this.element(x, a!, i!)), !!x.unchecked);
      }
      case "arraylit": {
        const arr = x.type as Extract<Type, { k: "array" }>;
        if (!x.elems.length) return `${arr.cname}_from(0, NULL, ${this.L(x.loc)})`;
        return this.ordered(x.elems, E, (elems) => `${arr.cname}_from(${x.elems.length}, (${cType(arr.elem)}[]){${elems.join(", ")}}, ${this.L(x.loc)})`);
      }
      case "newarray":
        return `${(x.type as { cname: string }).cname}_new(${E(x.len)}, ${this.L(x.loc)})`;
      case "arraymethod": {
        const arr = x.arr.type as Extract<Type, { k: "array" }>;
        if (x.method === "length") return `((${cType(x.type)})${E(x.arr)}->len)`;
        const call = this.ordered([x.arr, ...x.args], E, ([a, ...vs]) => `${arr.cname}_${x.method}(${[a, ...vs.map((v, i) => (x.method === "push" || x.method === "fill" ? v : this.asI64(x.args[i]!, v!)))].join(", ")}, ${this.L(x.loc)})`);
        return x.method === "setLength" ? `((${cType(x.type)})${call})` : call;
      }
      case "strindex": {
        // Hosted strings index UTF-16 code units (runtime/tsos_str.h); kernel strings index bytes.
        const fn = numberDouble() ? (x.code ? "tsos_str_char_code_at" : "tsos_str_unit_at") : x.code ? "tsos_str_code" : "tsos_str_at";
        const idx = (i: string) => (numberDouble() && x.code ? `(double)${this.asI64(x.idx, i)}` : this.asI64(x.idx, i));
        return this.ordered([x.s, x.idx], E, ([str, i]) => `${fn}(${str}, ${idx(i!)}${numberDouble() && x.code ? "" : `, ${this.L(x.loc)}`})`);
      }
      case "strlen":
        return `((${cType(x.type)})${E(x.s)}.${numberDouble() ? "units" : "len"})`;
      case "concat": {
        const parts = flattenConcat(x);
        const owned = ownedParts(parts);
        const call = owned ? `tsos_concat_owned(${parts.length}, (tsos_str[]){%}, UINT64_C(0x${owned.toString(16)}))` : `tsos_concat(${parts.length}, (tsos_str[]){%})`;
        return this.withPadBuffers(parts, () =>
          this.ordered(parts, E, (ps) => {
            const bufs: string[] = [];
            return numberTextBuffers(bufs, kernelAllocSite(this.p, this.stmtLoc, call.replace("%", () => this.strParts(parts, ps, bufs))));
          }),
        );
      }
      case "strpad": {
        // A part of the concatenation being emitted pads into a buffer declared around it (withPadBuffers).
        // A number's text is on the stack too: the result may be that text itself (nothing to pad).
        const stack = this.padParts.has(x);
        const buf = stack ? `tsos_pb${this.tmp++}` : "NULL";
        const nb = isDbl(x.s.type) ? `tsos_nb${this.tmp++}` : undefined;
        if (stack) this.padBuffers.push(`uint8_t ${buf}[TSOS_PAD_BUFFER]`, ...(nb ? [`char ${nb}[TSOS_NUM_TEXT]`] : []));
        return this.ordered([x.s, x.max], E, ([str, max]) => {
          const call = `tsos_str_pad_part(${nb ? `tsos_num_text(${str}, ${nb})` : str}, ${max}, ${x.fill}, ${x.start}, ${buf}, ${E(x.at)})`;
          return nb && !stack ? numberTextBuffers([nb], call) : call;
        });
      }
      case "tostr": {
        if (isDbl(x.x.type)) return `tsos_str_from_num(${E(x.x)})`;
        const v = `tsos_r${this.tmp++}`;
        return `({ ${declare(x.x.type, v)} = ${E(x.x)}; ${kernelAllocSite(this.p, this.stmtLoc, `tsos_str_from_radix(${this.radixArgs(x.x, v, x.radix)})`)}; })`;
      }
      case "cond": {
        // A conditional whose value is unused (key-distribution.ts's copies of a statement): each side discarded.
        const side = (y: Expr): string => (x.type.k === "void" && y.type.k !== "void" ? `(void)(${E(y)})` : E(y));
        return `(${E(x.c)} ? ${side(x.a)} : ${side(x.b)})`;
      }
      case "assign":
        return this.assign(x, E);
      case "compound":
        return this.compound(x, E);
      case "minmax": {
        const t = cType(x.type);
        const a = `tsos_a${this.tmp}`;
        const b = `tsos_b${this.tmp++}`;
        return `({ ${t} ${a} = ${E(x.a)}, ${b} = ${E(x.b)}; ${a} ${x.op === "min" ? "<" : ">"} ${b} ? ${a} : ${b}; })`;
      }
      case "abs": {
        if (isInt(x.type) && !INT_INFO[x.type.kind].signed) return E(x.x);
        const t = cType(x.type);
        const v = `tsos_v${this.tmp++}`;
        return `({ ${t} ${v} = ${E(x.x)}; ${v} < 0 ? (${t})-${v} : ${v}; })`;
      }
      case "argv":
        return "tsos_argv";
      case "alloc":
        return allocCall(this.p, `sizeof(${(x.type as { cls: ClassInst }).cls.cname})`, this.L(x.loc), classKind((x.type as { cls: ClassInst }).cls));
      case "noreturn":
        return `tsos_panic_cstr(${this.L(x.loc)}, "reached the end of a function without returning a value")`;
      case "panic":
        return this.callWith([x.message], E, ([m]) => `tsos_panic(${this.L(x.loc)}, ${m})`);
      case "exit":
        return `tsos_exit(${E(x.code)})`;
      case "intrinsic":
        return this.callWith(x.args, E, (args) => `tsos_k_${x.name}(${args.join(", ")})`);
      case "ptrop":
        return this.ptrop(x, E);
      case "atomic": {
        if (x.op === "new") return `((${cType(x.type)}){${E(x.args[0]!)}})`;
        const kind = (x.target!.type as { kind: string }).kind;
        const call = (place: string): string => this.ordered(x.args, E, (args) => `tsos_atomic_${kind}_${x.op}(${[place, ...args].join(", ")})`);
        if (mustHoist([x.target!, ...x.args]) === 0) return call(`&${E(x.target!)}`);
        const p = `tsos_p${this.tmp++}`;
        return `({ ${cType(x.target!.type)} *${p} = &${E(x.target!)}; ${call(p)}; })`;
      }
      case "fnref":
      case "callptr":
        return emitClosureExpr(this, this.p, x, E)!;
      case "stackfmt":
        return this.callWith([x], E, ([v]) => `tsos_str_copy(${v})`);
      case "seq":
        return `(${x.xs.map((y, i) => (i < x.xs.length - 1 ? `(void)${this.discarded(y)}` : E(y))).join(", ")})`;
      case "unittests":
        return "(&tsos_unit_tests)";
      case "caught":
        return `((${cType(x.type)})tsos_thrown)`;
      case "callerloc":
        return this.L(x.loc);
      default: {
        const fv = emitClosureExpr(this, this.p, x, E);
        if (fv !== undefined) return fv;
        const c = emitNullable(this, x, E);
        if (c !== undefined) return c;
        const d = emitDynamic(this, x, E);
        if (d !== undefined) return d;
        throw new Error(`emitter: unknown expression ${x.e}`);
      }
    }
  }

  private asI64(x: Expr, code: string): string {
    return isInt(x.type) && x.type.kind !== "number" && !INT_INFO[x.type.kind].signed && INT_INFO[x.type.kind].bits === 64
      ? `tsos_u64_index(${code})`
      : code;
  }

  /** `magnitude, negative, radix` arguments for the radix formatters, of the variable `v` holding `x`. */
  private radixArgs(x: Expr, v: string, radix: number): string {
    const signed = isInt(x.type) && INT_INFO[x.type.kind].signed;
    if (!signed) return `(uint64_t)${v}, false, ${radix}`;
    return `(${v} < 0 ? (uint64_t)0 - (uint64_t)${v} : (uint64_t)${v}), ${v} < 0, ${radix}`;
  }

  /** Declares `name`, a tsos_str of `x.toString(radix)` formatted into a stack buffer. */
  private radixOnStack(name: string, x: Extract<Expr, { e: "tostr" }>, E: (y: Expr) => string): string {
    return `char ${name}_buf[68]; ${declare(x.x.type, `${name}_v`)} = ${E(x.x)}; tsos_str ${name} = tsos_cstr(tsos_fmt_radix(${name}_buf + 68, ${this.radixArgs(x.x, `${name}_v`, x.radix)}));`;
  }

  private toStr(x: Expr, E: (y: Expr) => string): string {
    return this.toStrOf(x, E(x));
  }

  /**
   * The string form of `x` (its C is `code`). `owned`: as a reference of its
   * own that the user releases (rc-strings.ts stringFormIsMade), so a string
   * member is retained; otherwise a string is itself (borrowed) and only a
   * user that knows the form is made may release it.
   */
  toStrOf(x: Expr, code: string, owned = false): string {
    if (x.type.k === "str") return owned ? `tsos_str_retain(${code})` : code;
    if (x.type.k === "nullable") return nullableToStr(this, x.type, code, owned);
    if (x.type.k === "union") return unionToStr(this, x.type, code, owned);
    if (x.type.k === "bool") return `tsos_str_from_bool(${code})`;
    if (isDbl(x.type)) return `tsos_str_from_num(${code})`;
    if (isInt(x.type)) return INT_INFO[x.type.kind].signed ? `tsos_str_from_i64(${code})` : `tsos_str_from_u64(${code})`;
    // Lowering refuses string parts without a string form (expr.ts `stringPart`); never print a wrong one.
    throw new Error(`no string form for a value of type ${x.type.k}`);
  }

  private convert(x: Extract<Expr, { e: "convert" }>, E: (y: Expr) => string): string {
    const from = x.x.type;
    if ((from.k === "class" || from.k === "anyobj") && x.type.k === "class") {
      // A downcast (dispatch, narrowing) hides the pointer's origin from gcc: a base-sized static
      // object would otherwise trip -Warray-bounds on code that runs only for the subclass.
      const down = from.k === "anyobj" || (from.cls !== x.type.cls && !isBaseOf(x.type.cls, from.cls));
      return down ? `((${cType(x.type)})tsos_launder(${E(x.x)}))` : `((${cType(x.type)})${E(x.x)})`;
    }
    if (!isInt(from) || !isInt(x.type)) return E(x.x);
    if (isDbl(from) && isDbl(x.type)) return E(x.x);
    // A length (`i64(xs.length)`) is an integer below 2^53: C's conversion of the count itself gives its low bits, as the checked and wrapping conversions would.
    if (isDbl(from) && x.x.e === "arraymethod" && x.x.method === "length") return `((${cType(x.type)})${E(x.x.arr)}->len)`;
    if (isDbl(from) && x.x.e === "strlen") return `((${cType(x.type)})${E(x.x.s)}.units)`;
    // An index or count: must be an integer. Otherwise JavaScript-style wrapping (NaN and Infinity give 0).
    // An index `next() % xs.length` of a uint32 value: in integers; only a length of 0 (NaN) panics.
    const m = x.x;
    if (isDbl(from) && x.checked && INT_INFO[x.type.kind].bits === 64 && m.e === "binary" && m.op === "%" && isDbl(m.a.type) && m.b.e === "arraymethod" && m.b.method === "length" && this.isUint32(m.a)) {
      const len = m.b;
      return this.ordered([m.a, len.arr], E, ([a, arr]) => `((${cType(x.type)})tsos_num_index_mod_u32_count((uint32_t)${a}, ${arr}->len, ${this.L(x.loc)}))`, true);
    }
    // A uint32 value is an integer: its conversion cannot fail.
    if (isDbl(from) && x.checked && INT_INFO[x.type.kind].bits === 64 && this.isUint32(x.x)) return `((${cType(x.type)})(uint32_t)${E(x.x)})`;
    if (isDbl(from) && x.checked) return `tsos_num_int(${E(x.x)}, ${this.L(x.loc)})`;
    // ToInt32 is the 64-bit wrap reduced to 32 bits; its fast path is one conversion.
    if (isDbl(from) && INT_INFO[x.type.kind].bits <= 32) return `((${cType(x.type)})${int32Text(x.x, E(x.x))})`;
    if (isDbl(from)) return `((${cType(x.type)})tsos_num_wrap64(${E(x.x)}))`;
    if (isDbl(x.type)) return `((double)${E(x.x)})`;
    if (x.checked && x.type.kind === "number" && INT_INFO[from.kind].bits === 64 && from.kind !== "number")
      return `tsos_num_from_${INT_INFO[from.kind].signed ? "i64" : "u64"}(${E(x.x)}, ${this.L(x.loc)})`;
    return `((${cType(x.type)})${E(x.x)})`;
  }

  /**
   * Evaluate `children` left to right, as JavaScript does (eval-order.ts has
   * the rule): the leading children that a later one could observe or
   * disturb are computed into temporaries first; when nothing later has side
   * effects, everything stays inline.
   */
  private ordered(children: Expr[], E: (y: Expr) => string, build: (parts: string[]) => string, thenReadsMemory = false): string {
    // `thenReadsMemory`: `build` itself reads memory (an element's storage), after every child.
    const hoist = mustHoist(thenReadsMemory ? [...children, MEMORY_READ] : children);
    if (hoist === 0) return build(children.map(E));
    const pre: string[] = [];
    const parts = children.map((c, i) => {
      if (i >= hoist || isConstant(c) || c.type.k === "never" || c.type.k === "void") return E(c);
      const t = `tsos_e${this.tmp++}`;
      pre.push(`${declare(c.type, t)} = ${E(c)};`);
      return t;
    });
    return `({ ${pre.join(" ")} ${build(parts)}; })`;
  }

  private binary(x: Extract<Expr, { e: "binary" }>, E: (y: Expr) => string): string {
    // A bitwise operator on a sum of int32 values (`(Math.imul(h, 31) + s.charCodeAt(i)) | 0`): in integers.
    // Only when C's order of evaluation cannot be observed: the sum's text is built apart from the other operand's.
    if (isDbl(x.a.type) && BITWISE_DOUBLE_OPS.has(x.op) && mustHoist([x.a, x.b]) === 0) {
      const a = this.int32Sum(x.a, E);
      if (a !== undefined) return this.ordered([x.b], E, ([b]) => this.doubleOp(x, a, b!, true));
    }
    // `r % 7`, `next() % xs.length` on a uint32 value: in integers (the double holds the integer exactly).
    if (x.op === "%" && isDbl(x.a.type) && this.isUint32(x.a)) {
      const b = x.b;
      if (b.e === "int" && b.value >= 1n && b.value < 1n << 32n) return this.ordered([x.a], E, ([a]) => `((double)((uint32_t)${a} % ${b.value}u))`);
      if (b.e === "arraymethod" && b.method === "length") return this.ordered([x.a, b.arr], E, ([a, arr]) => `tsos_num_mod_u32_count((uint32_t)${a}, ${arr}->len)`, true);
    }
    return this.ordered([x.a, x.b], E, ([a, b]) => this.binaryOf(x, a!, b!));
  }

  /**
   * ToInt32 of `x` computed in integers, when `x` is a sum or difference of
   * two int32 values (an int32 local, Math.imul, a literal, a code unit of
   * an ASCII string read in a loop lower/bounds.ts versioned) or of one and a
   * code unit read at an integer index (`s.charCodeAt(i)`), all of them
   * side-effect free: the exact sum is below 2^33, so ToInt32 is its low 32
   * bits; a code unit that is NaN (past the end) makes the whole value 0, as
   * ToInt32(NaN) is. Undefined for anything else. Math.imul's operands may be
   * locals, constants or variables a closure captured (by value, or read
   * through their cell: `seed = (Math.imul(seed, 1103515245) + 12345) >>> 0`
   * in the generator a closure keeps).
   */
  private int32Sum(x: Expr, E: (y: Expr) => string): string | undefined {
    if (x.e !== "binary" || (x.op !== "+" && x.op !== "-") || !isDbl(x.type)) return undefined;
    const plain = (y: Expr): boolean =>
      y.e === "local" || y.e === "int" || y.e === "num" || (y.e === "convert" && !y.checked && plain(y.x)) || y.e === "envfield" || (y.e === "deref" && (y.ptr.e === "envfield" || y.ptr.e === "local"));
    const int32 = (y: Expr): string | undefined => {
      if (y.e === "int" && y.value >= -(1n << 31n) && y.value < 1n << 31n) return `INT64_C(${y.value})`;
      if (y.e === "convert" && !y.checked && isDbl(y.type) && isInt(y.x.type) && !isDbl(y.x.type) && INT_INFO[y.x.type.kind].bits <= 32 && y.x.e === "local") return `(int64_t)${E(y.x)}`;
      if (y.e === "call" && y.fn === "tsos_str_ascii_code_at" && y.args.every(plain)) return `(int64_t)tsos_str_ascii_unit(${E(y.args[0]!)}, ${E(y.args[1]!)})`;
      if (y.e === "call" && y.fn === "tsos_num_imul" && y.args.every(plain)) return `(int64_t)(int32_t)((uint32_t)${int32Text(y.args[0]!, E(y.args[0]!))} * (uint32_t)${int32Text(y.args[1]!, E(y.args[1]!))})`;
      return undefined;
    };
    const unit = (y: Expr): [string, string] | undefined => (y.e === "call" && y.fn === "tsos_str_char_code_at_i64" && y.args.every(plain) ? [E(y.args[0]!), E(y.args[1]!)] : undefined);
    const a = int32(x.a);
    if (a === undefined) return undefined;
    const b = int32(x.b);
    if (b !== undefined) return `((int32_t)(uint32_t)(${a} ${x.op} ${b}))`;
    const u = unit(x.b);
    if (!u) return undefined;
    return `({ int64_t tsos_u = tsos_str_unit_or_minus1(${u[0]}, ${u[1]}); tsos_u < 0 ? 0 : (int32_t)(uint32_t)(${a} ${x.op} tsos_u); })`;
  }

  private binaryOf(x: Extract<Expr, { e: "binary" }>, a: string, b: string): string {
    const opType = x.a.type;
    if (isDbl(opType)) return this.doubleOp(x, a, b);
    if (opType.k === "view") return `((${a}).obj ${x.op} (${b}).obj)`;
    // Hosted function values compare as the function inside any adapting wrapper (runtime tsos_fn_origin).
    if (isFunctionValue(opType) && (x.op === "==" || x.op === "!=")) return `(${x.op === "!=" ? "!" : ""}tsos_fn_eq(${a}, ${b}))`;
    if (x.type.k === "bool" || !isInt(opType)) return `(${a} ${x.op} ${b})`;
    const kind = opType.kind;
    const t = cType(x.type);
    const { bits, signed } = INT_INFO[kind];
    const L = this.L(x.loc);
    const safeDivisor = x.b.e === "int" && x.b.value !== 0n && !(signed && x.b.value === -1n);
    if (kind === "number") {
      switch (x.op) {
        case "+": return `tsos_num_add(${a}, ${b}, ${L})`;
        case "-": return `tsos_num_sub(${a}, ${b}, ${L})`;
        case "*": return `tsos_num_mul(${a}, ${b}, ${L})`;
        case "/": return safeDivisor ? `(${a} / ${b})` : `tsos_div_i64(${a}, ${b}, ${L})`;
        case "floordiv": return `tsos_floordiv_i64(${a}, ${b}, ${L})`;
        case "%": return safeDivisor ? `(${a} % ${b})` : `tsos_rem_i64(${a}, ${b}, ${L})`;
        case "&": case "|": case "^":
          return `((int64_t)((int32_t)${a} ${x.op} (int32_t)${b}))`;
        case "<<": return `((int64_t)(int32_t)((uint32_t)(int32_t)${a} << ((uint32_t)${b} & 31)))`;
        case ">>": return `((int64_t)((int32_t)${a} >> ((uint32_t)${b} & 31)))`;
        case ">>>": return `((int64_t)((uint32_t)(int32_t)${a} >> ((uint32_t)${b} & 31)))`;
      }
    }
    const suffix = INT_INFO[kind].c.replace(/_t$/, "").replace("uint", "u").replace("int", "i");
    switch (x.op) {
      case "/":
      case "%":
        return safeDivisor ? `((${t})(${a} ${x.op} ${b}))` : `tsos_${x.op === "/" ? "div" : "rem"}_${suffix}(${a}, ${b}, ${L})`;
      case "floordiv":
        return `tsos_floordiv_${suffix}(${a}, ${b}, ${L})`;
      case "<<":
      case ">>": {
        const count = x.b.e === "int" ? `${x.b.value & BigInt(bits - 1)}` : `(${b} & ${bits - 1})`;
        return `((${t})(${a} ${x.op} ${count}))`;
      }
      case ">>>": {
        const count = x.b.e === "int" ? `${x.b.value & BigInt(bits - 1)}` : `(${b} & ${bits - 1})`;
        const u = INT_INFO[unsignedOf(kind)].c;
        return `((${t})((${u})${a} >> ${count}))`;
      }
      default:
        return `((${t})(${a} ${x.op} ${b}))`;
    }
  }

  /** A binary operation on two hosted numbers (doubles), as ECMA-262 6.1.6.1 defines it; `aIsInt32`: `a` is already ToInt32 of the left operand. */
  private doubleOp(x: Extract<Expr, { e: "binary" }>, a: string, b: string, aIsInt32 = false): string {
    const ia = aIsInt32 ? a : int32Text(x.a, a);
    const i32 = (v: string) => int32Text(x.b, v);
    const count = (v: string) => (x.b.e === "int" ? `${x.b.value & 31n}` : `((uint32_t)${int32Text(x.b, v)} & 31)`);
    switch (x.op) {
      case "%": return `tsos_num_mod(${a}, ${b})`;
      case "&": case "|": case "^": return `((double)(${ia} ${x.op} ${i32(b)}))`;
      case "<<": return `((double)(int32_t)((uint32_t)${ia} << ${count(b)}))`;
      case ">>": return `((double)(${ia} >> ${count(b)}))`;
      case ">>>": return `((double)((uint32_t)${ia} >> ${count(b)}))`;
      default: return `(${a} ${x.op} ${b})`;
    }
  }

  private ptrop(x: Extract<Expr, { e: "ptrop" }>, E: (y: Expr) => string): string {
    const elemType = x.op === "at" || x.op === "to" ? (x.type as { elem: Type }).elem : (x.ptr!.type as { elem: Type }).elem;
    const elem = elemType.k === "class" ? elemType.cls.cname : cType(elemType);
    switch (x.op) {
      case "to":
        return E(x.ptr!);
      case "at":
        return `((${elem} *)(uintptr_t)${E(x.args[0]!)})`;
      case "address":
        return `((uint64_t)(uintptr_t)${E(x.ptr!)})`;
      case "read":
      case "readVolatile":
        // A layout struct is read in place: the object is the memory it points at.
        if (elemType.k === "class") return E(x.ptr!);
        if (x.op === "read") return `(*${E(x.ptr!)})`;
        return `({ ${VOLATILE_FENCE} ${elem} tsos_v${this.tmp} = *(volatile ${elem} *)${E(x.ptr!)}; ${VOLATILE_FENCE} tsos_v${this.tmp++}; })`;
      case "write":
        return this.ordered([x.ptr!, x.args[0]!], E, ([p, v]) => `(void)(*${p} = ${v})`);
      case "writeVolatile":
        return this.ordered([x.ptr!, x.args[0]!], E, ([p, v]) => `({ ${VOLATILE_FENCE} *(volatile ${elem} *)${p} = ${v}; ${VOLATILE_FENCE} })`);
      case "add":
        return this.ordered([x.ptr!, x.args[0]!], E, ([p, n]) => `(${p} + ${n})`);
    }
  }

  /**
   * A call whose arguments include Text formatted on the stack: the buffers
   * are declared in a statement expression that encloses the whole call, so
   * they live until the callee returns. All arguments are then evaluated into
   * temporaries, left to right.
   */
  /** Whether evaluating `x` may throw: it contains a call of a function that may (rc-unwind.ts). */
  throwsWithin(x: Expr): boolean {
    return mayThrowWithin(this.p.mayThrow, x);
  }

  callWith(args: Expr[], E: (y: Expr) => string, build: (args: string[]) => string): string {
    if (!args.some((a) => a.e === "stackfmt")) return this.ordered(args, E, build);
    const decls: string[] = [];
    const values = args.map((a) => {
      const n = this.tmp++;
      if (a.e !== "stackfmt") {
        if (a.type.k === "never" || a.type.k === "void") return E(a);
        decls.push(`${declare(a.type, `tsos_a${n}`)} = ${E(a)};`);
        return `tsos_a${n}`;
      }
      const slices = a.parts.map((p, i) => {
        const v = `tsos_f${n}_${i}`;
        if (p.e === "tostr") decls.push(this.radixOnStack(v, p, E));
        else if (p.type.k === "str") decls.push(`tsos_str ${v} = ${E(p)};`);
        else if (p.type.k === "bool") decls.push(`tsos_str ${v} = tsos_str_from_bool(${E(p)});`);
        else {
          const signed = isInt(p.type) && INT_INFO[p.type.kind].signed;
          decls.push(`char ${v}_buf[24]; tsos_str ${v} = tsos_cstr(tsos_fmt_${signed ? "i64" : "u64"}(${v}_buf + 24, ${E(p)}));`);
        }
        return v;
      });
      decls.push(`uint8_t tsos_buf${n}[${slices.map((v) => `${v}.len`).join(" + ") || "0"} + 1];`);
      decls.push(`tsos_str tsos_a${n} = tsos_join(tsos_buf${n}, ${slices.length}, (tsos_str[]){${slices.join(", ")}});`);
      return `tsos_a${n}`;
    });
    return `({ ${decls.join(" ")} ${build(values)}; })`;
  }

  /** The C lvalue of an array element, given its array and index already spelled. */
  private element(x: Extract<Expr, { e: "index" }>, a: string, i: string): string {
    if (x.arr.type.k === "fixed") {
      const fixed = x.arr.type;
      const signed = isInt(x.idx.type) && INT_INFO[x.idx.type.kind].signed;
      return `(${a})[tsos_index_${signed ? "s" : "u"}(${i}, ${fixed.len}, ${this.L(x.loc)})]`;
    }
    if (x.unchecked) return `${a}->data[${i}]`;
    const arr = x.arr.type as Extract<Type, { k: "array" }>;
    const signed = isInt(x.idx.type) && INT_INFO[x.idx.type.kind].signed;
    const at = x.append ? "slot" : "at";
    return `(*${arr.cname}_${at}${signed ? "" : "u"}(${a}, ${i}, ${this.L(x.loc)}))`;
  }

  /** A pointer to an assignable place, its parts evaluated left to right. */
  private address(target: Expr, E: (y: Expr) => string): string {
    if (target.e === "index") return this.ordered([target.arr, target.idx], E, ([a, i]) => `&${this.element(target, a!, i!)}`);
    return `&${E(target)}`;
  }

  /**
   * `target = value`. As in JavaScript, the target's object and index are
   * evaluated first, then the value, then the store; an element's address is
   * taken only after the value (a push inside it may move the array's storage).
   */
  private assign(x: Extract<Expr, { e: "assign" }>, E: (y: Expr) => string): string {
    const t = x.target;
    // `this.f = (this.f -= 1) % 3`: a value with effects may write the same place, and C
    // leaves two unsequenced writes undefined; the value is finished before the store.
    const store = (place: string, v: string): string => {
      if (!hasEffects(x.value)) return `(${place} = ${v})`;
      const tv = `tsos_v${this.tmp++}`;
      return `({ ${declare(x.type, tv)} = ${v}; ${place} = ${tv}; })`;
    };
    if (t.e === "field") {
      if (!x.noKey && isKeyOrdered(t)) return this.addedKey(x, t, keyOrderStamp(t.name), E);
      const weak = weakFieldOf(t);
      if (weak) {
        // runtime/tsos_weak.h: the slot leaves the table under its old object and joins it under the new one.
        const o = `tsos_o${this.tmp++}`;
        const v = `tsos_v${this.tmp++}`;
        const viewed = (weak.type.k === "nullable" ? weak.type.inner : weak.type).k === "view";
        return this.ordered([t.obj, x.value], E, ([ob, val]) =>
          `({ ${declare(t.obj.type, o)} = ${ob}; ${declare(x.type, v)} = ${val}; tsos_weak_forget(${weakSlot(o, weak)}); tsos_weak_remember(${weakSlot(o, weak)}, ${v}${viewed ? ".obj" : ""}); ${o}->${t.name} = ${v}; })`);
      }
      return this.ordered([t.obj, x.value], E, ([o, v]) => store(`${o}->${t.name}`, v!));
    }
    if (t.e === "index") return this.ordered([t.arr, t.idx, x.value], E, ([a, i, v]) => store(this.element(t, a!, i!), v!), t.arr.type.k !== "fixed");
    const name = E(t);
    // `x = (x = 1) + 2`: the inner store must be finished before the outer one.
    if (!((t.e === "local" || t.e === "global") && assignsVariable(x.value, t.name))) return `(${name} = ${E(x.value)})`;
    const v = `tsos_v${this.tmp++}`;
    return `({ ${declare(x.type, v)} = ${E(x.value)}; ${name} = ${v}; })`;
  }

  /**
   * A write to a property of an object that records its key order: the
   * first write of a member its literal left out adds the key, stamped with
   * its place among the keys (lower/key-order.ts), as JavaScript appends it.
   */
  private addedKey(x: Extract<Expr, { e: "assign" }>, t: Extract<Expr, { e: "field" }>, stamp: string, E: (y: Expr) => string): string {
    const o = `tsos_o${this.tmp++}`;
    const v = `tsos_v${this.tmp++}`;
    return `({ ${declare(t.obj.type, o)} = ${E(t.obj)}; ${declare(x.type, v)} = ${E(x.value)}; if (${o}->${stamp} == 0) ${o}->${stamp} = ++${o}->${KEY_ORDER_COUNTER}; ${o}->${t.name} = ${v}; })`;
  }

  /** A compound assignment whose value is not used: `i++` is emitted as `++i`. */
  private discarded(x: Expr): string {
    if (x.e === "seq") return `(${x.xs.map((it) => `(void)${this.discarded(it)}`).join(", ")})`;
    if (x.e === "let") return `({ ${declare(x.init.type, x.name)} = ${this.expr(x.init)};${this.reads.has(x.name) ? "" : ` (void)${x.name};`} ${this.discarded(x.body)}; })`;
    if (x.e === "local") return x.type.k === "void" ? "((void)0)" : `(void)${x.name}`;
    if (x.e === "arraymethod" && x.method === "setLength") return `(void)${this.expr(x)}`;
    return x.e === "compound" && x.postfix ? this.expr({ ...x, postfix: false }) : this.expr(x);
  }

  /**
   * `target op= value`, `++x`, `x++`. JavaScript reads the old value before it
   * evaluates the right side; when the right side has effects, the old value,
   * the object and the index are held in temporaries and the element is
   * located again for the store.
   */
  /** The C strings of concatenation parts `parts` whose C is `ps`: a number or boolean is made a string of its own. */
  /**
   * The parts of a concatenation as tsos_str values. A number is formatted
   * into a stack buffer (tsos_num_text), whose name goes into `bufs` for the
   * caller to declare around the copy (numberTextBuffers): the copy is the
   * only user of the text, so it needs no block of its own.
   */
  private strParts(parts: Expr[], ps: string[], bufs: string[]): string {
    return ps
      .map((p, i) => {
        if (!isDbl(parts[i]!.type)) return this.toStrOf(parts[i]!, p, i < 64 && stringFormIsMade(parts[i]!.type));
        const buf = `tsos_nb${this.tmp++}`;
        bufs.push(buf);
        return `tsos_num_text(${p}, ${buf})`;
      })
      .join(", ");
  }

  /** `local += parts` on a string local (rc-compounds.ts localAppend): the old value goes into tsos_str_append, which gives the new. */
  private append(local: string, rest: Expr[], E: (y: Expr) => string): string {
    const parts = rest.flatMap(flattenConcat);
    return this.withPadBuffers(parts, () =>
      this.ordered(parts, E, (ps) => {
        const bufs: string[] = [];
        return numberTextBuffers(bufs, `(${local} = tsos_str_append(${local}, ${parts.length}, (tsos_str[]){${this.strParts(parts, ps, bufs)}}, UINT64_C(0x${ownedParts(parts).toString(16)})))`);
      }),
    );
  }

  /**
   * `code()` (a concatenation or append of `parts`) with the stack buffers of
   * its padding parts declared around it. A part is a padding part when it is
   * a strpad node, or one rc.ts holds in a statement temporary: its text is
   * copied by the concatenation, so it may live on the stack; a strpad nested
   * deeper (an argument of a call inside a part) is a string of its own.
   */
  private withPadBuffers(parts: Expr[], code: () => string): string {
    const direct = parts.map((p) => (p.e === "assign" && p.target.e === "local" ? p.value : p)).filter((p) => p.e === "strpad");
    if (!direct.length) return code();
    const outer = this.padBuffers;
    this.padBuffers = [];
    for (const p of direct) this.padParts.add(p);
    const text = code();
    const bufs = this.padBuffers;
    this.padBuffers = outer;
    return bufs.length ? `({ ${bufs.map((b) => `${b}; `).join("")}${text}; })` : text;
  }

  private compound(x: Extract<Expr, { e: "compound" }>, E: (y: Expr) => string): string {
    if (isLocalAppend(x) && x.target.e === "local" && x.value.e === "concat") return this.append(x.target.name, x.value.parts.slice(1), E);
    const t = cType(x.type);
    const n = this.tmp++;
    const old = `tsos_old${n}`;
    const nv = `tsos_new${n}`;
    const target = x.target;
    if (target.e === "field" && isKeyOrdered(target)) {
      // `o.depth ??= 10` on a member its literal left out: a value other than undefined adds the key (lower/key-order.ts).
      const o = `tsos_o${n}`;
      const stamp = `${o}->${keyOrderStamp(target.name)}`;
      const undef = E({ e: "isnullish", type: { k: "bool" }, x: { e: "local", type: x.type, name: nv }, which: "undefined" });
      return `({ ${declare(target.obj.type, o)} = ${E(target.obj)}; ${t} ${old} = ${o}->${target.name}; ${t} ${nv} = ${this.expr(x.value, old)}; if (${stamp} == 0 && !${undef}) ${stamp} = ++${o}->${KEY_ORDER_COUNTER}; ${o}->${target.name} = ${nv}; ${x.postfix ? old : nv}; })`;
    }
    if (hasEffects(x.value)) {
      const pre: string[] = [];
      let place: string;
      if (target.e === "field") {
        pre.push(`${declare(target.obj.type, `tsos_o${n}`)} = ${E(target.obj)};`);
        place = `tsos_o${n}->${target.name}`;
      } else if (target.e === "index") {
        pre.push(`${declare(target.arr.type, `tsos_a${n}`)} = ${E(target.arr)};`);
        pre.push(`${declare(target.idx.type, `tsos_i${n}`)} = ${E(target.idx)};`);
        place = this.element(target, `tsos_a${n}`, `tsos_i${n}`);
      } else place = E(target);
      pre.push(`${t} ${old} = ${place};`);
      pre.push(`${t} ${nv} = ${this.expr(x.value, old)};`);
      return `({ ${pre.join(" ")} ${place} = ${nv};${x.postfix ? ` ${old};` : ""} })`;
    }
    if (isPlace(target)) {
      const place = E(target);
      if (!x.postfix) return `(${place} = ${this.expr(x.value, place)})`;
      return `({ ${t} ${old} = ${place}; ${place} = ${this.expr(x.value, old)}; ${old}; })`;
    }
    const p = `tsos_p${n}`;
    const addr = this.address(target, E);
    if (!x.postfix) return `({ ${t} *${p} = ${addr}; *${p} = ${this.expr(x.value, `(*${p})`)}; })`;
    return `({ ${t} *${p} = ${addr}; ${t} ${old} = *${p}; *${p} = ${this.expr(x.value, old)}; ${old}; })`;
  }

  stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private block(list: Stmt[]): void {
    this.ind++;
    this.stmts(list);
    this.ind--;
  }

  /** The statement being emitted (a loc index), for kernel allocation sites; -1 outside statements. */
  private stmtLoc = -1;

  stmt(s: Stmt): void {
    const outer = this.stmtLoc;
    if ("loc" in s) this.stmtLoc = s.loc;
    this.stmtOf(s);
    this.stmtLoc = outer;
  }

  private stmtOf(s: Stmt): void {
    if ("loc" in s) this.lineDirective(s.loc);
    const site = "loc" in s ? statementSite(this.p, s.loc) : undefined;
    if (site) this.line(site);
    switch (s.s) {
      case "let":
        // `const result = fn()` where fn returns nothing (a generic's T = void): C has no void variables; the
        // initializer runs, and reads of the local are no value (below).
        if (s.type.k === "void" || s.type.k === "never") {
          if (s.init) this.line(`${this.discarded(s.init)};`);
          return;
        }
        this.line(`${declare(s.type, this.volatileName(s.name))} = ${s.init ? this.expr(s.init) : zero(s.type)};`);
        if (!this.reads.has(s.name)) this.line(`(void)${s.name};`);
        return;
      case "expr": {
        const x = this.discarded(s.x).replace(/^\((.*)\)$/s, (whole, inner: string) => ((s.x.e === "assign" || s.x.e === "compound") && balanced(inner) ? inner : whole));
        // `xs.length;` alone (a statement that only reads) is cast to void, as any other read.
        const effect = !(s.x.e === "call" && s.x.pure) && !(s.x.e === "arraymethod" && s.x.method === "length") && ["call", "assign", "compound", "panic", "exit", "new", "arraymethod", "noreturn", "intrinsic", "callptr", "atomic", "ptrop", "let", "seq", "viewcall"].includes(s.x.e);
        this.line(effect ? `${x};` : `(void)${x};`);
        return;
      }
      case "print": {
        // Every argument is evaluated (and may panic) before anything is printed, as in JavaScript.
        const stream = s.stream === "err" ? "stderr" : "stdout";
        // A number passed directly is formatted as console.log does (-0 prints "-0"); inside a template or concatenation it is ToString.
        const direct = new Set<Expr>(s.args.filter((p) => p.e !== "concat"));
        const args = s.args.flatMap((p) => flattenConcat(p));
        const hoist = args.some((a) => a.e !== "str" && a.e !== "int" && a.e !== "num" && a.e !== "bool" && a.e !== "local" && a.e !== "global");
        if (hoist) {
          this.line("{");
          this.ind++;
        }
        const values = args.map((a) => {
          if (a.e === "tostr" && isDbl(a.x.type)) {
            if (!hoist) return this.expr(a.x);
            const t = `tsos_arg${this.tmp++}`;
            this.line(`double ${t} = ${this.expr(a.x)};`);
            return t;
          }
          if (a.e === "tostr") {
            // Formatted into a stack buffer: printing never allocates.
            const t = `tsos_arg${this.tmp++}`;
            this.line(this.radixOnStack(t, a, (y) => this.expr(y)));
            return t;
          }
          if (!hoist || a.e === "str" || a.e === "int" || a.e === "num" || a.e === "bool") return this.expr(a);
          const t = `tsos_arg${this.tmp++}`;
          this.line(`${cType(a.type)} ${t} = ${this.expr(a)};`);
          return t;
        });
        args.forEach((a, i) => {
          const v = values[i]!;
          if (a.e === "tostr" && isDbl(a.x.type)) this.line(`tsos_print_num(${stream}, ${v}, false);`);
          // process.stdout.write: as it is (console.group indents only what console prints).
          else if (a.type.k === "str") this.line(`${s.noNewline ? "tsos_write_str" : "tsos_print_str"}(${stream}, ${v});`);
          else if (a.type.k === "nullable" && stringFormIsMade(a.type)) this.line(`{ tsos_str tsos_s = ${this.toStrOf(a, v, true)}; tsos_print_str(${stream}, tsos_s); tsos_str_release(tsos_s); }`);
          else if (a.type.k === "nullable") this.line(`tsos_print_str(${stream}, ${this.toStrOf(a, v)});`);
          else if (isDbl(a.type)) this.line(`tsos_print_num(${stream}, ${v}, ${direct.has(a)});`);
          else if (a.type.k === "bool") this.line(`tsos_print_bool(${stream}, ${v});`);
          else if (isInt(a.type)) this.line(`tsos_print_${INT_INFO[a.type.kind].signed ? "i64" : "u64"}(${stream}, ${v});`);
        });
        if (!s.noNewline) this.line(`tsos_print_newline(${stream});`);
        if (hoist) {
          this.ind--;
          this.line("}");
        }
        return;
      }
      case "if":
        this.line(`if (${this.expr(s.c)}) {`);
        this.block(s.then);
        if (s.else) {
          this.line("} else {");
          this.block(s.else);
        }
        this.line("}");
        return;
      case "while":
        this.line(`while (${this.expr(s.c)}) {`);
        this.loopBody(s.body, s.continueLabel);
        this.line("}");
        return;
      case "dowhile":
        this.line("do {");
        this.loopBody(s.body, s.continueLabel);
        this.line(`} while (${this.expr(s.c)});`);
        return;
      case "for": {
        this.line("{");
        this.ind++;
        this.stmts(s.init);
        this.line(`for (; ${s.c ? this.expr(s.c) : ""}; ${s.step.map((x) => this.discarded(x)).join(", ")}) {`);
        this.loopBody(s.body, s.continueLabel);
        this.line("}");
        this.ind--;
        this.line("}");
        return;
      }
      case "break":
        this.line(s.label ? `goto ${s.label}_break;` : "break;");
        return;
      case "continue":
        this.line(s.label ? `goto ${s.label}_continue;` : "continue;");
        return;
      case "return":
        this.line(s.x ? `return ${this.expr(s.x)};` : "return;");
        return;
      case "block":
        if (s.tryId) return this.protectedBlock(s.tryId, s.body);
        this.line("{");
        // GNU local labels: a loop copied by bounds versioning keeps its labels apart.
        if (s.breakLabel) this.line(`  __label__ ${s.breakLabel}_break;`);
        this.block(s.body);
        if (s.breakLabel) this.line(`  ${s.breakLabel}_break: ;`);
        this.line("}");
        return;
      case "switch":
        this.switchStmt(s);
        return;
      case "trypop":
        this.line(`tsos_try_top = ${s.id}.prev;`);
        return;
      case "unwind":
        // Reached only by `goto` from a call's test (checked): skipped in normal flow.
        this.line(`if (0) {`);
        this.line(`${s.label}: __attribute__((unused));`);
        this.block(s.body);
        this.line("}");
        return;
      case "raise": {
        if (s.rethrow) this.line("tsos_rethrow();");
        else {
          const ret = this.fn!.ret;
          this.line(ret.k === "void" || ret.k === "never" ? "return;" : `return ${zero(ret)};`);
        }
        return;
      }
      case "catch":
        throw new Error("emitter: a catch marker outside its protected block");
    }
  }

  /**
   * A protected region (lower/exceptions.ts): setjmp installs the handler; a
   * throw longjmps back with a nonzero value and the handler's statements run.
   * Locals that the region assigns are volatile (volatileName), so their
   * values survive the longjmp (C11 7.13.2.1).
   */
  private protectedBlock(id: string, body: Stmt[]): void {
    const marker = body.findIndex((x) => x.s === "catch" && x.id === id);
    this.line("{");
    this.ind++;
    this.line(`tsos_try ${id};`);
    this.line(`${id}.prev = tsos_try_top;`);
    this.line(`tsos_try_top = &${id};`);
    this.line(`if (!setjmp(${id}.buf)) {`);
    this.block(body.slice(0, marker));
    this.line(`  tsos_try_top = ${id}.prev;`);
    this.line("} else {");
    this.line(`  tsos_try_top = ${id}.prev;`);
    this.block(body.slice(marker + 1));
    this.line("}");
    this.ind--;
    this.line("}");
  }

  /** A local's declarator: `volatile` when a protected region assigns it. */
  private volatileName(name: string): string {
    return this.volatiles.has(name) ? `volatile ${name}` : name;
  }

  /** A loop body; a labeled `continue` jumps to its end (then the step and the test run, as in JavaScript). */
  private loopBody(body: Stmt[], continueLabel?: string): void {
    if (!continueLabel) return this.block(body);
    this.line(`  __label__ ${continueLabel}_continue;`);
    this.line("  {");
    this.ind++;
    this.block(body);
    this.ind--;
    this.line("  }");
    this.line(`  ${continueLabel}_continue: ;`);
  }

  private switchStmt(s: Extract<Stmt, { s: "switch" }>): void {
    const n = this.tmp++;
    const v = `tsos_sw${n}`;
    const c = `tsos_case${n}`;
    const defaultIndex = s.cases.findIndex((k) => k.isDefault);
    this.line("{");
    this.ind++;
    this.line(`${cType(s.x.type)} ${v} = ${this.expr(s.x)};`);
    this.line(`int ${c} = ${defaultIndex};`);
    let first = true;
    s.cases.forEach((k, i) => {
      for (const value of k.values) {
        const tagged = s.x.type.k === "union" || s.x.type.k === "nullable";
        const test = s.x.type.k === "str" ? `tsos_str_eq(${v}, ${this.expr(value)})` : tagged ? `({ ${cType(s.x.type)} tsos_c${n}_${i} = ${this.expr(value)}; ${eqCode(s.x.type, v, `tsos_c${n}_${i}`)}; })` : `${v} == ${this.expr(value)}`;
        this.line(`${first ? "if" : "else if"} (${test}) ${c} = ${i};`);
        first = false;
      }
    });
    this.line(`switch (${c}) {`);
    s.cases.forEach((k, i) => {
      this.line(`case ${i}:`);
      this.block(k.body);
      const last = k.body[k.body.length - 1];
      const ends = last && (last.s === "break" || last.s === "return" || last.s === "continue");
      if (i < s.cases.length - 1 && k.body.length && !ends) this.line("  __attribute__((fallthrough));");
    });
    this.line("default:");
    this.line("  break;");
    this.line("}");
    this.ind--;
    this.line("}");
  }

  func(f: Func): string[] {
    this.fn = f;
    this.out = [];
    this.reads = readsOf(f.body);
    this.volatiles = assignedInProtected(f.body);
    this.closureCode = knownClosureCode(f);
    this.u32Fns ??= uint32Functions(this.p.funcs);
    this.u32Locals = uint32Locals(f, this.u32Fns, this.closureCode);
    this.ind = 1;
    this.stmts(f.body);
    const body = this.out;
    const head = `${f.interrupt ? "__attribute__((interrupt)) " : ""}static ${smallClosureCode(f) || this.fastPathFront(f) ? "inline " : ""}${declare(f.ret, f.cname)}(${f.params.length ? f.params.map((p) => declare(p.type, this.volatileName(p.name))).join(", ") : "void"})`;
    // A parameter whose closure is known (specialize.ts) may be left unused: its code is called without it.
    const voids = f.params.filter((p) => !this.reads.has(p.name) || f.knownParams?.[p.name]).map((p) => `  (void)${p.name};`);
    const code = [head + " {", ...voids, ...body, "}"];
    // A `try` inside a loop: gcc joins every call after the setjmp to its second return, also the calls of a
    // later iteration made before that iteration's locals are set, and judges those locals maybe
    // uninitialized where the catch (or the loop) reads them. No such path runs: the handler is removed
    // before the iteration ends (batch 43 h14: a view local of a loop body in a closure).
    if (!protectedInLoop(f.body)) return code;
    return ["#pragma GCC diagnostic push", '#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"', ...code, "#pragma GCC diagnostic pop"];
  }

  /**
   * Whether `f` is a fast path in front of a loop: at most four statements,
   * no loop, and a last `return` of a call to a function that loops
   * (lib/std/map.ts `find`: the position found last, else `walk` the
   * bucket's chain). Declared `inline`: gcc otherwise inlined the loop's
   * function into it (called once) and kept the whole of it a call, so
   * `m.set(k, m.get(k)! + 1)` paid two calls (word_count 6.40G -> 6.32G
   * instructions).
   */
  private fastPathFront(f: Func): boolean {
    if (f.params[0]?.name === "tsos_self" || f.coroutine || f.interrupt) return false;
    const { count, loops } = bodyShape(f.body);
    const last = f.body[f.body.length - 1];
    if (loops || count > 4 || last?.s !== "return" || last.x?.e !== "call") return false;
    this.funcsByName ??= new Map(this.p.funcs.map((g) => [g.cname, g]));
    const tail = this.funcsByName.get(last.x.fn);
    return tail !== undefined && tail !== f && bodyShape(tail.body).loops;
  }

  knownCode(name: string): string | undefined {
    return this.closureCode.get(name);
  }

  prototype(f: Func): string {
    // A `never` function whose exception returns (rc-unwind.ts) does return: to its caller's test.
    const never = f.ret.k === "never" && !this.p.mayThrow?.fns.has(f.cname);
    const noreturn = (f.interrupt ? "__attribute__((interrupt)) " : "") + (never ? "__attribute__((noreturn)) " : "") + (loopOfCallback(f) ? "__attribute__((noinline)) " : "");
    return `static ${noreturn}${smallClosureCode(f) ? "inline " : ""}${declare(f.ret, f.cname)}(${f.params.length ? f.params.map((p) => declare(p.type, p.name)).join(", ") : "void"});`;
  }
}

/**
 * Whether `f` is a copy made for a callback (specialize.ts) that loops: it
 * stays a function of its own (noinline), its loop with the callback inlined
 * into it. Inlined into a large caller, the loop shared that caller's
 * registers: in bench/programs/pipeline.ts gcc kept `reduce`'s accumulator
 * on the stack, a store and a load per element (640 -> 570 ms as its own
 * function). A call per loop, not per element, is what it costs.
 */
function loopOfCallback(f: Func): boolean {
  return !!f.knownParams && bodyShape(f.body).loops;
}

/** How many statements a body has (nested ones counted) and whether one of them is a loop. */
function bodyShape(body: Stmt[]): { count: number; loops: boolean } {
  let count = 0;
  let loops = false;
  const visit = (list: Stmt[]): void => {
    for (const s of list) {
      count++;
      switch (s.s) {
        case "for": case "while": case "dowhile": loops = true; break;
        case "if": visit(s.then); if (s.else) visit(s.else); break;
        case "block": case "unwind": visit(s.body); break;
        case "switch": s.cases.forEach((c) => visit(c.body)); break;
      }
    }
  };
  visit(body);
  return { count, loops };
}

/**
 * Whether `f` is the code of a closure (it takes the closure object) with a
 * body of at most three statements and no loop: declared `inline`, so gcc
 * weighs it with its limit for inline functions where it is called directly
 * (specialize.ts knownClosureCode). Without the hint gcc kept
 * bench/programs/word_count.ts's two-statement generator `next` a call of
 * its own, with the captured seed stored and reloaded around every call
 * (word_count 0.91 -> 0.83 s). The closure object still points at the
 * function, so one copy stays out of line.
 */
function smallClosureCode(f: Func): boolean {
  if (f.params[0]?.name !== "tsos_self" || f.knownParams || f.coroutine || f.interrupt) return false;
  const { count, loops } = bodyShape(f.body);
  return !loops && count <= 3;
}

/** Whether `base` is `cls` or one of the classes it extends. */
function isBaseOf(base: ClassInst, cls: ClassInst): boolean {
  for (let c: ClassInst | undefined = cls; c; c = c.base) if (c === base) return true;
  return false;
}

/** Whether the parentheses in `s` pair up, so `(s)` may drop its outer pair. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Stands for a read of memory that follows all operands (see `ordered`). */
const MEMORY_READ: Expr = { e: "global", type: { k: "void" }, name: "" };

/** A variable or a field chain over variables: an lvalue that may be spelled twice. */
function isPlace(x: Expr): boolean {
  if (x.e === "local" || x.e === "global") return true;
  if (x.e === "field") return isPlace(x.obj);
  return false;
}

/**
 * The C of ToInt32 of the hosted number `y`, whose C is `text`: a literal is
 * converted now, and a small integer local read as a double (`(double)h`,
 * not hoisted into a temporary: the text says so) is used as it is; anything
 * else goes through tsos_num_toint32.
 */
function int32Text(y: Expr, text: string): string {
  // `a | b`, `a & b`, `a ^ b`, `a >> n` on numbers are int32 values made double: `((double)(v))` gives back `v`.
  if (y.e === "binary" && ["&", "|", "^", ">>"].includes(y.op) && isDbl(y.a.type)) {
    const inner = /^\(\(double\)\((.*)\)\)$/s.exec(text)?.[1];
    if (inner !== undefined && balanced(inner)) return `(${inner})`;
  }
  const literal = y.e === "int" ? Number(BigInt.asIntN(32, y.value)) : y.e === "num" ? y.value | 0 : undefined;
  if (literal !== undefined) return literal === -2147483648 ? "(-2147483647 - 1)" : `${literal}`;
  if (y.e === "convert" && !y.checked && y.x.e === "local" && isInt(y.x.type) && !isDbl(y.x.type) && INT_INFO[y.x.type.kind].bits <= 32 && text === `((double)${y.x.name})`)
    return y.x.type.kind === "i32" ? y.x.name : `((int32_t)${y.x.name})`;
  return `tsos_num_toint32(${text})`;
}

/** The operators on numbers that apply ToInt32 to their left operand. */
const BITWISE_DOUBLE_OPS = new Set(["&", "|", "^", "<<", ">>", ">>>"]);

/** The parts that become strings of their own (booleans, integers; not numbers: strParts), as a bit mask: the runtime releases them after the copy. */
function ownedParts(parts: Expr[]): bigint {
  return parts.reduce((m, p, i) => (i < 64 && !isDbl(p.type) && stringFormIsMade(p.type) ? m | (1n << BigInt(i)) : m), 0n);
}

/** `code` (which fills the buffers strParts named) with those buffers declared around it: they live until its copy is made. */
function numberTextBuffers(bufs: string[], code: string): string {
  return bufs.length ? `({ char ${bufs.map((b) => `${b}[TSOS_NUM_TEXT]`).join(", ")}; ${code}; })` : code;
}

function flattenConcat(x: Expr): Expr[] {
  return x.e === "concat" ? x.parts.flatMap(flattenConcat) : [x];
}

/** Locals and parameters assigned inside a protected region (their values must survive a longjmp). */
function assignedInProtected(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  const visit = (list: Stmt[]): void => {
    for (const s of list) {
      if (s.s === "block" && s.tryId)
        walkExprs(s.body, (x) => {
          if ((x.e === "assign" || x.e === "compound") && x.target.e === "local") out.add(x.target.name);
        });
      if (s.s === "if") { visit(s.then); if (s.else) visit(s.else); }
      if (s.s === "while" || s.s === "dowhile" || s.s === "block") visit(s.body);
      if (s.s === "for") { visit(s.init); visit(s.body); }
      if (s.s === "switch") s.cases.forEach((c) => visit(c.body));
    }
  };
  visit(body);
  return out;
}

/** Whether a protected region (a `try`) lies inside a loop of `body`. */
function protectedInLoop(body: Stmt[]): boolean {
  const visit = (list: Stmt[], inLoop: boolean): boolean =>
    list.some((s) => {
      if (s.s === "block" && s.tryId && inLoop) return true;
      if (s.s === "if") return visit(s.then, inLoop) || (!!s.else && visit(s.else, inLoop));
      if (s.s === "while" || s.s === "dowhile") return visit(s.body, true);
      if (s.s === "for") return visit(s.init, inLoop) || visit(s.body, true);
      if (s.s === "block") return visit(s.body, inLoop);
      if (s.s === "switch") return s.cases.some((c) => visit(c.body, inLoop));
      return false;
    });
  return visit(body, false);
}

function readsOf(body: Stmt[]): Set<string> {
  const reads = new Set<string>();
  walkExprs(body, (x, target) => {
    if (x.e === "local" && !target) reads.add(x.name);
  });
  return reads;
}

/** A function type, or one that may also be null or undefined. */
function isFunctionValue(t: Type): boolean {
  return t.k === "fn" || (t.k === "nullable" && t.inner.k === "fn");
}
