// The read functions for Pulumi programs: each returns an Output, resolves its credentials from the
// options, the stack config and the environment (see options.ts), and runs the plain function of
// the same job. Results hold no credential, so they are made non-secret again, unless an argument
// was secret (then so is the result) or the result is the EPP code (always secret).
import * as pulumi from "@pulumi/pulumi";
import type { Settings } from "../runtime/settings";
import { readCreditBalance, readTlds, type CreditBalance } from "./account";
import { domainArgument, domainListArgument, pricingArgument } from "./arguments";
import { readAvailability, type Availability } from "./availability";
import { readDomainInfo, readEppCode, type DomainInfo } from "./domain";
import { asRunError, checkOptions, settingsFor, type FunctionOptions } from "./options";
import { readPricing, type Pricing } from "./pricing";

/**
 * Runs `work` once the settings and the argument are known. The result is secret exactly when the
 * argument is: the settings' secrecy (the API key) is not the result's.
 */
function read<A, T>(fn: string, opts: FunctionOptions | undefined, argument: pulumi.Input<A>, work: (settings: Settings, argument: pulumi.Unwrap<A>) => Promise<T>): pulumi.Output<T> {
  checkOptions(fn, opts ?? {});
  const settings = settingsFor(fn, opts ?? {});
  const arg = pulumi.output(argument);
  const result = pulumi.unsecret(pulumi.all([settings, arg]).apply(([s, a]) => work(s as Settings, a as pulumi.Unwrap<A>).catch(asRunError)));
  return pulumi.all([result, arg]).apply(([value]) => value as T);
}

/** A plain string argument is checked at the call; one from an Output when it is known. */
function checkNow<A>(value: pulumi.Input<A>, check: (value: A) => unknown): void {
  if (!pulumi.Output.isInstance(value) && !(value instanceof Promise)) check(value as A);
}

/** Registration details of a domain of the account (see docs/functions/get-domain-info.md). */
export function getDomainInfo(name: pulumi.Input<string>, opts?: FunctionOptions): pulumi.Output<DomainInfo> {
  checkNow(name, (n) => domainArgument("getDomainInfo", "name", n));
  return read("getDomainInfo", opts, name, (settings, n) => readDomainInfo("getDomainInfo", settings, n));
}

/**
 * The EPP code of a domain of the account, always as a secret Output (null when the registrar
 * e-mails it to the registrant instead). See docs/functions/get-epp-code.md.
 */
export function getEppCode(name: pulumi.Input<string>, opts?: FunctionOptions): pulumi.Output<string | null> {
  checkNow(name, (n) => domainArgument("getEppCode", "name", n));
  return pulumi.secret(read("getEppCode", opts, name, (settings, n) => readEppCode("getEppCode", settings, n)));
}

/** Whether each name can be registered (see docs/functions/check-availability.md). */
export function checkAvailability(names: pulumi.Input<pulumi.Input<string>[]>, opts?: FunctionOptions): pulumi.Output<Availability[]> {
  if (Array.isArray(names) && names.every((n) => typeof n === "string")) domainListArgument("checkAvailability", "names", names);
  return read("checkAvailability", opts, names, (settings, list) => readAvailability("checkAvailability", settings, list as string[]));
}

/** Prices of a TLD, plus the cart quotes of a full name (see docs/functions/get-pricing.md). */
export function getPricing(tld: pulumi.Input<string>, opts?: FunctionOptions): pulumi.Output<Pricing> {
  checkNow(tld, (t) => pricingArgument("getPricing", "tld", t));
  return read("getPricing", opts, tld, (settings, t) => readPricing("getPricing", settings, t));
}

/** The reseller credit balance (see docs/functions/get-credit-balance.md). */
export function getCreditBalance(opts?: FunctionOptions): pulumi.Output<CreditBalance> {
  return read("getCreditBalance", opts, null, (settings) => readCreditBalance("getCreditBalance", settings));
}

/** The TLDs the reseller sells (see docs/functions/get-tlds.md). */
export function getTlds(opts?: FunctionOptions): pulumi.Output<string[]> {
  return read("getTlds", opts, null, (settings) => readTlds("getTlds", settings));
}
