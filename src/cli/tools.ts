/**
 * tools.ts: find the external programs the CLI runs (qemu, gcc, ld, gdb...),
 * and the C library headers hosted programs are compiled against.
 *
 * Input:  a program name, the Debian package that provides it, and why tsos
 *         needs it.
 * Output: `requireTool()` returns the program's absolute path, or throws a
 *         MissingToolError whose message says how to install it:
 *           `qemu-system-x86_64` was not found; install it: apt-get install qemu-system-x86
 *         `requireCHeaders()` checks that gcc finds <stdio.h> (libc6-dev).
 * Invariants: when something is missing, we run as root and apt-get exists,
 * it is installed first and looked up again: `apt-get update` at most once
 * per process, then `apt-get install -y --no-install-recommends` (only what
 * is needed: qemu-system-x86 with recommends is 445 packages, without 104),
 * after a line on stderr naming the package, why it is needed and how many
 * packages come with it; apt's own progress is shown on stderr.
 * Found paths are cached for the life of the process. TSOS_NO_INSTALL=1
 * turns the installation off (the message alone; used by the tests).
 */

import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
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

/** Something tsos needs is not installed; the message names the Debian package. */
export class MissingToolError extends Error {}

/** Why tsos runs each program (printed when it installs one). */
const PURPOSE: Record<string, string> = {
  "qemu-system-x86_64": "to boot kernels",
  gcc: "to compile the generated C",
  ld: "to link kernels",
  gdb: "to debug kernels",
  "grub-mkrescue": "to make bootable ISO images",
  xorriso: "to make bootable ISO images",
  mformat: "to make the UEFI part of ISO images",
};

function mayInstall(): boolean {
  return process.env.TSOS_NO_INSTALL !== "1" && process.getuid?.() === 0 && findTool("apt-get") !== undefined;
}

/**
 * Installs `debianPackage` with apt-get, only it and what it depends on,
 * after saying what and why on stderr. Failures show in apt's own output;
 * the caller looks the program up again.
 */
export function aptInstall(debianPackage: string, why: string): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    process.stderr.write(`${"Updating".padStart(12)} the apt package lists (apt-get update)\n`);
    spawnSync("apt-get", ["update", "-q"], { stdio: ["ignore", 2, 2], env });
    aptUpdated = true;
  }
  const args = ["install", "-y", "--no-install-recommends"];
  const plan = spawnSync("apt-get", [...args, "-s", debianPackage], { encoding: "utf8", env });
  const count = (plan.stdout ?? "").split("\n").filter((l) => l.startsWith("Inst ")).length;
  const more = count > 1 ? ` and ${count - 1} packages it needs` : "";
  process.stderr.write(`${"Installing".padStart(12)} ${debianPackage}${more} (${why}; apt-get ${args.join(" ")})\n`);
  // On a terminal, dpkg's progress bar; otherwise plain lines.
  const progress = process.stderr.isTTY && !process.env.NO_COLOR ? ["-o", "Dpkg::Progress-Fancy=1"] : [];
  spawnSync("apt-get", [...args, ...progress, debianPackage], { stdio: ["ignore", 2, 2], env });
}

export function requireTool(name: string, debianPackage: string): string {
  const cached = found.get(name);
  if (cached !== undefined) return cached;
  let path = findTool(name);
  if (path === undefined && mayInstall()) {
    aptInstall(debianPackage, `for \`${name}\`, ${PURPOSE[name] ?? "which tsos runs"}`);
    path = findTool(name);
  }
  if (path === undefined) {
    throw new MissingToolError(`\`${name}\` was not found; install it: apt-get install ${debianPackage}`);
  }
  found.set(name, path);
  return path;
}

/** A file or directory a package provides (e.g. GRUB's platform files); installs the package as requireTool does. */
export function requireFile(file: string, debianPackage: string, what: string): void {
  if (existsSync(file)) return;
  if (mayInstall()) aptInstall(debianPackage, `for ${what}`);
  if (!existsSync(file)) throw new MissingToolError(`${what} (${file}) were not found; install them: apt-get install ${debianPackage}`);
}

let headersFound = false;

/** Whether gcc finds the C library headers the hosted runtime includes. */
function cHeadersPresent(gcc: string): boolean {
  const probe = "#include <stdio.h>\n#include <stdlib.h>\n#include <math.h>\n#include <setjmp.h>\n";
  const r = spawnSync(gcc, ["-E", "-x", "c", "-", "-o", "/dev/null"], { input: probe, encoding: "utf8" });
  return r.status === 0;
}

/**
 * Hosted programs include <stdio.h> and friends, which come with libc6-dev,
 * not with gcc: a slim machine can have gcc without them. Checked before
 * compiling, so the answer is the package to install, not a gcc error.
 */
export function requireCHeaders(): void {
  if (headersFound) return;
  const gcc = requireTool("gcc", "gcc");
  if (!cHeadersPresent(gcc) && mayInstall()) aptInstall("libc6-dev", "the C library headers, to compile hosted programs");
  if (!cHeadersPresent(gcc)) {
    throw new MissingToolError("the C library headers (stdio.h) were not found; install them: apt-get install libc6-dev");
  }
  headersFound = true;
}
