/**
 * gcc.ts: stage 5, the C compiler back end.
 *
 * Input:  generated C text and an output path.
 * Output: a hosted Linux executable (gccHost); the kernel target's object
 *         files arrive with the boot issue.
 * Invariants: the flags here are the only flags tsos uses for hosted code,
 *             and bench/ builds its hand-written C baselines with the same
 *             HOST_FLAGS; gcc rejecting generated C is reported as TSOS4003
 *             (a compiler bug), never passed through silently.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CompileError, diag } from "./diagnostics.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const RUNTIME_DIR = path.join(here, "runtime");

/**
 * -fwrapv: fixed-width signed arithmetic wraps, as the dialect defines it.
 * Warnings stay on (a warning on generated C is a compiler bug), except those
 * that judge the program's own constant expressions rather than the C tsos
 * writes: a comparison of a value with itself or outside its type's range
 * (-Wtautological-compare, -Wtype-limits) and a folded constant that wraps,
 * which -fwrapv defines (-Woverflow). -Wsign-compare can't find a tsos bug
 * (lowering gives both operands of a comparison one type) but misfires on
 * `x >= u8(~x)`, whose C is exact. Found by the fuzzer (fuzz/found/).
 * -Wclobbered warns about every variable live across a `try`'s setjmp, even
 * one that nothing changes between the setjmp and a longjmp (a loop counter
 * around the `try`); the emitter makes exactly the variables a protected
 * region assigns volatile (emit-c.ts `assignedInProtected`), which is what
 * C11 7.13.2.1 requires. -Wmaybe-uninitialized has the same blind spot for
 * a `try` inside a loop, and is turned off around those functions only
 * (emit-c.ts `protectedInLoop`, fixture run/1555).
 * -Wbool-operation misfires on `~u16(x % 2)`: gcc takes a remainder by 2
 * narrowed to u16 for a truth value, but `~` is the integer complement tsc
 * asked for (`~` on a boolean is a tsc error). Found by the fuzzer (seed
 * 20261127, program 664; fixture run/888).
 * -Wno-array-bounds, -Wno-stringop-overflow, -Wno-stringop-overread, -Wno-restrict: after
 * inlining a runtime function into a caller that passes a constant string,
 * gcc judges the branches that string never takes (the 8-byte loads of
 * tsos_bytes_eq for a 5-byte "a-b-c", a memcpy bound computed on a dead
 * path) and rejected `console.log("a-b-c".split("-"))` (fixture run/1337).
 * Every array and string access the program makes is bounds-checked by the
 * code tsos emits, not by these warnings.
 * -Wno-infinite-recursion: a recursive function whose only way out is a
 * `throw` (`if (level === 0) throw ...; return f(level - 1)`) is valid
 * TypeScript; gcc counts the noreturn throw as no exit (fixture run/1228).
 * -ffp-contract=off: doubles are rounded after every operation, never fused
 * into a multiply-add, as in JavaScript (hosted `number`; the kernel has none).
 */
export const HOST_FLAGS = [
  "-std=gnu11", "-fwrapv", "-ffp-contract=off", "-Wall", "-Wextra", "-Wno-tautological-compare", "-Wno-type-limits", "-Wno-overflow", "-Wno-sign-compare", "-Wno-clobbered", "-Wno-bool-operation", "-Wno-infinite-recursion",
  "-Wno-array-bounds", "-Wno-stringop-overflow", "-Wno-stringop-overread", "-Wno-restrict",
];
/** Libraries a hosted executable links, after its C file: libm for Math (runtime/tsos_num.h). */
export const HOST_LIBS = ["-lm"];

/**
 * The kernel is freestanding: no red zone (interrupts would clobber it), no
 * SSE or x87 (as blog_os's target spec), no PIC, no stack protector, no libc.
 * -mcmodel=small fits a kernel linked at 1 MiB (kernel/arch/x86_64/linker.ld).
 */
