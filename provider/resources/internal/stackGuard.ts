// The stack guard: one hidden resource per program that lists every domainsreseller resource the
// program declares (`Kind:name`). Its check compares the list with the one the last deployment
// stored and refuses, in the preview and before any delete, a run that would remove more than
// domainsreseller:maxDeletesPerRun of them (docs/safety-rails.md).
//
// The list is complete only when the program has declared everything, which the SDK signals by
// registering the stack's outputs; the guard's input waits for that moment. Resources declared
// later (inside an `apply` callback) are not seen by the guard.
import * as pulumi from "@pulumi/pulumi";
import { dynamicInputs, dynamicType } from "../shim";

const GUARD_NAME = "domainsreseller-stack-guard";

const members: string[] = [];
let started = false;

class StackGuard extends pulumi.CustomResource {
  constructor(list: Promise<string[]>, stack: pulumi.Resource) {
    super(dynamicType("StackGuard"), GUARD_NAME, dynamicInputs("StackGuard", { members: list }), { parent: stack });
  }
}

/**
 * Resolves once the program has run to its end: the SDK registers the stack's outputs then (also
 * when the program throws). undefined when there is no stack to watch (mocks, other runtimes).
 */
function programEnd(): { stack: pulumi.Resource; ended: Promise<void> } | undefined {
  const stack = pulumi.runtime.getStackResource();
  if (stack === undefined) return undefined;
  type Registrar = { registerOutputs(this: unknown, outputs?: unknown): void };
  const prototype = pulumi.ComponentResource.prototype as unknown as Registrar;
  const original = prototype.registerOutputs;
  const ended = new Promise<void>((resolve) => {
    // Should a future SDK register the stack's outputs some other way, the program must still not
    // wait forever: when nothing else is left to run, the list is as complete as it will get.
    process.once("beforeExit", () => resolve());
    prototype.registerOutputs = function (this: unknown, outputs?: unknown) {
      if (this === stack) {
        prototype.registerOutputs = original;
        resolve();
      }
      return original.call(this, outputs);
    };
  });
  return { stack, ended };
}

/** Called by every resource constructor: notes the resource, and starts the guard with the first one. */
export function declared(kind: string, name: string): void {
  members.push(`${kind}:${name}`);
  if (started) return;
  started = true;
  const end = programEnd();
  if (end === undefined) return;
  new StackGuard(end.ended.then(() => [...members]), end.stack);
}
