// features: classes, private, inheritance, integers, template-literals, nullable, accessors, optional-chaining, readonly, for-of, math
class Account {
  private cents = 0;
  private txCount = 0;

  constructor(readonly owner: string, readonly number: number) {}

  get balance(): number {
    return this.cents;
  }

  get transactions(): number {
    return this.txCount;
  }

  deposit(amount: number): boolean {
    if (amount <= 0) return false;
    this.cents += amount;
    this.txCount++;
    return true;
  }

  withdraw(amount: number): boolean {
    if (amount <= 0 || amount > this.available()) return false;
    this.cents -= amount;
    this.txCount++;
    return true;
  }

  available(): number {
    return this.cents;
  }

  monthEnd(): void {}
}

class Savings extends Account {
  constructor(owner: string, num: number, private rateBasisPoints: number) {
    super(owner, num);
  }
  override monthEnd(): void {
    const interest = Math.floor((this.balance * this.rateBasisPoints) / 120000);
    if (interest > 0) this.deposit(interest);
  }
}

class Checking extends Account {
  constructor(owner: string, num: number, private overdraft: number) {
    super(owner, num);
  }
  override available(): number {
    return this.balance + this.overdraft;
  }
}

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const c = abs % 100;
  return `${sign}$${Math.floor(abs / 100)}.${c < 10 ? "0" : ""}${c}`;
}

function find(accounts: Account[], num: number): Account | null {
  for (const a of accounts) if (a.number === num) return a;
  return null;
}

const accounts: Account[] = [new Savings("ann", 1001, 450), new Checking("bob", 1002, 5000), new Account("cy", 1003)];
find(accounts, 1001)?.deposit(250000);
find(accounts, 1002)?.deposit(12050);
console.log(`bob withdraws $150: ${find(accounts, 1002)?.withdraw(15000)}`);
console.log(`bob withdraws $50: ${find(accounts, 1002)?.withdraw(5000)}`);
console.log(`cy withdraws $1: ${find(accounts, 1003)?.withdraw(100)}`);
console.log(`deposit -5: ${find(accounts, 1003)?.deposit(-5)}`);
console.log(`account 9999: ${find(accounts, 9999) === null ? "not found" : "found"}`);
for (let month = 1; month <= 12; month++) {
  for (const a of accounts) a.monthEnd();
  if (month % 3 === 0) {
    let line = `month ${month}:`;
    for (const a of accounts) line += ` ${a.owner}=${money(a.balance)}`;
    console.log(line);
  }
}
for (const a of accounts) console.log(`${a.owner} #${a.number}: ${money(a.balance)} available ${money(a.available())} after ${a.transactions} transactions`);
