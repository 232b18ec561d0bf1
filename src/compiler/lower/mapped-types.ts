/**
 * lower/mapped-types.ts: mapped types over the keys of a type parameter,
 * inside the generic class or function that has it.
 *
 * Input:  a checker type for `{ [K in keyof E]?: Listener<E[K]>[] }` where E
 *         is a type parameter of the instance being compiled (the typed
 *         event emitter: `class Emitter<E> { private listeners: ... = {} }`).
 *         The checker cannot list its properties, because E is generic.
 * Output: the view slots of the instantiated type: one property per key of
 *         E's type argument, typed by the template with K standing for that
 *         one key (lower/key-params.ts), so `E[K]` is the key's own type.
 * Invariants:
 *   - Optionality follows the mapped type's modifier (`?` optional, `-?`
 *     required); without one it is the key's own, as TypeScript keeps it.
 *   - `readonly` (and `+readonly`) properties get no setter; `-readonly` and
 *     none keep the key's own writability (a view of a class field is
 *     writable).
 *   - Only `keyof P` where P is a type parameter of the instance is handled
 *     here; mapped types the checker can resolve (`Partial<User>`) list
 *     their own properties and never come here.
 */
import ts from "typescript";
import type { Type, ViewSlot } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { propertyOfField } from "./classes.ts";
import { keysOfParam } from "./key-params.ts";

/** The mapped type's declaration, when it maps `keyof P` for a type parameter P of the current instance. */
function mappedOverParam(l: Lowerer, type: ts.Type): { decl: ts.MappedTypeNode & { type: ts.TypeNode }; source: ts.Type; aliasParam?: ts.Symbol } | undefined {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  const decl = type.getSymbol()?.declarations?.[0];
  if (!decl || !ts.isMappedTypeNode(decl) || !decl.type) return undefined;
  const constraint = decl.typeParameter.constraint;
  if (!constraint || !ts.isTypeOperatorNode(constraint) || constraint.operator !== ts.SyntaxKind.KeyOfKeyword) return undefined;
  let source = l.checker.getTypeFromTypeNode(constraint.type);
  // `Partial<T>` (an alias of a mapped type over its own parameter): the alias's argument is the source,
  // and the template (`T[P]`) names the alias's parameter.
  let aliasParam: ts.Symbol | undefined;
  const aliasDecl = type.aliasSymbol?.declarations?.[0];
  if (aliasDecl && ts.isTypeAliasDeclaration(aliasDecl) && type.aliasTypeArguments) {
    const i = aliasDecl.typeParameters?.findIndex((p) => l.checker.getSymbolAtLocation(p.name) === source.getSymbol()) ?? -1;
    if (i >= 0 && type.aliasTypeArguments[i]) [aliasParam, source] = [source.getSymbol(), type.aliasTypeArguments[i]!];
  }
  if (!(source.flags & ts.TypeFlags.TypeParameter) || !l.scope.env.has(source.getSymbol()!)) return undefined;
  return { decl: decl as ts.MappedTypeNode & { type: ts.TypeNode }, source, aliasParam };
}

/**
 * `{ [P in K]: Components[P] }` where K is a key parameter of the current instance (lower/key-params.ts):
 * its declaration and the keys K stands for here (`query("position", "velocity")`: both).
 */
function mappedOverKeys(l: Lowerer, type: ts.Type): { decl: ts.MappedTypeNode & { type: ts.TypeNode }; keys: string[]; source?: undefined; aliasParam?: undefined } | undefined {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  const decl = type.getSymbol()?.declarations?.[0];
  const constraint = decl && ts.isMappedTypeNode(decl) && decl.type ? decl.typeParameter.constraint : undefined;
  if (!constraint || !ts.isTypeReferenceNode(constraint)) return undefined;
  let param = l.checker.getTypeFromTypeNode(constraint);
  // `Bundle<K>` with `type Bundle<K extends Name> = { [P in K]: Components[P] }`: the alias's argument.
  const aliasDecl = type.aliasSymbol?.declarations?.[0];
  if (aliasDecl && ts.isTypeAliasDeclaration(aliasDecl) && type.aliasTypeArguments) {
    // Only an alias whose one parameter is the keys (the template names no other parameter of it).
    if (aliasDecl.typeParameters?.length !== 1) return undefined;
    if (l.checker.getSymbolAtLocation(aliasDecl.typeParameters[0]!.name) === param.getSymbol()) param = type.aliasTypeArguments[0]!;
  }
  const keys = keysOfParam(l, param);
  return keys ? { decl: decl as ts.MappedTypeNode & { type: ts.TypeNode }, keys } : undefined;
}

