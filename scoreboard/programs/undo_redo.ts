// features: interfaces, classes, private, nullable, string-methods, template-literals, arrows, closures, array-methods, optional-chaining, nullish, accessors, readonly, for-of, destructuring
interface Command {
  readonly name: string;
  apply(doc: Doc): void;
  undo(doc: Doc): void;
}

class Doc {
  text = "";
}

class Insert implements Command {
  readonly name: string;
  constructor(private at: number, private s: string) {
    this.name = `insert "${s}"@${at}`;
  }
  apply(d: Doc): void {
    d.text = d.text.slice(0, this.at) + this.s + d.text.slice(this.at);
  }
  undo(d: Doc): void {
    d.text = d.text.slice(0, this.at) + d.text.slice(this.at + this.s.length);
  }
}

class Delete implements Command {
  private removed = "";
  readonly name: string;
  constructor(private at: number, private len: number) {
    this.name = `delete ${len}@${at}`;
  }
  apply(d: Doc): void {
    this.removed = d.text.slice(this.at, this.at + this.len);
    d.text = d.text.slice(0, this.at) + d.text.slice(this.at + this.len);
  }
  undo(d: Doc): void {
    d.text = d.text.slice(0, this.at) + this.removed + d.text.slice(this.at);
  }
}

class Upper implements Command {
  readonly name = "uppercase";
  private before = "";
  apply(d: Doc): void {
    this.before = d.text;
    d.text = d.text.toUpperCase();
  }
  undo(d: Doc): void {
    d.text = this.before;
  }
}

class Editor {
  private done: Command[] = [];
  private undone: Command[] = [];
  constructor(readonly doc: Doc) {}

  exec(c: Command): void {
    c.apply(this.doc);
    this.done.push(c);
    this.undone = [];
  }
  undo(): Command | null {
    const c = this.done.pop();
    if (!c) return null;
    c.undo(this.doc);
    this.undone.push(c);
    return c;
  }
  redo(): Command | null {
    const c = this.undone.pop();
    if (!c) return null;
    c.apply(this.doc);
    this.done.push(c);
    return c;
  }
  get history(): string {
    return this.done.map((c) => c.name).join(", ");
  }
}

const ed = new Editor(new Doc());
const show = (label: string) => console.log(`${label.padEnd(28)} "${ed.doc.text}"`);
const steps: [string, () => unknown][] = [
  ["insert hello", () => ed.exec(new Insert(0, "hello"))],
  ["insert world", () => ed.exec(new Insert(5, " world"))],
  ["insert comma", () => ed.exec(new Insert(5, ","))],
  ["uppercase", () => ed.exec(new Upper())],
  ["undo", () => ed.undo()],
  ["delete 6@0", () => ed.exec(new Delete(0, 6))],
  ["undo", () => ed.undo()],
  ["undo", () => ed.undo()],
  ["redo", () => ed.redo()],
  ["redo", () => ed.redo()],
  ["redo (nothing)", () => console.log(`  redo returned ${ed.redo()}`)],
  ["undo x4", () => [1, 2, 3, 4].forEach(() => ed.undo())],
  ["undo (nothing)", () => console.log(`  undo returned ${ed.undo()?.name ?? "null"}`)],
  ["insert tsos", () => ed.exec(new Insert(0, "tsos"))],
];
for (const [label, run] of steps) {
  run();
  show(label);
}
console.log(`history: ${ed.history}`);
