// features: classes, floats, math, interfaces, readonly, array-methods, arrows, template-literals, for-of, private, destructuring, tuples, object-literals
interface Body {
  readonly name: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
  readonly mass: number;
}

class System {
  steps = 0;
  constructor(readonly bodies: Body[], private readonly g = 1) {}

  energy(): number {
    let e = 0;
    this.bodies.forEach((a, i) => {
      e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy);
      for (let j = i + 1; j < this.bodies.length; j++) {
        const b = this.bodies[j];
        e -= (this.g * a.mass * b.mass) / Math.hypot(a.x - b.x, a.y - b.y);
      }
    });
    return e;
  }

  step(dt: number): void {
    for (const a of this.bodies) {
      let ax = 0;
      let ay = 0;
      for (const b of this.bodies) {
        if (a === b) continue;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const r2 = dx * dx + dy * dy + 1e-9;
        const f = (this.g * b.mass) / (r2 * Math.sqrt(r2));
        ax += f * dx;
        ay += f * dy;
      }
      a.vx += ax * dt;
      a.vy += ay * dt;
    }
    for (const a of this.bodies) {
      a.x += a.vx * dt;
      a.y += a.vy * dt;
    }
    this.steps++;
  }

  momentum(): [number, number] {
    return [this.bodies.reduce((s, b) => s + b.mass * b.vx, 0), this.bodies.reduce((s, b) => s + b.mass * b.vy, 0)];
  }
}

const sys = new System([
  { name: "sun", x: 0, y: 0, vx: 0, vy: 0, mass: 1000 },
  { name: "inner", x: 10, y: 0, vx: 0, vy: 10, mass: 1 },
  { name: "outer", x: -25, y: 0, vx: 0, vy: -6.3, mass: 5 },
  { name: "comet", x: 0, y: 40, vx: 3, vy: 0, mass: 0.01 },
]);
const e0 = sys.energy();
console.log(`initial energy ${e0.toFixed(6)}`);
for (let block = 1; block <= 8; block++) {
  for (let i = 0; i < 500; i++) sys.step(0.001);
  const [px, py] = sys.momentum();
  const pos = sys.bodies.map((b) => `${b.name}(${b.x.toFixed(2)},${b.y.toFixed(2)})`).join(" ");
  console.log(`t=${(sys.steps * 0.001).toFixed(1)} ${pos} p=(${px.toFixed(4)},${py.toFixed(4)})`);
}
const e1 = sys.energy();
console.log(`final energy ${e1.toFixed(6)}, relative drift ${Math.abs((e1 - e0) / e0).toExponential(3)}`);
const dist = sys.bodies.slice(1).map((b) => `${b.name}: r=${Math.hypot(b.x, b.y).toFixed(3)}`);
console.log(dist.join(", "));
