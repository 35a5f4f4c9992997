// DNS as code, reviewed in pull requests: each zone lives in zones/<domain>.yaml, and this program
// only says which domains there are and how they are delegated and locked. A change to a zone is a
// change to its file; .github/workflows/ preview it on the pull request, apply it on merge and check
// for drift every night. Written against the emulator's seeded domains (README.md); replace the
// names and the nameservers with your own to use it for real.
import { DnsRecordSet, Nameservers, RegistrarLock, loadZoneFile, type DnsRecordSetArgs } from "pulumi-domainsreseller";

// The registrar's DNS, which serves the zone files below: each domain must be delegated to it, or
// the records are published where nobody looks. (The emulator's; your reseller's are in its panel.)
const registrarDns = ["ns1.emulator.test", "ns2.emulator.test"];

/**
 * The zone of `domain`, from zones/<domain>.yaml (loading fails if the file names another domain).
 * A large change is refused in the plan until it is consented to here, in the same pull request:
 * zone("acme-shop.io", { allowChanges: { changes: 12, checksum: "3f9a1c2e" } }), as the refusal prints.
 */
function zone(domain: string, options: Pick<DnsRecordSetArgs, "allowChanges"> = {}): DnsRecordSet {
  return new DnsRecordSet(`${domain}-zone`, { domain, ...loadZoneFile(`zones/${domain}.yaml`, { domain }), ...options });
}

zone("acme-shop.io");
new Nameservers("acme-shop.io-ns", { domain: "acme-shop.io", nameservers: registrarDns });
new RegistrarLock("acme-shop.io-lock", { domain: "acme-shop.io", locked: true });

// .co.uk has no registrar lock (Nominet offers none), so no RegistrarLock here.
zone("acme-widgets.co.uk");
new Nameservers("acme-widgets.co.uk-ns", { domain: "acme-widgets.co.uk", nameservers: registrarDns });
