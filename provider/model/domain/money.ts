// Money as integer cents. Prices arrive as strings ("13.75"), maxPrice as a user's number; floats
// would make 0.1 + 0.2 a price nobody quoted, so every sum and comparison is on whole cents.
// Rounding always leans to safety: a price is rounded up (never under-quoted), a balance down
// (never overstated).

export type Rounding = "up" | "down";

const AMOUNT = /^(-)?(\d+)(?:\.(\d+))?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Cents of an amount written as the API writes it ("13.75", "13", "1,234.50"), or undefined. */
export function parseCents(text: string, rounding: Rounding): number | undefined {
  const trimmed = text.trim();
  const plain = GROUPED.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const match = AMOUNT.exec(plain);
  if (match === null) return undefined;
  const [, minus, whole = "", fraction = ""] = match;
  const sign = minus ? -1 : 1;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  // Digits past the cent round toward the safe side: a larger price, a smaller balance.
  const rest = /[1-9]/.test(fraction.slice(2));
  const bump = rest && ((rounding === "up") === (sign > 0)) ? 1 : 0;
  const value = sign * (cents + bump);
  return Number.isSafeInteger(value) ? (Object.is(value, -0) ? 0 : value) : undefined;
}

/** Cents of a user's amount such as 20 or 19.99 (the schema allows at most two decimals). */
export function centsOfNumber(amount: number): number {
  return Math.round(amount * 100);
}

/** Two-decimal text of cents: 1375 → "13.75", -5 → "-0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "13.75 EUR", or the bare amount when the currency is not known. */
export function withCurrency(cents: number, currency: string): string {
  return currency === "" ? formatCents(cents) : `${formatCents(cents)} ${currency}`;
}

/** True when `amount` has at most two decimals (a number of cents), as a price limit must. */
export function hasWholeCents(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}
