/**
 * lower/types.ts: TypeScript types -> IR types.
 *
 * Input:  a ts.Type from the checker (or a type node), and the generic
 *         substitution of the function being lowered.
 * Output: an IR Type; class and array types are registered with the
 *         Lowerer so the emitter can declare their C structs.
 * Invariants: integer kinds are read from the brand in lib/tsos.d.ts (the
 *             alias name, else the brand's literal set); type parameters are
 *             always substituted, so no IR type mentions one.
 */
import ts from "typescript";
import type { ClassInst, IntKind, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { INT_KINDS, fits } from "../ints.ts";
import { Bail, type Lowerer, isLibSymbol } from "./context.ts";
import { classInstance } from "./classes.ts";
import { viewType } from "./views.ts";
import { intersectionType } from "./intersections.ts";
import { indexedAccessType } from "./keyed.ts";
import { isTuple, tupleFromChecker, tupleType } from "./destructure.ts";
import { keyofParamIsString } from "./mapped-types.ts";
import { NULL_LITERAL, UNDEFINED_LITERAL, isNullableUnion, narrowedTypeParameter, nullableOf, nullableUnionType } from "./nullable-types.ts";
import { mapRecursiveUnion, unionOfTypes, valueUnionType } from "./unions.ts";
import { builtinClassDecl } from "./exceptions.ts";
import { collectionType } from "./collections.ts";
import { regexpType } from "./regexp.ts";
import { typedArrayType } from "./typed-arrays.ts";
import { signatureParamType } from "./fn-params.ts";
import { mangleKeys } from "./key-params.ts";
import { ctorType } from "./ctor-values.ts";
import { dynamicType } from "./dynamic.ts";
import { bigintType } from "./bigint.ts";
import { isBigType } from "./bigint-type.ts";
import { isResultTsType, protocolIrType } from "./iterables.ts";
import { erasedEnv } from "./erasure.ts";

const BRAND_SETS = new Map<string, IntKind>([
  ["u8", "u8"],
  ["u8|u16", "u16"],
  ["u16|u32|u8", "u32"],
  ["u16|u32|u64|u8|usize", "u64"],
  ["i8", "i8"],
  ["i16|i8|u8", "i16"],
  ["i16|i32|i8|u16|u8", "i32"],
  ["i16|i32|i64|i8|isize|u16|u32|u8", "i64"],
]);

export function intKindOf(l: Lowerer, type: ts.Type): IntKind | undefined {
  if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return "number";
  if (type.flags & ts.TypeFlags.EnumLike && !(type.flags & ts.TypeFlags.StringLike) && !isStringEnum(type)) return "number";
  const alias = type.aliasSymbol?.name;
  if (alias && (INT_KINDS as string[]).includes(alias)) return alias as IntKind;
  if (!(type.flags & ts.TypeFlags.Intersection)) return undefined;
  const parts = (type as ts.IntersectionType).types;
  if (!parts.some((p) => p.flags & ts.TypeFlags.Number)) return undefined;
  for (const p of parts) {
    // A unique-symbol key is named `__@<escaped name>@<id>`; tsc escapes `__tsosInt` as `___tsosInt`.
    const brand = p.getProperties().find((s) => /^__@_*_tsosInt@/.test(s.name));
    if (!brand) continue;
    const bt = l.checker.getNonNullableType(l.checker.getTypeOfSymbol(brand));
    const lits = (bt.isUnion() ? bt.types : [bt]).map((t) => (t as ts.StringLiteralType).value).sort();
    return BRAND_SETS.get(lits.join("|"));
  }
  // A user's branded number (`number & { readonly __unit: "cents" }`): the brand only steers tsc.
  const brandOnly = (p: ts.Type): boolean => !!(p.flags & ts.TypeFlags.Object) && !p.getCallSignatures().length && !p.getConstructSignatures().length;
  if (parts.every((p) => p.flags & ts.TypeFlags.Number || brandOnly(p))) return "number";
  return undefined;
}

/** An enum type all of whose members are strings. */
function isStringEnum(type: ts.Type): boolean {
  return type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.StringLiteral);
}

