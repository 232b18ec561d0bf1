// examples/showcase/shapes.ts: an enum, a class and a generic container, imported by main.ts.
export enum Kind {
  Square,
  Rectangle,
  Triangle,
}

export function kindName(kind: Kind): string {
  switch (kind) {
    case Kind.Square:
      return "square";
    case Kind.Rectangle:
      return "rectangle";
    default:
      return "triangle";
  }
}

export class Shape {
  constructor(
    readonly kind: Kind,
    readonly width: u32,
    readonly height: u32,
  ) {}

  /** Twice the area, so triangles stay integers. */
  doubleArea(): u32 {
    return this.kind === Kind.Triangle ? this.width * this.height : 2 * this.width * this.height;
  }
}

/** A list that remembers its largest element by a score. */
export class Ranked<T> {
  items: T[] = [];
  scores: u32[] = [];
  best = -1;

  add(item: T, score: u32): void {
    this.items.push(item);
    this.scores.push(score);
    if (this.best < 0 || score > this.scores[this.best]) this.best = this.items.length - 1;
  }
}
