// DnsRecordSet inputs: the zod schema whose output is the CANONICAL record set, so equivalent
// spellings of a zone are one value by the time diff, state and plans see them.
//
// Two stages. Each record is checked and canonicalised on its own by the element schema. Names
// relative to the zone and the rules between records (duplicates, CNAME alone on its name) need
// the domain as well, which the records array cannot see, so they run in a refinement on the
// object. checkInputs leaves object-level refinements out while any property is unknown (preview);
// the per-record checks still run then, and the engine checks again with real values.
import { z } from "zod";
import { domainNameSchema } from "../domainName";
import { profileSchema } from "../profile";
import { checkRecord, zoneRecords } from "./validate";
import type { DnsRecord } from "./types";

const text = (what: string) => z.string({ message: `must be a string: ${what}` });

export const dnsRecordSchema = z
  .object(
    {
      name: text('the name relative to the zone, such as "www", or "@" for the apex'),
      type: text("a record type such as A, CNAME, MX or TXT"),
      value: text("the address, host name or text of the record"),
      priority: z.union([z.number(), z.string()], { message: "must be a number 0-65535 (MX and SRV only)" }).optional(),
      // Declared only to be refused with the reason (the API has no TTL), not as an unknown property.
      ttl: z.unknown().optional(),
    },
    { message: 'must be a record { name, type, value, priority? }, such as { name: "www", type: "A", value: "192.0.2.10" }' },
  )
  .strict()
  .transform((raw, ctx): DnsRecord => {
    const checked = checkRecord(raw);
    if (checked.ok) return checked.record;
    for (const problem of checked.problems) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    return z.NEVER;
  });

export const dnsModeSchema = z
  .enum(["merge", "authoritative"], {
    message: 'must be "merge" (manage the declared records, keep the others) or "authoritative" (the zone holds exactly the declared records)',
  })
  .default("merge");

/** The consent a safety-rail refusal prints (docs/safety-rails.md), copied into the program in review. */
export const allowChangesSchema = z
  .object({
    changes: z.number({ message: "must be the number of changes the refusal printed" }).int().nonnegative(),
    checksum: z.string().regex(/^[0-9a-fA-F]{8}$/, { message: "must be the 8-digit checksum the refusal printed, e.g. \"3f9a1c2e\"" }),
  })
  .strict();

const plainInputs = z
  .object({
    domain: domainNameSchema,
    mode: dnsModeSchema,
    records: z.array(dnsRecordSchema, { message: "must be a list of records ({ name, type, value, priority? })" }),
    profile: profileSchema,
    allowChanges: allowChangesSchema.optional(),
  })
  .strict();

function inZone(inputs: z.output<typeof plainInputs>, ctx: z.RefinementCtx): void {
  const zone = zoneRecords(inputs.domain, inputs.records);
  for (const problem of zone.problems) ctx.addIssue({ code: "custom", path: ["records", problem.index, problem.field], message: problem.message });
  // The refinement's one transformation: the output carries the zone's canonical records.
  inputs.records = zone.records;
}

export const dnsRecordSetInputsSchema = plainInputs.superRefine(inZone);

export type DnsRecordInput = z.input<typeof dnsRecordSchema>;
export type DnsRecordSetInputs = z.output<typeof dnsRecordSetInputsSchema>;
