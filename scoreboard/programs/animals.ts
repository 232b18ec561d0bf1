// features: classes, inheritance, abstract, private, template-literals, for-of, instanceof, static, readonly, math
abstract class Animal {
  static population = 0;
  private energy = 10;

  constructor(readonly name: string) {
    Animal.population++;
  }

  abstract sound(): string;
  abstract legs(): number;

  speak(): string {
    return `${this.name} says ${this.sound()}`;
  }

  move(distance: number): string {
    const cost = distance * this.legs() > 0 ? Math.floor(distance / 2) + 1 : distance;
    if (cost > this.energy) return `${this.name} is too tired to move ${distance}m`;
    this.energy -= cost;
    return `${this.name} moves ${distance}m (energy ${this.energy})`;
  }

  rest(): void {
    this.energy = 10;
  }
}

class Dog extends Animal {
  sound(): string {
    return "woof";
  }
  legs(): number {
    return 4;
  }
  fetch(): string {
    return `${this.name} fetches the ball`;
  }
}

class Bird extends Animal {
  sound(): string {
    return "tweet";
  }
  legs(): number {
    return 2;
  }
  override move(distance: number): string {
    return `${this.name} flies ${distance * 3}m`;
  }
}

class Snake extends Animal {
  sound(): string {
    return "hiss";
  }
  legs(): number {
    return 0;
  }
}

class Puppy extends Dog {
  override sound(): string {
    return "yip";
  }
  override speak(): string {
    return super.speak() + " (tail wagging)";
  }
}

const zoo: Animal[] = [new Dog("Rex"), new Bird("Tweety"), new Snake("Kaa"), new Puppy("Bit")];
for (const a of zoo) {
  console.log(a.speak());
  console.log("  " + a.move(6));
  console.log("  " + a.move(10));
  if (a instanceof Dog) console.log("  " + a.fetch());
}
zoo[0].rest();
console.log(zoo[0].move(4));
let legs = 0;
for (const a of zoo) legs += a.legs();
console.log(`population ${Animal.population}, total legs ${legs}`);
