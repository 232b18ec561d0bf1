// Found while extending the generator to nullables (not a wrong answer: a refusal of a basic idiom).
// `n ?? 3` for `n: u8 | null` is refused: TSOS1006 the type `u8 | 3` is not supported; `n ?? u8(3)` compiles.
// node: 3 3 4
let n1: u8 | null = null;
let n3: number | null = 4;
function f(): void {
  const a: u8 = n1 ?? 3;
  const c: u8 = n1 ?? u8(3);
  const d: number = n3 ?? 0;
  console.log(a, c, d);
}
f();