/** Map a checker type to an IR type, or report TSOS1006 at `node` and bail. */
export function irType(l: Lowerer, type: ts.Type, node: ts.Node): Type {
  const t = tryIrType(l, type, node);
  if (t) return t;
  const text = l.checker.typeToString(type);
  const sym = type.getSymbol();
  // The library's core interfaces (Function, Object...) describe every value of a kind, not one type.
  if (sym && isLibSymbol(sym) && LIB_CORE_TYPES.has(sym.name)) l.fail("TSOS1030", node, text);
  const isInterface = type.getSymbol()?.flags && type.getSymbol()!.flags & ts.SymbolFlags.Interface;
  if (isInterface && !isArraySymbol(type.getSymbol())) l.fail("TSOS1017", node);
  l.fail("TSOS1006", node, text);
}

const WEAK_CLASSES = new Set(["WeakRef", "WeakMap", "WeakSet"]);

const LIB_CORE_TYPES = new Set(["Function", "CallableFunction", "NewableFunction", "Object", "IArguments", "RegExp", "Boolean", "Number", "String"]);

function isArraySymbol(sym: ts.Symbol | undefined): boolean {
  // `ArrayLike<T>` (a length and numeric indices, read-only): an array is what programs pass for it.
  return !!sym && (sym.name === "Array" || sym.name === "ReadonlyArray" || sym.name === "ArrayLike") && isLibSymbol(sym);
}


/** How deep each union type's member conversion is nested (a union that recurses forever is refused). */
const unionsInProgress = new Map<ts.Type, number>();

export function tryIrType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const protocol = protocolIrType(l, type, node); // lower/iterables.ts: IteratorResult, Iterator, Generator
  if (protocol) return protocol;
  // `1n | -1n`: a bigint (lower/bigint.ts).
  if (type.isUnion() && type.types.every((m) => m.flags & ts.TypeFlags.BigIntLike)) return bigintType(l, node);
  // A union of several kinds may name itself (`type Value = string | Value[]`): lower/unions.ts.
  if (type.isUnion() && !(type.flags & ts.TypeFlags.EnumLiteral)) {
    const mapped = mapRecursiveUnion(l, type, node, () => mapType(l, type, node), mangle, (inner, n, u) => nullableType(l, inner, n, u));
    if (mapped) return mapped.type;
  }
  return mapType(l, type, node);
}

