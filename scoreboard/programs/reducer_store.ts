// features: discriminated-unions, type-aliases, generics, closures, arrows, spread, object-literals, switch, readonly, array-methods, template-literals, accessors, string-methods, literal-unions
type Todo = { readonly id: number; readonly text: string; readonly done: boolean };
type State = { readonly todos: readonly Todo[]; readonly filter: "all" | "open" | "done"; readonly nextId: number };

type Action =
  | { type: "add"; text: string }
  | { type: "toggle"; id: number }
  | { type: "remove"; id: number }
  | { type: "filter"; filter: State["filter"] }
  | { type: "clearDone" };

type Reducer<S, A> = (state: S, action: A) => S;
type Listener<S> = (state: S, prev: S) => void;

function createStore<S, A>(reducer: Reducer<S, A>, initial: S) {
  let state = initial;
  const listeners: Listener<S>[] = [];
  let dispatches = 0;
  return {
    getState: () => state,
    dispatch(action: A): void {
      const prev = state;
      state = reducer(state, action);
      dispatches++;
      if (state !== prev) listeners.forEach((l) => l(state, prev));
    },
    subscribe(l: Listener<S>): () => void {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    get dispatches() {
      return dispatches;
    },
  };
}

const reducer: Reducer<State, Action> = (s, a) => {
  switch (a.type) {
    case "add":
      return a.text.trim() ? { ...s, todos: [...s.todos, { id: s.nextId, text: a.text.trim(), done: false }], nextId: s.nextId + 1 } : s;
    case "toggle":
      return { ...s, todos: s.todos.map((t) => (t.id === a.id ? { ...t, done: !t.done } : t)) };
    case "remove":
      return s.todos.some((t) => t.id === a.id) ? { ...s, todos: s.todos.filter((t) => t.id !== a.id) } : s;
    case "filter":
      return s.filter === a.filter ? s : { ...s, filter: a.filter };
    case "clearDone":
      return { ...s, todos: s.todos.filter((t) => !t.done) };
  }
};

const visible = (s: State) => s.todos.filter((t) => s.filter === "all" || (s.filter === "done") === t.done);
const store = createStore(reducer, { todos: [], filter: "all", nextId: 1 } as State);
let renders = 0;
const unsubscribe = store.subscribe((s, prev) => {
  renders++;
  console.log(`render #${renders} (${prev.todos.length} -> ${s.todos.length} todos, filter ${s.filter}): ${visible(s).map((t) => `${t.done ? "[x]" : "[ ]"} ${t.text}`).join("; ")}`);
});
const actions: Action[] = [
  { type: "add", text: "write scoreboard" }, { type: "add", text: "  " }, { type: "add", text: "land it" },
  { type: "add", text: "report" }, { type: "toggle", id: 1 }, { type: "filter", filter: "open" },
  { type: "filter", filter: "open" }, { type: "remove", id: 42 }, { type: "toggle", id: 3 },
  { type: "filter", filter: "done" }, { type: "clearDone" }, { type: "filter", filter: "all" },
];
actions.forEach(store.dispatch);
unsubscribe();
store.dispatch({ type: "add", text: "after unsubscribe" });
console.log(`${store.dispatches} dispatches, ${renders} renders, final todos: ${store.getState().todos.map((t) => t.id + ":" + t.text).join(", ")}`);
