// features: classes, private, readonly, floats, template-literals, array-methods, arrows, enums, switch, nullable, spread, accessors, for-of, string-methods, interfaces, default-params, object-literals
enum TxKind {
  Deposit,
  Withdrawal,
  Transfer,
}

interface Transaction {
  id: number;
  kind: TxKind;
  amount: number;
  from: string;
  to: string | null;
}

class Account {
  private balance = 0;
  readonly history: Transaction[] = [];

  constructor(readonly owner: string) {}

  get current(): number {
    return this.balance;
  }

  apply(tx: Transaction): boolean {
    switch (tx.kind) {
      case TxKind.Deposit:
        this.balance += tx.amount;
        break;
      case TxKind.Withdrawal:
        if (tx.amount > this.balance) return false;
        this.balance -= tx.amount;
        break;
      case TxKind.Transfer:
        if (tx.from === this.owner) {
          if (tx.amount > this.balance) return false;
          this.balance -= tx.amount;
        } else {
          this.balance += tx.amount;
        }
        break;
    }
    this.history.push(tx);
    return true;
  }
}

class Ledger {
  private accounts: Account[] = [];
  private nextId = 1;

  open(owner: string): Account {
    const acc = new Account(owner);
    this.accounts.push(acc);
    return acc;
  }

  find(owner: string): Account | null {
    for (const a of this.accounts) if (a.owner === owner) return a;
    return null;
  }

  record(kind: TxKind, amount: number, from: string, to: string | null = null): void {
    const tx: Transaction = { id: this.nextId++, kind, amount, from, to };
    const source = this.find(from);
    if (source === null) {
      console.log(`tx ${tx.id}: unknown account ${from}`);
      return;
    }
    const ok = source.apply(tx);
    if (ok && kind === TxKind.Transfer && to !== null) {
      const target = this.find(to);
      if (target) target.apply(tx);
    }
    console.log(`tx ${tx.id}: ${TxKind[kind]} ${amount.toFixed(2)} ${from}${to ? " -> " + to : ""} ${ok ? "ok" : "REJECTED"}`);
  }

  total(): number {
    return this.accounts.reduce((sum, a) => sum + a.current, 0);
  }

  report(): void {
    const sorted = [...this.accounts].sort((a, b) => b.current - a.current);
    for (const a of sorted) {
      console.log(`${a.owner.padEnd(8)} ${a.current.toFixed(2).padStart(10)} (${a.history.length} tx)`);
    }
    console.log(`total    ${this.total().toFixed(2).padStart(10)}`);
  }
}

const ledger = new Ledger();
ledger.open("alice");
ledger.open("bob");
ledger.open("carol");
ledger.record(TxKind.Deposit, 100.5, "alice");
ledger.record(TxKind.Deposit, 42.25, "bob");
ledger.record(TxKind.Withdrawal, 10.1, "alice");
ledger.record(TxKind.Transfer, 50, "alice", "carol");
ledger.record(TxKind.Transfer, 500, "bob", "alice");
ledger.record(TxKind.Withdrawal, 0.15, "carol");
ledger.record(TxKind.Deposit, 7, "dave");
ledger.record(TxKind.Transfer, 12.75, "carol", "bob");
ledger.report();
