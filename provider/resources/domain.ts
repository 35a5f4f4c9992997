import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { withSecretOutputs } from "./options";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

/** A contact as registries hold it. */
export interface DomainContact {
  /** Given name. */
  firstName: pulumi.Input<string>;
  /** Family name. */
  lastName: pulumi.Input<string>;
  /** Organisation, when the registrant is one. */
  companyName?: pulumi.Input<string>;
  /** E-mail address; registries send verification mail here. */
  email: pulumi.Input<string>;
  /** Phone number with its country code, e.g. "+44.2071234567" (spaces are accepted). */
  phone: pulumi.Input<string>;
  /** First address line. */
  address1: pulumi.Input<string>;
  /** Second address line. */
  address2?: pulumi.Input<string>;
  /** City. */
  city: pulumi.Input<string>;
  /** State, county or region. */
  state: pulumi.Input<string>;
  /** Postcode. */
  postcode: pulumi.Input<string>;
  /** ISO 3166 alpha-2 country code, e.g. "GB". */
  country: pulumi.Input<string>;
}

/** The contacts of a registration; `registrant` is required to register. */
export interface DomainContacts {
  /** The registrant (owner). A change is one contact save; on some TLDs a registrant change is a paid trade. */
  registrant?: pulumi.Input<DomainContact>;
  /** The administrative contact. */
  admin?: pulumi.Input<DomainContact>;
  /** The technical contact. */
  tech?: pulumi.Input<DomainContact>;
  /** The billing contact. */
  billing?: pulumi.Input<DomainContact>;
}

export interface DomainArgs {
  /** The domain name (any letter case; IDNs in Unicode or punycode). Changing it would be another registration: refused. */
  name: pulumi.Input<string>;
  /** "register" (order a new registration), "transfer" (order a transfer in, with `eppCode`) or "adopt" (take over a domain already in the account; never orders). A domain already in the account is adopted whatever the source. */
  source: pulumi.Input<"register" | "transfer" | "adopt">;
  /** Years to register or transfer (as the TLD allows). Required for register and transfer, and never defaulted: it decides the price. */
  years?: pulumi.Input<number>;
  /** The transfer authorisation code. Transfer only. Stored encrypted (a secret, in its input and in the state), so it never shows in plain text nor as a change on refresh. */
  eppCode?: pulumi.Input<string>;
  /** 2 to 5 nameservers for the order. Order time only: afterwards a `Nameservers` resource owns the delegation. */
  nameservers?: pulumi.Input<pulumi.Input<string>[]>;
  /** The contacts; compared with the registrar's on refresh (drift shows as `contacts.registrant.email`). */
  contacts?: pulumi.Input<DomainContacts>;
  /** Add-ons to order with the domain (order time only). */
  addons?: pulumi.Input<{ dnsManagement?: pulumi.Input<boolean>; emailForwarding?: pulumi.Input<boolean>; idProtection?: pulumi.Input<boolean> }>;
  /** TLD-specific registration fields (e.g. for .uk or .us), as name → value. Order time only. */
  domainFields?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Declared renewal: when the expiry is within `minDaysRemaining` days (seen on refresh), `up` renews `years` once. Without it nothing is ever renewed here. */
  renewal?: pulumi.Input<{ minDaysRemaining: pulumi.Input<number>; years: pulumi.Input<number> }>;
  /** The most an order or renewal may cost (in the account's currency); a quote above it is refused before anything is ordered. */
  maxPrice?: pulumi.Input<number>;
  /** "retain" (default): deleting the resource leaves the registration in the account. "release": deleting it releases the domain to `releaseTag`. */
  onDelete?: pulumi.Input<"retain" | "release">;
  /** The registrar tag (e.g. a Nominet IPS tag) to release to when `onDelete` is "release". */
  releaseTag?: pulumi.Input<string>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
}

/**
 * A registration in your reseller account: registered, transferred in, or adopted as it is. This is
 * the resource that costs money. An order is sent at most once, its price is quoted in the preview
 * and checked against `maxPrice` and the account's credit before anything is ordered, a lost answer
 * is settled by reading the account, and nothing is renewed unless `renewal` says so. Deleting it
 * never deletes a registration.
 */
export class Domain extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly name: pulumi.Output<string>;
  /** The registration status as the registrar reports it (e.g. "Active", "Pending Transfer", "Expired"). */
  declare readonly status: pulumi.Output<string | null>;
  /** The expiry date as the registrar reports it (YYYY-MM-DD). */
  declare readonly expiryDate: pulumi.Output<string | null>;
  /** The registrar lock (see `RegistrarLock` to manage it). */
  declare readonly locked: pulumi.Output<boolean | null>;
  /** ID protection (see `IdProtection` to manage it); null when the server does not say. */
  declare readonly idProtection: pulumi.Output<boolean | null>;
  /** Whether the DNS-management add-on is active; null when the server does not say. */
  declare readonly dnsManagement: pulumi.Output<boolean | null>;
  /** Whether the e-mail forwarding add-on is active; null when the server does not say. */
  declare readonly emailForwarding: pulumi.Output<boolean | null>;
  /** The nameservers in force, as live (the `nameservers` input is used only when ordering). */
  declare readonly nameservers: pulumi.Output<string[]>;
  /** The last price quoted for an order or renewal: `{ kind, years, amount, currency }`. */
  declare readonly lastQuote: pulumi.Output<{ kind: string; years: number; amount: string; currency: string } | null>;
  /** "pendingTransfer", "active" or "failed" for a transfer; null otherwise. */
  declare readonly transferStatus: pulumi.Output<string | null>;
  /** The registry's reason when a transfer failed. */
  declare readonly transferFailureReason: pulumi.Output<string | null>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      status: undefined, expiryDate: undefined, locked: undefined, idProtection: undefined, dnsManagement: undefined, emailForwarding: undefined,
      lastQuote: undefined, transferStatus: undefined, transferFailureReason: undefined,
      ...args,
      // Encrypted in state even when the program passes a plain string.
      ...(args.eppCode !== undefined ? { eppCode: pulumi.secret(args.eppCode) } : {}),
      [CLAIM_KEY]: checkClaim("Domain", name, { domain: args.name, profile: args.profile }),
    };
    const inputs = dynamicInputs("Domain", props);
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("Domain"), name, inputs, withSecretOutputs(["eppCode"], opts));
    } finally {
      restore();
    }
    declared("Domain", name);
  }
}
