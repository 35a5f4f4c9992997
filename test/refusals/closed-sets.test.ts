// The closed sets among the resource arguments are typed as their literals, so a typo fails the
// type check (`npm run typecheck`, and Pulumi's own check of a TypeScript program) before any
// preview runs. Each `@ts-expect-error` line fails the type check if its argument widens back to
// string; the expectations pin each set to the one the provider's check accepts.
import * as pulumi from "@pulumi/pulumi";
import { describe, expectTypeOf, it } from "vitest";
import type { DnsRecord, DnsRecordSetArgs, DnsRecordType, DomainArgs } from "../../provider";
import type { DnsMode, RecordType } from "../../provider/model/dns/types";
import type { DomainSource } from "../../provider/model/domain/schema";

type Plain<T> = pulumi.Unwrap<T>;

describe("closed sets of the resource arguments are literal types", () => {
  it("a record's type is one of the types the API stores, in upper or lower case", () => {
    expectTypeOf<Plain<DnsRecord["type"]>>().toEqualTypeOf<DnsRecordType>();
    expectTypeOf<Uppercase<DnsRecordType>>().toEqualTypeOf<RecordType>();
    expectTypeOf<"mx">().toMatchTypeOf<Plain<DnsRecord["type"]>>();
    expectTypeOf<"AAA">().not.toMatchTypeOf<Plain<DnsRecord["type"]>>();
    const records: DnsRecord[] = [
      { name: "www", type: "CNAME", value: "example.net" },
      // Pulumi's wrappers keep working around the narrower type.
      { name: "@", type: pulumi.output<RecordType>("MX"), value: "mail.example.net", priority: 10 },
      // @ts-expect-error: "AAA" is not a record type (AAAA is)
      { name: "www", type: "AAA", value: "2001:db8::1" },
      // @ts-expect-error: a type computed as any string must be narrowed by the program first
      { name: "www", type: String("A"), value: "192.0.2.10" },
    ];
    expectTypeOf(records).toEqualTypeOf<DnsRecord[]>();
  });

  it("a record set's mode, a domain's source and onDelete are their literals", () => {
    expectTypeOf<Plain<DnsRecordSetArgs["mode"]>>().toEqualTypeOf<DnsMode | undefined>();
    expectTypeOf<Plain<DomainArgs["source"]>>().toEqualTypeOf<DomainSource>();
    expectTypeOf<Plain<DomainArgs["onDelete"]>>().toEqualTypeOf<"retain" | "release" | undefined>();
    // @ts-expect-error: "replace" is not a mode
    const mode: DnsRecordSetArgs["mode"] = "replace";
    // @ts-expect-error: "buy" is not a source
    const source: DomainArgs["source"] = "buy";
    // @ts-expect-error: "delete" is not what onDelete does (a registration is never deleted)
    const onDelete: DomainArgs["onDelete"] = "delete";
    expectTypeOf([mode, source, onDelete]).toBeArray();
  });
});
