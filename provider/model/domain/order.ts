// What create does, and the exact order it sends. A domain already in the account is adopted
// whatever the source: ordering what the account holds would pay twice (a register fails at best,
// a transfer or renewal may bill). Only a name the account does not hold is ever ordered.
import type { DomainInputs, DomainSource } from "./schema";
import { orderContacts } from "./contacts";

export type CreateDecision = { action: "adopt" } | { action: "order" } | { action: "refuse"; reason: string };

export interface CreateFacts {
  name: string;
  source: DomainSource;
  /** The account holds the domain (information answers for it). */
  inAccount: boolean;
  /** The lookup's answer for the name; undefined when it did not say (the registry then decides). */
  available?: boolean | undefined;
}

export function decideCreate({ name, source, inAccount, available }: CreateFacts): CreateDecision {
  if (inAccount) return { action: "adopt" };
  if (source === "adopt") {
    return {
      action: "refuse",
      reason: `${name} is not in the reseller account, so it cannot be adopted (adopt never orders): check the name and the profile, or set source: "register" (a new registration) or "transfer" (with its eppCode) to order it`,
    };
  }
  if (source === "register" && available === false) {
    return {
      action: "refuse",
      reason: `${name} is already registered (not in this account), so it cannot be registered: choose another name, or, if it is yours at another registrar, set source: "transfer" with its eppCode`,
    };
  }
  if (source === "transfer" && available === true) {
    return {
      action: "refuse",
      reason: `${name} is not registered anywhere, so there is nothing to transfer: set source: "register" to register it`,
    };
  }
  return { action: "order" };
}

/** The register/transfer params in the client's wire names (routes.register / routes.transfer). */
export interface OrderParams {
  domain: string;
  regperiod: number;
  domainFields?: Record<string, string>;
  /** All three always sent, 0 when not declared: a server default must never add a paid add-on. */
  addons: { dnsmanagement: 0 | 1; emailforwarding: 0 | 1; idprotection: 0 | 1 };
  nameservers: Record<string, string>;
  contacts: ReturnType<typeof orderContacts>;
  eppcode?: string;
}

const bit = (on: boolean | undefined): 0 | 1 => (on === true ? 1 : 0);

export function orderParams(inputs: DomainInputs): OrderParams {
  // The schema makes these unreachable; the guards keep a refactor from ordering what it must not.
  if (inputs.source === "adopt") throw new Error(`orderParams: ${inputs.name} has source "adopt", which never orders`);
  if (inputs.years === undefined) throw new Error(`orderParams: ${inputs.name} has no years; an order is never given a default period`);
  // Both are required parameters of register and transfer alike (reference §4.1-4.2).
  if (inputs.nameservers === undefined) throw new Error(`orderParams: ${inputs.name} has no nameservers; a ${inputs.source} order needs ns1 and ns2`);
  if (inputs.contacts?.registrant === undefined) throw new Error(`orderParams: ${inputs.name} has no registrant; a ${inputs.source} order needs one`);
  const transfer = inputs.source === "transfer";
  return {
    domain: inputs.name,
    regperiod: inputs.years,
    ...(inputs.domainFields !== undefined ? { domainFields: { ...inputs.domainFields } } : {}),
    addons: { dnsmanagement: bit(inputs.addons?.dnsManagement), emailforwarding: bit(inputs.addons?.emailForwarding), idprotection: bit(inputs.addons?.idProtection) },
    nameservers: Object.fromEntries(inputs.nameservers.map((host, i) => [`ns${i + 1}`, host])),
    contacts: orderContacts(inputs.contacts),
    ...(transfer && inputs.eppCode !== undefined ? { eppcode: inputs.eppCode } : {}),
  };
}
