// features: classes, inheritance, abstract, interfaces, optional, nullish, optional-chaining, string-enums, switch, template-literals, array-methods, arrows, floats, spread, instanceof, map-set, accessors, readonly, private, for-of, math, enums, object-literals
enum Slot {
  Weapon = "weapon",
  Armor = "armor",
  Ring = "ring",
}

interface Stats {
  attack: number;
  defense: number;
  speed?: number;
}

abstract class Item {
  constructor(readonly name: string, readonly weight: number, readonly value: number) {}
  abstract describe(): string;
}

class Gear extends Item {
  constructor(name: string, weight: number, value: number, readonly slot: Slot, readonly bonus: Stats) {
    super(name, weight, value);
  }
  describe(): string {
    return `${this.name} [${this.slot}] +${this.bonus.attack} atk +${this.bonus.defense} def${this.bonus.speed ? ` ${this.bonus.speed > 0 ? "+" : ""}${this.bonus.speed} spd` : ""}`;
  }
}

class Potion extends Item {
  constructor(name: string, readonly heal: number) {
    super(name, 0.5, heal * 2);
  }
  describe(): string {
    return `${this.name} (heals ${this.heal})`;
  }
}

class Hero {
  private bag: Item[] = [];
  private equipped = new Map<Slot, Gear>();
  hp = 40;
  constructor(readonly name: string, private base: Stats, readonly capacity: number) {}

  get load(): number {
    return this.bag.reduce((s, i) => s + i.weight, 0) + [...this.equipped.values()].reduce((s, g) => s + g.weight, 0);
  }

  pick(item: Item): string {
    if (this.load + item.weight > this.capacity) return `${this.name} cannot carry ${item.name} (load ${this.load.toFixed(1)}/${this.capacity})`;
    this.bag.push(item);
    return `${this.name} picks up ${item.describe()}`;
  }

  equip(name: string): string {
    const item = this.bag.find((i) => i.name === name);
    if (!(item instanceof Gear)) return `${name} is not equippable gear in the bag`;
    const old = this.equipped.get(item.slot);
    this.bag = this.bag.filter((i) => i !== item);
    if (old) this.bag.push(old);
    this.equipped.set(item.slot, item);
    return `equipped ${item.name}${old ? `, unequipped ${old.name}` : ""}`;
  }

  drink(): string {
    const p = this.bag.find((i): i is Potion => i instanceof Potion);
    if (!p) return "no potions";
    this.bag.splice(this.bag.indexOf(p), 1);
    this.hp = Math.min(50, this.hp + p.heal);
    return `drank ${p.name}, hp ${this.hp}`;
  }

  stats(): Stats {
    const s: Required<Stats> = { attack: this.base.attack, defense: this.base.defense, speed: this.base.speed ?? 10 };
    for (const g of this.equipped.values()) {
      s.attack += g.bonus.attack;
      s.defense += g.bonus.defense;
      s.speed += g.bonus.speed ?? 0;
    }
    return s;
  }

  sheet(): string {
    const s = this.stats();
    const slots = [Slot.Weapon, Slot.Armor, Slot.Ring].map((sl) => `${sl}: ${this.equipped.get(sl)?.name ?? "-"}`).join(", ");
    return `${this.name} hp ${this.hp} atk ${s.attack} def ${s.defense} spd ${s.speed} | ${slots} | bag ${this.bag.length} items, ${this.bag.reduce((v, i) => v + i.value, 0)} gold`;
  }
}

const hero = new Hero("Rin", { attack: 5, defense: 3 }, 20);
const loot: Item[] = [
  new Gear("short sword", 3, 15, Slot.Weapon, { attack: 4, defense: 0 }),
  new Gear("chain mail", 9, 60, Slot.Armor, { attack: 0, defense: 6, speed: -2 }),
  new Potion("small potion", 10),
  new Gear("great axe", 7, 45, Slot.Weapon, { attack: 9, defense: 0, speed: -3 }),
  new Gear("ring of haste", 0.1, 120, Slot.Ring, { attack: 0, defense: 0, speed: 5 }),
  new Potion("big potion", 25),
];
for (const item of loot) console.log(hero.pick(item));
console.log(hero.sheet());
for (const name of ["short sword", "chain mail", "ring of haste", "great axe", "small potion", "dragon"]) console.log(hero.equip(name));
console.log(hero.sheet());
hero.hp = 12;
console.log(hero.drink());
console.log(hero.drink());
console.log(hero.sheet());
