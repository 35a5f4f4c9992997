/**
 * One error class for every handler (after Hono's HTTPException): handlers throw, and one place
 * (app.ts) turns it into `{"error": message}` with the status. Anything else thrown becomes a
 * 500 with a fixed message, so no stack trace reaches a client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 400 with a message that names the field. */
export const invalid = (message: string) => new ApiError(400, message);

/**
 * Not found and not yours look the same, so one reseller cannot probe another's domains. The
 * status is 404 unless the admin behaviour `unknownDomainStatus` says otherwise (200, 400, 500);
 * 200 still carries the error body, as pass-through servers answer (reference §2.5).
 */
export const DOMAIN_NOT_FOUND = "Domain not found";
export const domainNotFound = (status = 404) => new ApiError(status, DOMAIN_NOT_FOUND);

export const INSUFFICIENT_CREDIT = "Reseller does not have enough credits on his account";
export const INTERNAL_ERROR = "Internal emulator error";
