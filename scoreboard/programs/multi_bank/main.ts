// features: classes, string-enums, private, readonly, default-params, template-literals, array-methods, arrows, map-set, floats, nullable, spread, nullish, for-of
import * as bank from "./accounts.ts";
import { Kind, type Account } from "./accounts.ts";

const accounts = new Map<string, Account>();
function open(owner: string, kind: Kind, dollars = 0): Account {
  const a = new bank.Account(owner, kind, bank.toCents(dollars));
  accounts.set(`${owner}/${kind}`, a);
  return a;
}

function transfer(from: string, to: string, dollars: number): string {
  const a = accounts.get(from) ?? null;
  const b = accounts.get(to) ?? null;
  if (a === null || b === null) return `transfer ${from} -> ${to}: unknown account`;
  const c = bank.toCents(dollars);
  if (!a.post(-c)) return `transfer ${from} -> ${to} of ${bank.formatMoney(c)}: insufficient funds`;
  b.post(c);
  return `transfer ${from} -> ${to} of ${bank.formatMoney(c)}: ok`;
}

open("ann", Kind.Checking, 120.5);
open("ann", Kind.Savings, 1000);
open("bob", Kind.Checking);
console.log(transfer("ann/savings", "ann/checking", 250.25));
console.log(transfer("ann/checking", "bob/checking", 0.1 + 0.2));
console.log(transfer("bob/checking", "ann/checking", 5));
console.log(transfer("ann/checking", "carl/checking", 1));
console.log(transfer("ann/checking", "bob/savings", 1));
for (const a of accounts.values()) console.log(a.statement());
const total = [...accounts.values()].reduce((s, a) => s + a.total, 0);
console.log(`bank holds ${bank.formatMoney(total)} in ${accounts.size} accounts`);
