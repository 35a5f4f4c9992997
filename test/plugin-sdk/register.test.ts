// What the plugin classes ask the engine for, under Pulumi's unit-test mocks: the type token the
// plugin serves, the args as given, a read by id with no args, and an explicit provider whose
// settings arrive as the strings stack config would hold. Catches a wrong token (the engine would
// look for another plugin), a missing output, and provider settings the plugin cannot parse.
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { DnsRecordSet, Domain, Nameservers, PrivateNameserver, Provider, RegistrarLock } from "../../provider/plugin-sdk";

interface Registered { type: string; name: string; inputs: Record<string, unknown>; id: string | undefined; provider: string | undefined }
const registered: Registered[] = [];
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));
const last = (name: string) => registered.findLast((r) => r.name === name);
/** How a secret input reaches the engine (and the mocks): wrapped, never as plain text. */
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, id: args.id, provider: args.provider });
        return { id: args.id ?? `${args.name}-id`, state: { ...args.inputs, ...(args.id ? { domain: args.id, nameservers: ["ns1.live.example"] } : {}) } };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
});

describe("plugin classes under mocks", () => {
  it("register as domainsreseller:index:<Kind> with the args as given", async () => {
    const records = new DnsRecordSet("zone", { domain: "example.com", records: [{ name: "www", type: "CNAME", value: "example.net" }] });
    expect(await valueOf(records.urn)).toContain("domainsreseller:index:DnsRecordSet::zone");
    expect(last("zone")).toMatchObject({ type: "domainsreseller:index:DnsRecordSet", inputs: { domain: "example.com", records: [{ name: "www", type: "CNAME", value: "example.net" }] } });
    expect(await valueOf(records.domain)).toBe("example.com");
    await valueOf(new PrivateNameserver("ns1", { domain: "example.com", host: "ns1.example.com", ip: "192.0.2.1" }).urn);
    expect(last("ns1")?.type).toBe("domainsreseller:index:PrivateNameserver");
  });

  it("Domain keeps the EPP code secret even when given in plain text", async () => {
    const domain = new Domain("d", { name: "example.org", source: "transfer", years: 1, eppCode: "plain-code" });
    await valueOf(domain.urn);
    expect(last("d")).toMatchObject({ type: "domainsreseller:index:Domain", inputs: { name: "example.org", eppCode: secret("plain-code") } });
    expect(Domain.isInstance(domain)).toBe(true);
    expect(Nameservers.isInstance(domain)).toBe(false);
  });

  it("a settings resource declared after a Domain of its name tells the plugin's preview so; two fighting over one setting fail at once", async () => {
    const domain = new Domain("claimed", { name: "claimed.example", source: "adopt" });
    const lock = new RegistrarLock("claimed-lock", { domain: "claimed.example", locked: true });
    const elsewhere = new RegistrarLock("elsewhere-lock", { domain: "elsewhere.example", locked: true });
    await Promise.all([domain, lock, elsewhere].map((r) => valueOf(r.urn)));
    expect(last("claimed-lock")?.inputs.__claim).toBe("domain-declared");
    expect(last("elsewhere-lock")?.inputs.__claim).toBe(true);
    expect(last("claimed")?.inputs.__claim).toBe(true);
    expect(() => new RegistrarLock("claimed-lock-2", { domain: "claimed.example", locked: false })).toThrow(/claimed-lock/);
  });

  it("get reads by id and sends no args", async () => {
    const ns = Nameservers.get("live", "example.net");
    expect(await valueOf(ns.id)).toBe("example.net");
    expect(last("live")).toMatchObject({ type: "domainsreseller:index:Nameservers", id: "example.net" });
    expect(await valueOf(ns.nameservers)).toEqual(["ns1.live.example"]);
  });

  it("an explicit Provider sends each setting as its stack config text", async () => {
    const provider = new Provider("other", {
      endpoint: "https://reseller.example/api",
      username: "me@example.com",
      apiKey: "key",
      maxConcurrency: 2,
      profiles: { b: { endpoint: "https://b.example/api", username: "b@example.com", apiKey: "kb" } },
      retryOrder: ["example.com@1700000000", "example.net@1700000001"],
    });
    await valueOf(provider.urn);
    expect(last("other")).toMatchObject({
      type: "pulumi:providers:domainsreseller",
      inputs: {
        endpoint: "https://reseller.example/api",
        apiKey: secret("key"),
        maxConcurrency: "2",
        profiles: secret(JSON.stringify({ b: { endpoint: "https://b.example/api", username: "b@example.com", apiKey: "kb" } })),
        retryOrder: "example.com@1700000000,example.net@1700000001",
      },
    });
    expect(Provider.isInstance(provider)).toBe(true);
    await valueOf(new Nameservers("via", { domain: "example.com", nameservers: ["a.example.net", "b.example.net"] }, { provider }).urn);
    await valueOf(Nameservers.get("via-read", "example.com", { provider }).urn);
    expect(last("via")?.provider).toContain("pulumi:providers:domainsreseller::other");
    expect(last("via-read")?.provider).toContain("pulumi:providers:domainsreseller::other");
  });
});