export const KERNEL_FLAGS = [
  ...HOST_FLAGS,
  "-O2",
  "-g",
  "-ffreestanding",
  "-fno-pic",
  "-fno-pie",
  "-fno-stack-protector",
  "-mno-red-zone",
  "-mgeneral-regs-only",
  "-fno-asynchronous-unwind-tables",
  "-fno-omit-frame-pointer",
  "-nostdlib",
  "-mcmodel=small",
];

const ARCH_DIR = path.resolve(here, "../../kernel/arch/x86_64");

function runTool(cmd: string, args: string[]): Promise<{ status: number | null; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) => resolve({ status: null, stderr, error }));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/**
 * Build a multiboot kernel image: the generated C and the boot stub, linked
 * with the linker script. QEMU's -kernel loads the ELF64 directly (the boot
 * stub's multiboot header uses the a.out kludge).
 */
export async function gccKernel(cSource: string, outElf: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(outElf)), { recursive: true });
  const cFile = `${outElf}.c`;
  writeFileSync(cFile, cSource);
  const [cc, as] = await Promise.all([
    runTool("gcc", [...KERNEL_FLAGS, "-I", RUNTIME_DIR, "-c", "-o", `${outElf}.o`, cFile]),
    runTool("gcc", [...KERNEL_FLAGS, "-c", "-o", `${outElf}.boot.o`, path.join(ARCH_DIR, "boot.S")]),
  ]);
  checkResult(cc.error, cc.status, cc.stderr);
  checkResult(as.error, as.status, as.stderr);
  const ld = await runTool("ld", ["-n", "-z", "max-page-size=0x1000", "--no-warn-rwx-segments", "-T", path.join(ARCH_DIR, "linker.ld"), "-o", outElf, `${outElf}.boot.o`, `${outElf}.o`]);
  if (ld.error) throw new CompileError([diag("TSOS4002", undefined, "ld", "binutils")]);
  if (ld.status !== 0 || ld.stderr.trim()) throw new CompileError([diag("TSOS4003", undefined, ld.stderr.trim())]);
}

export interface GccOptions {
  opt?: "-O0" | "-O1" | "-O2" | "-O3";
  /** Also write the C next to the executable (for debugging and snapshots). */
  keepC?: boolean;
  debug?: boolean;
}

function hostArgs(cSource: string, outExe: string, options: GccOptions): string[] {
  mkdirSync(path.dirname(path.resolve(outExe)), { recursive: true });
  const cFile = `${outExe}.c`;
  writeFileSync(cFile, cSource);
  return [...HOST_FLAGS, options.opt ?? "-O2", ...(options.debug ? ["-g"] : []), "-I", RUNTIME_DIR, "-o", outExe, cFile, ...HOST_LIBS];
}

function checkResult(error: Error | undefined, status: number | null, stderr: string): void {
  if (error) throw new CompileError([diag("TSOS4002", undefined, "gcc", "gcc")]);
  // A slim machine has gcc without libc6-dev: a missing package, not a tsos bug.
  const header = /fatal error: ([\w/.-]+\.h): No such file or directory/.exec(stderr)?.[1];
  if (header !== undefined && !header.startsWith("tsos")) throw new CompileError([diag("TSOS4005", undefined, header)]);
  if (status !== 0 || stderr.trim()) throw new CompileError([diag("TSOS4003", undefined, stderr.trim())]);
}

export function gccHost(cSource: string, outExe: string, options: GccOptions = {}): void {
  const r = spawnSync("gcc", hostArgs(cSource, outExe, options), { encoding: "utf8" });
  checkResult(r.error, r.status, r.stderr ?? "");
}

/** As gccHost, without blocking the event loop (tests build many programs at once). */
export function gccHostAsync(cSource: string, outExe: string, options: GccOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("gcc", hostArgs(cSource, outExe, options));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => reject(e));
    child.on("close", (status) => {
      try {
        checkResult(undefined, status, stderr);
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}