function mapType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const f = type.flags;
  // `NoInfer<T>` (a substitution type): T itself; it only steers inference.
  if (f & ts.TypeFlags.Substitution) return tryIrType(l, (type as ts.SubstitutionType).baseType, node);
  if (f & ts.TypeFlags.TypeParameter) {
    const sub = l.scope.env.get(type.getSymbol()!);
    // A key parameter's literal keys stay in the environment (lower/key-params.ts): its values are strings.
    if (sub) return sub.k === "str" && sub.keys ? T.str : sub;
    // `this` as a type (a method returning `this`): the class being compiled.
    if ((type as { isThisType?: boolean }).isThisType) {
      const cls = l.checker.getBaseConstraintOfType(type);
      return l.scope.thisType ?? (cls && cls !== type ? tryIrType(l, cls, node) : undefined);
    }
    return undefined;
  }
  if (type.isIntersection() || type.isUnion()) {
    const narrowed = narrowedTypeParameter(l, type, node, (t, n) => tryIrType(l, t, n), mangle);
    if (narrowed) return narrowed;
  }
  const dynamic = dynamicType(l, type); // lower/dynamic.ts: unknown, object
  if (dynamic) return dynamic;
  if (isNullableUnion(type))
    return nullableUnionType(l, type, node, (t, n) => tryIrType(l, t, n), mangle, sameType, (parts, n) => unionOfMembers(l, parts, n));
  const kind = intKindOf(l, type);
  if (kind) return T.int(kind);
  if (f & ts.TypeFlags.BigIntLike) return bigintType(l, node); // lower/bigint.ts
  if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return T.bool;
  if (f & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral)) return T.str;
  // `Text` (lib/kernel.d.ts: a string branded with __tsosText) is the borrowed string; any other branded
  // string (`string & { readonly __brand: "Sku" }`) is a string, the brand a type-checking device only.
  if (type.isIntersection() && type.types.some((t) => t.flags & ts.TypeFlags.String)) {
    const text = type.types.some((t) => t.getProperties().some((p) => String(p.escapedName).includes("__tsosText")));
    return text ? { k: "str", borrowed: true } : T.str;
  }
  // `T & {}` (NonNullable<T>, the type of `xs.pop()!` in generic code): T, known present.
  if (type.isIntersection() && type.types.length === 2) {
    const rest = type.types.filter((t) => !isEmptyObjectType(t));
    if (rest.length === 1) {
      const t = tryIrType(l, rest[0]!, node);
      // `NonNullable<M[K]>` of a generic M[K] that is `T | undefined`: T.
      return t?.k === "nullable" && rest.length < type.types.length ? t.inner : t;
    }
  }
  if (f & ts.TypeFlags.Void) return T.void;
  // The type `undefined` alone: the parameter `_` of `Array.from({ length: n }, (_, i) => ...)`.
  if (f & ts.TypeFlags.Undefined) return UNDEFINED_LITERAL;
  // The type `null` alone: `{ parent: null }`, `new Box<null>(null)`.
  if (f & ts.TypeFlags.Null) return NULL_LITERAL;
  if (f & ts.TypeFlags.Never) return T.never;
  if (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return T.bool;
  if (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.EnumLiteral)) {
    if (type.types.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return T.str;
    if (type.types.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) return T.number;
    return undefined; // a heterogeneous enum (numbers and strings)
  }
  if (type.isUnion()) {
    const matches = regexpType(l, type, node);
    if (matches) return matches;
    // A union that contains itself without an object in between (`type Value = string | Value[]`) has no
    // representation yet; converting it would never end. (Through an object type it ends: views are made lazily,
    // though a union of n object types that each hold the union nests n deep before the first view is complete.)
    const depth = unionsInProgress.get(type) ?? 0;
    if (depth >= 64) l.fail("TSOS1006", node, l.checker.typeToString(type));
    unionsInProgress.set(type, depth + 1);
    let parts: (Type | undefined)[];
    try {
      parts = type.types.map((t) => tryIrType(l, t, node));
    } finally {
      if (depth === 0) unionsInProgress.delete(type);
      else unionsInProgress.set(type, depth);
    }
    // A union of literals of one kind ("a" | "b", 1 | 2) is that kind.
    // So is a union of tuples with the same element types (`[this, Vec] | [Vec, this]` in a method of Vec).
    if (parts.every((p) => p && sameType(p, parts[0]!)) && ((parts[0]?.k !== "class" && parts[0]?.k !== "array") || (parts[0]?.k === "class" && parts[0].cls.tuple))) return parts[0];
    // Instances of one generic class that are one struct (`Token<Config> | Token<Logger>` where Token's T is
    // erased or phantom, lower/phantom.ts): that class.
    const generic = type.types[0]?.getSymbol();
    if (parts[0]?.k === "class" && generic && generic.flags & ts.SymbolFlags.Class && parts.every((p) => p && sameType(p, parts[0]!)) && type.types.every((t) => t.getSymbol() === generic)) return parts[0];
    // `string[] | never[]` (literals that write `["statue"]` in one place and `[]` in another): the array type,
    // which holds the empty array.
    const filled = parts.filter((p) => !(p?.k === "array" && p.elem.k === "never"));
    if (filled.length < parts.length && filled.length > 0 && filled.every((p) => p?.k === "array" && sameType(p, filled[0]!))) return filled[0];
    // Tuples of one length with different element types (`[["true", true], ["null", null]] as const`): one tuple
    // whose elements are the unions of theirs, which holds each of them (a tuple is an array to JavaScript).
    const merged = mergedTuple(l, parts);
    if (merged) return merged;
    // Read-only tuples of different lengths with one element type (`patterns[name]` of an `as const` object
    // of string lists): an array of that type, a copy of the tuple (nothing can write it).
    const listElem = readonlyTupleUnionElement(l, type, parts);
    if (listElem) return arrayType(l, listElem);
    // An integer type and numeric literals that fit it (`u8 | 3`, the type of `n ?? 3`) is that integer type.
    const isLit = (t: ts.Type) => (t.flags & ts.TypeFlags.NumberLiteral) !== 0;
    const typed = parts.filter((_, i) => !isLit(type.types[i]!));
    const first = typed[0];
    if (first?.k === "int" && typed.every((p) => p && sameType(p, first))) {
      const value = (t: ts.Type) => (t as ts.NumberLiteralType).value;
      if (type.types.every((t) => !isLit(t) || (Number.isSafeInteger(value(t)) && fits(BigInt(value(t)), first.kind)))) return first;
    }
    const union = unionOfMembers(l, type.types, node);
    if (union) return union;
  }
  if (f & ts.TypeFlags.Object) {
    const regexp = regexpType(l, type, node);
    if (regexp) return regexp;
    const collection = collectionType(l, type, node) ?? typedArrayType(l, type, node);
    if (collection) return collection;
    const tuple = tupleFromChecker(l, type, node, (t) => irType(l, t, node));
    if (tuple) return tuple;
    const sym = type.getSymbol();
    // A tagged template's strings (lower/tagged-templates.ts).
    if (sym?.name === "TemplateStringsArray" && isLibSymbol(sym)) return arrayType(l, T.str);
    if (isArraySymbol(sym)) {
      const [elem] = l.checker.getTypeArguments(type as ts.TypeReference);
      // An iterator result is its value or undefined (lower/iterables.ts): in an array it would print and serialize as that.
      if (isResultTsType(l.checker, elem!)) l.fail("TSOS1240", node, "an array of iterator results", "keep `r.value` (or the pair `[r.value, r.done]`) instead");
      return arrayType(l, irType(l, elem!, node));
    }
    if (sym && isLibSymbol(sym) && ["Ptr", "AtomicBool", "AtomicU32", "UnitTest", "FixedArray", "InterruptStackFrame"].includes(sym.name)) {
      if (sym.name === "FixedArray") {
        const [elem, len] = l.checker.getTypeArguments(type as ts.TypeReference);
        if (!len || !(len.flags & ts.TypeFlags.NumberLiteral)) return undefined;
        return { k: "fixed", elem: irType(l, elem!, node), len: (len as ts.NumberLiteralType).value };
      }
      if (sym.name === "InterruptStackFrame") return { k: "class", cls: interruptFrameClass(l) };
      if (sym.name === "AtomicBool") return { k: "atomic", kind: "bool" };
      if (sym.name === "AtomicU32") return { k: "atomic", kind: "u32" };
      if (sym.name === "UnitTest") return { k: "class", cls: unitTestClass(l) };
      const [elem] = l.checker.getTypeArguments(type as ts.TypeReference);
      return { k: "ptr", elem: irType(l, elem!, node) };
    }
    const ctor = ctorType(l, type, node);
    if (ctor) return ctor;
    const sigs = type.getCallSignatures();
    if (sigs.length === 1 && !type.getProperties().length) {
      const sig = sigs[0]!;
      // A generic function type (`<T>(value: T) => void`) as a value: its type parameters erased to `unknown` (lower/erasure.ts).
      const erased = sig.typeParameters?.length ? erasedEnv(l.checker, sig, l.scope.env) : undefined;
      if (sig.typeParameters?.length && !erased) return undefined;
      const outer = l.scope.env;
      if (erased) l.scope.env = erased;
      try {
        const params = sig.parameters.flatMap((p) => {
          const t = signatureParamType(l, p, irType(l, l.checker.getTypeOfSymbol(p), node));
          // `(...args: A) => R` with A a tuple: one parameter per element, as the function takes them.
          return isRestSymbol(p) && isTuple(t) ? t.cls.fields.map((f) => f.type) : [t];
        });
        return fnType(l, params, irType(l, sig.getReturnType(), node));
      } finally {
        l.scope.env = outer;
      }
    }
    if (sym && sym.flags & ts.SymbolFlags.Class && (!isLibSymbol(sym) || builtinClassDecl(l, sym.valueDeclaration as ts.ClassDeclaration))) {
      const decl = sym.valueDeclaration as ts.ClassDeclaration;
      const args = (type as ts.TypeReference).target ? l.checker.getTypeArguments(type as ts.TypeReference) : [];
      const irArgs = args.map((a, i) => irType(l, neverAsConstraint(l, a, decl.typeParameters?.[i]) ?? a, node));
      // A weak reference holds an object of a class or an interface (lib/std/weakref.ts's @weak field).
      const weakTarget = irArgs[0];
      if (WEAK_CLASSES.has(sym.name) && isLibSymbol(sym) && weakTarget && weakTarget.k !== "view" && !(weakTarget.k === "class" && weakTarget.cls.header))
        l.fail("TSOS1005", node, `a \`${sym.name}\` of \`${typeName(weakTarget)}\` (a weak reference holds an object of a class or an interface type)`);
      return { k: "class", cls: classInstance(l, decl, irArgs) };
    }
    const view = viewType(l, type, node);
    if (view) return view;
  }
  if (type.isUnion()) {
    const view = viewType(l, type, node);
    if (view) return view;
  }
  if (type.isIntersection()) return intersectionType(l, type, node);
  if (f & ts.TypeFlags.IndexedAccess) return indexedAccessType(l, type, node);
  if (f & ts.TypeFlags.Conditional) return functionTypePart(l, type, node);
  if (keyofParamIsString(l, type, (t) => tryIrType(l, t, node))) return T.str;
  return undefined;
}

