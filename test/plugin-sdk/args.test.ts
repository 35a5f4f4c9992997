// The plugin classes take exactly the args of the dynamic classes: a program moves from one to the
// other by changing its import. Checked by the type checker (`npm run typecheck`); a drift of one
// args type from the other fails to compile here.
import { describe, expectTypeOf, it } from "vitest";
import * as dynamic from "../../provider";
import * as plugin from "../../provider/plugin-sdk";

type ArgsOf<C extends abstract new (...args: never[]) => unknown> = ConstructorParameters<C>[1];

describe("plugin classes accept the dynamic classes' args", () => {
  it("for every kind, the same type", () => {
    expectTypeOf<ArgsOf<typeof plugin.Domain>>().toEqualTypeOf<ArgsOf<typeof dynamic.Domain>>();
    expectTypeOf<ArgsOf<typeof plugin.DnsRecordSet>>().toEqualTypeOf<ArgsOf<typeof dynamic.DnsRecordSet>>();
    expectTypeOf<ArgsOf<typeof plugin.Nameservers>>().toEqualTypeOf<ArgsOf<typeof dynamic.Nameservers>>();
    expectTypeOf<ArgsOf<typeof plugin.RegistrarLock>>().toEqualTypeOf<ArgsOf<typeof dynamic.RegistrarLock>>();
    expectTypeOf<ArgsOf<typeof plugin.EmailForwarding>>().toEqualTypeOf<ArgsOf<typeof dynamic.EmailForwarding>>();
    expectTypeOf<ArgsOf<typeof plugin.IdProtection>>().toEqualTypeOf<ArgsOf<typeof dynamic.IdProtection>>();
    expectTypeOf<ArgsOf<typeof plugin.PrivateNameserver>>().toEqualTypeOf<ArgsOf<typeof dynamic.PrivateNameserver>>();
  });

  it("the same outputs, with the same types", () => {
    expectTypeOf<plugin.Domain["lastQuote"]>().toEqualTypeOf<dynamic.Domain["lastQuote"]>();
    expectTypeOf<plugin.DnsRecordSet["records"]>().toEqualTypeOf<dynamic.DnsRecordSet["records"]>();
    expectTypeOf<plugin.EmailForwarding["initialForwards"]>().toEqualTypeOf<dynamic.EmailForwarding["initialForwards"]>();
    expectTypeOf<plugin.PrivateNameserver["adopted"]>().toEqualTypeOf<dynamic.PrivateNameserver["adopted"]>();
  });

  it("args are required to create, and optional only to read by id", () => {
    // @ts-expect-error: creating needs args.
    expectTypeOf(plugin.Nameservers).toBeConstructibleWith("ns", undefined);
    expectTypeOf(plugin.Nameservers).toBeConstructibleWith("ns", undefined, { id: "example.com" });
    expectTypeOf(plugin.Nameservers.get).returns.toEqualTypeOf<plugin.Nameservers>();
  });
});
