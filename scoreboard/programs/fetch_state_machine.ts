// features: type-aliases, discriminated-unions, literal-unions, interfaces, classes, switch, nullable, spread, object-literals, array-methods, template-literals
type State = "idle" | "loading" | "success" | "error";
type Event = { type: "FETCH" } | { type: "RESOLVE"; data: string[] } | { type: "REJECT"; reason: string } | { type: "RESET" };

interface Context {
  data: string[];
  error: string | null;
  attempts: number;
}

const transitions: Record<State, Partial<Record<Event["type"], State>>> = {
  idle: { FETCH: "loading" },
  loading: { RESOLVE: "success", REJECT: "error" },
  success: { RESET: "idle", FETCH: "loading" },
  error: { FETCH: "loading", RESET: "idle" },
};

class Machine {
  state: State = "idle";
  ctx: Context = { data: [], error: null, attempts: 0 };
  private log: string[] = [];

  send(event: Event): boolean {
    const next = transitions[this.state][event.type];
    if (!next) {
      this.log.push(`ignored ${event.type} in ${this.state}`);
      return false;
    }
    switch (event.type) {
      case "FETCH":
        this.ctx.attempts++;
        break;
      case "RESOLVE":
        this.ctx = { ...this.ctx, data: event.data, error: null };
        break;
      case "REJECT":
        this.ctx.error = event.reason;
        break;
      case "RESET":
        this.ctx = { data: [], error: null, attempts: 0 };
        break;
    }
    this.log.push(`${this.state} -> ${next}`);
    this.state = next;
    return true;
  }

  history() { return this.log.slice(); }
}

const m = new Machine();
m.send({ type: "RESOLVE", data: ["x"] });
m.send({ type: "FETCH" });
m.send({ type: "REJECT", reason: "timeout" });
console.log(m.state, m.ctx.error, m.ctx.attempts);
m.send({ type: "FETCH" });
m.send({ type: "RESOLVE", data: ["a", "b"] });
console.log(m.state, m.ctx.data.join(","), m.ctx.error, m.ctx.attempts);
m.send({ type: "RESET" });
console.log(m.history().join("\n"));
console.log(m.ctx);
