/**
 * lower/module.ts: stage 3 entry, modules -> the IR Program.
 *
 * Input:  the loaded program (load.ts) after the dialect check.
 * Output: an IR Program: one init function per module, in ES module order
 *         (dependencies first, depth-first in import order), globals for
 *         module-level variables and static fields, and every function
 *         reachable through the work list.
 * Invariants: non-generic functions and classes are lowered even when
 *             unused, so their errors are reported; the emitter later drops
 *             what main() cannot reach.
 */
import { genericFunctionConst } from "./generic-consts.ts";
import ts from "typescript";
import type { Expr, Global, Stmt, Type } from "../ir.ts";
import type { Loaded } from "../load.ts";
import { Bail, type FnScope, Lowerer, finish } from "./context.ts";
import { classInstance, constructorOf, isStatic, methodOf, staticAccessorOf, staticField } from "./classes.ts";
import { checkConstructionOrder, finishDispatch, registerClassDecls } from "./dispatch.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { functionOf, withScope } from "./functions.ts";
import { neverParam, storable } from "./never.ts";
import { untypedConst } from "./calls.ts";
import { lowerBlock, probedInit } from "./stmt.ts";
import { assignedKeptNull, markProbed } from "./probes.ts";
import { typeFromTypeNode, typeOfNode } from "./types.ts";
import { checkInterruptHandlers } from "./handlers.ts";
import { checkNoAllocation, noFreeFunctions } from "./no-alloc.ts";
import { countReferences } from "../rc.ts";
import { checkInitAllocations } from "../kernel-alloc.ts";
import { shrunkArrays, versionLoops } from "./bounds.ts";
import { int32Locals, integerCounters } from "./intrep.ts";
import { devirtualize, knownGlobals, singleClassViews } from "./devirt.ts";
import { mergeAppendRuns } from "./append-runs.ts";
import { boxCaptured, closureScopes, useClosureProgram } from "./closures.ts";
import { declareModuleVars, isVar } from "./control.ts";
import { declareDefaultExport, initDefaultExport } from "./exports.ts";
import { useStdProgram } from "./array-methods.ts";
import { useStringLibrary } from "./string-methods.ts";
import { useCollectionsProgram } from "./collections.ts";
import { useRegExpLibrary } from "./regexp.ts";
import { declarePatternGlobals, initPatternGlobals } from "./destructure.ts";
import { isAmbientVariableStatement, moduleStatements } from "./namespaces.ts";
import { programMayFreeze } from "./frozen.ts";
import { programMayCallToJson } from "./json.ts";

export function lowerProgram(loaded: Loaded, target: "host" | "kernel", testBuild = false, heapAllocator = "fixed-block") {
  const l = new Lowerer(loaded.checker, target, testBuild, heapAllocator);
  useStdProgram(loaded.program);
  useClosureProgram(loaded.program);
  useStringLibrary(loaded.program);
  useCollectionsProgram(loaded.program);
  useRegExpLibrary(loaded.program);
  const modules = loaded.modules; // already in ES evaluation order (load.ts reachable)
  l.mayFreeze = target === "host" && programMayFreeze(modules);
  l.mayCallToJson = programMayCallToJson(modules);
  registerClassDecls(l, modules);
  for (const sf of modules) declareGlobals(l, sf);
  for (const sf of modules) lowerModule(l, sf);
  if (target === "kernel") guard(() => findPanicHandler(l, modules, loaded.entry));
  finishDispatch(l, () => {
    while (l.work.length) l.work.shift()!();
  });
  checkConstructionOrder(l);
  for (const f of l.program.funcs) boxCaptured(l, f);
  const viewTables = new Map(l.program.viewTables.map((t) => [t.cname, t]));
  const viewGlobals = knownGlobals(l.program, viewTables);
  const singleViews = singleClassViews(l.program);
  for (const f of l.program.funcs) f.body = devirtualize(f, viewTables, viewGlobals, singleViews);
  if (l.doubles) for (const f of l.program.funcs) f.body = mergeAppendRuns(f.body);
  const shrunk = shrunkArrays(l.program.funcs);
  for (const f of l.program.funcs) f.body = versionLoops(l.doubles ? int32Locals(integerCounters(f.body)) : f.body, shrunk);
  if (target === "kernel") checkInterruptHandlers(l);
  if (!l.diagnostics.length) countReferences(l.program, noFreeFunctions(l.program)); // rc.ts, both targets; no releases in handler and allocator code
  checkNoAllocation(l); // lower/no-alloc.ts: interrupt handlers and allocator methods (after rc.ts: it sees the releases left)
  if (target === "kernel") checkInitAllocations(l);
  return finish(l);
}

