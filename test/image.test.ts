/**
 * test/image.test.ts: `tsos image`, the bootable GRUB ISO, booted as a user
 * would boot it: QEMU with -cdrom under SeaBIOS (BIOS) and under OVMF (UEFI).
 *
 * Input:  the kernel (kernel/main.ts), built into a private directory.
 * Output: assertions on the ISO and on what each boot prints on COM1: GRUB's
 *         own "Booting `tsos'" line, then the kernel's greeting and boot line.
 * Invariants: the boots end when the kernel reaches its idle loop (tsos run
 *             headless); OVMF under TCG takes 10-20 s, so the timeouts are
 *             generous, and nothing here measures time.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { ROOT, run } from "./helpers.ts";

const TMP = mkdtempSync(path.join(os.tmpdir(), "tsos-image-test-"));
after(() => rmSync(TMP, { recursive: true, force: true }));
const tsos = (...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "bin/tsos.js"), ...args, "--color", "never"], { timeoutMs: 300_000 });

it("builds a hybrid ISO with GRUB for BIOS and UEFI", async () => {
  const iso = path.join(TMP, "tsos.iso");
  const r = await tsos("image", "-o", iso);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /^\s+Packaging .*tsos\.iso \(grub-mkrescue/m);
  assert.ok(statSync(iso).size > 1_000_000, "an ISO of a few MB");
  const bytes = readFileSync(iso);
  assert.equal(bytes.subarray(0x8001, 0x8006).toString("latin1"), "CD001", "an ISO 9660 volume");
  assert.equal(bytes.readUInt16LE(510), 0xaa55, "an MBR boot signature (hybrid: bootable from a USB stick)");
  assert.ok(bytes.includes(Buffer.from("EFI")), "an EFI system partition");
});

for (const [firmware, flag] of [
  ["BIOS (SeaBIOS)", "--iso"],
  ["UEFI (OVMF)", "--uefi"],
] as const) {
  it(`boots the ISO with -cdrom under ${firmware} to the kernel's boot line`, async () => {
    const r = await tsos("run", flag, "--display", "none", "-o", path.join(TMP, `${flag.slice(2)}.elf`));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`Running \\S+\\.iso \\(-cdrom, ${flag === "--uefi" ? "UEFI: OVMF" : "BIOS: SeaBIOS"}`));
    assert.match(r.stdout, /Booting `tsos'/, "GRUB loaded the kernel");
    assert.match(r.stdout, /^Hello World!\r?$/m);
    assert.match(r.stdout, /^tsos: booted, \d+ memory regions, \d+ MiB usable\r?$/m);
    assert.match(r.stderr, /Stopped the kernel in its idle loop/);
  });
}
