/**
 * cli/progress.ts: a progress bar for long steps (booting every test kernel),
 * as cargo draws one while it builds.
 *
 * Input:  a label, the number of steps, the Flags (quiet), and each finished
 *         step's name.
 * Output: on a terminal (stderr a TTY, not --quiet), one line on stderr,
 *         redrawn in place: `    Testing [=========>          ] 7/12: basic_boot`,
 *         erased when the step is done or before any other output is written
 *         (`clear()`). Not on a terminal: nothing at all, so logs and pipes
 *         see only the plain status lines, no carriage returns or escapes.
 * Invariants: the bar never carries colour (NO_COLOR has nothing to strip);
 *             it never outlives its step.
 */
import type { Flags } from "./options.ts";

const WIDTH = 24;

export interface Progress {
  /** One more step done (`name` is shown beside the bar). */
  tick(name: string): void;
  /** Erases the bar (before other output; the next tick redraws it). */
  clear(): void;
}

export function progress(flags: Pick<Flags, "quiet">, label: string, total: number): Progress {
  const live = !flags.quiet && process.stderr.isTTY === true && total > 1;
  let done = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) process.stderr.write("\r\x1b[K");
    drawn = false;
  };
  return {
    tick(name) {
      done++;
      if (!live) return;
      const filled = Math.round((done / total) * WIDTH);
      const bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? (done === total ? "=" : ">") : "") + " ".repeat(WIDTH - filled);
      const cols = process.stderr.columns ?? 80;
      const line = `${label.padStart(12)} [${bar}] ${done}/${total}: ${name}`;
      process.stderr.write(`\r\x1b[K${line.slice(0, cols - 1)}`);
      drawn = true;
      if (done === total) clear();
    },
    clear,
  };
}
