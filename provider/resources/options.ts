// Resource options every kind's class applies on top of the user's own.
import type * as pulumi from "@pulumi/pulumi";

/**
 * The user's options plus the kind's secret outputs. Pulumi encrypts an output only when an input
 * of the same name was secret; values the API hands out (EPP codes) need `additionalSecretOutputs`,
 * since a dynamic provider cannot return `pulumi.secret` values itself.
 */
export function withSecretOutputs(secretOutputs: readonly string[], opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions | undefined {
  if (secretOutputs.length === 0) return opts;
  const merged = new Set([...(opts?.additionalSecretOutputs ?? []), ...secretOutputs]);
  return { ...opts, additionalSecretOutputs: [...merged] };
}
