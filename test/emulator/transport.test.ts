// Bad input at the HTTP edge: size limits, wrong encodings, unknown paths, and no stack traces.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { call, start } from "./helpers";

describe("transport", () => {
  it("answers 413 to a body over 1 MiB", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/acme-widgets.com/dns", undefined, { rawBody: `dnsrecords=${"x".repeat(1024 * 1024 + 10)}` });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/1 MiB/);
  });

  it("answers 413 to a chunked body that grows past 1 MiB", async () => {
    const emu = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.endpoint}/domains/acme-widgets.com/dns`, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it("rejects a JSON body with 400 naming the body", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/acme-widgets.com/lock", undefined, { rawBody: '{"lockstatus":"locked"}', headers: { "content-type": "application/json" } });
    expect(r).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^body: JSON is not accepted/) } });
  });

  it("rejects an array where a scalar belongs", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/acme-widgets.com/lock", undefined, { rawBody: "lockstatus[]=locked" });
    expect(r).toMatchObject({ status: 400, body: { error: "lockstatus must be a single value, not an array" } });
  });

  it("answers 404 off the API base, on unknown routes and on methods the API does not use", async () => {
    const emu = await start();
    expect((await fetch(`${emu.origin}/index.php/version`)).status).toBe(404);
    expect((await fetch(`${emu.endpoint}/nope`)).status).toBe(404);
    expect((await call(emu, "PUT", "/domains/acme-widgets.com/lock", { lockstatus: "locked" })).status).toBe(404);
  });

  it("hides internal errors behind a fixed 500 body", async () => {
    const lines: string[] = [];
    const emu = await startEmulator({ log: (l) => lines.push(l) });
    try {
      // Sabotage the store so the handler throws something that is not an ApiError.
      const { Store } = await import("../../emulator/db/store");
      const original = Store.prototype.domain;
      Store.prototype.domain = () => {
        throw new Error("disk on fire at /secret/path");
      };
      try {
        const r = await call(emu, "GET", "/domains/acme-widgets.com/lock");
        expect(r).toMatchObject({ status: 500, body: { error: "Internal emulator error" } });
        expect(r.text).not.toMatch(/secret|at /);
      } finally {
        Store.prototype.domain = original;
      }
      expect(lines.some((l) => l.includes("disk on fire"))).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it("logs one line per request with route template, status and time, never the token", async () => {
    const lines: string[] = [];
    const emu = await startEmulator({ log: (l) => lines.push(l) });
    try {
      await call(emu, "GET", "/domains/acme-widgets.com/lock");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^GET \/domains\/\{domain\}\/lock 200 \d+\.\dms$/);
    } finally {
      await emu.close();
    }
  });

  it("refuses to listen on a non-loopback address", async () => {
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });
});
