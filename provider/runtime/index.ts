// The provider process's entry point. The serialized shims (provider/resources/shim.ts) require this
// module by its package name at call time and pass the resource kind as a string, so state written
// by any version runs the code installed now.
import { checkInputs, type CheckFailure } from "../model/check";
import { clientFor } from "./clients";
import { withDomain } from "./domainQueue";
import { describeFailure } from "./failure";
import type { ResourceKind } from "./kind";
import { registrarLock } from "./registrarLock";
import { configureFrom, type ConfigSource } from "./settings";

// The registry holds kinds of different input and state types; each is type-checked where it is defined.
type AnyKind = ResourceKind<any, any>;

const kinds: Record<string, AnyKind> = {
  RegistrarLock: registrarLock,
};

/** Bumped when the stored state's shape changes; `read` and `diff` accept every earlier version. */
export const STATE_VERSION = 1;

type Props = Record<string, unknown>;

function kindNamed(name: string): AnyKind {
  const kind = kinds[name];
  if (!kind) throw new Error(`pulumi-domainsreseller: unknown resource kind "${name}"; upgrade the package to the version that wrote this state.`);
  return kind;
}

function withoutVersion(state: Props): Props {
  const { schemaVersion: _schemaVersion, __provider: _provider, ...rest } = state;
  return rest;
}

const stored = (state: Props): Props => ({ ...JSON.parse(JSON.stringify(state)), schemaVersion: STATE_VERSION });

async function run<T>(kind: string, verb: string, domain: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withDomain(domain, work);
  } catch (error) {
    throw describeFailure(kind, verb, domain, error);
  }
}

export async function configure(_kind: string, req: { config: ConfigSource }): Promise<void> {
  configureFrom(req.config);
}

export async function check(kind: string, _olds: Props, news: Props): Promise<{ inputs?: Props; failures?: CheckFailure[] }> {
  const outcome = checkInputs(kindNamed(kind).inputs, news);
  return outcome.ok ? { inputs: outcome.inputs } : { inputs: news, failures: outcome.failures };
}

export async function diff(kind: string, _id: string, olds: Props, news: Props) {
  return kindNamed(kind).diff(withoutVersion(olds), withoutVersion(news));
}

export async function create(kind: string, inputs: Props): Promise<{ id: string; outs: Props }> {
  const k = kindNamed(kind);
  const clean = withoutVersion(inputs);
  return run(kind, "create", k.domainOf(clean as { domain: string }), async () => {
    const { id, state } = await k.create({ client: clientFor() }, clean);
    return { id, outs: stored(state) };
  });
}

export async function read(kind: string, id: string, props: Props): Promise<{ id: string; props?: Props; inputs?: Props }> {
  const k = kindNamed(kind);
  const state = withoutVersion(props);
  return run(kind, "read", k.domainOf({ domain: String(state.domain ?? id) }), async () => {
    const outcome = await k.read({ client: clientFor() }, id, state);
    // An empty id tells the engine the object is gone, so refresh drops it from state.
    if (!outcome) return { id: "" };
    return { id: outcome.id, props: stored(outcome.state), inputs: JSON.parse(JSON.stringify(outcome.inputs)) };
  });
}

export async function update(kind: string, id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const k = kindNamed(kind);
  const clean = withoutVersion(news);
  return run(kind, "update", k.domainOf(clean as { domain: string }), async () => ({
    outs: stored(await k.update({ client: clientFor() }, id, withoutVersion(olds), clean)),
  }));
}

// `delete` is a reserved word for a function declaration, so the export is renamed.
async function remove(kind: string, id: string, props: Props): Promise<void> {
  const k = kindNamed(kind);
  const state = withoutVersion(props);
  await run(kind, "delete", k.domainOf({ domain: String(state.domain ?? id) }), () => k.delete({ client: clientFor() }, id, state));
}
export { remove as delete };
