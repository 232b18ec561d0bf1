// features: classes, interfaces, type-aliases, map-set, nullable, string-methods, arrows, closures, template-literals, fluent, literal-unions, optional, spread, nullish, private, for-of, array-methods, destructuring, tuples, object-literals
type Method = "GET" | "POST" | "DELETE";
type Params = Record<string, string>;
type Handler = (params: Params, query: Map<string, string>) => string;

interface Route {
  method: Method;
  parts: string[];
  handler: Handler;
  name?: string;
}

class Router {
  private routes: Route[] = [];
  private hits = new Map<string, number>();

  on(method: Method, pattern: string, handler: Handler, name?: string): this {
    this.routes.push({ method, parts: pattern.split("/").filter((p) => p), handler, name });
    return this;
  }

  private match(route: Route, parts: string[]): Params | null {
    const params: Params = {};
    for (let i = 0; i < route.parts.length; i++) {
      const p = route.parts[i];
      if (p === "*") {
        params["rest"] = parts.slice(i).join("/");
        return params;
      }
      if (i >= parts.length) return null;
      if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(parts[i]);
      else if (p !== parts[i]) return null;
    }
    return parts.length === route.parts.length ? params : null;
  }

  handle(method: Method, url: string): string {
    const [path, qs = ""] = url.split("?");
    const query = new Map(qs.split("&").filter((x) => x).map((kv) => kv.split("=") as [string, string]));
    const parts = path.split("/").filter((p) => p);
    let allowed = false;
    for (const r of this.routes) {
      const params = this.match(r, parts);
      if (!params) continue;
      if (r.method !== method) {
        allowed = true;
        continue;
      }
      const key = r.name ?? r.parts.join("/");
      this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
      return `200 ${r.handler(params, query)}`;
    }
    return allowed ? "405 method not allowed" : "404 not found";
  }

  stats(): string {
    return [...this.hits].map(([k, n]) => `${k}:${n}`).join(" ");
  }
}

const users = ["ada", "alan", "grace"];
let created = 0;
const router = new Router()
  .on("GET", "/", () => "home", "home")
  .on("GET", "/users", (_, q) => {
    const limit = Number(q.get("limit") ?? users.length);
    return users.slice(0, limit).join(",");
  }, "list")
  .on("GET", "/users/:id", (p) => (Number(p.id) < users.length ? `user ${users[Number(p.id)]}` : `no user ${p.id}`), "show")
  .on("POST", "/users", () => `created #${++created}`, "create")
  .on("DELETE", "/users/:id", (p) => `deleted ${p.id}`)
  .on("GET", "/users/:id/posts/:post", (p) => `post ${p.post} of ${p.id}`)
  .on("GET", "/static/*", (p) => `file ${p.rest}`);

const requests: [Method, string][] = [
  ["GET", "/"], ["GET", "/users"], ["GET", "/users?limit=2"], ["GET", "/users/1"], ["GET", "/users/7"],
  ["POST", "/users"], ["POST", "/users"], ["DELETE", "/users/2"], ["POST", "/users/2"],
  ["GET", "/users/0/posts/hello%20world"], ["GET", "/static/css/site.css"], ["GET", "/nope"], ["GET", "/users/1/extra"],
];
for (const [m, url] of requests) console.log(`${m.padEnd(6)} ${url.padEnd(30)} ${router.handle(m, url)}`);
console.log(router.stats());
