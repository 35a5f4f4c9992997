// The app without a socket (handlers are testable without a port), and the route matcher.
import { describe, expect, it } from "vitest";
import { createApp, API_BASE } from "../../emulator/app";
import { Store } from "../../emulator/db/store";
import { Runtime } from "../../emulator/runtime";
import { applySeed } from "../../emulator/admin/seed-apply";
import { DEFAULT_SEED } from "../../emulator";
import { ROUTES, matchRoute } from "../../emulator/routes/table";
import { DEMO, sign } from "./helpers";

function app(admin = false) {
  const store = new Store(":memory:");
  const runtime = new Runtime();
  applySeed(store, DEFAULT_SEED, runtime.now());
  return createApp({ store, runtime, admin, transferDelaySeconds: 0 });
}

const headers = () => ({ username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, Math.floor(Date.now() / 1000)) });

describe("route table", () => {
  it("has the 30 routes of the reference, each template once per method", () => {
    expect(ROUTES).toHaveLength(30);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.template}`)).size).toBe(30);
  });

  it("prefers literal segments: /domains/lookup is the lookup, not a domain called lookup", () => {
    expect(matchRoute("POST", ["domains", "lookup"])?.route.template).toBe("/domains/lookup");
    expect(matchRoute("POST", ["domains", "lookup", "suggestions"])?.route.template).toBe("/domains/lookup/suggestions");
    expect(matchRoute("POST", ["domains", "a.com", "nameservers", "register"])?.path).toEqual({ domain: "a.com" });
    expect(matchRoute("GET", ["domains", "a.com", "release"])).toBeUndefined();
  });
});

describe("app without a port", () => {
  it("answers a signed request in process", async () => {
    const r = await app()({ method: "GET", url: `${API_BASE}/domains/acme-widgets.net/lock`, headers: headers(), body: "" });
    expect(r).toMatchObject({ status: 200, body: '"unlocked"', label: "GET /domains/{domain}/lock" });
  });

  it("answers a malformed percent-escape in the path with 400, not a crash", async () => {
    const r = await app()({ method: "GET", url: `${API_BASE}/domains/%E0%A4%A/lock`, headers: headers(), body: "" });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatch(/percent-encoding/);
    const a = await app(true)({ method: "GET", url: "/__admin/domains/%E0%A4%A", headers: {}, body: "" });
    expect(a.status).toBe(400);
  });

  it("answers invalid admin JSON with 400 naming the body", async () => {
    const r = await app(true)({ method: "POST", url: "/__admin/accounts", headers: {}, body: "{nope" });
    expect(r).toMatchObject({ status: 400, body: JSON.stringify({ error: "body: not valid JSON" }) });
  });
});
