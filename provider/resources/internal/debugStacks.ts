/**
 * Declares a resource without the SDK's debug stacks: it tags each of the four promises it makes
 * per input with `new Error().stack`, kept only for its promise-leak report, and formatting those
 * stacks was a third of a program's own CPU time (docs/benchmarks.md). The report still names the
 * resource and the input. The SDK sets its own limit for the source position it records, so that
 * is unchanged. Returns the function that puts the caller's limit back; call it in a `finally`.
 *
 * The resource classes extend `pulumi.CustomResource` directly and call this around `super`: the
 * SDK takes the declaring line from a fixed depth of the stack, and a base class of ours in
 * between would make every resource's source position a line of this package.
 */
export function withoutDebugStacks(): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
