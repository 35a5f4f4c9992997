// An EPP code is a transfer's one-time secret: a registrar error that echoes it, and the request
// body that `call --verbose` prints, must never carry it (as sent, or form-encoded).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type TestServer } from "./helpers/server";

const EPP = "Epp+Secret/42 &x";
const CONTACT = { firstname: "Ada", lastname: "Lovelace", email: "ada@example.org", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB", phonenumber: "+44.2071234567" };

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => ({ status: 400, json: { error: `The registry refused the transfer: auth code ${EPP} is invalid (sent ${encodeURIComponent(EPP)})` } }));
});
afterAll(async () => server.close());

describe("EPP codes are scrubbed", () => {
  it("from a registrar error that echoes the code, and from the request body shown to --verbose", async () => {
    const bodies: string[] = [];
    const client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, maxRetries: 0, onRequest: (r) => bodies.push(r.body ?? "") });
    try {
      const params = { domain: "moving-in.com", regperiod: 1, eppcode: EPP, nameservers: { ns1: "ns1.host.test", ns2: "ns2.host.test" }, contacts: { registrant: CONTACT } };
      const error = await client.call("transfer", params as never).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeDefined();
      const text = `${error?.message}\n${JSON.stringify(error)}`;
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(EPP);
      expect(text).not.toContain(encodeURIComponent(EPP));
      expect(bodies.join("\n")).not.toContain(encodeURIComponent(EPP));
      expect(bodies.join("\n")).not.toContain(encodeURIComponent(EPP).replace(/%20/g, "+"));
      expect(bodies.join("\n")).toContain("eppcode=");
    } finally {
      await client.close();
    }
  });
});
