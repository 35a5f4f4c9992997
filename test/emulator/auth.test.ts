// Auth as the addon does it: a wrong rule here either locks out real clients or lets anyone in.
import { describe, expect, it } from "vitest";
import { DEMO, admin, call, sign, start } from "./helpers";

const now = () => Math.floor(Date.now() / 1000);

describe("auth", () => {
  it("accepts a token for the current UTC hour without a timestamp header", async () => {
    const emu = await start();
    expect((await call(emu, "GET", "/billing/credits", undefined, { timestamp: null })).status).toBe(200);
  });

  it("answers unknown user and wrong token with the same 401 body", async () => {
    const emu = await start();
    const wrongKey = await call(emu, "GET", "/billing/credits", undefined, { apiKey: "nope" });
    const unknown = await call(emu, "GET", "/billing/credits", undefined, { email: "ghost@example.com" });
    const missing = await call(emu, "GET", "/billing/credits", undefined, { token: "" });
    for (const r of [wrongKey, unknown, missing]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error: "Invalid username or token" });
    }
  });

  it("rejects last hour's token when no timestamp header is sent", async () => {
    const emu = await start();
    const r = await call(emu, "GET", "/billing/credits", undefined, { at: now() - 3600, timestamp: null });
    expect(r.status).toBe(401);
  });

  it("accepts a token for the timestamp's hour when the timestamp is within 60 s across an hour boundary", async () => {
    const emu = await start();
    // Put the server 10 s after an hour boundary; the client signs 20 s earlier (previous hour).
    const boundary = Math.floor(now() / 3600) * 3600 + 3600 * 5;
    await admin(emu, "POST", "/clock", { offsetSeconds: boundary + 10 - now() });
    const clientTime = boundary - 10;
    const ok = await call(emu, "GET", "/billing/credits", undefined, { at: clientTime, timestamp: String(clientTime) });
    expect(ok.status).toBe(200);
    const noHeader = await call(emu, "GET", "/billing/credits", undefined, { at: clientTime, timestamp: null });
    expect(noHeader.status).toBe(401);
  });

  it("ignores a timestamp more than 60 s away and checks the server hour instead", async () => {
    const emu = await start();
    const boundary = Math.floor(now() / 3600) * 3600 + 3600 * 5;
    await admin(emu, "POST", "/clock", { offsetSeconds: boundary + 100 - now() });
    const stale = boundary - 30;
    const r = await call(emu, "GET", "/billing/credits", undefined, { at: stale, timestamp: String(stale) });
    expect(r.status).toBe(401);
  });

  it("matches the username case-insensitively but signs with the name as sent", async () => {
    const emu = await start();
    const email = DEMO.email.toUpperCase();
    const r = await call(emu, "GET", "/billing/credits", undefined, { email, token: sign(email, DEMO.apiKey, now()) });
    expect(r.status).toBe(200);
  });

  it("answers an unknown route 404 before asking for credentials", async () => {
    const emu = await start();
    const r = await fetch(`${emu.endpoint}/domains/acme-widgets.com/nothing`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toMatch(/Unknown API route/);
  });
});
