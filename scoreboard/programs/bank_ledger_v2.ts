// features: classes, interfaces, discriminated-unions, private, map-set, array-methods, arrows, template-literals, floats, for-of, nullable, readonly, switch, integers
type Txn =
  | { kind: "deposit"; account: string; cents: number }
  | { kind: "withdraw"; account: string; cents: number }
  | { kind: "transfer"; from: string; to: string; cents: number };

type Result = { ok: true; balance: number } | { ok: false; reason: string };

interface Account {
  readonly id: string;
  readonly owner: string;
  balance: number;
  overdraft: number;
}

class Ledger {
  private accounts = new Map<string, Account>();
  private journal: string[] = [];

  open(id: string, owner: string, overdraft = 0): Account {
    const a: Account = { id, owner, balance: 0, overdraft };
    this.accounts.set(id, a);
    return a;
  }

  private get(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  apply(t: Txn): Result {
    switch (t.kind) {
      case "deposit": {
        const a = this.get(t.account);
        if (!a) return { ok: false, reason: `no account ${t.account}` };
        if (t.cents <= 0) return { ok: false, reason: "deposit must be positive" };
        a.balance += t.cents;
        this.journal.push(`+${fmt(t.cents)} ${a.id}`);
        return { ok: true, balance: a.balance };
      }
      case "withdraw": {
        const a = this.get(t.account);
        if (!a) return { ok: false, reason: `no account ${t.account}` };
        if (a.balance - t.cents < -a.overdraft) return { ok: false, reason: `insufficient funds in ${a.id}` };
        a.balance -= t.cents;
        this.journal.push(`-${fmt(t.cents)} ${a.id}`);
        return { ok: true, balance: a.balance };
      }
      case "transfer": {
        if (t.from === t.to) return { ok: false, reason: "same account" };
        const w = this.apply({ kind: "withdraw", account: t.from, cents: t.cents });
        if (!w.ok) return w;
        const d = this.apply({ kind: "deposit", account: t.to, cents: t.cents });
        if (!d.ok) {
          this.apply({ kind: "deposit", account: t.from, cents: t.cents });
          return { ok: false, reason: `rolled back: ${d.reason}` };
        }
        return w;
      }
    }
  }

  total(): number {
    let n = 0;
    for (const a of this.accounts.values()) n += a.balance;
    return n;
  }

  statement(): string[] {
    return [...this.accounts.values()]
      .sort((a, b) => b.balance - a.balance || a.id.localeCompare(b.id))
      .map((a) => `${a.id} ${a.owner.padEnd(6)} ${fmt(a.balance).padStart(10)}${a.balance < 0 ? " OVERDRAWN" : ""}`);
  }

  get entries(): readonly string[] {
    return this.journal;
  }
}

function fmt(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${whole}.${String(abs % 100).padStart(2, "0")}`;
}

const ledger = new Ledger();
ledger.open("CHK-1", "ann", 5000);
ledger.open("SAV-1", "ann");
ledger.open("CHK-2", "bob");

const txns: Txn[] = [
  { kind: "deposit", account: "CHK-1", cents: 125000 },
  { kind: "deposit", account: "CHK-2", cents: 9950 },
  { kind: "transfer", from: "CHK-1", to: "SAV-1", cents: 100000 },
  { kind: "withdraw", account: "CHK-2", cents: 10000 },
  { kind: "withdraw", account: "CHK-1", cents: 28000 },
  { kind: "withdraw", account: "CHK-1", cents: 5000 },
  { kind: "transfer", from: "SAV-1", to: "NOPE", cents: 100 },
  { kind: "deposit", account: "SAV-1", cents: -5 },
  { kind: "transfer", from: "CHK-2", to: "CHK-2", cents: 1 },
  { kind: "deposit", account: "SAV-1", cents: 123456789 },
];

txns.forEach((t, i) => {
  const r = ledger.apply(t);
  const what = t.kind === "transfer" ? `${t.from}->${t.to}` : t.account;
  console.log(`${String(i + 1).padStart(2)}. ${t.kind.padEnd(8)} ${what.padEnd(12)} ${fmt(t.cents).padStart(16)}  ${r.ok ? `ok ${fmt(r.balance)}` : `FAILED: ${r.reason}`}`);
});
ledger.statement().forEach((l) => console.log(l));
console.log(`total ${fmt(ledger.total())}, ${ledger.entries.length} journal entries`);
console.log(ledger.entries.slice(-4).join(" | "));