/**
 * The constraint of type parameter `tp` where tsc inferred `never` for it (`merge([])` with
 * `merge<T extends Interval>(items: readonly T[])`, `new Timeline([])`): no value has type never,
 * so the instance for the constraint runs the same (an empty array holds no element of either).
 */
export function neverAsConstraint(l: Lowerer, t: ts.Type, tp: ts.TypeParameterDeclaration | undefined): ts.Type | undefined {
  return t.flags & ts.TypeFlags.Never && tp?.constraint ? l.checker.getTypeFromTypeNode(tp.constraint) : undefined;
}

/**
 * `Parameters<F>` and `ReturnType<F>` where F is generic (`HookMap[K]` in `run<K extends keyof
 * HookMap>(hook: K, ...args: Parameters<HookMap[K]>)`): tsc leaves them unresolved, but in an
 * instance K is known, so F is a function type whose parameters (as a tuple) or result they are.
 */
function functionTypePart(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const alias = type.aliasSymbol;
  if (!alias || !isLibSymbol(alias) || (alias.name !== "Parameters" && alias.name !== "ReturnType") || type.aliasTypeArguments?.length !== 1) return undefined;
  const fn = tryIrType(l, type.aliasTypeArguments[0]!, node);
  if (fn?.k !== "fn") return undefined;
  if (alias.name === "ReturnType") return fn.ret;
  // Trailing parameters that take undefined may be left out (`loud?: boolean`): optional elements, whose
  // absence the tuple cannot tell from undefined, so uses that would show it are refused (refuseOptionalTuple).
  let required = fn.params.length;
  while (required > 0 && fn.params[required - 1]!.k === "nullable" && (fn.params[required - 1] as { undef: boolean }).undef) required--;
  return tupleType(l, fn.params, required);
}

