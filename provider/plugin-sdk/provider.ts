import * as pulumi from "@pulumi/pulumi";
import { isInstanceOf, PACKAGE } from "./resource";

/** One credentials profile of `profiles`. */
export interface ProviderProfile {
  endpoint: pulumi.Input<string>;
  username: pulumi.Input<string>;
  apiKey: pulumi.Input<string>;
}

/**
 * Settings of an explicit provider: the stack config keys `domainsreseller:<key>` (docs/credentials.md,
 * docs/safety-rails.md), set per provider instead of per stack. Unset keys fall back to the
 * environment variables, as with stack config.
 */
export interface ProviderArgs {
  /** The API base URL, e.g. "https://my.reseller.example/modules/addons/DomainsReseller/api/index.php". */
  endpoint?: pulumi.Input<string>;
  /** The reseller's WHMCS e-mail. */
  username?: pulumi.Input<string>;
  /** The API key. Stored encrypted. */
  apiKey?: pulumi.Input<string>;
  /** Named credentials for resources with `profile`, as name → { endpoint, username, apiKey }. Stored encrypted. */
  profiles?: pulumi.Input<Record<string, pulumi.Input<ProviderProfile>>>;
  maxConcurrency?: pulumi.Input<number>;
  requestsPerMinute?: pulumi.Input<number>;
  requestTimeoutMs?: pulumi.Input<number>;
  zoneChangeThreshold?: pulumi.Input<number>;
  zoneChangeMinRecords?: pulumi.Input<number>;
  maxChargePerRun?: pulumi.Input<number>;
  maxDeletesPerRun?: pulumi.Input<number>;
  /** Consent to a run's deletions, "N:checksum", copied from the refusal that printed it. */
  allowDeletes?: pulumi.Input<string>;
  /** Consents to retry an unsettled renewal, each "domain@sentAt". */
  retryRenewal?: pulumi.Input<pulumi.Input<string>[]>;
  /** Consents to retry an unsettled registration or transfer, each "domain@sentAt". */
  retryOrder?: pulumi.Input<pulumi.Input<string>[]>;
}

const SECRETS = ["apiKey", "profiles"] as const;

/**
 * Every value as the string its stack config key would hold: provider config reaches the plugin the
 * way stack config does, so numbers and objects are JSON text (as generated SDKs send them) and
 * lists are comma-separated (as the consent keys are written in config).
 */
function configInputs(args: ProviderArgs): pulumi.Inputs {
  const inputs: pulumi.Inputs = {};
  for (const [key, value] of Object.entries(args) as [keyof ProviderArgs, unknown][]) {
    if (value === undefined) continue;
    const text = pulumi.output(value).apply((v) => (v === undefined ? undefined : typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : JSON.stringify(v)));
    inputs[key] = (SECRETS as readonly string[]).includes(key) ? pulumi.secret(text) : text;
  }
  return inputs;
}

/**
 * An explicit `domainsreseller` provider: another account or other limits for the resources given
 * it in `opts.provider`. Without one, resources use the default provider and the stack config.
 */
export class Provider extends pulumi.ProviderResource {
  static readonly __pulumiType = PACKAGE;

  static override isInstance(obj: unknown): obj is Provider {
    return isInstanceOf(obj, `pulumi:providers:${Provider.__pulumiType}`);
  }

  constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
    // The credentials are secret in the provider's state too, not only in its inputs.
    super(PACKAGE, name, configInputs(args ?? {}), pulumi.mergeOptions(opts, { additionalSecretOutputs: [...SECRETS] }));
  }
}
