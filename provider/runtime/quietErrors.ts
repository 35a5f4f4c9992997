// One failure, printed once. The Node dynamic-provider server writes `${error}: ${error.stack}` to
// stderr for a failed check, diff, read or delete and then hands the same error to the engine, which
// prints it under the resource. The stderr copy lands under the stack with a trace of our internals:
// the same sentence twice, the useful one buried. Errors leaving the runtime carry a marker in place
// of their stack, and the provider process drops the stderr line that carries it. With
// DOMAINSRESELLER_DEBUG=1 nothing is hidden: the stack stays and the line is printed.

/** Stands in for the stack of an error the engine will print itself. */
export const QUIET_STACK = "(stack trace hidden; set DOMAINSRESELLER_DEBUG=1 to show it)";

const INSTALLED = Symbol.for("pulumi-domainsreseller.quietErrors");

export const debugging = (): boolean => /^(1|true|yes)$/i.test(process.env.DOMAINSRESELLER_DEBUG ?? "");

/** Marks an error the engine prints itself; returns it for `throw quiet(error)`. */
export function quiet<E>(error: E): E {
  // The first line stays what a stack starts with, so util.inspect still shows the message.
  if (!debugging() && error instanceof Error) error.stack = `${String(error)}\n    ${QUIET_STACK}`;
  return error;
}

/** Whether a stderr line is the dynamic-provider server's copy of a quiet error. */
export const isQuietCopy = (args: readonly unknown[]): boolean =>
  args.length === 1 && typeof args[0] === "string" && args[0].endsWith(`\n    ${QUIET_STACK}`);

/** Filters console.error in the provider process, once however often the runtime is loaded. */
export function installQuietErrors(target: Pick<Console, "error"> = console): void {
  const marked = target as Pick<Console, "error"> & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  const original = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    if (!isQuietCopy(args)) original(...args);
  };
  marked[INSTALLED] = true;
}