/** Whether `type` is a mapped type over the keys of a type parameter of the current instance (a view, never a record). */
export function isMappedOverParam(l: Lowerer, type: ts.Type): boolean {
  return (mappedOverParam(l, type) ?? mappedOverKeys(l, type)) !== undefined;
}

/** The properties of a mapped type over `keyof P` for P's type argument in the current instance, or undefined. */
export function mappedTypeSlots(
  l: Lowerer,
  type: ts.Type,
  irType: (t: ts.Type) => Type,
  keysOf: (t: Type) => { prop: string; optional: boolean; readonly: boolean }[] | undefined,
  cName: (prop: string) => string,
  withUndefined: (t: Type) => Type,
): { slots: ViewSlot[]; order: string[] } | undefined {
  const found = mappedOverParam(l, type) ?? (pickedSlots(l, type, irType, keysOf) ? undefined : mappedOverKeys(l, type));
  if (!found) return pickedSlots(l, type, irType, keysOf) ?? modifiedSlots(l, type, irType, keysOf, withUndefined);
  const { decl, source, aliasParam } = found;
  const sourceType = source && irType(source);
  const keys = "keys" in found ? found.keys.map((prop) => ({ prop, optional: false, readonly: false })) : sourceType && keysOf(sourceType);
  const keySymbol = l.checker.getSymbolAtLocation(decl.typeParameter.name);
  if (!keys || !keySymbol) return undefined;
  const template = l.checker.getTypeFromTypeNode(decl.type);
  const question = decl.questionToken?.kind;
  const readonlyToken = decl.readonlyToken?.kind;
  const slots: ViewSlot[] = [];
  const env = l.scope.env;
  const before = env.get(keySymbol);
  const beforeAlias = aliasParam && env.get(aliasParam);
  if (aliasParam && sourceType) env.set(aliasParam, sourceType);
  try {
    for (const key of [...keys].sort((a, b) => (a.prop < b.prop ? -1 : a.prop > b.prop ? 1 : 0))) {
      env.set(keySymbol, { k: "str", keys: [key.prop] });
      const t = irType(template);
      const optional = question === ts.SyntaxKind.MinusToken ? false : question !== undefined || key.optional;
      const readonly = readonlyToken === ts.SyntaxKind.MinusToken ? false : readonlyToken !== undefined || key.readonly;
      const value = optional && !(t.k === "nullable" && t.undef) ? withUndefined(t) : t;
      slots.push({ name: `get_${cName(key.prop)}`, kind: "get", prop: key.prop, params: [], ret: value, optional });
      if (!readonly && t.k !== "never" && t.k !== "void") slots.push({ name: `set_${cName(key.prop)}`, kind: "set", prop: key.prop, params: [value], ret: T.void, optional });
    }
  } finally {
    if (before) env.set(keySymbol, before);
    else env.delete(keySymbol);
    if (aliasParam && beforeAlias) env.set(aliasParam, beforeAlias);
    else if (aliasParam) env.delete(aliasParam);
  }
  return { slots, order: keys.map((k) => k.prop) };
}

/**
 * `Omit<T, "id">` and `Pick<T, "a" | "b">` (or `Pick<T, K>` with K a key
 * parameter) where T is a type parameter of the current instance (`create(data: Omit<T, "id">)` in a generic repository):
 * the slots of T's type argument, without (Omit) or with only (Pick) the
 * named keys, each with its own type and writability.
 */
