/**
 * The addon's request token, computed as the PHP server does (reference §1.2, vectors/token.json):
 * `base64_encode(hash_hmac("sha256", $apiKey, "$email:" . gmdate("y-m-d H")))`. PHP's hash_hmac
 * takes the data first and the key second, and returns lowercase hex, so the HMAC key is
 * `email:stamp`, the message is the API key, and the base64 is of the 64-char hex (88 chars).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

let lastHour = { hour: Number.NaN, stamp: "" };

/** PHP `gmdate("y-m-d H", $unixSeconds)`. */
export function hourStamp(unixSeconds: number): string {
  // Every request asks for the same hour, so the last answer is kept (saves a Date and 4 pads).
  const hour = Math.floor(unixSeconds / 3600);
  if (hour === lastHour.hour) return lastHour.stamp;
  const d = new Date(unixSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  const stamp = `${two(d.getUTCFullYear() % 100)}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}`;
  lastHour = { hour, stamp };
  return stamp;
}

// Tokens change once an hour, so the server memoises the expected one per (email, key, hour),
// already as the UTF-8 bytes timingSafeEqual compares (no Buffer made per request for it).
const memo = new Map<string, Buffer>();

function expectedToken(email: string, apiKey: string, stamp: string): Buffer {
  const key = `${email}\n${apiKey}\n${stamp}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size > 10_000) memo.clear();
  const token = Buffer.from(hmacToken(email, apiKey, stamp), "utf8");
  memo.set(key, token);
  return token;
}

export function computeToken(email: string, apiKey: string, stamp: string): string {
  return expectedToken(email, apiKey, stamp).toString("utf8");
}

function hmacToken(email: string, apiKey: string, stamp: string): string {
  const hex = createHmac("sha256", `${email}:${stamp}`).update(apiKey).digest("hex");
  return Buffer.from(hex, "utf8").toString("base64");
}

/** How far a client's `timestamp` header may be from the server clock (docs.vicem.com: 60 s). */
export const TIMESTAMP_TOLERANCE_SECONDS = 60;

/**
 * The unix time whose UTC hour the token must be made for: the client's `timestamp` when it is
 * within tolerance of the server clock (so a client a few seconds across an hour boundary still
 * passes), otherwise the server's own time.
 */
export function signingTime(serverNow: number, timestampHeader: string | undefined): number {
  if (timestampHeader !== undefined && /^\d{1,12}$/.test(timestampHeader.trim())) {
    const claimed = Number(timestampHeader.trim());
    if (Math.abs(serverNow - claimed) <= TIMESTAMP_TOLERANCE_SECONDS) return claimed;
  }
  return serverNow;
}

// Used when the user is unknown, so an unknown user costs the same work as a wrong token.
const DUMMY_KEY = "emulator-dummy-key-for-unknown-users";

/**
 * Constant-time check of `token` for `email`. `apiKey` is undefined for an unknown user; the
 * comparison still runs so timing does not tell unknown users from wrong tokens.
 */
export function verifyToken(email: string, apiKey: string | undefined, token: string, unixSeconds: number): boolean {
  const expected = expectedToken(email, apiKey ?? DUMMY_KEY, hourStamp(unixSeconds));
  const given = Buffer.from(token, "utf8");
  // timingSafeEqual needs equal lengths; compare expected with itself to spend the same time.
  const sameLength = given.length === expected.length;
  const equal = timingSafeEqual(expected, sameLength ? given : expected);
  return apiKey !== undefined && sameLength && equal;
}
