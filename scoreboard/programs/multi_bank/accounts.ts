// accounts.ts: account classes; re-exports the money helpers under other names.
import { format, type Cents } from "./money.ts";
export { format as formatMoney, cents as toCents } from "./money.ts";

export enum Kind {
  Checking = "checking",
  Savings = "savings",
}

export class Account {
  private history: Cents[] = [];
  constructor(readonly owner: string, readonly kind: Kind, private balance: Cents = 0) {}

  post(amount: Cents): boolean {
    if (this.balance + amount < 0) return false;
    this.balance += amount;
    this.history.push(amount);
    return true;
  }

  get total(): Cents {
    return this.balance;
  }

  statement(): string {
    return `${this.owner} (${this.kind}): ${this.history.map(format).join(", ")} => ${format(this.balance)}`;
  }
}
