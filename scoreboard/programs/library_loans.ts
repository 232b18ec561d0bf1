// features: classes, accessors, interfaces, optional, nullish, arrows, array-methods, map-set, template-literals, destructuring, spread, for-of, string-methods, private, math
interface Book {
  id: number;
  title: string;
  author: string;
  year: number;
  tags?: string[];
}

class Library {
  private books: Book[] = [];
  private nextId = 1;
  private loans = new Map<number, string>();

  add(title: string, author: string, year: number, tags?: string[]): Book {
    const book: Book = { id: this.nextId++, title, author, year, tags };
    this.books.push(book);
    return book;
  }

  get size(): number {
    return this.books.length;
  }

  findByAuthor(author: string): Book[] {
    return this.books.filter((b) => b.author.toLowerCase().includes(author.toLowerCase()));
  }

  lend(id: number, who: string): boolean {
    const book = this.books.find((b) => b.id === id);
    if (!book || this.loans.has(id)) return false;
    this.loans.set(id, who);
    return true;
  }

  giveBack(id: number): string | undefined {
    const who = this.loans.get(id);
    this.loans.delete(id);
    return who;
  }

  available(): Book[] {
    return this.books.filter((b) => !this.loans.has(b.id));
  }

  byDecade(): Map<number, Book[]> {
    const result = new Map<number, Book[]>();
    for (const b of this.books) {
      const decade = Math.floor(b.year / 10) * 10;
      const list = result.get(decade) ?? [];
      list.push(b);
      result.set(decade, list);
    }
    return result;
  }
}

const lib = new Library();
lib.add("Dune", "Frank Herbert", 1965, ["scifi", "classic"]);
lib.add("Neuromancer", "William Gibson", 1984, ["scifi", "cyberpunk"]);
lib.add("The Hobbit", "J.R.R. Tolkien", 1937);
lib.add("Count Zero", "William Gibson", 1986);
lib.add("Hyperion", "Dan Simmons", 1989, ["scifi"]);

console.log(`Library has ${lib.size} books`);
for (const b of lib.findByAuthor("gibson")) {
  console.log(`- ${b.title} (${b.year})${b.tags ? " [" + b.tags.join(", ") + "]" : ""}`);
}
console.log(lib.lend(2, "alice"), lib.lend(2, "bob"), lib.lend(99, "carol"));
console.log("available:", lib.available().map((b) => b.title).join(", "));
console.log("returned by", lib.giveBack(2), "then", lib.giveBack(2));
const decades = [...lib.byDecade().entries()].sort((a, b) => a[0] - b[0]);
for (const [decade, books] of decades) {
  console.log(`${decade}s: ${books.map((b) => b.title).join(" / ")}`);
}
const tagCounts: Record<string, number> = {};
for (const b of lib.available()) {
  for (const t of b.tags ?? []) tagCounts[t] = (tagCounts[t] || 0) + 1;
}
console.log(Object.entries(tagCounts).map(([t, n]) => `${t}=${n}`).join(" "));
