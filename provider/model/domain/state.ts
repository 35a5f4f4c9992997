// What the engine stores for a Domain: the inputs as applied, plus what the account reports. The
// EPP code, a one-time secret of the transfer, is kept only as Pulumi keeps its input: encrypted
// (the resource marks it an additional secret output), so that a refresh hands the same inputs
// back and never shows the code's absence as a change. Declared nameservers are kept apart
// (`nameserversDeclared`) because `nameservers` is the output: the delegation live now.
import type { Contacts } from "./contact";
import type { Quote } from "./quote";
import type { UnsettledRenewal } from "./renewal";
import type { UnsettledOrder } from "./unsettledOrder";
import { domainInputsSchema, type DomainInputs } from "./schema";

export type TransferStatus = "pendingTransfer" | "active" | "failed" | null;

export type DomainState = Omit<DomainInputs, "nameservers"> & {
  /** The nameservers declared for the order (order time only). */
  nameserversDeclared?: string[];
  /** As the registrar reports it ("Active", "Pending Transfer", "Expired"…). */
  status: string | null;
  expiryDate: string | null;
  /** null when the server does not say: absent is not off. */
  locked: boolean | null;
  idProtection: boolean | null;
  dnsManagement: boolean | null;
  emailForwarding: boolean | null;
  /** The delegation in force, as live. */
  nameservers: string[];
  lastQuote: Quote | null;
  transferStatus: TransferStatus;
  transferFailureReason: string | null;
  /** A renewal sent whose answer was lost and that the account does not show yet: no renewal until it settles. */
  unsettledRenewal?: UnsettledRenewal;
  /** A registration or transfer sent that the account does not show yet: no order again until it settles. */
  unsettledOrder?: UnsettledOrder;
};

/** The information route's answer, as far as the state uses it. */
export interface DomainLive {
  status: string | null;
  expiryDate: string | null;
  transferLock?: boolean | undefined;
  idProtection?: boolean | undefined;
  dnsManagement?: boolean | undefined;
  emailForwarding?: boolean | undefined;
  nameservers: string[];
}

export interface StateParts {
  inputs: DomainInputs;
  live: DomainLive;
  /** The live contacts (contactsFromLive with the declared ones); the declared ones when not read. */
  contacts?: Contacts | undefined;
  lastQuote: Quote | null;
  transferStatus: TransferStatus;
  transferFailureReason?: string | null | undefined;
}

/**
 * The expiry as the documented YYYY-MM-DD: servers answer a date, a datetime ("2027-12-04T00:00:00Z")
 * or WHMCS's "2027-12-04 00:00:00". Anything without a leading date is kept as given.
 */
export function dayOf(text: string | null): string | null {
  const match = text === null ? null : /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  return match?.[1] ?? text;
}

/** The state to store: JSON-clean (no undefined), without the EPP code. */
export function domainState({ inputs, live, contacts, lastQuote, transferStatus, transferFailureReason }: StateParts): DomainState {
  const { nameservers: declared, contacts: declaredContacts, ...kept } = inputs;
  const applied = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) as Omit<DomainInputs, "nameservers" | "contacts">;
  const finalContacts = contacts ?? declaredContacts;
  return {
    ...applied,
    ...(finalContacts !== undefined ? { contacts: finalContacts } : {}),
    ...(declared !== undefined ? { nameserversDeclared: [...declared] } : {}),
    status: live.status,
    expiryDate: dayOf(live.expiryDate),
    locked: live.transferLock ?? null,
    idProtection: live.idProtection ?? null,
    dnsManagement: live.dnsManagement ?? null,
    emailForwarding: live.emailForwarding ?? null,
    nameservers: [...live.nameservers],
    lastQuote,
    transferStatus,
    transferFailureReason: transferStatus === "failed" ? (transferFailureReason ?? null) : null,
  };
}

const INPUT_KEYS = Object.keys(domainInputsSchema.shape) as (keyof DomainInputs)[];

/** The inputs `read` reports for a state: the applied inputs, declared nameservers back under their name, no EPP code. */
export function inputsOfState(state: DomainState): DomainInputs {
  const record = state as unknown as Record<string, unknown>;
  const inputs = Object.fromEntries(INPUT_KEYS.filter((k) => k !== "nameservers" && record[k] !== undefined).map((k) => [k, record[k]]));
  return { ...inputs, ...(state.nameserversDeclared !== undefined ? { nameservers: [...state.nameserversDeclared] } : {}) } as DomainInputs;
}

const squash = (text: string | null | undefined) => (text ?? "").toLowerCase().replace(/[^a-z]/g, "");

export interface TransferFacts {
  /** information's answer; its status says "Pending Transfer" while the registry works. */
  info?: { status: string | null } | undefined;
  /** transfersync's answer, when asked (it is the authority while a transfer is pending). */
  sync?: { status: "completed" | "failed" | "pending" } | undefined;
  previous?: TransferStatus | undefined;
  source?: DomainInputs["source"] | undefined;
}

/** Where a transfer stands; null for a domain that was never transferred in by this resource. */
export function transferStatusOf({ info, sync, previous = null, source }: TransferFacts): TransferStatus {
  if (sync !== undefined) return sync.status === "completed" ? "active" : sync.status === "failed" ? "failed" : "pendingTransfer";
  const status = squash(info?.status);
  if (status === "pendingtransfer") return "pendingTransfer";
  const transferring = previous !== null || source === "transfer";
  if (!transferring) return null;
  if (status === "active") return "active";
  // WHMCS cancels the domain when its transfer fails; once active, a later status is not the transfer's.
  if ((status === "cancelled" || status === "fraud") && previous !== "active") return "failed";
  return previous;
}
