/**
 * lower/tagged-templates.ts: tagged templates, `` tag`a${x}b` `` and `` String.raw`...` ``.
 *
 * Input:  a TaggedTemplateExpression whose tag is `String.raw` or names a
 *         declared, non-generic function (`function html(strings:
 *         TemplateStringsArray, ...values: unknown[])`).
 * Output: for `String.raw`, the concatenation of the raw text (escapes left
 *         as written) and the values as a template literal converts them;
 *         for a function, a call with the cooked strings as a new `string[]`
 *         (TemplateStringsArray is a `string[]`, types.ts), then the values
 *         as the following arguments (a rest parameter packs them, as for a
 *         call).
 * Invariants:
 *   - The values are evaluated left to right, once each, after the strings.
 *   - Not modelled: the strings array's `raw` (TSOS1005 where it is read),
 *     and that JavaScript hands the same frozen array to every evaluation of
 *     one call site (each evaluation here gets a new array). A string with
 *     an escape JavaScript cannot cook (`\u` not followed by hex digits) is
 *     refused by tsc's own checks.
 */
import ts from "typescript";
import type { Expr } from "../ir.ts";
import { T } from "../ir.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { templateValue } from "./expr.ts";
import { lowerArgs } from "./calls.ts";
import { functionOf } from "./functions.ts";
import { spreadArray } from "./destructure.ts";
import { arrayType } from "./types.ts";

export function lowerTaggedTemplate(l: Lowerer, t: ts.TaggedTemplateExpression): Expr {
  if (isStringRaw(l, t.tag)) return rawString(l, t.template);
  const decl = ts.isIdentifier(t.tag) ? l.symbolOf(t.tag)?.valueDeclaration : undefined;
  if (!decl || !ts.isFunctionDeclaration(decl) || decl.typeParameters?.length || !decl.body || l.isLibDecl(decl))
    l.fail("TSOS1005", t.tag, "a tagged template whose tag is not a declared, non-generic function", "declare the tag as `function tag(strings: TemplateStringsArray, ...values: unknown[])`");
  const f = functionOf(l, decl, []);
  const params = f.params.filter((p) => p.type.k !== "loc").map((p) => p.type);
  const texts = ts.isNoSubstitutionTemplateLiteral(t.template) ? [t.template.text] : [t.template.head.text, ...t.template.templateSpans.map((s) => s.literal.text)];
  const strings: Expr = { e: "arraylit", type: arrayType(l, T.str), elems: texts.map((value) => ({ e: "str", type: T.str, value })), loc: l.loc(t) };
  const values = ts.isNoSubstitutionTemplateLiteral(t.template) ? [] : t.template.templateSpans.map((s) => s.expression);
  const last = decl.parameters[decl.parameters.length - 1];
  const k = decl.parameters.length - 1;
  const rest = last?.dotDotDotToken && k >= 1 ? params[k] : undefined;
  let args: Expr[];
  if (rest?.k === "array") args = [...lowerArgs(l, values.slice(0, k - 1), params.slice(1, k)), spreadArray(l, values.slice(k - 1), rest, values[k - 1] ?? t)];
  else if (last?.dotDotDotToken) l.fail("TSOS1005", t.tag, "a tag whose rest parameter is not an array");
  else args = lowerArgs(l, values, params.slice(1));
  return { e: "call", type: f.ret, fn: f.cname, args: [strings, ...args] };
}

function isStringRaw(l: Lowerer, tag: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(tag) || tag.name.text !== "raw" || !ts.isIdentifier(tag.expression) || tag.expression.text !== "String") return false;
  return isLibSymbol(l.checker.getSymbolAtLocation(tag.expression));
}

/** `String.raw`: the raw text between the values, which are converted as in a template literal. */
function rawString(l: Lowerer, template: ts.TemplateLiteral): Expr {
  const raw = (n: ts.TemplateLiteralLikeNode): Expr => ({ e: "str", type: T.str, value: n.rawText ?? n.text });
  if (ts.isNoSubstitutionTemplateLiteral(template)) return raw(template);
  const parts: Expr[] = [raw(template.head)];
  for (const s of template.templateSpans) parts.push(templateValue(l, s.expression), raw(s.literal));
  return { e: "concat", type: T.str, parts: parts.filter((p) => !(p.e === "str" && p.value === "")) };
}
