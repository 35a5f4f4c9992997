// The `__provider` text is what Pulumi stores in state for every resource and sends on every call.
// If it grows, captures a credential, or changes, every user's stack pays for it.
import { describe, expect, it } from "vitest";
import { RUNTIME_MODULE, providerText } from "../../provider/resources/shim";

/** Evaluates a `__provider` text as the dynamic-provider host does, with `require` answered by `modules`. */
function handlerOf(text: string, modules: Record<string, unknown>): unknown {
  const module = { exports: {} as { handler?: () => unknown } };
  const load = (id: string) => {
    if (!(id in modules)) throw new Error(`unexpected require("${id}")`);
    return modules[id];
  };
  new Function("exports", "require", "module", text)(module.exports, load, module);
  if (typeof module.exports.handler !== "function") throw new Error("the text exports no handler");
  return module.exports.handler();
}

describe("the __provider text", () => {
  it("is one short line per kind, so state and every call stay small", () => {
    const text = providerText("RegistrarLock");
    expect(text.split("\n").filter((line) => line !== "")).toHaveLength(1);
    expect(text.length).toBeLessThan(160);
    expect(providerText("Domain")).not.toBe(text);
    expect(providerText("RegistrarLock")).toBe(text);
  });

  it("requires the runtime by package name when called, and asks it for the kind's provider", () => {
    const asked: string[] = [];
    const runtime = { provider: (kind: string) => (asked.push(kind), { kind }) };
    expect(handlerOf(providerText("DnsRecordSet"), { [RUNTIME_MODULE]: runtime })).toEqual({ kind: "DnsRecordSet" });
    expect(asked).toEqual(["DnsRecordSet"]);
    expect(providerText("DnsRecordSet")).not.toMatch(/DomainsResellerClient|hmac|undici/i);
  });

  it("carries no credential even when credentials are in the environment", () => {
    process.env.DOMAINSRESELLER_API_KEY = "shim-test-key-must-not-leak";
    try {
      expect(providerText("RegistrarLock")).not.toContain("shim-test-key-must-not-leak");
    } finally {
      delete process.env.DOMAINSRESELLER_API_KEY;
    }
  });

  it("refuses a kind name that is not a plain word (it is written into code)", () => {
    expect(() => providerText('x"); process.exit(1); ("')).toThrow(/not a resource kind name/);
  });
});

describe("texts written by earlier builds", () => {
  it("the per-kind modules they name answer with the runtime's provider of that kind", async () => {
    const runtime = await import("../../provider/runtime");
    const lock = (await import("../../provider/resources/shims/RegistrarLock")) as unknown as { default?: unknown };
    expect(lock.default ?? lock).toBe(runtime.provider("RegistrarLock"));
    expect(Object.keys(runtime.provider("RegistrarLock")).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
  });
});
