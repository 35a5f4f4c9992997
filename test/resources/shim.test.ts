// The shim is what Pulumi stores in state for every resource and sends on every call. If it grows,
// captures a credential, or changes text, every user's stack pays for it.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { RUNTIME_MODULE, SHIM_MODULE_DIR, serializerNamesPackagePath, shimFor } from "../../provider/resources/shim";

async function serialized(kind: string): Promise<string> {
  const provider = shimFor(kind);
  const closure = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return closure.text;
}

describe("serialized provider shim", () => {
  it("stays under 4 KB, so state and every RPC stay small", async () => {
    const text = await serialized("RegistrarLock");
    expect(text.length).toBeGreaterThan(200);
    expect(text.length).toBeLessThan(4096);
  });

  it("requires the runtime by package name at call time instead of inlining our code", async () => {
    const text = await serialized("RegistrarLock");
    expect(text).toContain(JSON.stringify(RUNTIME_MODULE));
    expect(text).toContain('"RegistrarLock"');
    expect(text).not.toMatch(/DomainsResellerClient|hmac|undici/i);
  });

  it("carries no credential even when credentials are in the environment", async () => {
    process.env.DOMAINSRESELLER_API_KEY = "shim-test-key-must-not-leak";
    try {
      const text = await serialized("RegistrarLock");
      expect(text).not.toContain("shim-test-key-must-not-leak");
      expect(text).not.toMatch(/apiKey\s*[:=]\s*["']/);
    } finally {
      delete process.env.DOMAINSRESELLER_API_KEY;
    }
  });

  it("is one object per kind, so Pulumi serializes it once per program", () => {
    expect(shimFor("RegistrarLock")).toBe(shimFor("RegistrarLock"));
    expect(shimFor("RegistrarLock")).not.toBe(shimFor("Other"));
  });

  it("from source or a linked checkout, stores the text (nothing the provider process could require by package path)", async () => {
    const text = await serialized("Domain");
    expect(text).not.toContain(SHIM_MODULE_DIR);
    expect(text).toContain('"Domain"');
  });
});

describe("where the short form (the kind's module by package path) is used", () => {
  const file = (root: string, kind = "RegistrarLock") => `${root}/dist/provider/resources/shims/${kind}.js`;

  it("an npm or yarn install in the program's folder, or hoisted to a parent folder", () => {
    expect(serializerNamesPackagePath(file("/p/infra/node_modules/pulumi-domainsreseller"), "RegistrarLock", "/p/infra")).toBe(true);
    expect(serializerNamesPackagePath(file("/p/node_modules/pulumi-domainsreseller", "Domain"), "Domain", "/p/infra")).toBe(true);
  });

  it("not for a linked checkout, pnpm's store, a copy nested under another package, or another kind's module", () => {
    expect(serializerNamesPackagePath(file("/src/pulumi-domainsreseller"), "RegistrarLock", "/p/infra")).toBe(false);
    expect(serializerNamesPackagePath(file("/p/node_modules/.pnpm/pulumi-domainsreseller@0.1.0/node_modules/pulumi-domainsreseller"), "RegistrarLock", "/p")).toBe(false);
    expect(serializerNamesPackagePath(file("/p/node_modules/some-lib/node_modules/pulumi-domainsreseller"), "RegistrarLock", "/p")).toBe(false);
    expect(serializerNamesPackagePath(file("/p/node_modules/pulumi-domainsreseller", "Domain"), "RegistrarLock", "/p")).toBe(false);
  });
});
