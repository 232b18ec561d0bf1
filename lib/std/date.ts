/**
 * lib/std/date.ts: JavaScript's Date, written in the dialect.
 *
 * Input:  `new Date(...)`, its methods and `Date.now`/`Date.UTC`/`Date.parse`:
 *         lib/tsos.d.ts declares the global class for tsc; the compiler
 *         builds it from the class of the same name here (lower/exceptions.ts
 *         builtinClassDecl). `nowMillis` is the clock (lower/math.ts).
 * Output: a time value (milliseconds since 1970-01-01T00:00:00Z, or NaN for
 *         an invalid date) and ECMAScript's computations on it (ECMA-262
 *         21.4.1: Day, TimeWithinDay, MakeDay, MakeTime, MakeDate,
 *         TimeClip; the civil calendar by days from 1970-01-01).
 * Invariants:
 *   - Local time is UTC: the zone offset is 0 and the zone's name
 *     "Coordinated Universal Time", as Node prints them with TZ=UTC. A
 *     program run under Node in another zone prints other local times.
 *   - Date.parse (and `new Date(text)`) reads the ISO formats
 *     (`2024-01-15`, `2024-01-15T10:30`, `...:00.000Z`, `...+02:00`); other
 *     text panics, where Node would guess a format.
 *   - A time value beyond 8.64e15 ms from the epoch is NaN (TimeClip).
 */
import { nowMillis } from "./math-intrinsics";

const MS_PER_DAY = 86400000;

/** `Mon` for day 1 (a library module has no module-level objects: the names are slices of one literal). */
function dayName(day: number): string {
  return "SunMonTueWedThuFriSat".slice(day * 3, day * 3 + 3);
}

/** `Jan` for month 0. */
function monthName(month: number): string {
  return "JanFebMarAprMayJunJulAugSepOctNovDec".slice(month * 3, month * 3 + 3);
}

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Part `part` (0: year, 1: month 0-11, 2: day of the month 1-31) of the civil date of the day number `days`. */
function civil(days: number, part: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  if (part === 0) return yoe + era * 400 + (month <= 1 ? 1 : 0);
  if (part === 1) return month;
  return doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** MakeDay: the day number of `date` in `month` (0-based, may overflow) of `year`. */
function makeDay(year: number, month: number, date: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(date)) return NaN;
  const y = Math.trunc(year) + Math.floor(Math.trunc(month) / 12);
  const m = ((Math.trunc(month) % 12) + 12) % 12;
  return daysFromCivil(y, m + 1, 1) + Math.trunc(date) - 1;
}

/** MakeTime: milliseconds within a day from its parts (each may overflow). */
function makeTime(h: number, m: number, s: number, ms: number): number {
  if (!Number.isFinite(h) || !Number.isFinite(m) || !Number.isFinite(s) || !Number.isFinite(ms)) return NaN;
  return Math.trunc(h) * 3600000 + Math.trunc(m) * 60000 + Math.trunc(s) * 1000 + Math.trunc(ms);
}

/** TimeClip: NaN beyond 8.64e15 ms from the epoch; -0 becomes +0. */
function timeClip(t: number): number {
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return NaN;
  return Math.trunc(t) + 0;
}

