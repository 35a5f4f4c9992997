// Preloaded (`node --require`) by sqlite-driver.test.ts to make a process behave as if
// better-sqlite3 were not installed, as in a project that installed only pulumi-domainsreseller.
// Every attempt to resolve it is reported on stderr (with the module that asked), so a test can tell
// "loaded without the driver" from "asked for the driver and swallowed the failure".
// NO_SQLITE_MODE picks the failure: "absent" (default, Node's own not-found error), "broken" (an
// installed driver whose compiled addon does not load) or "nested" (an installed driver missing one
// of its own dependencies).
"use strict";

const Module = require("node:module");

const DRIVER = "better-sqlite3";
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === DRIVER || request.startsWith(`${DRIVER}/`)) {
    process.stderr.write(`no-sqlite: ${request} requested by ${parent?.filename ?? "?"}\n`);
    const mode = process.env.NO_SQLITE_MODE ?? "absent";
    if (mode === "broken") throw new Error("/x/better_sqlite3.node: invalid ELF header");
    const missing = mode === "nested" ? "bindings" : request;
    const error = new Error(`Cannot find module '${missing}'\nRequire stack:\n- ${parent?.filename ?? "?"}`);
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolve.call(this, request, parent, ...rest);
};
