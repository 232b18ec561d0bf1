// features: generics, generic-constraints, interfaces, classes, map-set, nullable, arrows, array-methods, template-literals, object-literals, optional, spread, optional-chaining, nullish, accessors, private, for-of
interface Entity {
  id: number;
}

interface User extends Entity {
  name: string;
  email: string;
  age: number;
}

interface Post extends Entity {
  authorId: number;
  title: string;
  likes: number;
  draft?: boolean;
}

class Repository<T extends Entity> {
  private items = new Map<number, T>();
  private nextId = 1;

  create(data: Omit<T, "id">): T {
    const item = { ...data, id: this.nextId++ } as T;
    this.items.set(item.id, item);
    return item;
  }

  get(id: number): T | null {
    return this.items.get(id) ?? null;
  }

  update(id: number, patch: Partial<Omit<T, "id">>): T | null {
    const cur = this.items.get(id);
    if (!cur) return null;
    const next = { ...cur, ...patch };
    this.items.set(id, next);
    return next;
  }

  delete(id: number): boolean {
    return this.items.delete(id);
  }

  where<K extends keyof T>(key: K, value: T[K]): T[] {
    return [...this.items.values()].filter((x) => x[key] === value);
  }

  query(pred: (x: T) => boolean, order?: (a: T, b: T) => number): T[] {
    const out = [...this.items.values()].filter(pred);
    return order ? out.sort(order) : out;
  }

  get count(): number {
    return this.items.size;
  }
}

function pluck<T, K extends keyof T>(xs: T[], key: K): T[K][] {
  return xs.map((x) => x[key]);
}

function maxBy<T extends Entity>(xs: T[], score: (x: T) => number): T | undefined {
  return xs.reduce<T | undefined>((best, x) => (best === undefined || score(x) > score(best) ? x : best), undefined);
}

const users = new Repository<User>();
const posts = new Repository<Post>();
const ada = users.create({ name: "Ada", email: "ada@example.com", age: 36 });
const alan = users.create({ name: "Alan", email: "alan@example.com", age: 41 });
users.create({ name: "Grace", email: "grace@example.com", age: 36 });
posts.create({ authorId: ada.id, title: "Notes on the engine", likes: 120 });
posts.create({ authorId: alan.id, title: "Computable numbers", likes: 300 });
posts.create({ authorId: ada.id, title: "Draft: loops", likes: 0, draft: true });
posts.create({ authorId: 3, title: "Debugging", likes: 95 });

console.log(`${users.count} users, ${posts.count} posts`);
console.log(`age 36: ${pluck(users.where("age", 36), "name").join(", ")}`);
console.log(`ada's posts: ${pluck(posts.where("authorId", ada.id), "title").join(" | ")}`);
const published = posts.query((p) => !p.draft, (a, b) => b.likes - a.likes);
for (const p of published) console.log(`  ${p.likes} likes: ${p.title} by ${users.get(p.authorId)?.name ?? "?"}`);
console.log(`most liked: ${maxBy(published, (p) => p.likes)?.title}`);
console.log(`update alan: ${JSON.stringify(users.update(alan.id, { age: 42 }))}`);
console.log(`update missing: ${users.update(99, { age: 1 })}`);
console.log(`delete post 3: ${posts.delete(3)}, again: ${posts.delete(3)}, now ${posts.count}`);
console.log(`oldest: ${maxBy(users.query(() => true), (u) => u.age)?.name}`);
