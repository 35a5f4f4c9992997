// The plain layer: async functions over an explicit client or credentials, returning JSON-clean
// data. No Pulumi here, so scripts, tests and CI checks can use them without a stack.
export { fetchDomainInfo, fetchEppCode, type DomainInfo } from "./domain";
export { toDomainInfo } from "./domainInfo";
export { fetchAvailability, type Availability } from "./availability";
export { fetchPricing, type Pricing, type YearPrice } from "./pricing";
export { fetchCreditBalance, fetchTlds, type CreditBalance } from "./account";
export { clientOf, type ClientSource, type Credentials, type CallingClient } from "./source";