function hasTag(decl: ts.Node, tag: string): boolean {
  return ts.getJSDocTags(decl).some((t) => t.tagName.text === tag);
}

/** The kernel's `@panicHandler`: the entry module's if it has one, else the one imported. */
function findPanicHandler(l: Lowerer, modules: ts.SourceFile[], entry: ts.SourceFile): void {
  const candidates = modules.flatMap((sf) => sf.statements.filter((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && hasTag(st, "panicHandler")));
  const handler = candidates.find((c) => c.getSourceFile() === entry) ?? candidates[0];
  if (!handler) l.fail("TSOS3006", entry.statements[0] ?? entry);
  const f = functionOf(l, handler, []);
  const [message, file, line, column] = f.params.map((p) => p.type);
  const ok =
    f.params.length === 4 && message?.k === "str" && file?.k === "str" && line?.k === "int" && line.kind === "u32" &&
    column?.k === "int" && column.kind === "u32" && f.ret.k === "never";
  if (!ok) l.fail("TSOS3005", handler.name ?? handler);
  l.program.panicHandler = f.cname;
}

function guard(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Bail)) throw e;
  }
}

function declareGlobals(l: Lowerer, sf: ts.SourceFile): void {
  const mod = l.moduleName(sf);
  checkAmbientVariables(l, sf);
  guard(() => l.program.globals.push(...withScope(l, initScope(l, sf), () => declareModuleVars(l, sf, mod))));
  for (const st of moduleStatements(sf)) {
    if (ts.isExportAssignment(st)) guard(() => withScope(l, initScope(l, sf), () => declareDefaultExport(l, st, mod)));
    if (!ts.isVariableStatement(st) || isVar(st.declarationList)) continue;
    for (const d of st.declarationList.declarations)
      guard(() => {
        if (!ts.isIdentifier(d.name)) return declarePatternGlobals(l, d, mod);
        if (untypedConst(l, d.name) !== undefined) return;
        if (genericFunctionConst(l, d)) return; // instantiated at each call (lower/generic-consts.ts)
        // If the initializer has an error, the global still exists (with the type
        // tsc gives it), so its uses do not cascade into more errors.
        let declared: { type: Type; init?: Expr; probed?: boolean };
        try {
          declared = withScope(l, initScope(l, sf), () => probedInit(l, d));
        } catch (e) {
          if (!(e instanceof Bail)) throw e;
          const reported = l.diagnostics.length;
          try {
            declared = { type: withScope(l, initScope(l, sf), () => (d.type ? typeFromTypeNode(l, d.type) : typeOfNode(l, d.name))) };
          } catch (again) {
            l.diagnostics.length = reported; // the type itself was the error, already reported
            throw again;
          }
        }
        const { type, init } = declared;
        storable(l, type, d.type ?? d.name);
        const g: Global = {
          cname: l.uniqueName(`${mod}__${d.name.text}`),
          type,
          isConst: (st.declarationList.flags & ts.NodeFlags.Const) !== 0,
        };
        if (init) globalInits.set(d, init);
        if (("probed" in declared && declared.probed) || (type.k === "nullable" && type.null && assignedKeptNull(l, d))) markProbed(l, g.cname, true);
        l.globalsByDecl.set(d, g);
        l.program.globals.push(g);
      });
  }
}

