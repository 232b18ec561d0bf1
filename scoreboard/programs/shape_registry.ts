// features: abstract, inheritance, classes, static, map-set, generics, generic-constraints, instanceof, template-literals, floats, math, array-methods, arrows, spread, rest-params, optional-chaining, readonly, private, for-of, type-aliases, nullable, destructuring, tuples
abstract class Component {
  private static nextId = 1;
  readonly id = Component.nextId++;
  abstract describe(): string;
}

class Position extends Component {
  constructor(public x: number, public y: number) {
    super();
  }
  describe(): string {
    return `pos(${this.x.toFixed(1)}, ${this.y.toFixed(1)})`;
  }
}

class Velocity extends Component {
  constructor(public dx: number, public dy: number) {
    super();
  }
  describe(): string {
    return `vel(${this.dx}, ${this.dy})`;
  }
}

class Health extends Component {
  constructor(public hp: number, readonly max: number) {
    super();
  }
  describe(): string {
    return `hp ${this.hp}/${this.max}`;
  }
}

type Ctor<T extends Component> = new (...args: any[]) => T;

class World {
  private entities = new Map<number, Component[]>();
  private next = 1;

  spawn(...components: Component[]): number {
    const id = this.next++;
    this.entities.set(id, components);
    return id;
  }

  get<T extends Component>(entity: number, kind: Ctor<T>): T | undefined {
    return this.entities.get(entity)?.find((c): c is T => c instanceof kind);
  }

  query<T extends Component>(kind: Ctor<T>): [number, T][] {
    const out: [number, T][] = [];
    for (const [id, comps] of this.entities) {
      for (const c of comps) if (c instanceof kind) out.push([id, c]);
    }
    return out;
  }

  remove(entity: number): void {
    this.entities.delete(entity);
  }

  dump(): string[] {
    return [...this.entities].map(([id, cs]) => `#${id}: ${cs.map((c) => c.describe()).join(", ")}`);
  }
}

const world = new World();
world.spawn(new Position(0, 0), new Velocity(1, 0.5), new Health(10, 10));
world.spawn(new Position(5, 5), new Health(3, 8));
world.spawn(new Position(-2, 1), new Velocity(-0.25, 2));
world.spawn(new Health(1, 1));

for (let tick = 1; tick <= 4; tick++) {
  for (const [id, vel] of world.query(Velocity)) {
    const pos = world.get(id, Position);
    if (pos) {
      pos.x += vel.dx;
      pos.y += vel.dy;
    }
  }
  for (const [id, hp] of world.query(Health)) {
    hp.hp -= 1;
    if (hp.hp <= 0) {
      console.log(`tick ${tick}: entity ${id} dies`);
      world.remove(id);
    }
  }
}
for (const line of world.dump()) console.log(line);
const far = world.query(Position).filter(([, p]) => Math.hypot(p.x, p.y) > 4).map(([id]) => id);
console.log(`far from origin: ${far.join(", ")}; positions ${world.query(Position).length}, velocities ${world.query(Velocity).length}`);