/** A year given as 0-99 means 1900-1999 (the constructor and Date.UTC). */
function fullYear(y: number): number {
  const t = Math.trunc(y);
  return !Number.isNaN(y) && t >= 0 && t <= 99 ? 1900 + t : y;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Two decimal digits of `text` at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let v = 0;
  for (let i = 0; i < count; i++) {
    const c = text.charCodeAt(at + i);
    if (!(c >= 48 && c <= 57)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The time value of an ISO date text, or a panic for a format this library does not read. */
function parseIso(text: string): number {
  const bad = (): number => {
    throw new RangeError(`Date.parse of "${text}" is not supported: only the ISO formats (2024-01-15, 2024-01-15T10:30:00.000Z) are read`);
  };
  const year = digits(text, 0, 4);
  if (year < 0) return bad();
  let month = 1;
  let day = 1;
  let at = 4;
  if (text[at] === "-") {
    month = digits(text, at + 1, 2);
    at += 3;
    if (text[at] === "-") {
      day = digits(text, at + 1, 2);
      at += 3;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return text.length >= 10 && month >= 0 && day >= 0 ? NaN : bad();
  // A date alone is UTC; a date with a time and no offset is local time (UTC here).
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let offset = 0;
  if (at < text.length && (text[at] === "T" || text[at] === " ")) {
    h = digits(text, at + 1, 2);
    mi = digits(text, at + 4, 2);
    if (h < 0 || mi < 0 || text[at + 3] !== ":") return bad();
    at += 6;
    if (text[at] === ":") {
      s = digits(text, at + 1, 2);
      if (s < 0) return bad();
      at += 3;
      if (text[at] === ".") {
        let n = at + 1;
        let frac = 0;
        let scale = 100;
        while (n < text.length && text.charCodeAt(n) >= 48 && text.charCodeAt(n) <= 57) {
          frac += (text.charCodeAt(n) - 48) * scale;
          scale /= 10;
          n++;
        }
        ms = Math.trunc(frac);
        at = n;
      }
    }
    if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0 || ms > 0))) return NaN;
    if (text[at] === "Z") at++;
    else if (text[at] === "+" || text[at] === "-") {
      const oh = digits(text, at + 1, 2);
      const om = digits(text, at + 4, 2);
      if (oh < 0 || om < 0 || text[at + 3] !== ":") return bad();
      offset = (text[at] === "+" ? 1 : -1) * (oh * 60 + om) * 60000;
      at += 6;
    }
  }
  if (at !== text.length) return bad();
  return timeClip(makeDay(year, month - 1, day) * MS_PER_DAY + makeTime(h, mi, s, ms) - offset);
}

export class Date {
  /** The time value: milliseconds since the epoch, NaN when invalid. */
  private t: number;

  constructor(value?: number | string | Date, month?: number, date?: number, hours?: number, minutes?: number, seconds?: number, ms?: number) {
    if (month !== undefined) {
      this.t = timeClip(makeDay(fullYear(value as number), month, date ?? 1) * MS_PER_DAY + makeTime(hours ?? 0, minutes ?? 0, seconds ?? 0, ms ?? 0));
    } else if (value === undefined) this.t = nowMillis();
    else if (typeof value === "number") this.t = timeClip(value);
    else if (typeof value === "string") this.t = parseIso(value);
    else this.t = value.t;
  }

  static now(): number {
    return nowMillis();
  }

  static UTC(year: number, month = 0, date = 1, hours = 0, minutes = 0, seconds = 0, ms = 0): number {
    return timeClip(makeDay(fullYear(year), month, date) * MS_PER_DAY + makeTime(hours, minutes, seconds, ms));
  }

  static parse(text: string): number {
    return parseIso(text);
  }

  getTime(): number {
    return this.t;
  }
  valueOf(): number {
    return this.t;
  }
  getTimezoneOffset(): number {
    return Number.isNaN(this.t) ? NaN : 0;
  }

  private day(): number {
    return Math.floor(this.t / MS_PER_DAY);
  }
  private within(): number {
    return this.t - this.day() * MS_PER_DAY;
  }

  getFullYear(): number {
    return Number.isNaN(this.t) ? NaN : civil(this.day(), 0);
  }
  getMonth(): number {
    return Number.isNaN(this.t) ? NaN : civil(this.day(), 1);
  }
  getDate(): number {
    return Number.isNaN(this.t) ? NaN : civil(this.day(), 2);
  }
  getDay(): number {
    return Number.isNaN(this.t) ? NaN : (((this.day() + 4) % 7) + 7) % 7;
  }
  getHours(): number {
    return Number.isNaN(this.t) ? NaN : Math.floor(this.within() / 3600000);
  }
  getMinutes(): number {
    return Number.isNaN(this.t) ? NaN : Math.floor(this.within() / 60000) % 60;
  }
  getSeconds(): number {
    return Number.isNaN(this.t) ? NaN : Math.floor(this.within() / 1000) % 60;
  }
  getMilliseconds(): number {
    return Number.isNaN(this.t) ? NaN : this.within() % 1000;
  }
  getUTCFullYear(): number {
    return this.getFullYear();
  }
  getUTCMonth(): number {
    return this.getMonth();
  }
  getUTCDate(): number {
    return this.getDate();
  }
  getUTCDay(): number {
    return this.getDay();
  }
  getUTCHours(): number {
    return this.getHours();
  }
  getUTCMinutes(): number {
    return this.getMinutes();
  }
  getUTCSeconds(): number {
    return this.getSeconds();
  }
  getUTCMilliseconds(): number {
    return this.getMilliseconds();
  }

  /** Sets the time value from a day number and the time within it; returns it. */
  private set(day: number, time: number): number {
    this.t = timeClip(day * MS_PER_DAY + time);
    return this.t;
  }

  setTime(t: number): number {
    this.t = timeClip(t);
    return this.t;
  }
  setFullYear(year: number, month?: number, date?: number): number {
    const base = Number.isNaN(this.t) ? 0 : this.t;
    const d = new Date(base);
    return this.set(makeDay(year, month ?? d.getMonth(), date ?? d.getDate()), d.within());
  }
  setMonth(month: number, date?: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(makeDay(this.getFullYear(), month, date ?? this.getDate()), this.within());
  }
  setDate(date: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(makeDay(this.getFullYear(), this.getMonth(), date), this.within());
  }
  setHours(hours: number, minutes?: number, seconds?: number, ms?: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(this.day(), makeTime(hours, minutes ?? this.getMinutes(), seconds ?? this.getSeconds(), ms ?? this.getMilliseconds()));
  }
  setMinutes(minutes: number, seconds?: number, ms?: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(this.day(), makeTime(this.getHours(), minutes, seconds ?? this.getSeconds(), ms ?? this.getMilliseconds()));
  }
  setSeconds(seconds: number, ms?: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(this.day(), makeTime(this.getHours(), this.getMinutes(), seconds, ms ?? this.getMilliseconds()));
  }
  setMilliseconds(ms: number): number {
    if (Number.isNaN(this.t)) return NaN;
    return this.set(this.day(), makeTime(this.getHours(), this.getMinutes(), this.getSeconds(), ms));
  }
  setUTCFullYear(year: number, month?: number, date?: number): number {
    return this.setFullYear(year, month, date);
  }
  setUTCMonth(month: number, date?: number): number {
    return this.setMonth(month, date);
  }
  setUTCDate(date: number): number {
    return this.setDate(date);
  }
  setUTCHours(hours: number, minutes?: number, seconds?: number, ms?: number): number {
    return this.setHours(hours, minutes, seconds, ms);
  }
  setUTCMinutes(minutes: number, seconds?: number, ms?: number): number {
    return this.setMinutes(minutes, seconds, ms);
  }
  setUTCSeconds(seconds: number, ms?: number): number {
    return this.setSeconds(seconds, ms);
  }

  /** `2024-01-15T10:30:00.000Z`; an invalid date throws a RangeError, as in JavaScript. */
  toISOString(): string {
    if (Number.isNaN(this.t)) throw new RangeError("Invalid time value");
    const y = this.getFullYear();
    const year = y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? "-" : "+"}${pad(Math.abs(y), 6)}`;
    return `${year}-${pad(this.getMonth() + 1, 2)}-${pad(this.getDate(), 2)}T${this.timeText()}.${pad(this.getMilliseconds(), 3)}Z`;
  }
  toJSON(): string | null {
    return Number.isNaN(this.t) ? null : this.toISOString();
  }

  private timeText(): string {
    return `${pad(this.getHours(), 2)}:${pad(this.getMinutes(), 2)}:${pad(this.getSeconds(), 2)}`;
  }
  private yearText(): string {
    const y = this.getFullYear();
    return y < 0 ? `-${pad(-y, 6)}` : pad(y, 4);
  }

  /** `Mon Jan 15 2024` */
  toDateString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${dayName(this.getDay())} ${monthName(this.getMonth())} ${pad(this.getDate(), 2)} ${this.yearText()}`;
  }
  /** `10:30:00 GMT+0000 (Coordinated Universal Time)` */
  toTimeString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${this.timeText()} GMT+0000 (Coordinated Universal Time)`;
  }
  toString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${this.toDateString()} ${this.toTimeString()}`;
  }
  /** `Mon, 15 Jan 2024 10:30:00 GMT` */
  toUTCString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${dayName(this.getDay())}, ${pad(this.getDate(), 2)} ${monthName(this.getMonth())} ${this.yearText()} ${this.timeText()} GMT`;
  }

  /** en-US: `1/15/2024`. */
  toLocaleDateString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${this.getMonth() + 1}/${this.getDate()}/${this.getFullYear()}`;
  }
  /** en-US: `10:30:00 AM`. */
  toLocaleTimeString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    const h = this.getHours();
    return `${h % 12 === 0 ? 12 : h % 12}:${pad(this.getMinutes(), 2)}:${pad(this.getSeconds(), 2)} ${h < 12 ? "AM" : "PM"}`;
  }
  toLocaleString(): string {
    if (Number.isNaN(this.t)) return "Invalid Date";
    return `${this.toLocaleDateString()}, ${this.toLocaleTimeString()}`;
  }

  /** What console.log shows (lower/inspect.ts): the ISO text, or `Invalid Date`. */
  inspectText(): string {
    return Number.isNaN(this.t) ? "Invalid Date" : this.toISOString();
  }
}
