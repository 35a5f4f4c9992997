// Serialises work per domain (and credentials profile) inside the provider process. The API saves
// lock, DNS, nameservers and forwarding as whole values per domain, so two resources touching one
// domain at once could undo each other's read-modify-write; the engine runs up to 8 steps in parallel.
const tails = new Map<string, Promise<unknown>>();

/** `key` names one domain of one account, e.g. `"/example.com"` or `"eu/example.com"`. */
export function withDomain<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
