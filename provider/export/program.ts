// The exported Pulumi program (index.ts): per domain, every resource with its setting as read,
// each resource left out with a comment saying why. Deterministic: the same account state gives
// the same text, so exporting again shows only what changed in the account.
import { commentLines, tsString } from "./escape";
import { CONTACT_ROLES, type Contact } from "../model/domain/contact";
import { shareContacts } from "./contactNames";
import { Code, inline, literal, type Literal } from "./literal";
import type { DomainExport } from "./plan";
import type { Planned } from "./settings";

const RULE = "─".repeat(60);

function statement(kind: string, name: string, args: Literal): string {
  const head = `new ${kind}(${tsString(name)}, `;
  return `${head}${literal(args, "", head.length)});`;
}

function skipped<T>(kind: string, planned: Planned<T>): string[] {
  return planned.declare ? [] : commentLines(`${kind} not declared: ${planned.reason}.`);
}

const noteOf = <T>(planned: Planned<T>): string[] => (planned.declare && planned.note ? commentLines(`Note: ${planned.note}.`) : []);

function domainBlock(e: DomainExport, contactRef: (contact: Contact) => string): { lines: string[]; used: Set<string> } {
  const used = new Set<string>(["Domain"]);
  const lines: string[] = [`// ${e.domain} ${RULE.slice(e.domain.length)}`];
  // Domain: adopt, with the contacts that read back as declared.
  for (const left of e.contacts.leftOut) lines.push(...commentLines(`contacts.${left.role} left out (not managed): ${left.reason}.`));
  if (!e.contacts.declare && e.contacts.leftOut.length === 0) lines.push(...commentLines(`contacts left out (not managed): ${e.contacts.reason}.`));
  const declared = e.contacts.declare ? e.contacts.value : {};
  const refs = Object.fromEntries(CONTACT_ROLES.flatMap((role) => (declared[role] ? [[role, new Code(contactRef(declared[role]))]] : [])));
  const contacts = Object.keys(refs).length > 0 ? refs : undefined;
  lines.push(statement("Domain", e.names.domain, { name: e.domain, source: "adopt", ...(contacts ? { contacts } : {}) }));

  if (e.dns.declare) {
    used.add("DnsRecordSet").add("loadZoneFile");
    const zone = e.dns.value;
    if (zone.mode === "merge") {
      lines.push(...commentLines(`DNS in merge mode: ${zone.leftOut.length} live row${zone.leftOut.length === 1 ? "" : "s"} cannot be declared as ${zone.leftOut.length === 1 ? "it is" : "they are"} and stay${zone.leftOut.length === 1 ? "s" : ""} in the zone unmanaged (listed in ${zone.file}).`));
    }
    lines.push(...noteOf(e.dns));
    lines.push(`new DnsRecordSet(${tsString(e.names.dns)}, { domain: ${tsString(e.domain)}, ...loadZoneFile(${tsString(zone.file)}, { domain: ${tsString(e.domain)} }) });`);
  } else lines.push(...skipped("DnsRecordSet", e.dns));

  if (e.nameservers.declare) {
    used.add("Nameservers");
    lines.push(statement("Nameservers", e.names.nameservers, { domain: e.domain, nameservers: e.nameservers.value }));
  } else lines.push(...skipped("Nameservers", e.nameservers));

  if (e.lock.declare) {
    used.add("RegistrarLock");
    lines.push(statement("RegistrarLock", e.names.lock, { domain: e.domain, locked: e.lock.value }));
  } else lines.push(...skipped("RegistrarLock", e.lock));

  if (e.email.declare) {
    used.add("EmailForwarding");
    lines.push(...noteOf(e.email));
    lines.push(statement("EmailForwarding", e.names.email, { domain: e.domain, forwards: e.email.value.map((f) => ({ from: f.from, to: f.to })) }));
  } else lines.push(...skipped("EmailForwarding", e.email));

  if (e.idProtection.declare) {
    used.add("IdProtection");
    lines.push(statement("IdProtection", e.names.idProtection, { domain: e.domain, enabled: e.idProtection.value }));
  } else lines.push(...skipped("IdProtection", e.idProtection));

  lines.push(...glueLines(e));
  return { lines, used };
}

function glueLines(e: DomainExport): string[] {
  const why = "the API has no route that lists private (glue) nameservers, so none could be read, and declaring one sends a registration call on `up`";
  if (e.glue.length === 0) return commentLines(`PrivateNameserver: none exported: ${why}.`);
  const lines = commentLines(
    `PrivateNameserver: none declared: ${why} (refused as already registered, then adopted). ` +
      `${e.glue.map((g) => g.host).join(", ")} ${e.glue.length === 1 ? "is a nameserver" : "are nameservers"} of this domain inside it; ` +
      "if the registry holds glue for them, uncomment (and import PrivateNameserver), checking the address:",
  );
  for (const g of e.glue) {
    // One line, so uncommenting it is one keystroke.
    lines.push(`// new PrivateNameserver(${tsString(e.names.glue(g.host))}, ${inline({ domain: e.domain, host: g.host, ip: g.ip ?? "ADDRESS" })});`);
  }
  return lines;
}

const IMPORT_ORDER = ["DnsRecordSet", "Domain", "EmailForwarding", "IdProtection", "loadZoneFile", "Nameservers", "RegistrarLock"];

function contactConstants(shared: ReturnType<typeof shareContacts>["shared"]): string[] {
  if (shared.length === 0) return [];
  const lines = commentLines("Contacts as the registrar holds them, declared once each and shared by the domains below. A contact left out of a domain is not managed there (its comment says why).");
  for (const s of shared) lines.push(`const ${s.identifier} = ${literal(s.contact as unknown as Literal, "", s.identifier.length + 9)};`);
  return [...lines, ""];
}

export function renderProgram(exports: readonly DomainExport[]): string {
  const all = exports.flatMap((e) => (e.contacts.declare ? CONTACT_ROLES.flatMap((role) => (e.contacts.declare && e.contacts.value[role] ? [e.contacts.value[role]] : [])) : []));
  const contacts = shareContacts(all);
  const blocks = exports.map((e) => domainBlock(e, contacts.identifierOf));
  const used = new Set(blocks.flatMap((b) => [...b.used]));
  const names = exports.map((e) => e.domain);
  const header = [
    ...commentLines(`Exported by \`domainsreseller export\` from the live state of ${names.length === 1 ? "1 domain" : `${names.length} domains`}: ${names.join(", ")}.`),
    ...commentLines(
      "Every resource declares its setting as it is now, so the first `pulumi up` adopts each one and writes nothing, and " +
        "`pulumi preview --refresh --expect-no-changes` then passes until something changes in the account. Review it before that " +
        "first `up` (see docs/adopting.md in pulumi-domainsreseller); afterwards, edit what you want managed differently.",
    ),
  ];
  const imports = `import { ${IMPORT_ORDER.filter((n) => used.has(n)).join(", ")} } from "pulumi-domainsreseller";`;
  return [...header, imports, "", ...contactConstants(contacts.shared), blocks.map((b) => b.lines.join("\n")).join("\n\n"), ""].join("\n");
}
