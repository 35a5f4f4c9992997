// The ids a resource is imported by (`pulumi import domainsreseller:index:<Kind> <name> <id>`):
// the domain name for every kind but PrivateNameserver. Checked before any request, so a typo
// costs no API call and the error names the form expected.
import { canonicalDomainName } from "../model/domainName";

/** The canonical domain an import id names, or an error saying what the id must be. */
export function importedDomain(kind: string, id: string): string {
  const domain = canonicalDomainName(id);
  if (domain === undefined) {
    throw new Error(`${kind} cannot be imported by the id ${JSON.stringify(id)}: the id is the domain name, such as "example.com".`);
  }
  return domain;
}
