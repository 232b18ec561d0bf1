// features: enums, integers, classes, map-set, template-literals, array-methods, arrows, static, readonly, rest-params, spread, optional-chaining, nullish, for-of, string-methods, optional, destructuring, tuples
enum Perm {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Execute = 1 << 2,
  Delete = 1 << 3,
  Admin = Read | Write | Execute | Delete,
}

class Role {
  static readonly all = new Map<string, Role>();
  constructor(readonly name: string, readonly perms: Perm, readonly parent?: Role) {
    Role.all.set(name, this);
  }
  effective(): Perm {
    return this.perms | (this.parent?.effective() ?? Perm.None);
  }
}

function describe(p: Perm): string {
  if (p === Perm.None) return "none";
  if ((p & Perm.Admin) === Perm.Admin) return "admin";
  const names: string[] = [];
  for (const flag of [Perm.Read, Perm.Write, Perm.Execute, Perm.Delete]) if (p & flag) names.push(Perm[flag].toLowerCase());
  return names.join("+");
}

function unixMode(owner: Perm, group: Perm, other: Perm): string {
  const rwx = (p: Perm) => (p & Perm.Read ? "r" : "-") + (p & Perm.Write ? "w" : "-") + (p & Perm.Execute ? "x" : "-");
  const octal = [owner, group, other].map((p) => ((p & Perm.Read ? 4 : 0) | (p & Perm.Write ? 2 : 0) | (p & Perm.Execute ? 1 : 0)).toString()).join("");
  return `${rwx(owner)}${rwx(group)}${rwx(other)} (${octal})`;
}

function can(role: Role, ...needed: Perm[]): boolean {
  const eff = role.effective();
  return needed.every((n) => (eff & n) === n);
}

const guest = new Role("guest", Perm.Read);
const editor = new Role("editor", Perm.Write, guest);
const dev = new Role("dev", Perm.Execute, editor);
const ops = new Role("ops", Perm.Delete, dev);
const auditor = new Role("auditor", Perm.Read | Perm.Execute);

for (const r of Role.all.values()) {
  console.log(`${r.name.padEnd(8)} own ${describe(r.perms).padEnd(14)} effective ${describe(r.effective()).padEnd(20)} bits ${r.effective().toString(2).padStart(4, "0")}`);
}
const checks: [Role, Perm[]][] = [[guest, [Perm.Read]], [guest, [Perm.Write]], [dev, [Perm.Read, Perm.Execute]], [auditor, [Perm.Write]], [ops, [Perm.Admin]]];
for (const [r, needed] of checks) console.log(`${r.name} can ${needed.map(describe).join(",")}: ${can(r, ...needed)}`);
console.log(unixMode(Perm.Read | Perm.Write | Perm.Execute, Perm.Read | Perm.Execute, Perm.Read));
console.log(unixMode(Perm.Read | Perm.Write, Perm.Read, Perm.None));
let toggled: Perm = Perm.Read;
toggled ^= Perm.Write;
toggled |= Perm.Delete;
toggled &= ~Perm.Read;
console.log(`toggled: ${describe(toggled)} (${toggled}), enum names: ${Object.keys(Perm).filter((k) => isNaN(Number(k))).join(",")}`);
