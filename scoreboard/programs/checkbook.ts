// features: classes, enums, switch, integers, template-literals, private, nullable, for-of, readonly, string-methods, math
enum Kind {
  Deposit,
  Check,
  Fee,
  Interest,
}

class Entry {
  constructor(readonly day: number, readonly kind: Kind, readonly cents: number, readonly memo: string) {}
}

class Checkbook {
  private entries: Entry[] = [];
  private checkNo = 100;

  add(day: number, kind: Kind, cents: number, memo: string): number | null {
    if (kind === Kind.Check) {
      this.checkNo++;
      this.entries.push(new Entry(day, kind, cents, `#${this.checkNo} ${memo}`));
      return this.checkNo;
    }
    this.entries.push(new Entry(day, kind, cents, memo));
    return null;
  }

  signed(e: Entry): number {
    switch (e.kind) {
      case Kind.Deposit:
      case Kind.Interest:
        return e.cents;
      case Kind.Check:
      case Kind.Fee:
        return -e.cents;
    }
  }

  print(): void {
    let balance = 0;
    let lowest = 0;
    for (const e of this.entries) {
      balance += this.signed(e);
      if (balance < lowest) lowest = balance;
      console.log(`day ${e.day < 10 ? " " : ""}${e.day} ${Kind[e.kind].padEnd(8)} ${fmt(this.signed(e)).padStart(10)} ${fmt(balance).padStart(10)}  ${e.memo}`);
    }
    console.log(`lowest balance ${fmt(lowest)}`);
  }

  totals(): string {
    const sums = [0, 0, 0, 0];
    for (const e of this.entries) sums[e.kind] += e.cents;
    return `deposits ${fmt(sums[Kind.Deposit])}, checks ${fmt(sums[Kind.Check])}, fees ${fmt(sums[Kind.Fee])}, interest ${fmt(sums[Kind.Interest])}`;
  }
}

function fmt(cents: number): string {
  const neg = cents < 0;
  const abs = neg ? -cents : cents;
  const c = abs % 100;
  return `${neg ? "-" : ""}${Math.floor(abs / 100)}.${c < 10 ? "0" + c : c}`;
}

const book = new Checkbook();
book.add(1, Kind.Deposit, 250000, "salary");
const rent = book.add(2, Kind.Check, 120000, "rent");
book.add(5, Kind.Check, 8999, "groceries");
book.add(9, Kind.Fee, 500, "monthly fee");
book.add(12, Kind.Check, 150050, "new laptop");
book.add(15, Kind.Deposit, 4025, "refund");
book.add(28, Kind.Fee, 3500, "overdraft fee");
book.add(30, Kind.Interest, 7, "interest");
book.print();
console.log(book.totals());
console.log(`rent was check ${rent}`);
