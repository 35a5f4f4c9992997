// The pure model of Domain, the resource that costs money: inputs (schema), canonical contacts and
// their two API shapes, price quotes and the refusals before an order, when a renewal is due, what
// create does and the exact order it sends, the state and the diff. Nothing here does I/O; the
// runtime reads the account, asks this what to do, and sends what it decided.
export { DOMAIN_SOURCES, domainInputsSchema, type DomainInputs, type DomainSource } from "./schema";
export { CONTACT_FIELDS, CONTACT_ROLES, canonicalLiveValue, contactSchema, contactsSchema, type Contact, type ContactField, type ContactRole, type Contacts } from "./contact";
export { contactsFromLive, contactsToSaveParams, diffContacts, orderContact, orderContacts, type ContactSections } from "./contacts";
export { callingCode, canonicalPhone, type PhoneOutcome } from "./phone";
export { COUNTRY_CODES, canonicalCountry } from "./countries";
export { centsOfNumber, formatCents, hasWholeCents, parseCents, withCurrency, type Rounding } from "./money";
export { chargeNotice, checkQuote, quoteFor, type ChargeNoticeFacts, type Quote, type QuoteCheck, type QuoteKind, type QuoteOutcome, type QuoteRequest } from "./quote";
export { REGISTRY_CHECK_DAYS, registryQuestion, type RegistryFacts } from "./registryQuestion";
export { afterAmbiguousRenewal, expiryDay, renewalDue, retryConsent, settleRenewal, type RenewalDecision, type UnsettledRenewal, type UnsettledVerdict } from "./renewal";
export { decideCreate, orderParams, type CreateDecision, type CreateFacts, type OrderParams } from "./order";
export { dayOf, domainState, inputsOfState, transferStatusOf, type DomainLive, type DomainState, type StateParts, type TransferFacts, type TransferStatus } from "./state";
export { diffDomain, type DomainDiff } from "./diff";
export { retryOrderConsent, unrecordedOrderMessage, unsettledOrderMessage, type UnsettledOrder } from "./unsettledOrder";
