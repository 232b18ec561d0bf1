// features: integers, classes, private, nullable, template-literals, readonly
class Person {
  next: Person | null = null;
  constructor(readonly id: number) {}
}

class Circle {
  private current: Person | null = null;
  private size = 0;

  constructor(n: number) {
    let first: Person | null = null;
    let prev: Person | null = null;
    for (let i = 1; i <= n; i++) {
      const p = new Person(i);
      if (first === null) first = p;
      if (prev !== null) prev.next = p;
      prev = p;
    }
    if (prev !== null) prev.next = first;
    this.current = prev;
    this.size = n;
  }

  eliminate(k: number): string {
    let order = "";
    while (this.size > 1 && this.current !== null) {
      for (let i = 1; i < k; i++) {
        if (this.current.next !== null) this.current = this.current.next;
      }
      const victim = this.current.next;
      if (victim === null) break;
      order += (order.length > 0 ? " " : "") + victim.id;
      this.current.next = victim.next;
      this.size--;
    }
    return order;
  }

  survivor(): number {
    return this.current === null ? -1 : this.current.id;
  }
}

function josephusFormula(n: number, k: number): number {
  let r = 0;
  for (let i = 2; i <= n; i++) r = (r + k) % i;
  return r + 1;
}

const c = new Circle(7);
console.log(`n=7 k=3 order: ${c.eliminate(3)}`);
console.log(`survivor ${c.survivor()}, formula ${josephusFormula(7, 3)}`);
for (let n = 5; n <= 40; n += 5) {
  const circle = new Circle(n);
  circle.eliminate(2);
  console.log(`n=${n} k=2: survivor ${circle.survivor()} formula ${josephusFormula(n, 2)}`);
}
const big = new Circle(1000);
big.eliminate(7);
console.log(`n=1000 k=7: survivor ${big.survivor()} formula ${josephusFormula(1000, 7)}`);
