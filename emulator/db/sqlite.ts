/**
 * Loads the SQLite driver. It is an optional dependency of the package (a native addon compiled at
 * install time), because stacks that talk to a real reseller API never need it; when it is missing,
 * the emulator says how to get it instead of failing with a bare "Cannot find module".
 */
import type Database from "better-sqlite3";

export function openDatabase(path: string): Database.Database {
  let driver: typeof Database;
  try {
    driver = require("better-sqlite3") as typeof Database;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND";
    throw new Error(
      missing
        ? "The emulator needs better-sqlite3 (an optional dependency of pulumi-domainsreseller), which is not installed. " +
            "Install it with `npm install better-sqlite3@12` (it compiles a native addon: a C++ compiler and Python are needed), " +
            "or reinstall without `--omit=optional`."
        : `The emulator could not load better-sqlite3: ${(error as Error).message}. Rebuild it with \`npm rebuild better-sqlite3\` for this Node.js version.`,
    );
  }
  return new driver(path);
}
