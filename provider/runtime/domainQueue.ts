// Serialises work per domain (and credentials profile) inside the provider process, lane by lane.
// The API saves lock, DNS, nameservers and forwarding as whole values per domain, so two resources
// touching one value at once could undo each other's read-modify-write; the engine runs up to 8
// steps in parallel. What the registrar holds apart runs apart: the DNS zone and the e-mail
// forwards are services of the reseller's panel, each saved on its own, so a zone save need not
// wait for a lock change. The registry-level settings (lock, nameservers, glue, ID protection)
// share one lane, because registries refuse or reorder concurrent updates of one domain object.
// A `Domain` step (register, transfer, renew, contacts) takes every lane of its domain: what
// follows it on that domain waits for it, and it waits for what came before, as before lanes.
//
// Why lanes at all: the engine deletes in reverse registration order, so its parallel steps are
// mostly one domain's resources, which a single queue per domain ran one at a time
// (docs/benchmarks.md: a 1,000-domain destroy).
/** The lane of each kind's steps; a kind not listed (`Domain`) takes every lane of its domain. */
const LANES: Readonly<Record<string, string>> = {
  DnsRecordSet: "dns",
  EmailForwarding: "email",
  RegistrarLock: "registry",
  Nameservers: "registry",
  PrivateNameserver: "registry",
  IdProtection: "registry",
};

export const laneOf = (kindName: string): string | undefined => LANES[kindName];

interface DomainTails {
  /** The last step that took every lane. */
  all: Promise<unknown>;
  /** The last step of each lane since then. */
  lanes: Map<string, Promise<unknown>>;
  /** Steps not yet finished: at 0 the domain is forgotten, so a long run holds nothing. */
  pending: number;
}

const domains = new Map<string, DomainTails>();

/**
 * Runs `work` after the earlier steps of `key` it must follow: those of its `lane`, or all of
 * them when `lane` is undefined (a step that takes the whole domain). `key` names one domain of
 * one account, e.g. `"/example.com"` or `"eu/example.com"`.
 */
export function withDomain<T>(key: string, lane: string | undefined, work: () => Promise<T>): Promise<T> {
  let tails = domains.get(key);
  if (!tails) domains.set(key, (tails = { all: Promise.resolve(), lanes: new Map(), pending: 0 }));
  const before = lane === undefined ? Promise.all([tails.all, ...tails.lanes.values()]) : Promise.all([tails.all, tails.lanes.get(lane)]);
  const result = before.then(work, work);
  const tail = result.catch(() => undefined);
  if (lane === undefined) {
    tails.all = tail;
    tails.lanes.clear();
  } else {
    tails.lanes.set(lane, tail);
  }
  tails.pending += 1;
  const own = tails;
  void tail.then(() => {
    own.pending -= 1;
    if (own.pending === 0 && domains.get(key) === own) domains.delete(key);
  });
  return result;
}
