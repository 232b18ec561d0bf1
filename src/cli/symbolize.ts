/**
 * cli/symbolize.ts: point kernel fault reports at TypeScript lines.
 *
 * Input:  serial output of a kernel and the kernel image it came from.
 * Output: the same text with ` (file.ts:line)` after every
 *         `instruction pointer: 0x...`, found with binutils' addr2line in
 *         the image's DWARF line table. The compiler's #line directives make
 *         that table name the TypeScript sources.
 * Invariants: text without such addresses is returned unchanged; a missing
 *             addr2line or an unknown address leaves the line as it was.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const IP = /instruction pointer: (0x[0-9a-fA-F]+)/g;

/** The TypeScript location of each address, innermost TypeScript frame first (through inlined C helpers). */
export function addressesToTs(elf: string, addresses: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!addresses.length) return out;
  const r = spawnSync("addr2line", ["-e", elf, "-i", "-a", ...addresses], { encoding: "utf8" });
  if (r.status !== 0) return out;
  let current = "";
  for (const line of r.stdout.split("\n")) {
    if (/^0x[0-9a-f]+$/.test(line)) current = line;
    else if (current && !out.has(current)) {
      const m = /^(.*\.ts):(\d+)/.exec(line);
      if (m) out.set(current, `${path.relative(process.cwd(), m[1]!) || m[1]}:${m[2]}`);
    }
  }
  // addr2line prints addresses zero-padded to 16 digits; key by the numeric value.
  return new Map([...out].map(([k, v]) => [BigInt(k).toString(16), v]));
}

export function symbolize(text: string, elf: string): string {
  const addresses = [...new Set([...text.matchAll(IP)].map((m) => m[1]!))];
  const where = addressesToTs(elf, addresses);
  return text.replace(IP, (whole, addr: string) => {
    const ts = where.get(BigInt(addr).toString(16));
    return ts ? `${whole} (${ts})` : whole;
  });
}
