// features: interfaces, optional, literal-unions, array-methods, arrows, closures, template-literals, nullable, fluent, classes, optional-chaining, nullish, private, type-aliases, default-params, object-literals
type Priority = "low" | "medium" | "high";

interface Todo {
  id: number;
  title: string;
  done: boolean;
  priority: Priority;
  tags?: string[];
}

class TodoList {
  private todos: Todo[] = [];
  private nextId = 1;

  add(title: string, priority: Priority = "medium", tags?: string[]): this {
    this.todos.push({ id: this.nextId++, title, done: false, priority, tags });
    return this;
  }

  complete(id: number): this {
    const t = this.todos.find((t) => t.id === id);
    if (t) t.done = true;
    return this;
  }

  find(id: number): Todo | undefined {
    return this.todos.find((t) => t.id === id);
  }

  pending(): Todo[] {
    const rank = { high: 0, medium: 1, low: 2 };
    return this.todos.filter((t) => !t.done).sort((a, b) => rank[a.priority] - rank[b.priority] || a.id - b.id);
  }

  withTag(tag: string): Todo[] {
    return this.todos.filter((t) => t.tags?.includes(tag) ?? false);
  }

  stats(): string {
    const done = this.todos.filter((t) => t.done).length;
    return `${done}/${this.todos.length} done`;
  }
}

const list = new TodoList()
  .add("write report", "high", ["work"])
  .add("buy milk", "low", ["home", "shopping"])
  .add("fix bike")
  .add("call mom", "high", ["home"])
  .add("review PR", "medium", ["work"])
  .complete(2)
  .complete(5);

let printed = 0;
const print = (t: Todo) => {
  printed++;
  console.log(`[${t.done ? "x" : " "}] #${t.id} ${t.title} (${t.priority})${t.tags ? " " + t.tags.join(",") : ""}`);
};
console.log("pending:");
list.pending().forEach(print);
console.log("home:");
list.withTag("home").forEach(print);
console.log("work:");
list.withTag("work").forEach(print);
console.log(list.stats(), `printed ${printed}`);
const missing = list.find(99);
console.log(`find 99: ${missing === undefined ? "none" : missing.title}`);
console.log(`find 3: ${list.find(3)?.title}`);
