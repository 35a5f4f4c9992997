// The demo stack: the emulator's demo domains, kept under management. `npm run demo` runs it against a
// fresh emulator; point the same program at a real reseller account by changing the stack config.
import { RegistrarLock } from "pulumi-domainsreseller";

const domains = ["acme-widgets.com", "acme-widgets.net", "acme-gadgets.org"];

// Every domain locked against transfers: the safe default for domains you mean to keep.
const locks = domains.map((domain) => new RegistrarLock(`${domain}-lock`, { domain, locked: true }));

export const registrarLocks = Object.fromEntries(locks.map((lock, i) => [domains[i], lock.locked]));
export const lockedBeforePulumi = Object.fromEntries(locks.map((lock, i) => [domains[i], lock.initialLocked]));
