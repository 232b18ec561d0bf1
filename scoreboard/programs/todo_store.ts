// features: closures, accessors, object-literals, literal-unions, type-aliases, spread, array-methods, default-params, template-literals, interfaces, optional, for-of, nullish
type Priority = "low" | "medium" | "high";

interface Todo {
  id: number;
  text: string;
  done: boolean;
  priority: Priority;
  due?: string | null;
}

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

function createStore() {
  let todos: Todo[] = [];
  let nextId = 1;
  return {
    add(text: string, priority: Priority = "medium"): Todo {
      const todo = { id: nextId++, text, done: false, priority };
      todos = [...todos, todo];
      return todo;
    },
    toggle(id: number) {
      todos = todos.map((t) => (t.id === id ? { ...t, done: !t.done } : t));
    },
    remove(id: number) {
      todos = todos.filter((t) => t.id !== id);
    },
    get all() {
      return todos;
    },
    get pending() {
      return todos.filter((t) => !t.done).length;
    },
    sorted() {
      return [...todos].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.id - b.id);
    },
  };
}

const store = createStore();
store.add("write report", "high");
store.add("buy milk", "low");
store.add("call mom");
store.add("fix bug #42", "high");
store.toggle(2);
store.toggle(3);
store.toggle(3);
store.remove(1);
console.log("pending:", store.pending, "of", store.all.length);
for (const t of store.sorted()) {
  console.log(`${t.done ? "[x]" : "[ ]"} #${t.id} ${t.text} (${t.priority})`);
}
const grouped = store.all.reduce<Record<string, string[]>>((acc, t) => {
  (acc[t.priority] ??= []).push(t.text);
  return acc;
}, {});
console.log(JSON.stringify(grouped));
