/**
 * cli/commands/image.ts: `tsos image`, a bootable GRUB ISO of the kernel.
 *
 * Input:  [entry.ts] (default <kernel-dir>/main.ts), -o <iso> (default
 *         build/kernel/<name>.iso), --kernel-dir.
 * Output: one ISO image that boots under BIOS (GRUB's i386-pc El Torito
 *         image) and UEFI (its x86_64-efi system partition), in QEMU with
 *         `-cdrom` and on real hardware written to a USB stick (grub-mkrescue
 *         makes a hybrid image). GRUB loads the same multiboot kernel that
 *         `tsos build` makes (`multiboot /boot/kernel.elf`) and sends its own
 *         messages to COM1 as well as the screen.
 * Invariants: the tools and GRUB's platform files are checked first, each
 *             missing one named with its Debian package (or installed, as
 *             root): grub-mkrescue (grub-common), xorriso, mformat (mtools),
 *             /usr/lib/grub/i386-pc (grub-pc-bin), /usr/lib/grub/x86_64-efi
 *             (grub-efi-amd64-bin). The ISO appears by rename, whole or not at all.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Flags, seconds, shown, status } from "../options.ts";
import { type KernelJob, buildDir } from "../kernel-build.ts";
import { MissingToolError, requireFile, requireTool } from "../tools.ts";
import { buildKernel, kernelJob } from "./build.ts";

/** GRUB's configuration: boot the one kernel at once, console on COM1 and the screen. */
export const GRUB_CFG = `serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry "tsos" {
  multiboot /boot/kernel.elf
  boot
}
`;

/** Everything grub-mkrescue needs for an ISO that boots both ways; returns its path. */
export function requireIsoTools(): string {
  const mkrescue = requireTool("grub-mkrescue", "grub-common");
  requireTool("xorriso", "xorriso");
  requireTool("mformat", "mtools");
  requireFile("/usr/lib/grub/i386-pc", "grub-pc-bin", "GRUB's BIOS boot files");
  requireFile("/usr/lib/grub/x86_64-efi", "grub-efi-amd64-bin", "GRUB's UEFI boot files");
  return mkrescue;
}

/** The ISO of `job` at `iso` (the kernel image must exist). */
export function makeIso(job: KernelJob, iso: string, flags: Flags): void {
  const mkrescue = requireIsoTools();
  const t0 = performance.now();
  status(flags, "Packaging", `${shown(iso)} (grub-mkrescue: GRUB for BIOS and UEFI, ${shown(job.out)})`);
  const dir = path.dirname(path.resolve(iso));
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(path.join(dir, ".image-"));
  try {
    const root = path.join(tmp, "root");
    mkdirSync(path.join(root, "boot/grub"), { recursive: true });
    copyFileSync(job.out, path.join(root, "boot/kernel.elf"));
    writeFileSync(path.join(root, "boot/grub/grub.cfg"), GRUB_CFG);
    const out = path.join(tmp, path.basename(iso));
    const r = spawnSync(mkrescue, ["-o", out, root], { encoding: "utf8" });
    if (r.status !== 0) {
      throw new MissingToolError(`grub-mkrescue failed (status ${r.status}):\n${(r.stderr ?? "").trim()}`);
    }
    renameSync(out, iso);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  status(flags, "Finished", `${shown(iso)} in ${seconds(performance.now() - t0)}`);
}

/** The ISO path `tsos image` and `tsos run --iso` use: -o, else build/kernel/<name>.iso. */
export function isoPath(flags: Flags, job: KernelJob, option: string | undefined): string {
  return option ?? path.join(buildDir(flags.kernelDir), `${job.name}.iso`);
}

export async function imageCommand(flags: Flags): Promise<number> {
  const iso = flags.out;
  const job = kernelJob({ ...flags, out: undefined });
  requireIsoTools(); // before a long build: name what is missing first
  await buildKernel(job, flags);
  makeIso(job, isoPath(flags, job, iso), flags);
  return 0;
}
