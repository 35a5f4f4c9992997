// EmailForwarding: the domain's whole forwarding list (`from` local part or "*" → `to` address).
// Pure model: inputs, state, diff, and the wire forms. One `from` may go to several addresses
// (the API stores rows); the same pair twice is a mistake. Order never counts.
import { z } from "zod";
import type { ResourceDiff } from "./diff";
import { canonicalDomainName, domainNameSchema } from "./domainName";
import { identityReplaces } from "./nameservers";
import { profileSchema } from "./profile";
import { isUnknown } from "./unknown";

// RFC 5321 dot-atom: letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated runs.
const ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export interface Forward {
  from: string;
  to: string;
}

/** `from` canonical: lower case; "*" is the catch-all. Undefined when not a local part. */
export function canonicalFrom(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (text === "*") return text;
  return text.length <= 64 && ATOM.test(text) ? text : undefined;
}

/** `to` canonical: the local part as written, the domain lower-case punycode. Undefined when not an address. */
export function canonicalTo(input: string): string | undefined {
  const text = input.trim();
  const at = text.lastIndexOf("@");
  if (at <= 0) return undefined;
  const local = text.slice(0, at);
  const domain = canonicalDomainName(text.slice(at + 1));
  if (domain === undefined || local.length > 64 || !ATOM.test(local.toLowerCase()) || local.length + 1 + domain.length > 254) return undefined;
  return `${local}@${domain}`;
}

const forwardSchema = z
  .object({
    from: z.string({ message: 'must be the local part before the @, such as "info", or "*" for every address' }),
    to: z.string({ message: "must be the e-mail address that receives the mail" }),
  })
  .strict()
  .transform((raw, ctx): Forward => {
    const from = canonicalFrom(raw.from);
    const to = canonicalTo(raw.to);
    if (from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: `must be the local part before the @ (such as "info" or "first.last"), or "*" for a catch-all; got ${JSON.stringify(raw.from)}` });
    if (to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: `must be an e-mail address such as owner@example.org; got ${JSON.stringify(raw.to)}` });
    return from === undefined || to === undefined ? z.NEVER : { from, to };
  });

export const forwardKey = (f: Forward) => `${f.from}→${f.to}`;

export const forwardListSchema = z.array(forwardSchema, { message: "must be a list of forwards ({ from, to })" }).superRefine((forwards, ctx) => {
  const seen = new Map<string, number>();
  forwards.forEach((f, index) => {
    const first = seen.get(forwardKey(f));
    if (first !== undefined) ctx.addIssue({ code: "custom", path: [index], message: `repeats the forward ${f.from} → ${f.to} (already at index ${first}): list each once` });
    else seen.set(forwardKey(f), index);
  });
});

/**
 * A chain of forwards that brings mail back to where it started (`info → info@<domain>`, or
 * `a → b@<domain>` with `b → a@<domain>`, or a catch-all to an address with no forward of its
 * own), which would circle until it bounces; undefined when every chain ends outside the domain.
 * Mail to a local part is handled by its own forwards, or by the catch-all when it has none.
 */
export function forwardingLoop(domain: string, forwards: readonly Forward[]): Forward[] | undefined {
  const localAt = (to: string) => (to.endsWith(`@${domain}`) ? to.slice(0, -(domain.length + 1)).toLowerCase() : undefined);
  const own = new Set(forwards.map((f) => f.from).filter((from) => from !== "*"));
  const done = new Set<string>();
  const visit = (name: string, path: readonly Forward[], names: readonly string[]): Forward[] | undefined => {
    const seen = names.indexOf(name);
    if (seen >= 0) return path.slice(seen);
    if (done.has(name)) return undefined;
    for (const f of forwards.filter((g) => g.from === (own.has(name) ? name : "*"))) {
      const next = localAt(f.to);
      const loop = next === undefined ? undefined : visit(next, [...path, f], [...names, name]);
      if (loop !== undefined) return loop;
    }
    done.add(name);
    return undefined;
  };
  const starts = [...own, ...forwards.map((f) => localAt(f.to)).filter((l): l is string => l !== undefined)];
  for (const start of starts) {
    const loop = visit(start, [], []);
    if (loop !== undefined) return loop;
  }
  return undefined;
}

// A loop needs the domain and the list together: a rule on the object, which the checker leaves
// out while either is unknown during preview.
export const emailForwardingInputsSchema = z
  .object({ domain: domainNameSchema, forwards: forwardListSchema, profile: profileSchema })
  .strict()
  .superRefine((inputs, ctx) => {
    const loop = forwardingLoop(inputs.domain, inputs.forwards);
    if (loop === undefined) return;
    ctx.addIssue({
      code: "custom",
      path: ["forwards", inputs.forwards.indexOf(loop[0]!)],
      message: `sends mail in a circle (${loop.map((f) => `${f.from} → ${f.to}`).join(", ")}), where it would loop until it bounces: forward one of them to a mailbox outside ${inputs.domain}`,
    });
  });

export type EmailForwardingInputs = z.output<typeof emailForwardingInputsSchema>;

export interface EmailForwardingState extends EmailForwardingInputs {
  /** The forwards found at takeover; restored on delete. */
  initialForwards: Forward[];
}

/** Sorted canonical order, so a list read back compares equal to the one declared. */
export function sortForwards(forwards: readonly Forward[]): Forward[] {
  return [...forwards].sort((a, b) => (forwardKey(a) < forwardKey(b) ? -1 : forwardKey(a) > forwardKey(b) ? 1 : 0));
}

export function sameForwards(a: readonly Forward[], b: readonly Forward[]): boolean {
  const left = sortForwards(a).map(forwardKey);
  const right = sortForwards(b).map(forwardKey);
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/** Rows of the read route → forwards in the server's order, so a restore gives the list back as found (a row it cannot read is kept lower-cased as given). */
export function forwardsFromWire(rows: readonly { prefix: string; forwardto: string }[]): Forward[] {
  return rows.map((r) => ({ from: canonicalFrom(r.prefix) ?? r.prefix.trim().toLowerCase(), to: canonicalTo(r.forwardto) ?? r.forwardto.trim() }));
}

export function forwardsToWire(domain: string, forwards: readonly Forward[]): { domain: string; prefix: string[]; forwardto: string[] } {
  return { domain, prefix: forwards.map((f) => f.from), forwardto: forwards.map((f) => f.to) };
}

export function diffEmailForwarding(olds: EmailForwardingState, news: EmailForwardingInputs): ResourceDiff {
  const replaces = identityReplaces(olds, news);
  const changes = replaces.length > 0 || isUnknown(news.forwards) || !sameForwards(olds.forwards, news.forwards);
  return { changes, replaces, deleteBeforeReplace: false };
}
