// The provider process prints each failure once: the dynamic-provider server's own stderr copy of
// an error the engine prints anyway is dropped, unless DOMAINSRESELLER_DEBUG asks for everything.
import { afterEach, describe, expect, it } from "vitest";
import { installQuietErrors, QUIET_STACK, quiet } from "../../provider/runtime/quietErrors";

/** The line the Node dynamic-provider server writes for a failed check, diff, read or delete. */
const serverCopy = (error: Error) => `${error}: ${error.stack}`;

describe("quiet errors", () => {
  afterEach(() => {
    delete process.env.DOMAINSRESELLER_DEBUG;
  });

  it("drops the server's copy of a quiet error and prints everything else", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    installQuietErrors(target);
    installQuietErrors(target); // loaded twice: still one filter
    const failure = quiet(new Error("RegistrarLock example.com: read failed: HTTP 500"));
    expect(failure.stack).toBe(`Error: RegistrarLock example.com: read failed: HTTP 500\n    ${QUIET_STACK}`);
    target.error(serverCopy(failure));
    target.error(serverCopy(new Error("someone else's failure")));
    target.error("a", "b");
    expect(printed).toHaveLength(2);
    expect(String(printed[0]![0])).toContain("someone else's failure");
  });

  it("keeps the stack, and so the line, with DOMAINSRESELLER_DEBUG=1", () => {
    process.env.DOMAINSRESELLER_DEBUG = "1";
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    installQuietErrors(target);
    const failure = quiet(new Error("read failed"));
    expect(failure.stack).toMatch(/at /);
    target.error(serverCopy(failure));
    expect(printed).toHaveLength(1);
  });
});
