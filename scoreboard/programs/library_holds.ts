// features: classes, interfaces, map-set, private, nullable, optional, array-methods, arrows, template-literals, for-of, integers, readonly, static
interface Book {
  readonly isbn: string;
  readonly title: string;
  copies: number;
}

interface Loan {
  isbn: string;
  member: string;
  due: number;
  renewed?: boolean;
}

class Library {
  static readonly LOAN_DAYS = 14;
  static readonly FINE_PER_DAY = 25;
  private books = new Map<string, Book>();
  private loans: Loan[] = [];
  private holds = new Map<string, string[]>();
  private fines = new Map<string, number>();
  today = 0;

  add(isbn: string, title: string, copies = 1): void {
    const b = this.books.get(isbn);
    if (b) b.copies += copies;
    else this.books.set(isbn, { isbn, title, copies });
  }

  available(isbn: string): number {
    const b = this.books.get(isbn);
    if (!b) return 0;
    return b.copies - this.loans.filter((l) => l.isbn === isbn).length;
  }

  checkout(member: string, isbn: string): string {
    const b = this.books.get(isbn);
    if (!b) return `${member}: no such book ${isbn}`;
    if ((this.fines.get(member) ?? 0) > 100) return `${member}: blocked by fines`;
    const queue = this.holds.get(isbn) ?? [];
    if (this.available(isbn) <= queue.length && queue[0] !== member) {
      if (!queue.includes(member)) queue.push(member);
      this.holds.set(isbn, queue);
      return `${member}: "${b.title}" unavailable, hold #${queue.indexOf(member) + 1}`;
    }
    if (queue[0] === member) queue.shift();
    this.loans.push({ isbn, member, due: this.today + Library.LOAN_DAYS });
    return `${member}: borrowed "${b.title}" due day ${this.today + Library.LOAN_DAYS}`;
  }

  renew(member: string, isbn: string): string {
    const loan = this.loans.find((l) => l.member === member && l.isbn === isbn);
    if (!loan) return `${member}: not borrowing ${isbn}`;
    if (loan.renewed) return `${member}: already renewed`;
    if ((this.holds.get(isbn)?.length ?? 0) > 0) return `${member}: others are waiting`;
    loan.due += Library.LOAN_DAYS;
    loan.renewed = true;
    return `${member}: renewed to day ${loan.due}`;
  }

  giveBack(member: string, isbn: string): string {
    const i = this.loans.findIndex((l) => l.member === member && l.isbn === isbn);
    if (i < 0) return `${member}: nothing to return`;
    const [loan] = this.loans.splice(i, 1);
    const late = Math.max(0, this.today - loan.due);
    if (late > 0) this.fines.set(member, (this.fines.get(member) ?? 0) + late * Library.FINE_PER_DAY);
    const next = this.holds.get(isbn)?.[0];
    return `${member}: returned ${isbn}${late ? `, ${late} days late` : ""}${next ? `; ${next} is next` : ""}`;
  }

  overdue(): string[] {
    return this.loans.filter((l) => l.due < this.today).map((l) => `${l.member}/${l.isbn} (${this.today - l.due}d)`);
  }

  fineReport(): string {
    return [...this.fines].map(([m, c]) => `${m} $${(c / 100).toFixed(2)}`).join(", ") || "none";
  }
}

const lib = new Library();
lib.add("111", "Dune", 2);
lib.add("222", "Emma");
lib.add("333", "Ulysses");
lib.add("111", "Dune");

const events: [number, () => string][] = [
  [0, () => lib.checkout("ann", "111")],
  [0, () => lib.checkout("bob", "222")],
  [1, () => lib.checkout("cat", "222")],
  [1, () => lib.checkout("dan", "222")],
  [2, () => lib.checkout("cat", "222")],
  [3, () => lib.renew("bob", "222")],
  [3, () => lib.renew("ann", "111")],
  [4, () => lib.renew("ann", "111")],
  [5, () => lib.checkout("eve", "999")],
  [20, () => lib.giveBack("bob", "222")],
  [20, () => lib.checkout("dan", "222")],
  [21, () => lib.checkout("cat", "222")],
  [40, () => lib.overdue().join("; ") || "no overdue"],
  [40, () => lib.giveBack("cat", "222")],
  [45, () => lib.giveBack("ann", "111")],
  [46, () => lib.checkout("cat", "333")],
  [46, () => lib.giveBack("cat", "333")],
  [47, () => lib.checkout("cat", "333")],
];
for (const [day, ev] of events) {
  lib.today = day;
  console.log(`day ${String(day).padStart(2)}: ${ev()}`);
}
console.log(`fines: ${lib.fineReport()}`);
console.log(`available: ${["111", "222", "333"].map((i) => `${i}=${lib.available(i)}`).join(" ")}`);