/** `declare const console: ...` names a global of the library (context.ts ambientLibGlobal); any other has no value to compile. */
function checkAmbientVariables(l: Lowerer, sf: ts.SourceFile): void {
  if (sf.isDeclarationFile) return;
  const visit = (n: ts.Node): void => {
    if (isAmbientVariableStatement(n)) {
      for (const d of n.declarationList.declarations) {
        const sym = ts.isIdentifier(d.name) ? l.checker.getSymbolAtLocation(d.name) : undefined;
        const kind = n.declarationList.flags & ts.NodeFlags.Const ? "const" : n.declarationList.flags & ts.NodeFlags.Let ? "let" : "var";
        if (!sym || !l.ambientLibGlobal(sym)) guard(() => l.fail("TSOS1362", d, `${kind} ${d.name.getText()}`));
      }
    } else if (ts.isSourceFile(n) || ts.isModuleDeclaration(n) || ts.isModuleBlock(n)) ts.forEachChild(n, visit);
  };
  visit(sf);
}

/**
 * The module variables of a lib/std file that no program imports, so that
 * its init code never runs (lower/math.ts declares lib/std/math.ts's when a
 * program first calls it): each must be static data (a constant, or an
 * array of constants), or a `let` that starts as 0 or null, which is what
 * C static storage holds before main().
 */
export function declareLibraryGlobals(l: Lowerer, sf: ts.SourceFile): void {
  declareGlobals(l, sf);
  withScope(l, initScope(l, sf), () => {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        const init = globalInits.get(d);
        const zero = !init || (init.e === "int" && init.value === 0n) || (init.e === "num" && Object.is(init.value, 0)) || (init.e === "nullish" && !init.undef);
        const isStatic = (zero && !l.globalsByDecl.get(d)?.isConst) || initGlobal(l, d).length === 0;
        if (!isStatic) l.fail("TSOS9001", d, "a module variable of a library file must be static data, or start as 0 or null");
      }
    }
  });
}

/** Lowered initializers of module-level variables (lowered when declared, to learn their types). */
const globalInits = new WeakMap<ts.VariableDeclaration, Expr>();
const initScopes = new WeakMap<ts.SourceFile, FnScope>();

function initScope(l: Lowerer, sf: ts.SourceFile): FnScope {
  let scope = initScopes.get(sf);
  if (!scope) {
    scope = l.newScope();
    initScopes.set(sf, scope);
  }
  return scope;
}

function lowerModule(l: Lowerer, sf: ts.SourceFile): void {
  const mod = l.moduleName(sf);
  const scope = initScope(l, sf);
  const body: Stmt[] = [];
  withScope(l, scope, () => {
    for (const st of moduleStatements(sf)) {
      if (ts.isVariableStatement(st) && !isVar(st.declarationList)) {
        for (const d of st.declarationList.declarations) guard(() => body.push(...initGlobal(l, d)));
      } else if (ts.isFunctionDeclaration(st)) {
        if (!st.typeParameters && st.body && neverParam(l, st) < 0) guard(() => {
          const f = functionOf(l, st, []);
          if (hasTag(st, "test") && l.target === "kernel" && l.testBuild) {
            const base = sf.fileName.replace(/^.*\//, "").replace(/\.ts$/, "");
            l.program.unitTests.push({ name: `${base}::${st.name!.text}`, fn: f.cname });
          }
        });
      } else if (ts.isClassDeclaration(st)) {
        guard(() => body.push(...lowerClassStatics(l, st)));
      } else if (ts.isExportAssignment(st)) {
        guard(() => body.push(...initDefaultExport(l, st)));
      } else if (
        ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isEnumDeclaration(st) ||
        ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)
      ) {
        continue;
      } else {
        body.push(...lowerBlock(l, [st]));
      }
    }
  });
  const cname = l.uniqueName(`${mod}__init`);
  const init = { cname, params: [], ret: { k: "void" } as const, body, loc: l.loc(sf.statements[0] ?? sf), isStatic: true, moduleInit: true };
  l.addFunc(init);
  closureScopes.set(init, scope);
  l.program.inits.push(cname);
}

