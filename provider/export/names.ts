// Names in an exported project: one resource name per setting of a domain, derived from the
// domain alone so that exporting again (or another domain) never renames a resource in state,
// and the files the program reads. Domain names are already safe here (letters, digits, hyphens,
// dots; IDNs in punycode), so no escaping is needed and the name reads as the domain.

export interface ResourceNames {
  domain: string;
  dns: string;
  nameservers: string;
  lock: string;
  email: string;
  idProtection: string;
  glue(host: string): string;
}

export function resourceNames(domain: string): ResourceNames {
  return {
    domain,
    dns: `${domain}-dns`,
    nameservers: `${domain}-nameservers`,
    lock: `${domain}-lock`,
    email: `${domain}-email`,
    idProtection: `${domain}-id-protection`,
    // A glue host is inside the domain: "ns1.example.com" → "example.com-glue-ns1".
    glue: (host) => `${domain}-glue-${host.endsWith(`.${domain}`) ? host.slice(0, -(domain.length + 1)) : host}`,
  };
}

/** The zone file of `domain`, relative to the project directory (as loadZoneFile reads it). */
export function zoneFilePath(domain: string): string {
  return `zones/${domain}.yaml`;
}

/**
 * A Pulumi project name from a directory name: Pulumi accepts letters, digits, "-", "_" and "."
 * (at most 100); anything else becomes "-", and an empty result falls back to "domains".
 */
export function projectName(dirName: string): string {
  const cleaned = dirName.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 100);
  return cleaned === "" ? "domains" : cleaned;
}
