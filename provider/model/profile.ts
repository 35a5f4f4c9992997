// Which reseller account a resource talks to. A program may manage domains of several accounts;
// each resource names a credentials profile from the secret stack config `domainsreseller:profiles`
// (never the credentials themselves: those are no resource's input and never in state).
import { z } from "zod";

export const profileSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'must name a credentials profile of domainsreseller:profiles: letters, digits, "-" and "_" (for example "eu-account")',
  })
  .optional();