function initGlobal(l: Lowerer, d: ts.VariableDeclaration): Stmt[] {
  if (!ts.isIdentifier(d.name)) return initPatternGlobals(l, d);
  const g = l.globalsByDecl.get(d);
  const value = globalInits.get(d);
  if (!g || !value) return [];
  if (g.isConst) g.constValue = value;
  if (g.isConst && (value.e === "int" || value.e === "num" || value.e === "bool" || value.e === "str")) {
    g.constInit = value;
    return [];
  }
  // Module-level objects are static: `const X = new C(...)` is constructed in
  // place in static storage, and an array literal of constants is static data.
  if (value.e === "new") return staticConstruct(l, g, value, l.loc(d));
  if (value.e === "arraylit" && value.elems.every((x) => x.e === "int" || x.e === "num" || x.e === "bool" || x.e === "str")) {
    g.staticObject = { elems: value.elems };
    return [];
  }
  return [{ s: "expr", x: { e: "assign", type: g.type, target: { e: "global", type: g.type, name: g.cname }, value }, loc: l.loc(d) }];
}

/**
 * Construct a module-level object in static storage. Objects passed to its
 * constructor that are themselves `new` expressions get static storage too
 * (`new Mutex(new Writer())`), constructed first.
 */
function staticConstruct(l: Lowerer, g: Global, value: Extract<Expr, { e: "new" }>, loc: number): Stmt[] {
  const out: Stmt[] = [];
  const args = value.args.map((a) => {
    if (a.e !== "new") return a;
    const inner: Global = { cname: l.uniqueName(`${g.cname}_${a.cls.cname}`), type: a.type, isConst: true };
    l.program.globals.push(inner);
    out.push(...staticConstruct(l, inner, a, loc));
    return { e: "global", type: inner.type, name: inner.cname } as Expr;
  });
  g.staticObject = { cls: value.cls };
  const self: Expr = { e: "global", type: g.type, name: g.cname }; // its header is static data (emit-program.ts)
  out.push({ s: "expr", x: { e: "call", type: g.type, fn: value.init, args: [self, ...args] }, loc });
  return out;
}

/** Static field initializers run at module init; non-generic classes are lowered eagerly. */
function lowerClassStatics(l: Lowerer, cls: ts.ClassDeclaration): Stmt[] {
  const out: Stmt[] = [];
  for (const m of cls.members) {
    if (ts.isClassStaticBlockDeclaration(m)) {
      guard(() => void out.push({ s: "block", body: lowerBlock(l, m.body.statements) }));
      continue;
    }
    if (!ts.isPropertyDeclaration(m) || !isStatic(m)) continue;
    guard(() => {
      const g = staticField(l, m);
      if (!m.initializer) return;
      const value = coerce(l, lowerExpr(l, m.initializer, g.type), g.type, m.initializer);
      out.push({ s: "expr", x: { e: "assign", type: g.type, target: { e: "global", type: g.type, name: g.cname }, value }, loc: l.loc(m) });
    });
  }
  if (!cls.typeParameters) {
    guard(() => {
      const inst = classInstance(l, cls, []);
      constructorOf(l, inst);
      for (const m of cls.members)
        if ((ts.isMethodDeclaration(m) || ts.isAccessor(m)) && !(ts.isMethodDeclaration(m) && m.typeParameters) && !isStatic(m) && m.body)
          guard(() => void methodOf(l, inst, m, []));
        else if (ts.isAccessor(m) && isStatic(m)) guard(() => void staticAccessorOf(l, m));
    });
  }
  return out;
}
