/**
 * load.ts: stage 1, load and type-check with the real TypeScript compiler.
 *
 * Input:  an entry file path.
 * Output: a ts.Program over the entry, everything it imports and
 *         lib/tsos.d.ts and lib/kernel.d.ts (kernel intrinsics, rejected on the
 *         host target with TSOS3003), plus
 *         TypeScript's own errors as TSOS0001 diagnostics.
 * Invariants: no TypeScript lib file, DOM or Node type is ever loaded
 *             (`noLib`, `types: []`); the parsed lib is cached between
 *             compilations in one process, which keeps tests fast. The
 *             library's declaration files are not checked per compile (a
 *             third of its time): every program file is a module, so none
 *             can add to their declarations, and `tsc --build` checks them
 *             (test/typecheck.test.ts).
 */
import ts from "typescript";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Diagnostic, diag, type Span } from "./diagnostics.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const LIB_DIR = path.resolve(here, "../../lib");

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  types: [],
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: false,
  moduleDetection: ts.ModuleDetectionKind.Force,
};

const sourceCache = new Map<string, { text: string; sf: ts.SourceFile }>();

function cachedHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(LIB_DIR)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const hit = sourceCache.get(fileName);
    if (hit) return hit.sf;
    const sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (sf) sourceCache.set(fileName, { text: sf.text, sf });
    return sf;
  };
  return host;
}

export interface Loaded {
  program: ts.Program;
  checker: ts.TypeChecker;
  entry: ts.SourceFile;
  /** The entry's user modules, in ES evaluation order: each after what it imports, the entry last. */
  modules: ts.SourceFile[];
}

export function displayPath(fileName: string): string {
  const rel = path.relative(process.cwd(), fileName);
  return rel.startsWith("..") ? fileName : rel;
}

export function spanOf(node: ts.Node, sf = node.getSourceFile()): Span {
  const start = node.getStart(sf);
  return { file: displayPath(sf.fileName), text: sf.text, start, length: node.getEnd() - start };
}

/** One TypeScript program for several entries (a kernel and its test kernels share their modules). */
export function createProgram(entryFiles: string[]): ts.Program {
  // The kernel declarations are always loaded, so a kernel intrinsic used in a
  // hosted program gets TSOS3003 rather than "cannot find name".
  // lib/std/array.ts implements array methods in the dialect (lower/array-methods.ts);
  // lib/std/map.ts, Map and Set (lower/collections.ts); lib/std/string.ts, string methods (lower/string-methods.ts);
  // lib/std/error.ts, the Error classes (lower/exceptions.ts); lib/std/inspect.ts, console.log of arrays and objects (lower/inspect.ts);
  // lib/std/json.ts, JSON.stringify and JSON.parse (lower/json.ts);
  // lib/std/math.ts, Math.sin and the other functions V8 computes with fdlibm (lower/math.ts);
  // lib/std/regexp.ts, regular expressions (lower/regexp.ts); lib/std/number.ts, toLocaleString (lower/number.ts);
  // lib/std/uri.ts, encodeURIComponent and the other URI functions (lower/uri.ts);
  // lib/std/iter.ts, arrays, Maps and Sets as Iterable<T> values (lower/iterables.ts);
  // lib/std/typed-array.ts, ArrayBuffer, typed arrays and DataView (lower/typed-arrays.ts);
  // lib/std/weakref.ts, WeakRef, lib/std/date.ts, Date, and lib/std/text.ts, TextEncoder and TextDecoder (lower/exceptions.ts
  // builtinClassDecl); lib/std/bigint.ts, bigint (lower/bigint.ts);
  // lib/std/clone.ts, structuredClone's memo (lower/structured-clone.ts).
  const roots = [
    path.join(LIB_DIR, "tsos.d.ts"), path.join(LIB_DIR, "kernel.d.ts"), path.join(LIB_DIR, "std/array.ts"), path.join(LIB_DIR, "std/map.ts"),
    path.join(LIB_DIR, "std/string.ts"), path.join(LIB_DIR, "std/error.ts"), path.join(LIB_DIR, "std/inspect.ts"), path.join(LIB_DIR, "std/json.ts"),
    path.join(LIB_DIR, "std/math.ts"), path.join(LIB_DIR, "std/regexp.ts"),
    path.join(LIB_DIR, "std/number.ts"), path.join(LIB_DIR, "std/uri.ts"), path.join(LIB_DIR, "std/iter.ts"),
    path.join(LIB_DIR, "std/typed-array.ts"), path.join(LIB_DIR, "std/weakref.ts"),
    path.join(LIB_DIR, "std/date.ts"), path.join(LIB_DIR, "std/text.ts"), path.join(LIB_DIR, "std/bigint.ts"), path.join(LIB_DIR, "std/clone.ts"), ...entryFiles.map((f) => path.resolve(f)),
  ];
  return ts.createProgram(roots, COMPILER_OPTIONS, cachedHost());
}

/**
 * The files an entry reaches through its imports, itself included, in ES
 * module evaluation order: each module after everything it imports
 * (depth-first, in import order), the entry last.
 */
export function reachable(program: ts.Program, entry: ts.SourceFile): ts.SourceFile[] {
  const checker = program.getTypeChecker();
  const seen = new Set<ts.SourceFile>();
  const order: ts.SourceFile[] = [];
  const visit = (sf: ts.SourceFile) => {
    if (seen.has(sf)) return;
    seen.add(sf);
    for (const st of sf.statements) {
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier;
      const target = spec && ts.isStringLiteral(spec) ? checker.getSymbolAtLocation(spec)?.valueDeclaration : undefined;
      if (target && ts.isSourceFile(target) && !target.isDeclarationFile) visit(target);
    }
    order.push(sf);
  };
  visit(entry);
  return order;
}

/** Load one entry from a program: its modules and the TypeScript errors that concern them. */
export function loadEntry(program: ts.Program, entryFile: string): { loaded?: Loaded; diagnostics: Diagnostic[] } {
  const entry = program.getSourceFile(path.resolve(entryFile));
  if (!entry) return { diagnostics: [diag("TSOS4001", undefined, entryFile, "no such file")] };
  const modules = reachable(program, entry);
  const files = new Set<ts.SourceFile>(modules);
  const diagnostics = [
    ...program.getGlobalDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...modules.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ]
    .filter((d) => !d.file || files.has(d.file) || d.file.isDeclarationFile)
    .map(fromTs);
  return { loaded: { program, checker: program.getTypeChecker(), entry, modules }, diagnostics };
}

export function load(entryFile: string): { loaded?: Loaded; diagnostics: Diagnostic[] } {
  return loadEntry(createProgram([entryFile]), entryFile);
}

function fromTs(d: ts.Diagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!;
  const lowered = message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, "");
  const span: Span | undefined =
    d.file && d.start !== undefined
      ? { file: displayPath(d.file.fileName), text: d.file.text, start: d.start, length: d.length ?? 1 }
      : undefined;
  return diag("TSOS0001", span, lowered, `TS${d.code}`);
}
