// The reads of an export, through the signed client: one domain's information, contacts, lock,
// nameservers, DNS and forwarding. A route the server refuses for this domain (no DNS add-on, a
// TLD without it) becomes a Reading that says so, and the resource is left out with that reason;
// anything else (the domain not in the account, credentials, the network) fails the domain with an
// ExportReadError naming it and the route, since a program missing it silently would mislead.
import { isDomainsResellerError, routes, type DomainsResellerClient, type RouteName, type RouteResult } from "../client";
import { isGoneStatus } from "../runtime/gone";
import { read, refused, type DomainSnapshot, type Reading } from "./snapshot";

export class ExportReadError extends Error {
  constructor(
    readonly domain: string,
    readonly route: string,
    message: string,
  ) {
    super(`${domain}: ${route}: ${message}`);
    this.name = "ExportReadError";
  }
}

const routeText = (name: RouteName, domain: string) => `${routes[name].method} ${routes[name].path.replace("{domain}", domain)}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A refusal of this one route for this domain, as opposed to a failure of the account or the network. */
const isRefusal = (error: unknown) => isDomainsResellerError(error, "validation") || (isDomainsResellerError(error, "not_found") && error.status !== 404);

async function reading<R extends "getContacts" | "getLock" | "getNameservers" | "getDns" | "getEmailForwarding">(client: DomainsResellerClient, route: R, domain: string): Promise<Reading<RouteResult<R>>> {
  try {
    return read(await client.call(route, { domain } as never));
  } catch (error) {
    if (isRefusal(error)) return refused(routeText(route, domain), isDomainsResellerError(error) ? (error.apiMessage ?? error.message) : messageOf(error));
    throw new ExportReadError(domain, routeText(route, domain), messageOf(error));
  }
}

/** Everything the export needs of `domain` (canonical), read in parallel; nothing is written. */
export async function readDomainSnapshot(client: DomainsResellerClient, domain: string): Promise<DomainSnapshot> {
  let info: RouteResult<"information">;
  try {
    info = await client.call("information", { domain });
  } catch (error) {
    throw new ExportReadError(domain, routeText("information", domain), messageOf(error));
  }
  if (isGoneStatus(info)) throw new ExportReadError(domain, routeText("information", domain), `the account reports it as ${info.status ?? "gone"}, so there is nothing to adopt`);
  const [contacts, lock, nameservers, dns, email] = await Promise.all([
    reading(client, "getContacts", domain),
    reading(client, "getLock", domain),
    reading(client, "getNameservers", domain),
    reading(client, "getDns", domain),
    reading(client, "getEmailForwarding", domain),
  ]);
  return {
    domain,
    information: { status: info.status, idProtection: info.idProtection, dnsManagement: info.dnsManagement, emailForwarding: info.emailForwarding },
    contacts,
    lock,
    nameservers,
    dns,
    email,
  };
}
