// features: classes, interfaces, map-set, nullable, optional-chaining, nullish, enums, template-literals, array-methods, private, spread, readonly, arrows, math, optional, floats, default-params, object-literals
enum Status {
  Available,
  CheckedOut,
  Reserved,
}

interface Book {
  isbn: string;
  title: string;
  author: string;
  status: Status;
  borrower?: Member;
  due?: number;
}

class Member {
  borrowed: Book[] = [];
  fines = 0;
  constructor(readonly name: string, readonly limit: number = 3) {}
}

class Library {
  private books = new Map<string, Book>();
  private today = 0;
  private members = new Map<string, Member>();

  addBook(isbn: string, title: string, author: string): void {
    this.books.set(isbn, { isbn, title, author, status: Status.Available });
  }

  join(name: string, limit?: number): Member {
    const m = new Member(name, limit);
    this.members.set(name, m);
    return m;
  }

  advance(days: number): void {
    this.today += days;
  }

  checkout(memberName: string, isbn: string): string {
    const m = this.members.get(memberName);
    const b = this.books.get(isbn);
    if (!m || !b) return `no such ${!m ? "member" : "book"}`;
    if (b.status !== Status.Available) return `"${b.title}" is ${Status[b.status]} (by ${b.borrower?.name ?? "nobody"})`;
    if (m.borrowed.length >= m.limit) return `${m.name} reached the limit of ${m.limit}`;
    b.status = Status.CheckedOut;
    b.borrower = m;
    b.due = this.today + 14;
    m.borrowed.push(b);
    return `${m.name} borrows "${b.title}", due day ${b.due}`;
  }

  giveBack(isbn: string): string {
    const b = this.books.get(isbn);
    const m = b?.borrower;
    if (!b || !m) return `${isbn} is not checked out`;
    const late = Math.max(0, this.today - (b.due ?? this.today));
    m.fines += late * 0.25;
    m.borrowed = m.borrowed.filter((x) => x !== b);
    b.status = Status.Available;
    b.borrower = undefined;
    b.due = undefined;
    return `"${b.title}" returned by ${m.name}${late ? `, ${late} days late` : ""}`;
  }

  overdue(): string[] {
    return [...this.books.values()].filter((b) => (b.due ?? Infinity) < this.today).map((b) => `${b.title} (${b.borrower?.name})`);
  }

  fines(): string {
    return [...this.members.values()].map((m) => `${m.name}: $${m.fines.toFixed(2)}`).join(", ");
  }
}

const lib = new Library();
lib.addBook("111", "Dune", "Herbert");
lib.addBook("222", "Emma", "Austen");
lib.addBook("333", "Ulysses", "Joyce");
lib.addBook("444", "Beloved", "Morrison");
lib.join("ann");
lib.join("ben", 1);
const steps: (() => string)[] = [
  () => lib.checkout("ann", "111"),
  () => lib.checkout("ben", "111"),
  () => lib.checkout("ben", "222"),
  () => lib.checkout("ben", "333"),
  () => lib.checkout("cat", "333"),
  () => lib.checkout("ann", "999"),
  () => lib.checkout("ann", "333"),
  () => (lib.advance(20), `day advanced; overdue: ${lib.overdue().join("; ")}`),
  () => lib.giveBack("111"),
  () => lib.giveBack("111"),
  () => lib.checkout("ben", "111"),
  () => (lib.advance(3), "three days later"),
  () => lib.giveBack("222"),
  () => lib.giveBack("333"),
];
steps.forEach((step, i) => console.log(`${i + 1}. ${step()}`));
console.log(lib.fines());
