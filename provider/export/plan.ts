// One domain's export: the resources to declare with their settings as read, and the reason for
// each one left out. Pure: a snapshot in, a plan out; the program and zone file are rendered from it.
import type { Contacts } from "../model/domain/contact";
import type { Forward } from "../model/emailForwarding";
import { planContacts } from "./contacts";
import { resourceNames, zoneFilePath, type ResourceNames } from "./names";
import { glueHints, planForwards, planIdProtection, planLock, planNameservers, type GlueHint, type Planned } from "./settings";
import type { DomainSnapshot } from "./snapshot";
import { planZone, type ZonePlan } from "./zone";

export interface DomainExport {
  domain: string;
  names: ResourceNames;
  /** Contacts declared on the Domain (only roles that read back unchanged), and those left out. */
  contacts: Planned<Contacts> & { leftOut: { role: string; reason: string }[] };
  dns: Planned<ZonePlan & { file: string }>;
  nameservers: Planned<string[]>;
  lock: Planned<boolean>;
  email: Planned<Forward[]>;
  idProtection: Planned<boolean>;
  glue: GlueHint[];
}

export function planDomainExport(snapshot: DomainSnapshot): DomainExport {
  const { domain, information } = snapshot;
  const contacts = snapshot.contacts.ok
    ? (() => {
        const plan = planContacts(snapshot.contacts.value);
        return Object.keys(plan.contacts).length > 0 ? { declare: true as const, value: plan.contacts, leftOut: plan.leftOut } : { declare: false as const, reason: "no contact reads back as it would be declared", leftOut: plan.leftOut };
      })()
    : { declare: false as const, reason: `the server refused ${snapshot.contacts.route}: ${snapshot.contacts.message}`, leftOut: [] };
  const dns: Planned<ZonePlan & { file: string }> = snapshot.dns.ok
    ? {
        declare: true,
        value: { ...planZone(domain, snapshot.dns.value), file: zoneFilePath(domain) },
        ...(information.dnsManagement === false ? { note: "the information route reports the DNS-management add-on as off, though the DNS route answers" } : {}),
      }
    : { declare: false, reason: `the server refused ${snapshot.dns.route}: ${snapshot.dns.message}` };
  return {
    domain,
    names: resourceNames(domain),
    contacts,
    dns,
    nameservers: planNameservers(snapshot.nameservers),
    lock: planLock(snapshot.lock),
    email: planForwards(domain, snapshot.email, information.emailForwarding),
    idProtection: planIdProtection(information.idProtection),
    glue: glueHints(domain, snapshot.nameservers, dns.declare ? dns.value.records : []),
  };
}
