// features: string-enums, switch, classes, private, template-literals, nullable, for-of, array-methods, accessors, arrows, string-methods, enums
enum State {
  Idle = "IDLE",
  Running = "RUNNING",
  Paused = "PAUSED",
  Stopped = "STOPPED",
}

enum Event {
  Start = "start",
  Pause = "pause",
  Resume = "resume",
  Stop = "stop",
  Reset = "reset",
}

class Machine {
  private state: State = State.Idle;
  private transitions = 0;
  private log: string[] = [];

  next(e: Event): State | null {
    switch (this.state) {
      case State.Idle:
        if (e === Event.Start) return State.Running;
        return null;
      case State.Running:
        if (e === Event.Pause) return State.Paused;
        if (e === Event.Stop) return State.Stopped;
        return null;
      case State.Paused:
        if (e === Event.Resume) return State.Running;
        if (e === Event.Stop) return State.Stopped;
        return null;
      case State.Stopped:
        return e === Event.Reset ? State.Idle : null;
    }
  }

  send(e: Event): void {
    const to = this.next(e);
    if (to === null) {
      this.log.push(`ignored ${e} in ${this.state}`);
      console.log(`  ${this.state} --${e}--> (invalid)`);
      return;
    }
    console.log(`  ${this.state} --${e}--> ${to}`);
    this.state = to;
    this.transitions++;
  }

  get summary(): string {
    return `state=${this.state} transitions=${this.transitions} ignored=${this.log.length}`;
  }

  get ignored(): string[] {
    return this.log;
  }
}

const m = new Machine();
const script: Event[] = [
  Event.Start, Event.Pause, Event.Pause, Event.Resume, Event.Stop,
  Event.Start, Event.Reset, Event.Start, Event.Stop, Event.Resume, Event.Reset,
];
for (const e of script) m.send(e);
console.log(m.summary);
for (const line of m.ignored) console.log("log: " + line);
const allStates = [State.Idle, State.Running, State.Paused, State.Stopped];
console.log(allStates.map((s) => s.toLowerCase()).join(" | "));
