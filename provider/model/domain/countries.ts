// ISO 3166-1 alpha-2: the 249 officially assigned country codes, the only ones registries take in a
// contact's country. Built in rather than asked of Intl, whose region names also answer for codes
// ISO has not assigned (XK) and for macro-regions, so a typo would pass here and fail at the registry.
const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
  "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
  "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
  "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
  "LA LB LC LI LK LR LS LT LU LV LY " +
  "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
  "NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
  "RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
  "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
  "VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(" "));

// Codes people write that ISO does not use for that country: the message names the right one.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  UK: 'the United Kingdom is "GB"',
  EL: 'Greece is "GR" (EL is the EU\'s own code)',
  XK: "Kosovo has no ISO 3166 code; ask your provider which code its registry takes",
};

/** The upper-case ISO code for `input` (any case, trimmed), or a message saying why it is not one. */
export function canonicalCountry(input: string): { ok: true; code: string } | { ok: false; message: string } {
  const code = input.trim().toUpperCase();
  if (COUNTRY_CODES.has(code)) return { ok: true, code };
  const hint = LOOK_ALIKES[code];
  return {
    ok: false,
    message: `must be an ISO 3166-1 alpha-2 country code such as "GB", "US" or "DE"; ${JSON.stringify(input)} is not one${hint ? ` (${hint})` : ""}`,
  };
}
