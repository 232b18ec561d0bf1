// features: interfaces, classes, abstract, inheritance, floats, math, template-literals, array-methods, arrows, optional, nullable, nullish, accessors, readonly, private, for-of
interface PaymentMethod {
  readonly label: string;
  fee(amount: number): number;
  authorize(amount: number): string | null;
}

abstract class Card implements PaymentMethod {
  protected spent = 0;
  constructor(readonly label: string, protected limit: number) {}
  abstract fee(amount: number): number;
  authorize(amount: number): string | null {
    const total = amount + this.fee(amount);
    if (this.spent + total > this.limit) return `${this.label}: declined (limit ${this.limit.toFixed(2)})`;
    this.spent += total;
    return null;
  }
  get available(): number {
    return this.limit - this.spent;
  }
}

class CreditCard extends Card {
  fee(amount: number): number {
    return Math.round(amount * 2.9 + 30) / 100;
  }
}

class DebitCard extends Card {
  fee(amount: number): number {
    return Math.min(0.5, amount * 0.01);
  }
}

class Wallet implements PaymentMethod {
  readonly label = "wallet";
  constructor(private balance: number, private bonus?: number) {}
  fee(): number {
    return 0;
  }
  authorize(amount: number): string | null {
    const usable = this.balance + (this.bonus ?? 0);
    if (amount > usable) return `wallet: insufficient (${usable.toFixed(2)})`;
    const fromBonus = Math.min(this.bonus ?? 0, amount);
    if (this.bonus !== undefined) this.bonus -= fromBonus;
    this.balance -= amount - fromBonus;
    return null;
  }
}

function checkout(amount: number, methods: PaymentMethod[]): string {
  const errors: string[] = [];
  for (const m of methods) {
    const err = m.authorize(amount);
    if (err === null) return `paid ${amount.toFixed(2)} with ${m.label} (fee ${m.fee(amount).toFixed(2)})`;
    errors.push(err);
  }
  return `FAILED ${amount.toFixed(2)}: ${errors.join("; ")}`;
}

const visa = new CreditCard("visa", 500);
const debit = new DebitCard("debit", 120);
const wallet = new Wallet(40, 15);
const methods: PaymentMethod[] = [wallet, debit, visa];
for (const amount of [12.5, 30, 99.99, 45, 250, 180.25, 5, 75]) console.log(checkout(amount, methods));
console.log(`visa available ${visa.available.toFixed(2)}, debit available ${debit.available.toFixed(2)}`);
const fees = [10, 100, 1000].map((a) => `${a}: credit ${visa.fee(a).toFixed(2)} debit ${debit.fee(a).toFixed(2)}`);
console.log(fees.join(" | "));
