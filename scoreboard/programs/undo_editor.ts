// features: interfaces, classes, private, closures, arrows, array-methods, template-literals, for-of, nullable, string-methods, fluent
interface Command {
  readonly label: string;
  apply(doc: Doc): void;
  revert(doc: Doc): void;
}

class Doc {
  text = "";
  cursor = 0;
}

function insert(s: string): Command {
  let at = 0;
  return {
    label: `insert "${s}"`,
    apply(doc) {
      at = doc.cursor;
      doc.text = doc.text.slice(0, at) + s + doc.text.slice(at);
      doc.cursor = at + s.length;
    },
    revert(doc) {
      doc.text = doc.text.slice(0, at) + doc.text.slice(at + s.length);
      doc.cursor = at;
    },
  };
}

function backspace(n: number): Command {
  let removed = "";
  let at = 0;
  return {
    label: `backspace ${n}`,
    apply(doc) {
      at = Math.max(0, doc.cursor - n);
      removed = doc.text.slice(at, doc.cursor);
      doc.text = doc.text.slice(0, at) + doc.text.slice(doc.cursor);
      doc.cursor = at;
    },
    revert(doc) {
      doc.text = doc.text.slice(0, at) + removed + doc.text.slice(at);
      doc.cursor = at + removed.length;
    },
  };
}

function moveTo(pos: number): Command {
  let from = 0;
  return {
    label: `move ${pos}`,
    apply(doc) {
      from = doc.cursor;
      doc.cursor = Math.min(Math.max(0, pos), doc.text.length);
    },
    revert(doc) {
      doc.cursor = from;
    },
  };
}

function upper(): Command {
  let before = "";
  return {
    label: "upper",
    apply: (doc) => {
      before = doc.text;
      doc.text = doc.text.toUpperCase();
    },
    revert: (doc) => {
      doc.text = before;
    },
  };
}

class Editor {
  private doc = new Doc();
  private done: Command[] = [];
  private undone: Command[] = [];

  run(c: Command): this {
    c.apply(this.doc);
    this.done.push(c);
    this.undone = [];
    return this;
  }

  undo(): this {
    const c = this.done.pop();
    if (c) {
      c.revert(this.doc);
      this.undone.push(c);
    }
    return this;
  }

  redo(): this {
    const c = this.undone.pop();
    if (c) {
      c.apply(this.doc);
      this.done.push(c);
    }
    return this;
  }

  show(tag: string): this {
    const d = this.doc;
    console.log(`${tag.padEnd(12)} "${d.text.slice(0, d.cursor)}|${d.text.slice(d.cursor)}" undo=${this.done.length} redo=${this.undone.length}`);
    return this;
  }

  history(): string {
    return this.done.map((c) => c.label).join(" > ");
  }
}

const ed = new Editor();
ed.run(insert("hello")).show("insert")
  .run(insert(" world")).show("insert")
  .run(moveTo(5)).run(insert(",")).show("comma")
  .run(backspace(3)).show("bs 3")
  .undo().show("undo")
  .undo().show("undo")
  .redo().show("redo")
  .run(upper()).show("upper")
  .undo().undo().undo().undo().show("undo x4")
  .undo().undo().show("undo past")
  .redo().redo().redo().show("redo x3")
  .run(moveTo(100)).run(backspace(100)).show("clear")
  .undo().show("undo")
  .redo().show("redo")
  .redo().show("redo none");
console.log(ed.history());
