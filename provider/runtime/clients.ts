// One API client per set of settings for the whole provider process: every resource shares its
// connection pool, concurrency cap and rate limiter, as the reseller API sees one caller.
import { DomainsResellerClient } from "../client";
import { resolveSettings, type Settings } from "./settings";

const clients = new Map<string, DomainsResellerClient>();

function cacheKey(settings: Settings): string {
  return JSON.stringify([settings.endpoint, settings.username, settings.apiKey, settings.maxConcurrency, settings.requestsPerMinute, settings.requestTimeoutMs]);
}

export function clientFor(settings: Settings = resolveSettings()): DomainsResellerClient {
  const key = cacheKey(settings);
  let client = clients.get(key);
  if (!client) {
    client = new DomainsResellerClient({
      endpoint: settings.endpoint,
      username: settings.username,
      apiKey: settings.apiKey,
      ...(settings.maxConcurrency !== undefined ? { maxConcurrency: settings.maxConcurrency } : {}),
      ...(settings.requestsPerMinute !== undefined ? { requestsPerMinute: settings.requestsPerMinute } : {}),
      ...(settings.requestTimeoutMs !== undefined ? { requestTimeoutMs: settings.requestTimeoutMs } : {}),
    });
    clients.set(key, client);
  }
  return client;
}
