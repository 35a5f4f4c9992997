// The `information` route's answer as a DomainInfo. Apart from domain.ts so that the public
// declarations (DomainInfo, fetchDomainInfo) do not reach the client's route types (clientSource.ts).
import type { RouteResult } from "../client";
import type { DomainInfo } from "./domain";

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/** The `information` route's normalized result as a JSON-clean DomainInfo (exported for tests). */
export function toDomainInfo(name: string, info: RouteResult<"information">): DomainInfo {
  const orNull = (value: boolean | undefined): boolean | null => value ?? null;
  const expiry = info.expiryDate ?? null;
  return {
    name,
    status: info.status ?? null,
    expiryDate: expiry === null ? null : (ISO_DATE.exec(expiry)?.[1] ?? expiry),
    locked: orNull(info.transferLock),
    idProtection: orNull(info.idProtection),
    dnsManagement: orNull(info.dnsManagement),
    emailForwarding: orNull(info.emailForwarding),
    restorable: orNull(info.restorable),
    nameservers: info.nameservers.map((host) => host.toLowerCase()),
  };
}

