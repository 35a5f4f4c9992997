// Reads shared per domain for a run: the looking steps (refresh, check) share one answer per route
// and domain; any write to the domain makes every earlier answer stale; applying reads fresh.
import { describe, expect, it } from "vitest";
import type { DomainsResellerClient } from "../../provider/client";
import { accountOf, readViews, sharedReadHits } from "../../provider/runtime/sharedReads";

/** A client that counts what reaches the server and answers with the call's number. */
function countingClient() {
  const sent: string[] = [];
  let failNext = false;
  const client = {
    serverNow: () => new Date(0),
    async call(route: string, params: { domain?: string }) {
      sent.push(`${route} ${params.domain ?? ""}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failNext) {
        failNext = false;
        throw new Error("HTTP 500");
      }
      return sent.length;
    },
  };
  return { client: client as unknown as DomainsResellerClient, sent, failOnce: () => void (failNext = true) };
}

describe("shared reads", () => {
  it("concurrent and later reads of one route and domain share one call; other domains do not", async () => {
    const { client, sent } = countingClient();
    const { shared } = readViews(client);
    const answers = await Promise.all([shared.call("getDns", { domain: "a.com" }), shared.call("getDns", { domain: "A.com" }), shared.call("getDns", { domain: "b.com" })]);
    expect(await shared.call("getDns", { domain: "a.com" })).toBe(answers[0]);
    expect(sent).toEqual(["getDns a.com", "getDns b.com"]);
    expect(sharedReadHits(client)).toBe(2);
  });

  it("a write to a domain makes its earlier answers stale, and only its own", async () => {
    const { client, sent } = countingClient();
    const { shared, fresh } = readViews(client);
    await shared.call("getDns", { domain: "a.com" });
    await shared.call("getLock", { domain: "b.com" });
    await fresh.call("saveLock", { domain: "a.com", lockstatus: "locked" });
    await shared.call("getDns", { domain: "a.com" });
    await shared.call("getLock", { domain: "b.com" });
    expect(sent).toEqual(["getDns a.com", "getLock b.com", "saveLock a.com", "getDns a.com"]);
  });

  it("a sync asks the registry and changes nothing: answers stay shared, and it is never shared itself", async () => {
    const { client, sent } = countingClient();
    const { shared } = readViews(client);
    await shared.call("information", { domain: "a.com" });
    await shared.call("sync", { domain: "a.com" });
    await shared.call("sync", { domain: "a.com" });
    await shared.call("information", { domain: "a.com" });
    expect(sent).toEqual(["information a.com", "sync a.com", "sync a.com"]);
  });

  it("a read the write overtook is not kept", async () => {
    const { client, sent } = countingClient();
    const { shared, fresh } = readViews(client);
    const before = shared.call("getDns", { domain: "a.com" });
    await fresh.call("saveDns", { domain: "a.com", dnsrecords: [] });
    await before;
    await shared.call("getDns", { domain: "a.com" });
    expect(sent.filter((s) => s === "getDns a.com")).toHaveLength(2);
  });

  it("applying always reads fresh, and leaves its answer for the looking steps", async () => {
    const { client, sent } = countingClient();
    const { shared, fresh } = readViews(client);
    await shared.call("getDns", { domain: "a.com" });
    const applied = await fresh.call("getDns", { domain: "a.com" });
    expect(await shared.call("getDns", { domain: "a.com" })).toBe(applied);
    expect(sent).toEqual(["getDns a.com", "getDns a.com"]);
  });

  it("a failed read is not shared: the next asks again", async () => {
    const { client, sent, failOnce } = countingClient();
    const { shared } = readViews(client);
    failOnce();
    await expect(shared.call("getDns", { domain: "a.com" })).rejects.toThrow("HTTP 500");
    await shared.call("getDns", { domain: "a.com" });
    expect(sent).toHaveLength(2);
  });

  it("every view of one client is one account", () => {
    const { client } = countingClient();
    const { shared, fresh } = readViews(client);
    expect(accountOf(shared)).toBe(accountOf(fresh));
    expect(readViews(client).shared).toBe(shared);
  });
});
