// The read functions as plugin invokes (`domainsreseller:index:<function>`), over the same plain
// functions as the Pulumi-program layer (provider/functions), with the credentials the provider
// was configured with (or a profile's). A result that is not an object is wrapped in one, since an
// invoke answers a Struct: getEppCode → { eppCode }, checkAvailability → { results }, getTlds → { tlds }.
import { readCreditBalance, readTlds } from "../functions/account";
import { readAvailability } from "../functions/availability";
import { readDomainInfo, readEppCode } from "../functions/domain";
import { readPricing } from "../functions/pricing";
import { resolveSettings, type Settings } from "../runtime/settings";
import { PACKAGE } from "./tokens";
import type { Props } from "./values";

type Invoke = (settings: Settings, args: Props) => Promise<Props>;

// The plain functions check their arguments themselves and name them in their errors.
const FUNCTIONS: Record<string, Invoke> = {
  getDomainInfo: async (s, a) => ({ ...(await readDomainInfo("getDomainInfo", s, a.name as string)) }),
  getEppCode: async (s, a) => ({ eppCode: await readEppCode("getEppCode", s, a.name as string) }),
  checkAvailability: async (s, a) => ({ results: await readAvailability("checkAvailability", s, a.names as string[]) }),
  getPricing: async (s, a) => ({ ...(await readPricing("getPricing", s, a.tld as string)) }),
  getCreditBalance: async (s) => ({ ...(await readCreditBalance("getCreditBalance", s)) }),
  getTlds: async (s) => ({ tlds: await readTlds("getTlds", s) }),
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

export async function invoke(token: string, args: Props): Promise<Props> {
  const prefix = `${PACKAGE}:index:`;
  const name = token.startsWith(prefix) ? token.slice(prefix.length) : undefined;
  const run = name !== undefined && Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (run === undefined) throw new Error(`the ${PACKAGE} provider has no function "${token}"; its functions are ${FUNCTION_NAMES.map((n) => prefix + n).join(", ")}.`);
  const profile = typeof args.profile === "string" ? args.profile : undefined;
  return run(resolveSettings(profile), args);
}
