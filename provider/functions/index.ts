// The package's read functions: the plain layer (fetch*, for scripts) and the Pulumi layer (get*,
// checkAvailability: Outputs, credentials from stack config). docs/functions/README.md lists them.
// Each from its own module, not through read.ts: what this file reaches is what a program's type
// check loads, and read.ts also exports the client-typed helpers (clientSource.ts says why).
export { fetchDomainInfo, fetchEppCode, type DomainInfo } from "./domain";
export { fetchAvailability, type Availability } from "./availability";
export { fetchPricing, type Pricing, type YearPrice } from "./pricing";
export { fetchCreditBalance, fetchTlds, type CreditBalance } from "./account";
export type { ClientSource, Credentials } from "./clientSource";
export { getDomainInfo, getEppCode, checkAvailability, getPricing, getCreditBalance, getTlds } from "./pulumi";
export type { FunctionOptions } from "./options";
