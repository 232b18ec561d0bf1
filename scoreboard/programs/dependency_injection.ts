// features: classes, interfaces, generics, map-set, closures, arrows, template-literals, nullable, private, literal-unions, type-aliases, spread, static, readonly, for-of, array-methods, optional, fluent, default-params, object-literals
type Lifetime = "singleton" | "transient";
type Factory<T> = (c: Container) => T;

interface Token<T> {
  readonly name: string;
  readonly _type?: T;
}

const token = <T>(name: string): Token<T> => ({ name });

class Container {
  private factories = new Map<string, { factory: Factory<unknown>; lifetime: Lifetime }>();
  private singletons = new Map<string, unknown>();
  private resolving: string[] = [];
  created = 0;

  register<T>(t: Token<T>, factory: Factory<T>, lifetime: Lifetime = "singleton"): this {
    this.factories.set(t.name, { factory, lifetime });
    return this;
  }

  resolve<T>(t: Token<T>): T {
    const cached = this.singletons.get(t.name);
    if (cached !== undefined) return cached as T;
    const reg = this.factories.get(t.name);
    if (!reg) throw new Error(`no provider for ${t.name}`);
    if (this.resolving.includes(t.name)) throw new Error(`cycle: ${[...this.resolving, t.name].join(" -> ")}`);
    this.resolving.push(t.name);
    const value = reg.factory(this) as T;
    this.resolving.pop();
    this.created++;
    if (reg.lifetime === "singleton") this.singletons.set(t.name, value);
    return value;
  }

  has(name: string): boolean {
    return this.factories.has(name);
  }
}

interface Logger {
  log(msg: string): void;
  lines: string[];
}
class Config {
  constructor(readonly env: string, readonly dbUrl: string) {}
}
class Database {
  queries = 0;
  constructor(readonly url: string, private logger: Logger) {}
  query(sql: string): number {
    this.queries++;
    this.logger.log(`[db ${this.url}] ${sql}`);
    return sql.length;
  }
}
class UserService {
  private static instances = 0;
  readonly instance = ++UserService.instances;
  constructor(private db: Database) {}
  find(id: number): string {
    this.db.query(`select * from users where id = ${id}`);
    return `user${id}`;
  }
}

const LOGGER = token<Logger>("logger");
const CONFIG = token<Config>("config");
const DB = token<Database>("db");
const USERS = token<UserService>("users");

const c = new Container()
  .register(LOGGER, () => {
    const lines: string[] = [];
    return { lines, log: (m: string) => lines.push(m) };
  })
  .register(CONFIG, () => new Config("test", "mem://scoreboard"))
  .register(DB, (k) => new Database(k.resolve(CONFIG).dbUrl, k.resolve(LOGGER)))
  .register(USERS, (k) => new UserService(k.resolve(DB)), "transient");

const a = c.resolve(USERS);
const b = c.resolve(USERS);
console.log(`${a.find(1)}, ${b.find(2)}, ${a.find(3)}`);
console.log(`user services ${a.instance} and ${b.instance}, same db: ${c.resolve(DB) === c.resolve(DB)}, queries ${c.resolve(DB).queries}`);
for (const line of c.resolve(LOGGER).lines) console.log(line);
console.log(`objects created: ${c.created}; has users ${c.has("users")}, has cache ${c.has("cache")}`);
