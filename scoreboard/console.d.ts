/**
 * scoreboard/console.d.ts: the one host declaration the scoreboard programs
 * use beyond TypeScript's ES2022 library, for `tsc -p scoreboard/programs`.
 */
declare var console: { log(...args: unknown[]): void };
