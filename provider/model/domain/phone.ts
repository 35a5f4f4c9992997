// Contact phone numbers in the one form registries take: "+CC.NUMBER" (E.164 digits, the country
// calling code split off by a dot), e.g. "+44.2071234567". Users write numbers many ways; each way
// of writing one number must become the same string, or a refresh would show drift that is not there.
//
// Where the country code ends is decided by the ITU numbering plan, not by the user's spacing
// (national groups vary): zones 1 and 7 have one-digit codes, the two-digit codes are listed below,
// and every other code is three digits. Calling codes are prefix-free, so this split is exact.
const TWO_DIGIT_CODES = new Set(
  "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split(" "),
);

const EXAMPLE = '"+44.2071234567" or "+44 20 7123 4567"';

/** The calling code at the start of international digits (no "+"). */
export function callingCode(digits: string): string {
  if (digits.startsWith("1") || digits.startsWith("7")) return digits.slice(0, 1);
  const two = digits.slice(0, 2);
  return TWO_DIGIT_CODES.has(two) ? two : digits.slice(0, 3);
}

export type PhoneOutcome = { ok: true; phone: string } | { ok: false; message: string };

/** "+CC.NUMBER" for a number written with its country code, or a message that says how to write it. */
export function canonicalPhone(input: string): PhoneOutcome {
  const text = input.trim();
  const got = `; got ${JSON.stringify(input)}`;
  if (!text.startsWith("+")) {
    const hint = /^00[1-9]/.test(text) ? ` (write "+" instead of the leading "00")` : "";
    return { ok: false, message: `must start with "+" and the country calling code, such as ${EXAMPLE}${hint}${got}` };
  }
  // "(0)" is the national trunk prefix some people write inside an international number: not dialled.
  const body = text.slice(1).replace(/\(0\)/g, "");
  if (!/^[\d\s.()/-]+$/.test(body)) {
    return { ok: false, message: `must hold only digits after the "+" (spaces, dots, hyphens and brackets are allowed; no extensions or letters), such as ${EXAMPLE}${got}` };
  }
  const digits = body.replace(/\D/g, "");
  if (digits === "" || digits.startsWith("0")) {
    return { ok: false, message: `must start with the country calling code right after the "+" (calling codes never start with 0), such as ${EXAMPLE}${got}` };
  }
  const code = callingCode(digits);
  const number = digits.slice(code.length);
  const dot = body.indexOf(".");
  // A dot is the wire's own separator: written in another place, the user meant another country code.
  if (dot >= 0 && body.slice(0, dot).replace(/\D/g, "") !== code) {
    return { ok: false, message: `puts the "." after +${body.slice(0, dot).replace(/\D/g, "")}, which is not where the country code ends: did you mean "+${code}.${number}"?${got}` };
  }
  if (number.length < 4 || digits.length > 15) {
    return {
      ok: false,
      message: `has ${number.length} digits after the country code +${code}; a phone number has 4 to ${15 - code.length} there (at most 15 digits in all), such as ${EXAMPLE}${got}`,
    };
  }
  return { ok: true, phone: `+${code}.${number}` };
}
