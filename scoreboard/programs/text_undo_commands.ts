// features: interfaces, classes, readonly, private, accessors, tuples, destructuring, arrows, closures, template-literals, string-methods, math
interface Command {
  readonly name: string;
  execute(): void;
  undo(): void;
}

class TextDocument {
  content = "";
  cursor = 0;
}

class InsertCommand implements Command {
  readonly name = "insert";
  constructor(private doc: TextDocument, private text: string) {}
  execute() {
    const { content, cursor } = this.doc;
    this.doc.content = content.slice(0, cursor) + this.text + content.slice(cursor);
    this.doc.cursor += this.text.length;
  }
  undo() {
    this.doc.cursor -= this.text.length;
    const c = this.doc.cursor;
    this.doc.content = this.doc.content.slice(0, c) + this.doc.content.slice(c + this.text.length);
  }
}

class DeleteCommand implements Command {
  readonly name = "delete";
  private deleted = "";
  constructor(private doc: TextDocument, private count: number) {}
  execute() {
    const start = Math.max(0, this.doc.cursor - this.count);
    this.deleted = this.doc.content.substring(start, this.doc.cursor);
    this.doc.content = this.doc.content.slice(0, start) + this.doc.content.slice(this.doc.cursor);
    this.doc.cursor = start;
  }
  undo() {
    const c = this.doc.cursor;
    this.doc.content = this.doc.content.slice(0, c) + this.deleted + this.doc.content.slice(c);
    this.doc.cursor += this.deleted.length;
  }
}

class History {
  private undoStack: Command[] = [];
  private redoStack: Command[] = [];

  run(cmd: Command) {
    cmd.execute();
    this.undoStack.push(cmd);
    this.redoStack.length = 0;
  }

  undo(): boolean {
    const cmd = this.undoStack.pop();
    if (!cmd) return false;
    cmd.undo();
    this.redoStack.push(cmd);
    return true;
  }

  redo(): boolean {
    const cmd = this.redoStack.pop();
    if (!cmd) return false;
    cmd.execute();
    this.undoStack.push(cmd);
    return true;
  }

  get sizes(): [number, number] {
    return [this.undoStack.length, this.redoStack.length];
  }
}

const doc = new TextDocument();
const h = new History();
const show = (label: string) => console.log(`${label.padEnd(10)} "${doc.content}" cursor=${doc.cursor} stacks=${h.sizes.join("/")}`);

h.run(new InsertCommand(doc, "Hello"));
show("insert");
h.run(new InsertCommand(doc, ", world"));
show("insert");
h.run(new DeleteCommand(doc, 5));
show("delete");
h.undo();
show("undo");
h.undo();
show("undo");
h.redo();
show("redo");
h.run(new InsertCommand(doc, "!"));
show("insert");
console.log("redo possible?", h.redo());
while (h.undo()) {}
show("undo all");
