/**
 * lower/context.ts: the state shared by the lowering stage.
 *
 * Input:  a checked ts.Program (load.ts) that passed the dialect check.
 * Output: the IR Program being built (functions, classes, arrays, globals,
 *         source locations) plus TSOS diagnostics.
 * Invariants:
 *   - C names are unique program-wide (`uniqueName`).
 *   - Generic declarations are instantiated once per distinct list of type
 *     arguments (key = declaration id + mangled type arguments).
 *   - `FnScope` holds what one function body needs: its locals, the
 *     generic substitution, and the type of `this`.
 */
import ts from "typescript";
import { useImplementation } from "./overloads.ts";
import { type Code, CompileError, type Diagnostic, diag } from "../diagnostics.ts";
import type { ClassInst, Func, Global, Program, SourceLoc, Type } from "../ir.ts";
import { displayPath, spanOf } from "../load.ts";

const C_RESERVED = new Set(
  (
    "auto break case char const continue default do double else enum extern float for goto if inline int long " +
    "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while " +
    "bool true false main self errno stdin stdout stderr NULL asm typeof " +
    // C library functions that generated code and the runtime's macros call by name in a function's body: a local
    // of the same name would hide them (`readonly floor = Math.floor(n / 100)`).
    "floor ceil trunc round rint nearbyint sqrt cbrt pow exp exp2 expm1 log log2 log10 log1p fabs fmod remainder " +
    "sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh hypot copysign nextafter fmin fmax ldexp frexp modf " +
    "signbit isnan isinf isfinite nan memcpy memmove memset memcmp strlen strcmp strtod malloc calloc realloc free " +
    "printf fprintf snprintf fputs fputc fwrite fflush putchar exit abort qsort setjmp longjmp"
  ).split(" "),
);

export interface FnScope {
  /** Declaration (parameter or variable) -> C local name. */
  locals: Map<ts.Node, string>;
  used: Set<string>;
  env: Map<ts.Symbol, Type>;
  thisType?: Type;
  /** Return type of the function being lowered (undefined in module init). */
  ret?: Type;
  isCtor: boolean;
  temp: number;
  /** In an @trackCaller function, panics report the caller's location. */
  trackCaller?: boolean;
  /** Inside a closure's code (lower/closures.ts): how captured variables and `this` are reached. */
  closure?: ClosureScope;
  /** In a static method (and arrows in it): the class `this` is, the one it was called on (lower/static-this.ts). */
  staticThis?: ts.ClassLikeDeclaration;
}

/** The environment of the closure being lowered: each captured declaration (or `this`) and its field. */
export interface ClosureScope {
  node: ts.Node;
  /** The C struct of the environment. */
  env: string;
  /** The function type of the closure's value. */
  type: Type;
  /** `heap`: the cell is a counted heap cell (a captured variable in cell mode), not a local's address. */
  fields: Map<ts.Node | "this", { name: string; type: Type; cell: boolean; heap?: boolean }>;
  /** Set for an object literal's method: the captures are hidden fields of the literal (`self`), not an environment. */
  self?: Type;
}

export class Lowerer {
  readonly diagnostics: Diagnostic[] = [];
  readonly program: Program;
  private readonly names = new Set<string>();
  private readonly locIndex = new Map<string, number>();
  readonly funcInstances = new Map<string, Func>();
  /** Function C name -> its declaration (for diagnostics found after lowering). */
  readonly funcNodes = new Map<string, ts.Node>();
  readonly classInstances = new Map<string, ClassInst>();
  readonly arrayTypes = new Map<string, Type>();
  readonly globalsByDecl = new Map<ts.Node, Global>();
  readonly moduleNames = new Map<ts.SourceFile, string>();
  /** Functions whose bodies still have to be lowered. */
  readonly work: (() => void)[] = [];
  scope: FnScope;
  /** `number` is an IEEE double (hosted target); on the kernel it is the checked 64-bit integer. */
  readonly doubles: boolean;
  /** The program may freeze objects: stores check the frozen mark (lower/frozen.ts). */
  mayFreeze = false;
  /** Whether a file of the program's own says `toJSON` or `Date`: a replacer function's walk would skip toJSON (lower/json.ts). */
  mayCallToJson = false;

