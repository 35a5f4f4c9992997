/**
 * Loads the SQLite driver, and only when an emulator store is opened. better-sqlite3 is an optional
 * peer dependency of the package, not a dependency: it is a native addon that compiles at install
 * time, and a stack that talks to a real reseller API never starts the emulator, so a plain
 * `npm install pulumi-domainsreseller` must not build it. Nothing else may import it at run time
 * (type-only imports are erased); test/emulator/db/sqlite-driver.test.ts proves the provider, the
 * client and the other CLI commands load without it. When it is missing, the emulator says which
 * package to add instead of failing with a bare "Cannot find module".
 */
import type Database from "better-sqlite3";

const DRIVER = "better-sqlite3";

/** The command the messages below quote; the peer range in package.json is the same major. */
export const INSTALL_DRIVER = "npm install --save-dev better-sqlite3@^12";

export function missingDriverMessage(): string {
  return (
    `The emulator needs the SQLite driver ${DRIVER}, which is not installed. pulumi-domainsreseller does not ` +
    "install it for you: it is a native addon that compiles at install time (a C++ compiler and Python, about a minute), " +
    "and a stack that talks to a real Domains Reseller API never needs it. " +
    `Add it to the project that runs the emulator: ${INSTALL_DRIVER}`
  );
}

export function openDatabase(path: string): Database.Database {
  let driver: typeof Database;
  try {
    driver = require(DRIVER) as typeof Database;
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    // Only the driver itself missing gets the install advice; a missing file inside an installed
    // driver (its own dependency, its compiled addon) is a broken install, not an absent one.
    const absent = err.code === "MODULE_NOT_FOUND" && err.message.startsWith(`Cannot find module '${DRIVER}'`);
    throw new Error(
      absent
        ? missingDriverMessage()
        : `The emulator could not load ${DRIVER}: ${err.message}. Reinstall it (\`${INSTALL_DRIVER}\`), or rebuild it for this ` +
            `Node.js version (\`npm rebuild ${DRIVER}\`).`,
      { cause: error },
    );
  }
  return new driver(path);
}
