// Serialises work per domain inside the provider process. The API saves lock, DNS, nameservers and
// forwarding as whole values per domain, so two resources touching one domain at once could undo
// each other's read-modify-write; the engine runs up to 8 steps in parallel.
const tails = new Map<string, Promise<unknown>>();

export function withDomain<T>(domain: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(domain) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.catch(() => undefined);
  tails.set(domain, tail);
  void tail.then(() => {
    if (tails.get(domain) === tail) tails.delete(domain);
  });
  return result;
}