  constructor(
    readonly checker: ts.TypeChecker,
    readonly target: "host" | "kernel",
    readonly testBuild = false,
    /** Kernel: HEAP_ALLOCATOR, the allocator design chosen at build time (`--allocator`). */
    readonly heapAllocator = "fixed-block",
  ) {
    this.program = { locs: [], classes: [], families: [], arrays: [], globals: [], funcs: [], inits: [], target, unitTests: [], fnTypes: [], views: [], viewTables: [], reviews: [], optTypes: [], unionTypes: [] };
    this.scope = this.newScope();
    this.doubles = target === "host";
  }

  newScope(env = new Map<ts.Symbol, Type>(), thisType?: Type): FnScope {
    return { locals: new Map(), used: new Set(), env, thisType, isCtor: false, temp: 0 };
  }

  error(code: Code, node: ts.Node, ...args: string[]): void {
    this.diagnostics.push(diag(code, spanOf(node), ...args));
  }

  /** Report and stop lowering this construct. */
  fail(code: Code, node: ts.Node, ...args: string[]): never {
    // For compiler work: TSOS_DEBUG_FAIL=1 prints where each refusal was raised.
    if (process.env.TSOS_DEBUG_FAIL) console.error(new Error(code).stack);
    this.error(code, node, ...args);
    throw new Bail();
  }

  loc(node: ts.Node): number {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const l: SourceLoc = { file: displayPath(sf.fileName), line: line + 1, col: character + 1 };
    const key = `${l.file}:${l.line}:${l.col}`;
    let i = this.locIndex.get(key);
    if (i === undefined) {
      i = this.program.locs.length;
      this.program.locs.push(l);
      this.locIndex.set(key, i);
    }
    return i;
  }

  uniqueName(base: string): string {
    let name = base.replace(/[^A-Za-z0-9_]/g, "_");
    if (/^[0-9]/.test(name)) name = "_" + name;
    if (C_RESERVED.has(name) || name.startsWith("tsos_") || name.startsWith("__")) name += "_";
    let candidate = name;
    for (let n = 2; this.names.has(candidate); n++) candidate = `${name}_${n}`;
    this.names.add(candidate);
    return candidate;
  }

  /** A C local name unique within the current function. */
  localName(base: string): string {
    let name = base.replace(/[^A-Za-z0-9_]/g, "_");
    if (C_RESERVED.has(name) || name.startsWith("tsos_") || name.startsWith("__")) name += "_";
    let candidate = name;
    for (let n = 2; this.scope.used.has(candidate) || this.names.has(candidate); n++) candidate = `${name}_${n}`;
    this.scope.used.add(candidate);
    return candidate;
  }

  temp(): string {
    return this.localName(`tmp${this.scope.temp++}`);
  }

  moduleName(sf: ts.SourceFile): string {
    let name = this.moduleNames.get(sf);
    if (!name) {
      const base = sf.fileName.replace(/^.*\//, "").replace(/\.(ts|mts)$/, "");
      name = this.uniqueName(base);
      this.moduleNames.set(sf, name);
    }
    return name;
  }

  /** Resolve an identifier or property name to its original symbol (through imports). */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    // `{ x }`: the name stands for the variable `x`, not for the property.
    let sym = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
      ? this.checker.getShorthandAssignmentValueSymbol(node.parent)
      : this.checker.getSymbolAtLocation(node);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
    if (sym) useImplementation(sym); // lower/overloads.ts
    return (sym && (this.ambientLibGlobal(sym) ?? this.namespacePatternMember(sym))) || sym;
  }

