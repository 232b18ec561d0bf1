/**
 * tools.ts: find the external programs the CLI runs (qemu, gcc, ld, gdb...).
 *
 * Input:  a program name and the Debian package that provides it.
 * Output: `requireTool()` returns the program's absolute path, or throws an
 *         Error whose message says how to install it:
 *           `qemu-system-x86_64` was not found; install it: apt-get install qemu-system-x86
 * Invariants: when the program is missing, we run as root and apt-get exists,
 * it is installed first (`apt-get update` at most once per process, then
 * `apt-get install -y`, output shown on stderr) and looked up again.
 * Found paths are cached for the life of the process. TSOS_NO_INSTALL=1
 * turns the installation off (the message alone; used by the tests).
 */

import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const found = new Map<string, string>();
let aptUpdated = false;

/** The absolute path of `name` on $PATH, or undefined. */
export function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

export function requireTool(name: string, debianPackage: string): string {
  const cached = found.get(name);
  if (cached !== undefined) return cached;
  let path = findTool(name);
  const mayInstall = process.env.TSOS_NO_INSTALL !== "1" && process.getuid?.() === 0;
  if (path === undefined && mayInstall && findTool("apt-get") !== undefined) {
    process.stderr.write(`  Installing ${debianPackage} (for \`${name}\`) with apt-get\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (!aptUpdated) {
      spawnSync("apt-get", ["update"], { stdio: ["ignore", 2, 2], env });
      aptUpdated = true;
    }
    spawnSync("apt-get", ["install", "-y", debianPackage], { stdio: ["ignore", 2, 2], env });
    path = findTool(name);
  }
  if (path === undefined) {
    throw new Error(`\`${name}\` was not found; install it: apt-get install ${debianPackage}`);
  }
  found.set(name, path);
  return path;
}
