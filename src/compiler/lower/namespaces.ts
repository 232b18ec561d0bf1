/**
 * lower/namespaces.ts: `namespace N { ... }` as module-level code.
 *
 * Input:  a source file.
 * Output: its statements with each namespace's body spliced in where the
 *         namespace stands (module.ts declares and lowers them as the
 *         module's own; calls.ts `namespaceMember` resolves `N.member`).
 * Invariants: a pure function of the syntax tree; ambient namespaces are
 *             refused before lowering (check.ts); ambient variables
 *             (`declare const console: ...`) are left out: they declare
 *             no value of the program's own.
 */
import ts from "typescript";

/**
 * A module's statements, with each `namespace N { ... }` replaced by its own
 * statements, in place: a namespace's functions, classes and variables are
 * module-level ones (their C names made unique), its other statements run
 * in the module's init code where the namespace stands, and `N.member`
 * resolves to the member's declaration (calls.ts namespaceMember).
 */
export function moduleStatements(sf: ts.SourceFile): ts.Statement[] {
  const out: ts.Statement[] = [];
  const add = (statements: readonly ts.Statement[]): void => {
    for (const st of statements) {
      if (isAmbientVariableStatement(st)) continue; // names a library global (context.ts symbolOf), or refused (module.ts)
      if (!ts.isModuleDeclaration(st)) {
        out.push(st);
        continue;
      }
      let body = st.body;
      while (body && ts.isModuleDeclaration(body)) body = body.body; // `namespace A.B { ... }`
      if (body && ts.isModuleBlock(body)) add(body.statements);
    }
  };
  add(sf.statements);
  return out;
}

/** `declare const x: T;` (or `declare let`/`declare var`): a statement that declares a value it does not define. */
export function isAmbientVariableStatement(st: ts.Node): st is ts.VariableStatement {
  if (!ts.isVariableStatement(st)) return false;
  const first = st.declarationList.declarations[0];
  return !!first && (ts.getCombinedModifierFlags(first) & ts.ModifierFlags.Ambient) !== 0;
}
