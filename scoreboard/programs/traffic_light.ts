// features: enums, switch, classes, private, template-literals, integers, accessors
enum Light {
  Red,
  RedAmber,
  Green,
  Amber,
}

enum Mode {
  Normal,
  Flashing,
  Off,
}

class Junction {
  private light = Light.Red;
  private timer = 0;
  private mode = Mode.Normal;
  private cycles = 0;

  duration(l: Light): number {
    switch (l) {
      case Light.Red:
        return 5;
      case Light.RedAmber:
        return 1;
      case Light.Green:
        return 4;
      case Light.Amber:
        return 2;
    }
  }

  setMode(m: Mode): void {
    this.mode = m;
    this.timer = 0;
    if (m === Mode.Normal) this.light = Light.Red;
  }

  tick(): string {
    if (this.mode === Mode.Off) return "   ";
    if (this.mode === Mode.Flashing) {
      this.timer++;
      return this.timer % 2 === 1 ? " A " : "   ";
    }
    this.timer++;
    if (this.timer >= this.duration(this.light)) {
      this.timer = 0;
      this.light = this.light === Light.Amber ? Light.Red : this.light + 1;
      if (this.light === Light.Red) this.cycles++;
    }
    return this.show();
  }

  show(): string {
    switch (this.light) {
      case Light.Red:
        return "R  ";
      case Light.RedAmber:
        return "RA ";
      case Light.Green:
        return "  G";
      case Light.Amber:
        return " A ";
    }
  }

  get completed(): number {
    return this.cycles;
  }
}

const j = new Junction();
let line = "";
for (let t = 1; t <= 40; t++) {
  if (t === 28) j.setMode(Mode.Flashing);
  if (t === 34) j.setMode(Mode.Off);
  if (t === 37) j.setMode(Mode.Normal);
  line = `t=${t < 10 ? " " : ""}${t} [${j.tick()}]`;
  if (t % 2 === 0 || t > 26) console.log(line);
}
console.log(`full cycles: ${j.completed}`);
console.log(`durations: red ${j.duration(Light.Red)} redamber ${j.duration(Light.RedAmber)} green ${j.duration(Light.Green)} amber ${j.duration(Light.Amber)}`);
