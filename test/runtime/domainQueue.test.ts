// The per-domain queue: steps of one lane of one domain run one at a time, in the order they came;
// different lanes of a domain run side by side; a whole-domain step (a Domain's) waits for
// everything before it and holds back everything after it; other domains never wait.
import { describe, expect, it } from "vitest";
import { laneOf, withDomain } from "../../provider/runtime/domainQueue";

/** A step that records when it starts and ends, and finishes when `release` is called. */
function step(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const work = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { work, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("withDomain", () => {
  it("runs one lane's steps in order, other lanes and other domains beside them", async () => {
    const log: string[] = [];
    const dns1 = step(log, "dns1");
    const dns2 = step(log, "dns2");
    const lock = step(log, "lock");
    const other = step(log, "other-dns");
    const results = [
      withDomain("/a.example", "dns", dns1.work),
      withDomain("/a.example", "dns", dns2.work),
      withDomain("/a.example", "registry", lock.work),
      withDomain("/b.example", "dns", other.work),
    ];
    await tick();
    expect(log).toEqual(["start dns1", "start lock", "start other-dns"]);
    dns1.release();
    await tick();
    expect(log).toContain("start dns2");
    for (const s of [dns2, lock, other]) s.release();
    expect(await Promise.all(results)).toEqual(["dns1", "dns2", "lock", "other-dns"]);
  });

  it("a whole-domain step waits for every lane before it and holds back every lane after it", async () => {
    const log: string[] = [];
    const dns = step(log, "dns");
    const domain = step(log, "domain");
    const lockAfter = step(log, "lock-after");
    const first = withDomain("/c.example", "dns", dns.work);
    const whole = withDomain("/c.example", undefined, domain.work);
    const after = withDomain("/c.example", "registry", lockAfter.work);
    await tick();
    expect(log).toEqual(["start dns"]);
    dns.release();
    await tick();
    expect(log).toEqual(["start dns", "end dns", "start domain"]);
    domain.release();
    await tick();
    expect(log.at(-1)).toBe("start lock-after");
    lockAfter.release();
    await Promise.all([first, whole, after]);
  });

  it("a failed step does not stop the ones after it", async () => {
    const failed = withDomain("/d.example", "dns", () => Promise.reject(new Error("refused")));
    const next = withDomain("/d.example", "dns", async () => "ran");
    await expect(failed).rejects.toThrow("refused");
    expect(await next).toBe("ran");
  });

  it("Domain takes the whole domain; the zone, the forwards and the registry settings each have a lane", () => {
    expect(laneOf("Domain")).toBeUndefined();
    expect(new Set(["DnsRecordSet", "EmailForwarding", "RegistrarLock"].map(laneOf))).toEqual(new Set(["dns", "email", "registry"]));
    expect(["Nameservers", "PrivateNameserver", "IdProtection"].map(laneOf)).toEqual(["registry", "registry", "registry"]);
  });
});