/**
 * The IR type of a union of members that are neither null nor undefined and
 * do not all map to one type: a value union (lower/unions.ts). A nullable
 * union (`A | B | null`) maps its other members through here too, so an
 * object-union mapping added here serves both.
 */
/** The one element type of a union of read-only tuples whose fields all have it, or undefined. */
function readonlyTupleUnionElement(l: Lowerer, type: ts.UnionType, parts: (Type | undefined)[]): Type | undefined {
  if (!type.types.every((t) => l.checker.isTupleType(t) && ((t as ts.TypeReference).target as ts.TupleType).readonly)) return undefined;
  const fields = parts.flatMap((p) => (p?.k === "class" && p.cls.tuple ? p.cls.fields.map((f) => f.type) : [undefined]));
  const first = fields[0];
  return first && fields.every((f) => f && sameType(f, first)) ? first : undefined;
}

function unionOfMembers(l: Lowerer, parts: readonly ts.Type[], node: ts.Node): Type | undefined {
  return valueUnionType(l, parts, node, (t, n) => tryIrType(l, t, n), mangle);
}

/** `{}`: an object type with no properties, signatures or index signatures. */
export function isEmptyObjectType(t: ts.Type): boolean {
  return !!(t.flags & ts.TypeFlags.Object) && !t.getProperties().length && !t.getCallSignatures().length && !t.getConstructSignatures().length && !t.getStringIndexType() && !t.getNumberIndexType();
}

