/**
 * cli/help.ts: what each `tsos` command is, the flags it takes, and the help
 * texts printed by `tsos help [cmd]` and `tsos <cmd> --help`.
 *
 * Input:  a command name.
 * Output: `COMMANDS` (one record per command: usage line, summary, flags),
 *         `generalHelp()` and `commandHelp(cmd)` as ready-to-print text.
 * Invariants: this table is the one list of the flags a command accepts;
 *             options.ts rejects any other flag for that command, so the help
 *             can never list a flag the command ignores (or the reverse).
 *             Exit codes: 0 success, 1 failure (compile error, failed test,
 *             kernel failure), 2 usage error, 101 a panicking `exec` program,
 *             130 Ctrl-C, 70 internal error.
 */

/** A flag: its spellings (first is the long form), its value's name, what it does. */
export interface FlagSpec {
  names: string[];
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** The usage line after `tsos `. */
  usage: string;
  summary: string;
  /** Extra lines after the flags: defaults, examples. */
  notes?: string;
  flags: FlagSpec[];
}

const COLOR: FlagSpec = { names: ["--color"], value: "auto|always|never", help: "colour output (default auto; NO_COLOR is respected)" };
const QUIET: FlagSpec = { names: ["--quiet", "-q"], help: "no status lines on stderr" };
const HELP: FlagSpec = { names: ["--help", "-h"], help: "this text" };
const KERNEL_DIR: FlagSpec = { names: ["--kernel-dir"], value: "dir", help: "the kernel's sources (default kernel; images go to <dir>/../build/kernel)" };
const OUT: FlagSpec = { names: ["--out", "-o"], value: "file", help: "where the output goes" };
const COMMON = [COLOR, QUIET, HELP];
const ALLOCATOR: FlagSpec = { names: ["--allocator"], value: "bump|linked-list|fixed-block", help: "the kernel heap's allocator (default fixed-block; lib/alloc)" };

export const COMMANDS: CommandSpec[] = [
  {
    name: "build",
    usage: "build [entry.ts] [-o image]",
    summary: "build the kernel (default kernel/main.ts -> build/kernel/kernel.elf)",
    notes: "With --target host, compiles a program to a Linux executable (default build/<name>).",
    flags: [
      { ...OUT, help: "the image (default build/kernel/<name>.elf), or the executable with --target host" },
      { names: ["--target"], value: "kernel|host", help: "a multiboot kernel image (default) or a Linux executable" },
      KERNEL_DIR,
      ALLOCATOR,
      { names: ["--release"], help: "accepted for cargo habits; kernels are always built -O2 -g" },
      ...COMMON,
    ],
  },
  {
    name: "run",
    usage: "run [entry.ts] [-o image]",
    summary: "build the kernel and boot it in QEMU",
    notes: [
      "In a terminal the VGA screen is drawn there (Ctrl-C quits). Headless, COM1 goes to stdout",
      "and the run ends when the kernel exits (status 0 iff it exited with success), reaches its",
      "idle loop (0), or halts after a panic (1). With --timeout it runs that long instead and",
      "succeeds iff the kernel reached its idle loop; with --until it succeeds once the text appears.",
    ].join("\n"),
    flags: [
      { names: ["--display"], value: "curses|none", help: "the VGA screen in this terminal (default in a terminal), or headless" },
      { names: ["--timeout"], value: "s", help: "stop QEMU after s seconds; a kernel still running then is a failure" },
      { names: ["--until"], value: "text", help: "headless: stop with success once COM1 has printed text" },
      { names: ["--kernel-args"], value: "text", help: "the kernel's command line (-append); `page-tables` prints the mapped ranges at boot" },
      { names: ["--gdb"], help: "start paused with QEMU's gdb stub, and gdb here (or print its command): break at .ts lines" },
      { names: ["--iso"], help: "boot the GRUB ISO (tsos image) with -cdrom under SeaBIOS, not -kernel" },
      { names: ["--uefi"], help: "boot the GRUB ISO under UEFI firmware (OVMF); implies --iso" },
      { ...OUT, help: "where the image is built (default build/kernel/<name>.elf)" },
      KERNEL_DIR,
      ALLOCATOR,
      { names: ["--release"], help: "accepted for cargo habits; kernels are always built -O2 -g" },
      ...COMMON,
    ],
  },
  {
    name: "test",
    usage: "test [filter]",
    summary: "build and boot the unit-test kernel and every kernel/tests/*.ts",
    notes: [
      "A filter (a substring of test names) selects unit tests and integration kernels.",
      "A test with a `// @allocators: bump linked-list ...` header is built once per allocator named.",
    ].join("\n"),
    flags: [{ names: ["--timeout"], value: "s", help: "per kernel (default 300)" }, KERNEL_DIR, ALLOCATOR, ...COMMON],
  },
  {
    name: "image",
    usage: "image [entry.ts] [-o tsos.iso]",
    summary: "a bootable GRUB ISO of the kernel, for BIOS and UEFI (QEMU -cdrom, or a USB stick)",
    notes: "Boot it with `tsos run --iso` (SeaBIOS) or `tsos run --uefi` (OVMF).",
    flags: [{ ...OUT, help: "the ISO (default build/kernel/<name>.iso)" }, KERNEL_DIR, ...COMMON],
  },
  {
    name: "exec",
    usage: "exec [flags] <file.ts> [args...]",
    summary: "compile a program for Linux, run it, exit with its status",
    notes: [
      "Flags go before the file; everything after it is the program's own arguments.",
      "--check-leaks exits with status 23 when blocks are left (after the program's own output).",
    ].join("\n"),
    flags: [
      { names: ["--check-leaks"], help: "report what is still allocated at exit, by type and allocation site" },
      { names: ["--check-frees"], help: "poison freed memory (0xdb), never reuse it, and panic on a double free" },
      ...COMMON,
    ],
  },
  {
    name: "emit-c",
    usage: "emit-c <file.ts> [-o out.c]",
    summary: "print the generated C, with #line directives to the TypeScript",
    flags: [
      { ...OUT, help: "write the C to this file instead of stdout" },
      { names: ["--target"], value: "host|kernel", help: "C for a Linux program (default) or for the kernel" },
      { names: ["--rc-stats"], help: "print on stderr the retains and releases written, and those left out (borrowed, moved)" },
      ...COMMON,
    ],
  },
  {
    name: "help",
    usage: "help [command]",
    summary: "this text, or a command's own help",
    flags: [],
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function flagLines(flags: FlagSpec[]): string[] {
  return flags.map((f) => {
    const head = `${[...f.names].reverse().join(", ")}${f.value ? ` <${f.value}>` : ""}`;
    return `  ${head.padEnd(32)} ${f.help}`;
  });
}

export function generalHelp(): string {
  const lines = ["tsos: the TypeScript kernel toolchain", "", "Usage: tsos <command> [flags]", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(32)} ${c.summary}`);
  lines.push(
    "",
    "Run `tsos help <command>` or `tsos <command> --help` for a command's flags.",
    "Exit status: 0 success, 1 failure, 2 usage error, 130 interrupted (Ctrl-C).",
    "",
  );
  return lines.join("\n");
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`tsos ${spec.name}: ${spec.summary}`, "", `Usage: tsos ${spec.usage}`];
  if (spec.flags.length > 0) lines.push("", "Flags:", ...flagLines(spec.flags));
  if (spec.notes) lines.push("", spec.notes);
  lines.push("");
  return lines.join("\n");
}
