// The public surface of the client: explicit exports only. Match errors on `code`, not on messages.
export { DomainsResellerClient, type ClientStats } from "./client";
export { DEFAULTS, type ClientOptions, type TracedRequest } from "./options";
export { DomainsResellerError, ERROR_CODES, isDomainsResellerError, isHttpNotFound, withoutAdvice, type DomainsResellerErrorCode } from "./errors";
export { routes, routeNames, isRouteName, type RouteDef, type RouteName, type RouteParams, type RouteResult, type Safety } from "./routes";
export { signToken, hourStamp } from "./sign";
export { buildForm, phpUrlencode, type FormValue } from "./php-form";
export { phpSerialize, encodeDomainFields, type PhpValue } from "./php-serialize";
export { parseEndpoint, normalizeDomain } from "./endpoint";
export { systemClock, type Clock } from "./clock";