/** The value union of the members of `types` (each a union or a single type), each member once; undefined where there is none. */
export function mergedUnion(l: Lowerer, types: readonly ts.Type[], node: ts.Node): Type | undefined {
  const parts = [...new Set(types.flatMap((t) => (t.isUnion() ? t.types : [t])))];
  return unionOfMembers(l, parts, node);
}

/** A class lib/kernel.d.ts declares and the compiler lays out itself, registered once. */
function builtinClass(l: Lowerer, tsName: string, make: () => ClassInst): ClassInst {
  let cls = l.classInstances.get(tsName);
  if (!cls) {
    cls = make();
    l.classInstances.set(tsName, cls);
    l.program.classes.push(cls);
  }
  return cls;
}

/** The struct behind lib/kernel.d.ts's UnitTest: { name, run }. */
export function unitTestClass(l: Lowerer): ClassInst {
  return builtinClass(l, "UnitTest", () => ({
    cname: "tsos_unit_test",
    tsName: "UnitTest",
    fields: [{ name: "name", type: T.str }, { name: "run", type: fnType(l, [], T.void) }],
  }));
}

/** The frame the CPU pushes on an interrupt (Intel SDM vol. 3A, 6.14.1): a read-only layout struct. */
export function interruptFrameClass(l: Lowerer): ClassInst {
  const names = ["instructionPointer", "codeSegment", "cpuFlags", "stackPointer", "stackSegment"];
  return builtinClass(l, "InterruptStackFrame", () => ({
    cname: "tsos_interrupt_frame",
    tsName: "InterruptStackFrame",
    fields: names.map((name) => ({ name, type: T.int("u64") })),
    layout: "struct",
  }));
}

export function fnType(l: Lowerer, params: Type[], ret: Type): Type {
  const cname = `tsos_fn_${[...params.map(mangle), "to", mangle(ret)].join("_")}`;
  if (!l.program.fnTypes.some((f) => f.cname === cname)) l.program.fnTypes.push({ cname, params, ret });
  return { k: "fn", params, ret, cname };
}

/** Whether a signature's parameter is its rest parameter (`...args`). */
function isRestSymbol(p: ts.Symbol): boolean {
  const d = p.valueDeclaration;
  return !!d && ts.isParameter(d) && !!d.dotDotDotToken;
}

/** `inner | null | undefined` as the flags say (lower/nullable-types.ts). */
export function nullableType(l: Lowerer, inner: Type, hasNull: boolean, hasUndef: boolean): Type {
  return nullableOf(l, inner, hasNull, hasUndef, mangle);
}

export function typeOfNode(l: Lowerer, node: ts.Node): Type {
  return irType(l, l.checker.getTypeAtLocation(node), node);
}

export function typeFromTypeNode(l: Lowerer, node: ts.TypeNode): Type {
  return irType(l, l.checker.getTypeFromTypeNode(node), node);
}

export function mangle(t: Type): string {
  switch (t.k) {
    case "int":
      return t.kind;
    case "class":
      return t.cls.cname;
    case "array":
      return t.cname;
    case "ptr":
      return `ptr_${mangle(t.elem)}`;
    case "atomic":
      return `atomic_${t.kind}`;
    case "fn":
      return t.cname;
    case "view":
      return t.view.cname;
    case "fixed":
      return `fixed_${mangle(t.elem)}_${t.len}`;
    case "loc":
      return "loc";
    case "str":
      return t.borrowed ? "text" : t.keys ? mangleKeys(t.keys) : "str";
    case "union":
      return t.cname.replace(/^tsos_/, "");
    case "nullable":
      return `opt${t.null ? "n" : ""}${t.undef ? "u" : ""}_${mangle(t.inner)}`;
    case "cell":
      // A captured variable's cell (closures.ts): literal shapes of generic code differ by it.
      return `cell_${mangle(t.elem)}`;
    default:
      return t.k;
  }
}