  /**
   * `const { wrap, slugify } = StringUtils;` with StringUtils a namespace: each name stands for the
   * namespace's member (the declaration adds no value of its own: `isNamespacePattern`), so `wrap(s)`
   * is a direct call of `StringUtils.wrap`.
   */
  namespacePatternMember(sym: ts.Symbol): ts.Symbol | undefined {
    const d = sym.valueDeclaration;
    if (!d || !ts.isBindingElement(d) || !ts.isVariableDeclaration(d.parent.parent) || !this.isNamespacePattern(d.parent.parent)) return undefined;
    const name = (d.propertyName ?? d.name) as ts.Identifier;
    let ns = this.checker.getSymbolAtLocation(d.parent.parent.initializer!)!;
    if (ns.flags & ts.SymbolFlags.Alias) ns = this.checker.getAliasedSymbol(ns);
    const member = this.checker.getExportsOfModule(ns).find((e) => e.name === name.text);
    return member && member.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(member) : member;
  }

  /** `const { a, b: c } = NS;`: a const object pattern of plain names taken from a namespace. */
  isNamespacePattern(v: ts.VariableDeclaration): boolean {
    if (!ts.isObjectBindingPattern(v.name) || !v.initializer || !ts.isIdentifier(v.initializer) || !(ts.getCombinedNodeFlags(v) & ts.NodeFlags.Const)) return false;
    if (!v.name.elements.every((e) => !e.dotDotDotToken && !e.initializer && ts.isIdentifier(e.name) && (!e.propertyName || ts.isIdentifier(e.propertyName)))) return false;
    let ns = this.checker.getSymbolAtLocation(v.initializer);
    if (ns && ns.flags & ts.SymbolFlags.Alias) ns = this.checker.getAliasedSymbol(ns);
    return !!ns && (ns.flags & ts.SymbolFlags.ValueModule) !== 0;
  }

  /**
   * The library global that `declare const console: ...` in a program names:
   * the declaration adds no value of its own (namespaces.ts leaves it out), so
   * its uses are uses of the library's `console` (module.ts refuses an ambient
   * variable the library does not define).
   */
  ambientLibGlobal(sym: ts.Symbol): ts.Symbol | undefined {
    const decl = sym.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || decl.getSourceFile().isDeclarationFile) return undefined;
    if (!(ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Ambient) || !ts.isIdentifier(decl.name)) return undefined;
    const global = this.checker.resolveName(decl.name.text, undefined, ts.SymbolFlags.Value, false);
    return global && global !== sym && global.declarations?.every((d) => d.getSourceFile().isDeclarationFile) ? global : undefined;
  }

  isLibDecl(decl: ts.Node | undefined): boolean {
    return !!decl && decl.getSourceFile().isDeclarationFile;
  }

  addFunc(f: Func): void {
    this.program.funcs.push(f);
  }
}

/** The start of a node's source text for a message: its first line, at most 40 characters. */
/** Whether a symbol is declared only in declaration files (lib/tsos.d.ts, TypeScript's libs): a library type, not the program's. */
export function isLibSymbol(sym: ts.Symbol | undefined): sym is ts.Symbol {
  return !!sym?.declarations?.length && sym.declarations.every((d) => d.getSourceFile().isDeclarationFile);
}

export function snippet(node: ts.Node): string {
  const text = node.getText().split("\n")[0]!.trim();
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}

/** Unwinds lowering of one construct after a diagnostic was recorded. */
export class Bail extends Error {
  constructor() {
    super("bail");
  }
}

/**
 * `fn()`, or undefined where it bails: a probe ("would this compile?") whose
 * refusal is not the program's error, so whatever it reported is forgotten.
 */
/**
 * As quietly, where `fn` may also report an error and go on (a statement's lowering records a refusal and
 * continues with the next): any report counts as a failure, and is forgotten.
 */
export function cleanly<R>(l: Lowerer, fn: () => R): R | undefined {
  const reported = l.diagnostics.length;
  const r = quietly(l, fn);
  if (l.diagnostics.length === reported) return r;
  l.diagnostics.length = reported;
  return undefined;
}

export function quietly<R>(l: Lowerer, fn: () => R): R | undefined {
  const reported = l.diagnostics.length;
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof Bail)) throw e;
    l.diagnostics.length = reported;
    return undefined;
  }
}

export function finish(l: Lowerer): Program {
  if (l.diagnostics.length) throw new CompileError(l.diagnostics);
  return l.program;
}
