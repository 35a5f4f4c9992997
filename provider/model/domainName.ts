// Canonical domain names: the one spelling every layer compares, stores and sends.
// Registrars treat names case-insensitively and IDNs as punycode, so two spellings of one name
// must never look like a change (or worse, like two domains) to the engine.
import { domainToASCII } from "node:url";
import { z } from "zod";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cases, drops a trailing dot and converts IDN labels to punycode; undefined if not a valid name. */
export function canonicalDomainName(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, "");
  if (trimmed === "" || /[\s/:@]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (ascii === "" || ascii.length > 253) return undefined;
  const labels = ascii.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return undefined; // an IP address, not a name
  return ascii;
}

/** zod schema: a registrable domain name, output in canonical form. */
export const domainNameSchema = z.string().transform((value, ctx) => {
  const canonical = canonicalDomainName(value);
  if (canonical === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `must be a domain name such as "example.com" (letters, digits and hyphens, at least two labels); got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return canonical;
});
