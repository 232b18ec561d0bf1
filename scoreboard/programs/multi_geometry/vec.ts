// vec.ts: a small 2-D vector module for the multi_geometry program.
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

export const vec = (x: number, y: number): Vec2 => ({ x, y });
export const add = (a: Vec2, b: Vec2): Vec2 => vec(a.x + b.x, a.y + b.y);
export const sub = (a: Vec2, b: Vec2): Vec2 => vec(a.x - b.x, a.y - b.y);
export const cross = (a: Vec2, b: Vec2): number => a.x * b.y - a.y * b.x;
export const dist = (a: Vec2, b: Vec2): number => Math.hypot(a.x - b.x, a.y - b.y);
export const show = (v: Vec2): string => `(${v.x}, ${v.y})`;
