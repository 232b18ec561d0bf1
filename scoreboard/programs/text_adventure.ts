// features: interfaces, map-set, literal-unions, nullable, optional, classes, string-methods, template-literals, switch, for-of, spread, accessors, private, array-methods, type-aliases, destructuring, object-literals
type Dir = "north" | "south" | "east" | "west";

interface Room {
  name: string;
  description: string;
  exits: Partial<Record<Dir, string>>;
  items: string[];
  locked?: Dir;
}

class Game {
  private rooms = new Map<string, Room>();
  private here: string;
  private inventory = new Set<string>();
  private moves = 0;

  constructor(rooms: Room[], start: string) {
    for (const r of rooms) this.rooms.set(r.name, r);
    this.here = start;
  }

  private room(): Room {
    return this.rooms.get(this.here)!;
  }

  command(line: string): string {
    const [verb, arg] = line.trim().toLowerCase().split(" ");
    this.moves++;
    switch (verb) {
      case "look": {
        const r = this.room();
        const items = r.items.length ? ` You see: ${r.items.join(", ")}.` : "";
        return `${r.name}: ${r.description}.${items}`;
      }
      case "go":
        return this.go(arg as Dir);
      case "take": {
        const r = this.room();
        const i = r.items.indexOf(arg);
        if (i < 0) return `There is no ${arg} here.`;
        r.items.splice(i, 1);
        this.inventory.add(arg);
        return `Taken: ${arg}.`;
      }
      case "inv":
        return this.inventory.size ? `You carry: ${[...this.inventory].sort().join(", ")}.` : "You carry nothing.";
      default:
        this.moves--;
        return `I don't understand "${line}".`;
    }
  }

  private go(dir: Dir): string {
    const r = this.room();
    const next: string | undefined = r.exits[dir];
    if (next === undefined) return `You can't go ${dir}.`;
    if (r.locked === dir) {
      if (!this.inventory.has("key")) return "The door is locked.";
      r.locked = undefined;
      console.log("  (you unlock the door)");
    }
    this.here = next;
    return `You go ${dir} to the ${next}.`;
  }

  get score(): string {
    return `${this.moves} moves, ${this.inventory.size} items, in the ${this.here}`;
  }
}

const game = new Game(
  [
    { name: "hall", description: "a dusty hall", exits: { north: "library", east: "kitchen" }, items: ["lamp"] },
    { name: "kitchen", description: "it smells of old bread", exits: { west: "hall" }, items: ["key", "bread"] },
    { name: "library", description: "shelves reach the ceiling", exits: { south: "hall", east: "study" }, items: [], locked: "east" },
    { name: "study", description: "a desk with a single letter", exits: { west: "library" }, items: ["letter"] },
  ],
  "hall",
);

const script = [
  "look", "take lamp", "go north", "go east", "go south", "go east", "look", "take key",
  "take spoon", "inv", "go west", "go north", "go east", "look", "take letter", "dance", "inv", "go up",
];
for (const cmd of script) console.log(`> ${cmd}\n${game.command(cmd)}`);
console.log(game.score);
