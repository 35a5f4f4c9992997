// What the dynamic resource classes ask the engine for, under Pulumi's unit-test mocks: the type
// token the dynamic-provider host serves (unchanged from `pulumi.dynamic.Resource`, so URNs and state
// stay the same), the one-line provider text, and the claim input's hint that a Domain of the same
// program brings the domain in (so the preview reads nothing to prove the account holds it).
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { DnsRecordSet, Domain, IdProtection, RegistrarLock } from "../../provider";
import { providerText } from "../../provider/resources/shim";

interface Registered { type: string; name: string; inputs: Record<string, unknown> }
const registered: Registered[] = [];
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));
const inputsOf = (name: string) => registered.findLast((r) => r.name === name)?.inputs ?? {};

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
});

describe("dynamic resource classes under mocks", () => {
  it("register as pulumi-nodejs:dynamic/domainsreseller:<Kind> with the kind's one-line provider text", async () => {
    const lock = new RegistrarLock("reg-lock", { domain: "registered.example", locked: true });
    expect(await valueOf(lock.urn)).toContain("pulumi-nodejs:dynamic/domainsreseller:RegistrarLock::reg-lock");
    expect(inputsOf("reg-lock")).toMatchObject({ domain: "registered.example", locked: true, __provider: providerText("RegistrarLock") });
    expect(await valueOf(lock.locked)).toBe(true);
  });

  it("a settings resource declared after a Domain of the same name carries the hint; one declared before it, or for another name, does not", async () => {
    const early = new IdProtection("early-privacy", { domain: "brought-in.example", enabled: false });
    const domain = new Domain("brought-in", { name: "brought-in.example", source: "adopt" });
    const later = new DnsRecordSet("later-dns", { domain: "brought-in.example", records: [{ name: "www", type: "A", value: "192.0.2.10" }] });
    const other = new RegistrarLock("other-lock", { domain: "elsewhere.example", locked: true });
    await Promise.all([early, domain, later, other].map((r) => valueOf(r.urn)));
    expect(inputsOf("later-dns").__claim).toBe("domain-declared");
    expect(inputsOf("early-privacy").__claim).toBe(true);
    expect(inputsOf("other-lock").__claim).toBe(true);
    expect(inputsOf("brought-in").__claim).toBe(true);
  });

  it("skips the SDK's debug stacks of its own promises, restores the caller's stack limit, and the resource still resolves", async () => {
    const before = Error.stackTraceLimit;
    // Counts the stacks formatted while the resource is declared. The SDK tags every promise it
    // makes per input with `new Error().stack` (four per input, for its leak report); what remains
    // is its one capture of the source position.
    let stacksWithFrames = 0;
    const original = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
      if (frames.length > 0) stacksWithFrames += 1;
      return `${error}`;
    };
    let lock: RegistrarLock;
    try {
      lock = new RegistrarLock("quiet-stacks", { domain: "quiet.example", locked: false });
    } finally {
      Error.prepareStackTrace = original;
    }
    expect(stacksWithFrames).toBeLessThanOrEqual(2);
    expect(Error.stackTraceLimit).toBe(before);
    expect(await valueOf(lock.locked)).toBe(false);
    expect(new Error("after").stack).toMatch(/\n\s+at /);
  });

  it("restores the caller's stack limit when the SDK refuses the resource", () => {
    const before = Error.stackTraceLimit;
    expect(() => new RegistrarLock("quiet-stacks-bad", { domain: "quiet.example" }, { parent: {} as pulumi.Resource })).toThrow();
    expect(Error.stackTraceLimit).toBe(before);
  });
});
