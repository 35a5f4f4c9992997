// The package's read functions: the plain layer (fetch*, for scripts) and the Pulumi layer (get*,
// checkAvailability: Outputs, credentials from stack config). docs/functions/README.md lists them.
export { fetchDomainInfo, fetchEppCode, fetchAvailability, fetchPricing, fetchCreditBalance, fetchTlds } from "./read";
export type { DomainInfo, Availability, Pricing, YearPrice, CreditBalance, ClientSource, Credentials } from "./read";
export { getDomainInfo, getEppCode, checkAvailability, getPricing, getCreditBalance, getTlds } from "./pulumi";
export type { FunctionOptions } from "./options";
