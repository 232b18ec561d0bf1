/**
 * check.ts: stage 2, the dialect check.
 *
 * Input:  the user modules of a type-checked ts.Program.
 * Output: a TSOS1xxx diagnostic for every construct the dialect rejects,
 *         found by syntax alone (one `checkX` per node kind that matters),
 *         including constructs nested inside a rejected one.
 * Invariants: runs before lowering, so lowering may assume it only sees
 *             supported syntax; anything that needs types (dynamic property
 *             access, integer rules) is checked in lowering instead.
 */
import ts from "typescript";
import { type Code, type Diagnostic, diag } from "./diagnostics.ts";
import { spanOf } from "./load.ts";
import { compilePattern } from "../../lib/std/regexp-syntax.ts";

const K = ts.SyntaxKind;

/** Syntax kinds rejected with TSOS1005, and how to name them. */
const UNSUPPORTED: Partial<Record<ts.SyntaxKind, string>> = {
  [K.AwaitExpression]: "`await`",
  [K.YieldExpression]: "`yield`",
  [K.WithStatement]: "`with`",
  [K.Decorator]: "a decorator",
  [K.ClassExpression]: "a class expression",
  [K.NamespaceExport]: "`export * as`",
  [K.DebuggerStatement]: "`debugger`",
};

/** `target`: fractional literals are refused only on the kernel target (no floating point there). */
export function checkDialect(modules: readonly ts.SourceFile[], target: "host" | "kernel" = "host"): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: Code, node: ts.Node, ...args: string[]): void => void out.push(diag(code, spanOf(node), ...args));

  // Every node is checked, including those inside a rejected construct, so a
  // second problem inside it is reported too. Only the inside of a rejected
  // type is skipped (`A | null` is one problem, not two), and so are
  // interface and type alias declarations (their use as types is checked in
  // lowering).
  function visit(node: ts.Node): void {
    const before = out.length;
    checkNode(node);
    if (out.length > before && ts.isTypeNode(node)) return;
    if (node.kind === K.InterfaceDeclaration || node.kind === K.TypeAliasDeclaration) return;
    ts.forEachChild(node, visit);
  }

  /** A regex literal: the kernel has none (TSOS1150); the pattern is compiled now, as lower/regexp.ts will (TSOS1151 invalid, TSOS1152 unsupported). */
  function checkRegExpLiteral(node: ts.RegularExpressionLiteral): void {
    if (target === "kernel") return report("TSOS1150", node);
    const last = node.text.lastIndexOf("/");
    const c = compilePattern(node.text.slice(1, last), node.text.slice(last + 1));
    if (c.error !== "") report("TSOS1151", node, c.reason);
    else if (c.unsupported !== "") report("TSOS1152", node, c.unsupported);
  }

  function checkNode(node: ts.Node): void {
    const name = UNSUPPORTED[node.kind];
    // Hosted programs have generators (lower/generators.ts).
    if (name && !(node.kind === K.YieldExpression && target === "host")) {
      report("TSOS1005", node, name);
      return;
    }
    // `catch (e: unknown)` / `catch (e: any)`: the caught value is always an Error (lower/exceptions.ts).
    if ((node.kind === K.AnyKeyword || node.kind === K.UnknownKeyword) && ts.isVariableDeclaration(node.parent) && ts.isCatchClause(node.parent.parent)) return;
    switch (node.kind) {
      case K.RegularExpressionLiteral:
        return checkRegExpLiteral(node as ts.RegularExpressionLiteral);
      case K.ModuleDeclaration: {
        // `namespace N { ... }` holds module-level code (lower/module.ts moduleStatements); ambient ones declare nothing to compile.
        const m = node as ts.ModuleDeclaration;
        const ambient = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Ambient) !== 0 || !ts.isIdentifier(m.name) || (m.flags & ts.NodeFlags.GlobalAugmentation) !== 0;
        if (ambient) report("TSOS1005", node, "an ambient namespace or module declaration");
        return;
      }
      case K.AnyKeyword:
        // Hosted, a written `any` is the dynamic value an inferred one already is (lower/dynamic.ts): it can be stored,
        // passed, printed and narrowed; member access and arithmetic on it wait for a narrowing (TSOS1018, TSOS2008).
        if (target === "host") return;
        report("TSOS1001", node);
        return;
      case K.UnknownKeyword:
        if (target === "host") return; // lower/dynamic.ts
        return report("TSOS1006", node, "unknown");
      case K.ObjectKeyword:
        if (target === "host") return;
        return report("TSOS1006", node, "object");
      case K.SymbolKeyword:
        return report("TSOS1006", node, "symbol");
      case K.UndefinedKeyword:
      case K.NullKeyword:
        return; // null and undefined: lower/nullable.ts
      case K.UnionType:
        break; // lowering maps the unions it supports (lower/types.ts) and reports the others
      case K.IntersectionType: {
        // Lowering maps intersections of object types (lower/intersections.ts) and reports the others;
        // one with a part that no type supports is reported once, as a whole.
        const bad = [K.SymbolKeyword, K.ObjectKeyword, K.UnknownKeyword, K.AnyKeyword];
        if ((node as ts.IntersectionTypeNode).types.some((t) => bad.includes(t.kind))) return report("TSOS1006", node, node.getText());
        break;
      }
      case K.ConstructorType:
        // Hosted, lowering maps constructor types to function values (lower/ctor-values.ts).
        if (target === "kernel") return report("TSOS1006", node, node.getText());
        break;
      case K.ConditionalType:
      case K.MappedType:
      case K.TypeQuery:
        // `typeof config`, `{ [K in keyof T]?: V }`, `T extends U ? X : Y`: the checker resolves
        // them; lowering maps the resolved type where a value has it (lower/types.ts) and reports what it cannot.
        break;
      case K.LiteralType:
        // `null`, literal types and unions of them (`"red" | "green"`, `1 | 2`) are values of their
        // base type; lowering maps them (lower/types.ts) and reports what it cannot.
        return;
      case K.BigIntLiteral:
        // Hosted, a bigint is lib/std/bigint.ts's arbitrary-precision integer (lower/bigint.ts).
        if (target === "kernel") return report("TSOS1016", node);
        return;
      case K.NumericLiteral:
        if (target === "kernel" && /[.eE]/.test(node.getText()) && !/^0[xX]/.test(node.getText())) return report("TSOS1004", node);
        return;
      case K.TryStatement:
        if (target === "kernel") return report("TSOS1012", node);
        break;
      case K.Identifier:
        checkIdentifier(node as ts.Identifier);
        return;
      case K.OptionalType:
        // `[string, number?]`: lowering maps the tuple (lower/destructure.ts tupleFromChecker).
        break;
      case K.BinaryExpression:
        checkBinary(node as ts.BinaryExpression);
        break;
      case K.ThrowStatement: {
        const x = (node as ts.ThrowStatement).expression;
        // Hosted programs throw any Error (lower/exceptions.ts checks the type); the kernel panics with a message.
        const ok = target === "host" || (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === "Error");
        if (!ok) return report("TSOS1013", x);
        break;
      }
      case K.FunctionDeclaration:
      case K.MethodDeclaration: {
        const f = node as ts.FunctionDeclaration;
        if (f.asteriskToken && target === "kernel") return report("TSOS1005", node, "a generator function");
        if (f.modifiers?.some((m) => m.kind === K.AsyncKeyword)) return report("TSOS1015", node, "`async`", "async/await arrives with the async issue");
        break;
      }
      case K.ImportDeclaration: {
        const spec = (node as ts.ImportDeclaration).moduleSpecifier;
        if (ts.isStringLiteral(spec) && !spec.text.startsWith(".")) return report("TSOS1014", spec, spec.text);
        break;
      }
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
        return; // declarations only; their use as value types is checked in lowering
    }
  }

  function checkIdentifier(id: ts.Identifier): void {
    if (id.text === "eval" && ts.isCallExpression(id.parent) && id.parent.expression === id) report("TSOS1002", id);
    else if (id.text === "arguments") report("TSOS1005", id, "`arguments`");
  }

  function checkBinary(b: ts.BinaryExpression): void {
    const op = b.operatorToken.kind;
    void op;
  }

  for (const sf of modules) ts.forEachChild(sf, visit);
  return out;
}
