// diff for Domain. The name (and the profile: whose account) is the registration's identity, so a
// change replaces, but a replace of a registration is never what anyone wants silently: it would
// order or adopt another domain and drop this one. `replaceRefusal` says so, and the runtime
// refuses the replace with it. Order-time fields never update a registration after it exists;
// `orderTimeOnly` names them so the runtime can say they were left alone.
import type { ResourceDiff } from "../diff";
import { sameNameservers } from "../nameservers";
import { isUnknown } from "../unknown";
import { diffContacts } from "./contacts";
import { renewalDue } from "./renewal";
import type { DomainInputs } from "./schema";
import type { DomainState } from "./state";

export interface DomainDiff extends ResourceDiff {
  /** Set when `replaces` is not empty and the values are known: why the replace is refused, and what to do. */
  replaceRefusal: string | null;
  /** Paths an update changes: `contacts.registrant.email`, `renewal`, `maxPrice`, … */
  updates: string[];
  /** The declared renewal is due: the update renews (once). */
  renewalDue: boolean;
  /** Order-time fields declared differently from what was applied; never sent again. */
  orderTimeOnly: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sortedKeys = (value: unknown) => (value && typeof value === "object" ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value);

function refusal(olds: DomainState, news: DomainInputs, field: "name" | "profile"): string {
  const onDelete = (olds.onDelete ?? "retain") === "release" ? `released to ${olds.releaseTag ?? "its releaseTag"}` : "kept in the account";
  if (field === "name") {
    return (
      `changing "name" from ${olds.name} to ${news.name} would replace one registration with another (${news.name} ordered or adopted, ${olds.name} dropped from the stack), so it is refused. ` +
      `Declare a new Domain resource for ${news.name} and keep "name" as it was; remove this resource only when you mean to give up ${olds.name} (on delete it is ${onDelete})`
    );
  }
  const name = (p: string | undefined) => (p === undefined ? "the default credentials" : `profile "${p}"`);
  return (
    `changing "profile" from ${name(olds.profile)} to ${name(news.profile)} would manage ${olds.name} through another reseller account, which would order or adopt it there as a new registration, so it is refused. ` +
    `Keep "profile" as it was; to move the domain between accounts, ask your provider, then run \`pulumi state delete\` for this resource and adopt it under the new profile (source: "adopt")`
  );
}

export function diffDomain(olds: DomainState, news: DomainInputs, now: Date): DomainDiff {
  const nameChanged = isUnknown(news.name) || olds.name !== news.name;
  const profileChanged = isUnknown(news.profile) || (olds.profile ?? undefined) !== (news.profile ?? undefined);
  const replaces = [...(nameChanged ? ["name"] : []), ...(profileChanged ? ["profile"] : [])];
  const known = replaces.filter((f) => !isUnknown(news[f as "name" | "profile"]));
  const replaceRefusal = known.length > 0 ? known.map((f) => refusal(olds, news, f as "name" | "profile")).join("; ") : null;

  const updates: string[] = [];
  if (news.contacts !== undefined) {
    if (isUnknown(news.contacts)) updates.push("contacts");
    else updates.push(...diffContacts(news.contacts, olds.contacts ?? {}));
  }
  if (isUnknown(news.renewal) || !same(olds.renewal, news.renewal)) updates.push("renewal");
  if (isUnknown(news.maxPrice) || !same(olds.maxPrice, news.maxPrice)) updates.push("maxPrice");
  if (isUnknown(news.onDelete) || (olds.onDelete ?? "retain") !== (news.onDelete ?? "retain")) updates.push("onDelete");
  if (isUnknown(news.releaseTag) || !same(olds.releaseTag, news.releaseTag)) updates.push("releaseTag");

  // A transfer still pending is not the account's to renew yet; an unknown renewal is decided at apply.
  const due =
    news.renewal !== undefined &&
    !isUnknown(news.renewal) &&
    olds.transferStatus !== "pendingTransfer" &&
    renewalDue({ expiryDate: olds.expiryDate ?? null, now, minDaysRemaining: news.renewal.minDaysRemaining }).due;

  const orderTimeOnly = [
    ...(!same(olds.source, news.source) ? ["source"] : []),
    ...(!same(olds.years, news.years) ? ["years"] : []),
    ...(news.nameservers !== undefined && (isUnknown(news.nameservers) || !sameNameservers(olds.nameserversDeclared ?? [], news.nameservers)) ? ["nameservers"] : []),
    ...(!same(olds.addons, news.addons) ? ["addons"] : []),
    ...(!same(sortedKeys(olds.domainFields), sortedKeys(news.domainFields)) ? ["domainFields"] : []),
  ];

  return {
    changes: replaces.length > 0 || updates.length > 0 || due,
    replaces,
    deleteBeforeReplace: false,
    replaceRefusal,
    updates,
    renewalDue: due,
    orderTimeOnly,
  };
}
