// features: generics, generic-constraints, interfaces, classes, abstract, inheritance, map-set, array-methods, arrows, template-literals, optional, nullable, object-literals, spread, type-aliases
interface Entity {
  id: number;
}

interface User extends Entity {
  name: string;
  email: string;
  age?: number;
}

interface Post extends Entity {
  authorId: number;
  title: string;
  likes: number;
}

type Patch<T> = Partial<Omit<T, "id">>;

abstract class Repository<T extends Entity> {
  protected rows = new Map<number, T>();
  private nextId = 1;

  protected abstract validate(row: T): string | null;

  insert(data: Omit<T, "id">): T | string {
    const row = { ...data, id: this.nextId } as T;
    const err = this.validate(row);
    if (err !== null) return err;
    this.nextId++;
    this.rows.set(row.id, row);
    return row;
  }

  find(id: number): T | undefined {
    return this.rows.get(id);
  }

  where(pred: (row: T) => boolean): T[] {
    return [...this.rows.values()].filter(pred);
  }

  update(id: number, patch: Patch<T>): boolean {
    const row = this.rows.get(id);
    if (!row) return false;
    const next = { ...row, ...patch };
    if (this.validate(next) !== null) return false;
    this.rows.set(id, next);
    return true;
  }

  remove(id: number): boolean {
    return this.rows.delete(id);
  }

  get count(): number {
    return this.rows.size;
  }
}

class UserRepo extends Repository<User> {
  protected validate(u: User): string | null {
    if (!u.email.includes("@")) return `bad email for ${u.name}`;
    if (u.age !== undefined && (u.age < 0 || u.age > 150)) return `bad age ${u.age}`;
    if ([...this.rows.values()].some((o) => o.email === u.email && o.id !== u.id)) return `duplicate email ${u.email}`;
    return null;
  }
}

class PostRepo extends Repository<Post> {
  constructor(private users: UserRepo) {
    super();
  }
  protected validate(p: Post): string | null {
    if (this.users.find(p.authorId) === undefined) return `no author ${p.authorId}`;
    return p.title.trim() === "" ? "empty title" : null;
  }
}

function describe<T extends Entity>(label: string, r: T | string): string {
  return typeof r === "string" ? `${label}: rejected (${r})` : `${label}: #${r.id}`;
}

function byKey<T, K extends keyof T>(rows: T[], key: K): T[] {
  return [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}

const users = new UserRepo();
const posts = new PostRepo(users);
console.log(describe("ann", users.insert({ name: "ann", email: "ann@x.io", age: 31 })));
console.log(describe("bob", users.insert({ name: "bob", email: "bob@x.io" })));
console.log(describe("cat", users.insert({ name: "cat", email: "cat.x.io" })));
console.log(describe("dan", users.insert({ name: "dan", email: "ann@x.io" })));
console.log(describe("eve", users.insert({ name: "eve", email: "eve@x.io", age: 200 })));
console.log(describe("fay", users.insert({ name: "fay", email: "fay@x.io", age: 19 })));

console.log(describe("p1", posts.insert({ authorId: 1, title: "Hello", likes: 3 })));
console.log(describe("p2", posts.insert({ authorId: 3, title: "Tips", likes: 10 })));
console.log(describe("p3", posts.insert({ authorId: 9, title: "Ghost", likes: 0 })));
console.log(describe("p4", posts.insert({ authorId: 2, title: "  ", likes: 1 })));
console.log(describe("p5", posts.insert({ authorId: 2, title: "Bob's post", likes: 7 })));

console.log(`update bob age: ${users.update(2, { age: 44 })}, bad email: ${users.update(2, { email: "nope" })}`);
console.log(`bob now ${JSON.stringify(users.find(2))}`);
const adults = users.where((u) => (u.age ?? 0) >= 21).map((u) => u.name);
console.log(`adults: ${adults.join(", ")}`);
for (const p of byKey(posts.where(() => true), "likes")) {
  const author = users.find(p.authorId);
  console.log(`  ${p.title.padEnd(12)} by ${author?.name ?? "?"} (${p.likes} likes)`);
}
console.log(`by name: ${byKey(users.where(() => true), "name").map((u) => u.name).join(" ")}`);
console.log(`remove 1: ${users.remove(1)}, again: ${users.remove(1)}; users ${users.count}, posts ${posts.count}`);
const orphans = posts.where((p) => users.find(p.authorId) === undefined).map((p) => p.title);
console.log(`orphaned posts: ${orphans.join(", ")}`);
