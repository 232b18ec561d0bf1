// features: string-methods, array-methods, arrows, literal-unions, type-aliases, template-literals, switch, for-of, map-set
type Style = "camel" | "pascal" | "snake" | "kebab" | "constant" | "title";

function splitWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function convert(s: string, style: Style): string {
  const words = splitWords(s);
  switch (style) {
    case "camel":
      return words.map((w, i) => (i === 0 ? w : cap(w))).join("");
    case "pascal":
      return words.map(cap).join("");
    case "snake":
      return words.join("_");
    case "kebab":
      return words.join("-");
    case "constant":
      return words.join("_").toUpperCase();
    case "title":
      return words.map((w, i) => (i > 0 && ["a", "of", "the", "and", "in"].includes(w) ? w : cap(w))).join(" ");
  }
}

function detect(s: string): Style | "unknown" {
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(s)) return "camel";
  if (/^(?:[A-Z][a-z0-9]*)+$/.test(s)) return "pascal";
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(s)) return "snake";
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(s)) return "kebab";
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(s)) return "constant";
  return "unknown";
}

const styles: Style[] = ["camel", "pascal", "snake", "kebab", "constant", "title"];
const inputs = ["parseHTTPResponse", "user_id", "MAX_RETRY_COUNT", "background-color", "The lord of the rings", "XMLHttpRequest", "getV2Api"];
for (const input of inputs) {
  console.log(`${input} (${detect(input)})`);
  console.log("  " + styles.map((s) => convert(input, s)).join(" | "));
}
const seen = new Set<string>();
let roundTrips = 0;
for (const input of inputs) for (const s of styles) {
  const c = convert(input, s);
  seen.add(c);
  if (convert(convert(c, "snake"), s) === c) roundTrips++;
}
console.log(`${seen.size} distinct outputs, ${roundTrips}/${inputs.length * styles.length} stable round trips`);
