// features: interfaces, floats, math, type-aliases, template-literals, object-literals, destructuring, for-of, default-params, nullish, string-methods, optional
type State = { x: number; y: number; vx: number; vy: number; t: number };

interface Launch {
  label: string;
  speed: number;
  angleDeg: number;
  drag?: number;
}

const G = 9.81;

function simulate(l: Launch, dt = 0.001): { range: number; apex: number; time: number } {
  const rad = (l.angleDeg * Math.PI) / 180;
  let s: State = { x: 0, y: 0, vx: l.speed * Math.cos(rad), vy: l.speed * Math.sin(rad), t: 0 };
  let apex = 0;
  const k = l.drag ?? 0;
  while (s.y >= 0) {
    const v = Math.sqrt(s.vx * s.vx + s.vy * s.vy);
    const ax = -k * v * s.vx;
    const ay = -G - k * v * s.vy;
    s = { x: s.x + s.vx * dt, y: s.y + s.vy * dt, vx: s.vx + ax * dt, vy: s.vy + ay * dt, t: s.t + dt };
    apex = Math.max(apex, s.y);
  }
  return { range: s.x, apex, time: s.t };
}

function analytic(speed: number, angleDeg: number): { range: number; apex: number } {
  const rad = (angleDeg * Math.PI) / 180;
  return { range: (speed * speed * Math.sin(2 * rad)) / G, apex: (speed * Math.sin(rad)) ** 2 / (2 * G) };
}

const launches: Launch[] = [
  { label: "15 deg", speed: 30, angleDeg: 15 },
  { label: "30 deg", speed: 30, angleDeg: 30 },
  { label: "45 deg", speed: 30, angleDeg: 45 },
  { label: "60 deg", speed: 30, angleDeg: 60 },
  { label: "75 deg", speed: 30, angleDeg: 75 },
  { label: "45 deg drag", speed: 30, angleDeg: 45, drag: 0.01 },
  { label: "35 deg drag", speed: 30, angleDeg: 35, drag: 0.01 },
];
for (const l of launches) {
  const { range, apex, time } = simulate(l);
  const a = analytic(l.speed, l.angleDeg);
  const note = l.drag ? "" : ` (analytic ${a.range.toFixed(2)} m, ${a.apex.toFixed(2)} m)`;
  console.log(`${l.label.padEnd(12)} range ${range.toFixed(2).padStart(6)} m apex ${apex.toFixed(2).padStart(5)} m flight ${time.toFixed(3)} s${note}`);
}
let best = 0;
let bestAngle = 0;
for (let a = 20; a <= 50; a += 1) {
  const { range } = simulate({ label: "", speed: 30, angleDeg: a, drag: 0.01 }, 0.002);
  if (range > best) {
    best = range;
    bestAngle = a;
  }
}
console.log(`with drag the best angle is ${bestAngle} deg (${best.toFixed(2)} m)`);