function pickedSlots(
  l: Lowerer,
  type: ts.Type,
  irType: (t: ts.Type) => Type,
  keysOf: (t: Type) => { prop: string }[] | undefined,
): { slots: ViewSlot[]; order: string[] } | undefined {
  const alias = type.aliasSymbol?.name;
  const [target, keysArg] = type.aliasTypeArguments ?? [];
  if ((alias !== "Omit" && alias !== "Pick") || !target || !keysArg || !l.isLibDecl(type.aliasSymbol!.declarations?.[0])) return undefined;
  if (!(target.flags & ts.TypeFlags.TypeParameter) || !l.scope.env.has(target.getSymbol()!)) return undefined;
  // The keys named by literals, or by a key parameter of the instance (`Pick<T, K>` in `pick<T, K extends keyof T>`).
  const named = keysOfParam(l, keysArg) ?? (keysArg.isUnion() ? keysArg.types : [keysArg]).map((k) => (k.isStringLiteral() ? k.value : undefined));
  if (named.some((k) => k === undefined)) return undefined;
  const keep = (prop: string): boolean => (alias === "Omit" ? !named.includes(prop) : named.includes(prop));
  const source = irType(target);
  if (source.k === "view") {
    const slots = source.view.slots.filter((s) => s.kind !== "generic" && keep(s.prop));
    // In the order T's type declares its properties (what a copy of the object reads them in).
    const order = (keysOf(source) ?? []).map((k) => k.prop).filter(keep);
    return { slots, order };
  }
  return undefined;
}

/**
 * `Partial<X>`, `Required<X>` or `Readonly<X>` of a type the checker cannot
 * list yet (`Partial<Omit<T, "id">>` in a generic repository): X's slots
 * (pickedSlots above), made optional, required or read-only.
 */
function modifiedSlots(
  l: Lowerer,
  type: ts.Type,
  irType: (t: ts.Type) => Type,
  keysOf: (t: Type) => { prop: string }[] | undefined,
  withUndefined: (t: Type) => Type,
): { slots: ViewSlot[]; order: string[] } | undefined {
  const alias = type.aliasSymbol?.name;
  const [inner] = type.aliasTypeArguments ?? [];
  if ((alias !== "Partial" && alias !== "Required" && alias !== "Readonly") || !inner || !l.isLibDecl(type.aliasSymbol!.declarations?.[0])) return undefined;
  if (l.checker.getPropertiesOfType(type).length || !inner.aliasSymbol || !inner.aliasTypeArguments?.some((a) => a.flags & ts.TypeFlags.TypeParameter && l.scope.env.has(a.getSymbol()!))) return undefined;
  const source = irType(inner);
  if (source.k !== "view") return undefined;
  const slots: ViewSlot[] = [];
  for (const s of source.view.slots) {
    if (s.kind !== "get" && s.kind !== "set") continue;
    if (alias === "Readonly" && s.kind === "set") continue;
    if (alias === "Partial") {
      const t = s.kind === "get" ? s.ret : s.params[0]!;
      const value = t.k === "nullable" && t.undef ? t : withUndefined(t);
      slots.push(s.kind === "get" ? { ...s, ret: value, optional: true } : { ...s, params: [value], optional: true });
    } else if (alias === "Required" && s.optional) {
      const t = s.kind === "get" ? s.ret : s.params[0]!;
      const value = t.k === "nullable" && t.undef && !t.null ? t.inner : t;
      slots.push(s.kind === "get" ? { ...s, ret: value, optional: false } : { ...s, params: [value], optional: false });
    } else slots.push(s);
  }
  return { slots, order: (keysOf(source) ?? []).map((k) => k.prop) };
}

/** The property names of a class instance's fields (for `keyof` of a class type argument). */
export function fieldProps(fields: { name: string; hidden?: boolean; keyOrder?: boolean; coroutine?: boolean }[]): string[] {
  return fields.filter((f) => !f.hidden && !f.keyOrder && !f.coroutine).map((f) => propertyOfField(f.name));
}

/**
 * `keyof E` for a type parameter E of the current instance whose argument is
 * an object type (`new Map<keyof E, number>()` in a generic event emitter):
 * its keys are property names, so its values are strings.
 */
export function keyofParamIsString(l: Lowerer, type: ts.Type, irType: (t: ts.Type) => Type | undefined): boolean {
  if (!(type.flags & ts.TypeFlags.Index)) return false;
  const target = (type as ts.IndexType).type;
  if (!(target.flags & ts.TypeFlags.TypeParameter) || !l.scope.env.has(target.getSymbol()!)) return false;
  const arg = irType(target);
  return arg?.k === "view" || (arg?.k === "class" && !!arg.cls.header && !arg.cls.tuple);
}
