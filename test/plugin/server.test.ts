// The provider plugin as the engine drives it: a gRPC client from Pulumi's own stubs against the
// server in this process, and the emulator behind it. What a user would notice: credentials from
// stack config, failures naming properties, a preview that names the one DNS record that changes,
// imports by id alone, partial applies recorded as state, and warnings under their resource.
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/model/unknown";
import { startServer, type RunningServer } from "../../provider/plugin/server";
import { resetHandover } from "../../provider/runtime/handover";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

type Props = Record<string, unknown>;

let emulator: TestEmulator;
let server: RunningServer;
let client: ResourceProviderClient;
const warnings: { urn: string; message: string }[] = [];

const urn = (kind: string, name = "r") => `urn:pulumi:dev::proj::domainsreseller:index:${kind}::${name}`;
const struct = (props: Props) => Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
const plain = (s: Struct | undefined): Props => (s?.toJavaScript() ?? {}) as Props;

/** One unary call as a promise (the stubs are callback-style). */
function call<Req, Res>(method: string, request: Req): Promise<Res> {
  const fn = (client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return new Promise((resolve, reject) => fn.call(client, request, (error, response) => (error ? reject(error) : resolve(response))));
}

const check = (kind: string, news: Props, olds: Props = {}) =>
  call<pb.CheckRequest, pb.CheckResponse>("check", new pb.CheckRequest().setUrn(urn(kind)).setOlds(struct(olds)).setNews(struct(news)));
const create = (kind: string, props: Props, preview = false) =>
  call<pb.CreateRequest, pb.CreateResponse>("create", new pb.CreateRequest().setUrn(urn(kind)).setProperties(struct(props)).setPreview(preview));
const diff = (kind: string, id: string, olds: Props, oldInputs: Props, news: Props) =>
  call<pb.DiffRequest, pb.DiffResponse>("diff", new pb.DiffRequest().setUrn(urn(kind)).setId(id).setOlds(struct(olds)).setOldInputs(struct(oldInputs)).setNews(struct(news)));
const read = (kind: string, id: string, props?: Props) => {
  const request = new pb.ReadRequest().setUrn(urn(kind)).setId(id);
  if (props !== undefined) request.setProperties(struct(props)).setInputs(struct(props));
  return call<pb.ReadRequest, pb.ReadResponse>("read", request);
};
const update = (kind: string, id: string, olds: Props, news: Props) =>
  call<pb.UpdateRequest, pb.UpdateResponse>("update", new pb.UpdateRequest().setUrn(urn(kind)).setId(id).setOlds(struct(olds)).setNews(struct(news)));
const remove = (kind: string, id: string, props: Props) =>
  call<pb.DeleteRequest, Empty>("delete", new pb.DeleteRequest().setUrn(urn(kind)).setId(id).setProperties(struct(props)));

/** Checked inputs, as the engine passes them on to create, diff and update. */
async function checked(kind: string, news: Props, olds: Props = {}): Promise<Props> {
  const response = await check(kind, news, olds);
  expect(response.getFailuresList().map((f) => f.getReason())).toEqual([]);
  return plain(response.getInputs());
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  server = await startServer({ warn: async (u, message) => void warnings.push({ urn: u, message }) });
  client = new ResourceProviderClient(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
  const configure = new pb.ConfigureRequest().setArgs(struct({}));
  const variables = configure.getVariablesMap();
  variables.set("domainsreseller:config:endpoint", emulator.handle.endpoint);
  variables.set("domainsreseller:config:username", emulator.account.email);
  variables.set("domainsreseller:config:apiKey", emulator.account.apiKey);
  const configured = await call<pb.ConfigureRequest, pb.ConfigureResponse>("configure", configure);
  expect(configured.getAcceptsecrets()).toBe(false);
  expect(configured.getSupportspreview()).toBe(true);
});
afterAll(async () => {
  client?.close();
  await server?.close();
  await emulator?.close();
});
// Each step below plays a command of its own, as each `pulumi` command starts a new plugin.
beforeEach(async () => {
  resetHandover();
  await emulator.admin("DELETE", "/faults");
});

describe("provider plugin: the plugin itself", () => {
  it("reports the package version and serves the schema as JSON", async () => {
    const info = await call<Empty, { getVersion(): string }>("getPluginInfo", new Empty());
    expect(info.getVersion()).toBe((JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version);
    const schema = await call<pb.GetSchemaRequest, pb.GetSchemaResponse>("getSchema", new pb.GetSchemaRequest());
    expect(() => JSON.parse(schema.getSchema()) as unknown).not.toThrow();
  });

  it("refuses a misspelt provider setting, naming it", async () => {
    const response = await call<pb.CheckRequest, pb.CheckResponse>("checkConfig", new pb.CheckRequest().setUrn("urn:pulumi:dev::proj::pulumi:providers:domainsreseller::default").setNews(struct({ endpoint: "http://x", apikey: "k" })));
    expect(response.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([["apikey", expect.stringMatching(/domainsreseller:apikey is not a setting.*apiKey/)]]);
  });

  it("answers an invoke of a read function from the configured account", async () => {
    const answer = await call<pb.InvokeRequest, pb.InvokeResponse>("invoke", new pb.InvokeRequest().setTok("domainsreseller:index:getDomainInfo").setArgs(struct({ name: "ACME-widgets.net" })));
    expect(plain(answer.getReturn())).toMatchObject({ name: "acme-widgets.net", status: "Active" });
    const tlds = await call<pb.InvokeRequest, pb.InvokeResponse>("invoke", new pb.InvokeRequest().setTok("domainsreseller:index:getTlds").setArgs(struct({})));
    expect(plain(tlds.getReturn()).tlds).toContain(".com");
  });
});

describe("provider plugin: DnsRecordSet", () => {
  const domain = "acme-widgets.net";
  const www = { name: "api", type: "A", value: "192.0.2.21" };
  const extra = { name: "api2", type: "A", value: "192.0.2.22" };

  it("check names the property of a bad record", async () => {
    const response = await check("DnsRecordSet", { domain, records: [{ name: "api", type: "A", value: "not-an-ip" }] });
    expect(response.getFailuresList().map((f) => f.getProperty())).toEqual(["records[0].value"]);
  });

  it("a preview create calls nothing and passes unknowns through", async () => {
    await emulator.resetCounters();
    const created = await create("DnsRecordSet", { domain, mode: "merge", records: UNKNOWN }, true);
    expect(created.getId()).toBe("");
    expect(plain(created.getProperties())).toEqual({ domain, mode: "merge", records: UNKNOWN });
    expect(Object.keys(await emulator.counters())).toEqual([]);
  });

  it("create, a diff naming the one record added, update, import by id, delete", async () => {
    const inputs = await checked("DnsRecordSet", { domain, records: [www] });
    const created = await create("DnsRecordSet", inputs);
    expect(created.getId()).toBe(domain);
    const state = plain(created.getProperties());

    const news = await checked("DnsRecordSet", { domain, records: [www, extra] }, inputs);
    const planned = await diff("DnsRecordSet", domain, state, inputs, news);
    expect(planned.getChanges()).toBe(pb.DiffResponse.DiffChanges.DIFF_SOME);
    expect(planned.getHasdetaileddiff()).toBe(true);
    const detailed: Record<string, number> = {};
    planned.getDetaileddiffMap().forEach((d, path) => void (detailed[path] = d.getKind()));
    expect(detailed).toEqual({ 'records["api2/A/192.0.2.22"]': pb.PropertyDiff.Kind.ADD });

    const moved = await diff("DnsRecordSet", domain, state, inputs, { ...news, domain: "acme-shop.io" });
    expect(moved.getReplacesList()).toEqual(["domain"]);
    expect(moved.getDetaileddiffMap().get("domain")?.getKind()).toBe(pb.PropertyDiff.Kind.UPDATE_REPLACE);

    const updated = plain((await update("DnsRecordSet", domain, state, news)).getProperties());
    const live = async () => ((await emulator.domain(domain)).dns as { hostname: string; address: string }[]).map((r) => `${r.hostname} ${r.address}`);
    expect(await live()).toEqual(expect.arrayContaining(["api 192.0.2.21", "api2 192.0.2.22"]));

    resetHandover();
    const imported = await read("DnsRecordSet", domain);
    expect(imported.getId()).toBe(domain);
    // In the schema's form (a list): `pulumi import` writes these inputs into the program it generates.
    expect(plain(imported.getInputs())).toMatchObject({ domain, mode: "authoritative", records: expect.arrayContaining([extra]) });

    resetHandover();
    await remove("DnsRecordSet", domain, updated);
    expect(await live()).not.toEqual(expect.arrayContaining(["api 192.0.2.21"]));
  });

  it("nothing to change is DIFF_NONE", async () => {
    const inputs = await checked("DnsRecordSet", { domain, records: [] });
    const state = { domain, mode: "merge", records: {}, found: [], unmanagedCount: 1, schemaVersion: 2 };
    expect((await diff("DnsRecordSet", domain, state, inputs, inputs)).getChanges()).toBe(pb.DiffResponse.DiffChanges.DIFF_NONE);
  });
});

describe("provider plugin: settings kinds", () => {
  it("Nameservers: create, import by id, update, delete gives back the delegation found", async () => {
    const domain = "acme-gadgets.org";
    const before = (await emulator.domain(domain)).nameservers as string[];
    const inputs = await checked("Nameservers", { domain, nameservers: ["ns1.example.net", "ns2.example.net"] });
    const created = await create("Nameservers", inputs);
    resetHandover();
    const imported = await read("Nameservers", domain);
    expect(plain(imported.getInputs())).toEqual({ domain, nameservers: ["ns1.example.net", "ns2.example.net"] });
    const news = await checked("Nameservers", { domain, nameservers: ["ns1.example.net", "ns3.example.net"] }, inputs);
    const planned = await diff("Nameservers", domain, plain(created.getProperties()), inputs, news);
    expect(planned.getDetaileddiffMap().toArray().map(([path]) => path)).toEqual(["nameservers[1]"]);
    const updated = plain((await update("Nameservers", domain, plain(created.getProperties()), news)).getProperties());
    expect((await emulator.domain(domain)).nameservers).toEqual(["ns1.example.net", "ns3.example.net"]);
    resetHandover();
    await remove("Nameservers", domain, updated);
    expect((await emulator.domain(domain)).nameservers).toEqual(before);
  });

  it("RegistrarLock: create, refresh, import by id, update, delete restores the lock found", async () => {
    const domain = "acme-widgets.net";
    await emulator.drift(domain, { locked: false });
    const inputs = await checked("RegistrarLock", { domain, locked: true });
    const created = plain((await create("RegistrarLock", inputs)).getProperties());
    expect(created).toEqual({ domain, locked: true, initialLocked: false, schemaVersion: 1 });
    const refreshed = await read("RegistrarLock", domain, created);
    expect(plain(refreshed.getInputs())).toEqual({ domain, locked: true });
    resetHandover();
    expect(plain((await read("RegistrarLock", domain)).getProperties())).toEqual({ domain, locked: true, initialLocked: true, schemaVersion: 1 });
    const news = await checked("RegistrarLock", { domain, locked: false }, inputs);
    const updated = plain((await update("RegistrarLock", domain, created, news)).getProperties());
    expect((await emulator.domain(domain)).locked).toBe(false);
    await emulator.drift(domain, { locked: true });
    resetHandover();
    await remove("RegistrarLock", domain, updated);
    expect((await emulator.domain(domain)).locked).toBe(false);
  });

  it("a save the registrar drops is recorded as partial state the engine keeps", async () => {
    const domain = "acme-widgets.net";
    await emulator.drift(domain, { locked: false });
    await emulator.admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "ignore" });
    const error = (await create("RegistrarLock", { domain, locked: true }).catch((e: unknown) => e)) as grpc.ServiceError;
    expect(error.message).toMatch(/RegistrarLock acme-widgets\.net: create failed/);
    const [bytes] = error.metadata.get("grpc-status-details-bin");
    const status = Status.deserializeBinary(new Uint8Array(bytes as Buffer));
    const detail = status.getDetailsList()[0];
    expect(detail?.getTypeName()).toBe("pulumirpc.ErrorResourceInitFailed");
    const failed = pb.ErrorResourceInitFailed.deserializeBinary(detail?.getValue_asU8() ?? new Uint8Array());
    expect(failed.getId()).toBe(domain);
    expect(plain(failed.getProperties())).toEqual({ domain, locked: false, initialLocked: false, schemaVersion: 1 });
    expect(failed.getReasonsList()[0]).toMatch(/still reports it unlocked/);
  });
});

describe("provider plugin: imports and warnings", () => {
  it("PrivateNameserver is imported as domain/host/ip, and its warning reaches the engine under its URN", async () => {
    warnings.length = 0;
    const imported = await read("PrivateNameserver", "acme-labs.dev/ns1.acme-labs.dev/192.0.2.53");
    expect(imported.getId()).toBe("acme-labs.dev/ns1.acme-labs.dev");
    expect(plain(imported.getInputs())).toEqual({ domain: "acme-labs.dev", host: "ns1.acme-labs.dev", ip: "192.0.2.53" });
    expect(plain(imported.getProperties())).toMatchObject({ adopted: true }); // delete leaves it registered, as found
    expect(warnings).toEqual([{ urn: urn("PrivateNameserver"), message: expect.stringMatching(/cannot list private nameservers/) }]);
    await expect(read("PrivateNameserver", "acme-labs.dev/ns1.acme-labs.dev")).rejects.toThrow(/the id is domain\/host\/ip/);
  });

  it("Domain is imported by name as adopted and retained; a name the account lacks is not found", async () => {
    const imported = await read("Domain", "acme-widgets.com");
    expect(imported.getId()).toBe("acme-widgets.com");
    expect(plain(imported.getInputs())).toMatchObject({ name: "acme-widgets.com", source: "adopt", onDelete: "retain" });
    expect(plain(imported.getProperties())).toMatchObject({ status: "Active", locked: true });
    const missing = await read("Domain", "not-ours.com");
    expect(missing.getId()).toBe("");
    expect(missing.getProperties()).toBeUndefined();
  });

  it("an unknown type is refused naming the types there are", async () => {
    await expect(read("Zone", "acme-widgets.com")).rejects.toThrow(/no resource type "domainsreseller:index:Zone".*DnsRecordSet/);
  });
});
