// money.ts: integer-cent money helpers for the multi_bank program.
export type Cents = number;

export function cents(dollars: number): Cents {
  return Math.round(dollars * 100);
}

export function format(c: Cents): string {
  const sign = c < 0 ? "-" : "";
  const abs = Math.abs(c);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export const ZERO: Cents = 0;
