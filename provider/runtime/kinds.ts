// Every resource kind the provider process knows, in one place. The serialized shims name a kind
// by this key; state written by an older package finds its kind here by the same name.
import type { ResourceKind } from "./kind";
import { dnsRecordSet } from "./dnsRecordSet";
import { domain } from "./domain/kind";
import { emailForwarding } from "./emailForwarding";
import { idProtection } from "./idProtection";
import { nameservers } from "./nameservers";
import { privateNameserver } from "./privateNameserver";
import { registrarLock } from "./registrarLock";
import { stackGuard } from "./stackGuard";

// The registry holds kinds of different input and state types; each is type-checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = ResourceKind<any, any>;

export const kinds: Record<string, AnyKind> = {
  RegistrarLock: registrarLock,
  Domain: domain,
  DnsRecordSet: dnsRecordSet,
  Nameservers: nameservers,
  EmailForwarding: emailForwarding,
  IdProtection: idProtection,
  PrivateNameserver: privateNameserver,
  StackGuard: stackGuard,
};

export function kindNamed(name: string): AnyKind {
  const kind = Object.prototype.hasOwnProperty.call(kinds, name) ? kinds[name] : undefined;
  if (!kind) throw new Error(`pulumi-domainsreseller: unknown resource kind "${name}"; upgrade the package to the version that wrote this state.`);
  return kind;
}
