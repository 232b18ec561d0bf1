// features: enums, literal-unions, type-aliases, classes, private, readonly, accessors, object-literals, for-of, template-literals, array-methods
enum State {
  Idle,
  Running,
  Paused,
  Stopped,
}

type Action = "start" | "pause" | "resume" | "stop" | "reset";

const transitions: Record<State, Partial<Record<Action, State>>> = {
  [State.Idle]: { start: State.Running },
  [State.Running]: { pause: State.Paused, stop: State.Stopped },
  [State.Paused]: { resume: State.Running, stop: State.Stopped },
  [State.Stopped]: { reset: State.Idle },
};

class Machine {
  private state = State.Idle;
  private ticks = 0;
  readonly trace: string[] = [];

  dispatch(action: Action): boolean {
    const next = transitions[this.state][action];
    if (next === undefined) {
      this.trace.push(`  ! ${action} not allowed in ${State[this.state]}`);
      return false;
    }
    this.trace.push(`  ${State[this.state]} --${action}--> ${State[next]}`);
    this.state = next;
    return true;
  }

  tick(): void {
    if (this.state === State.Running) this.ticks++;
  }

  get current(): string {
    return State[this.state];
  }

  get elapsed(): number {
    return this.ticks;
  }
}

const m = new Machine();
const script: (Action | "tick")[] = ["tick", "start", "tick", "tick", "pause", "tick", "resume", "tick", "start", "stop", "tick", "reset", "start"];
let ok = 0;
for (const step of script) {
  if (step === "tick") {
    m.tick();
  } else if (m.dispatch(step)) {
    ok++;
  }
}
console.log(m.trace.join("\n"));
console.log(`final state: ${m.current}, elapsed ticks: ${m.elapsed}, successful: ${ok}`);
console.log(Object.keys(transitions).length, State.Paused, State["Stopped"]);