/** The tuple that holds each of `parts`, tuples of one length without optional elements; undefined for other parts. */
function mergedTuple(l: Lowerer, parts: (Type | undefined)[]): Type | undefined {
  const tuples = parts.filter((p): p is Extract<Type, { k: "class" }> => p?.k === "class" && !!p.cls.tuple && p.cls.tupleRequired === undefined);
  if (tuples.length !== parts.length || !tuples.length) return undefined;
  const n = tuples[0]!.cls.fields.length;
  if (tuples.some((t) => t.cls.fields.length !== n)) return undefined;
  const elems: Type[] = [];
  for (let i = 0; i < n; i++) {
    const elem = unionOfTypes(l, tuples.map((t) => t.cls.fields[i]!.type), mangle, (inner, hasNull, hasUndef) => nullableType(l, inner, hasNull, hasUndef));
    if (!elem || elem.k === "never") return undefined;
    elems.push(elem);
  }
  return tupleType(l, elems);
}

export function arrayType(l: Lowerer, elem: Type): Type {
  // `void[]` (`ReturnType<F>[]` of a function that returns nothing, results pushed from its calls): every element is undefined.
  if (elem.k === "void") return arrayType(l, UNDEFINED_LITERAL);
  const cname = `tsos_arr_${mangle(elem)}`;
  let t = l.arrayTypes.get(cname);
  if (!t) {
    t = { k: "array", elem, cname };
    l.arrayTypes.set(cname, t);
    l.program.arrays.push({ cname, elem });
  }
  return t;
}

export function sameType(a: Type, b: Type): boolean {
  if (a.k === "str" && b.k === "str") return true;
  if (a.k === "nullable" && b.k === "nullable") return a.null === b.null && a.undef === b.undef && sameType(a.inner, b.inner);
  return mangle(a) === mangle(b);
}

/** A type as the programmer writes it; a recursive union (`type Json = ... | Json[]`) is named `...` where it recurs. */
export function typeName(t: Type): string {
  return typeNameWithin(t, new Set());
}

function typeNameWithin(t: Type, within: ReadonlySet<Type>): string {
  const name = (x: Type): string => typeNameWithin(x, within);
  switch (t.k) {
    case "int":
      return t.kind;
    case "class":
      return isBigType(t) ? "bigint" : t.cls.tsName;
    case "array": {
      // `(Frac | number)[]`, `(string | null)[]`, `((x: number) => string)[]`: the element's name in parentheses.
      const elem = name(t.elem);
      return ((t.elem.k === "union" || t.elem.k === "nullable" || t.elem.k === "view") && elem.includes(" | ")) || t.elem.k === "fn" ? `(${elem})[]` : `${elem}[]`;
    }
    case "str":
      return t.borrowed ? "Text" : "string";
    case "ptr":
      return `Ptr<${name(t.elem)}>`;
    case "atomic":
      return t.kind === "bool" ? "AtomicBool" : "AtomicU32";
    case "fn":
      return `(${t.params.map(name).join(", ")}) => ${name(t.ret)}`;
    case "view":
      return t.view.tsName;
    case "fixed":
      return `FixedArray<${name(t.elem)}, ${t.len}>`;
    case "bool":
      return "boolean";
    case "union": {
      if (within.has(t)) return "...";
      const inner = new Set(within).add(t);
      return t.members.map((m) => typeNameWithin(m, inner)).join(" | ");
    }
    case "dyn":
      return "unknown";
    case "nullable":
      return [...(t.inner.k === "never" ? [] : [name(t.inner)]), ...(t.null ? ["null"] : []), ...(t.undef ? ["undefined"] : [])].join(" | ");
    default:
      return t.k;
  }
}

export { Bail };

/** Whether a checker type is a string, a string literal, or a union of them (`"r" | "-"`). */
export function isStringType(t: ts.Type): boolean {
  if (t.flags & ts.TypeFlags.StringLike) return true;
  return t.isUnion() && t.types.every((m) => (m.flags & ts.TypeFlags.StringLike) !== 0);
}
