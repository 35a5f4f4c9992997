// The provider process's entry point. The serialized shims (provider/resources/shim.ts) require this
// module by its package name at call time and pass the resource kind as a string, so state written
// by any version runs the code installed now.
import { checkInputs, type CheckFailure } from "../model/check";
import { isUnknown } from "../model/unknown";
import { scrub } from "../client/errors";
import { clientFor } from "./clients";
import { withDomain } from "./domainQueue";
import { describeFailure } from "./failure";
import type { KindContext } from "./kind";
import { kindNamed, type AnyKind } from "./kinds";
import { ownershipFailures } from "./ownership";
import { configureFrom, resolveSettings, type ConfigSource } from "./settings";
import { currentState, storedState, withoutInternal, type Props } from "./state";

export { kinds } from "./kinds";

/** The serialized provider the engine put in the inputs; kept on partial states so they stay usable. */
const PROVIDER_KEY = "__provider";

function contextFor(profile: unknown, secrets: readonly string[]): KindContext {
  let client: KindContext["client"] | undefined;
  return {
    // Resolved on first use, so a kind that never calls the API (the stack guard) needs no credentials.
    get client() {
      client ??= clientFor(resolveSettings(typeof profile === "string" ? profile : undefined));
      return client;
    },
    warn: (message) => process.stderr.write(`warning: ${scrub(message, secrets)}\n`),
  };
}

/** A resource's own secrets (the EPP code of a transfer): never printed, whatever echoes them. */
const secretsOf = (props: Props): string[] => (typeof props.eppCode === "string" && props.eppCode.length >= 4 ? [props.eppCode] : []);

async function run<T>(kindName: string, kind: AnyKind, verb: string, props: Props, work: (ctx: KindContext) => Promise<T>, provider?: unknown): Promise<T> {
  const domain = String(props.domain ?? props.name ?? "");
  const profile = typeof props.profile === "string" ? props.profile : undefined;
  const secrets = secretsOf(props);
  try {
    return await withDomain(`${profile ?? ""}/${domain}`, () => work(contextFor(profile, secrets)));
  } catch (error) {
    throw describeFailure(kindName, verb, domain, error, (state) => {
      const stored = storedState(kind, state);
      return typeof provider === "string" ? { ...stored, [PROVIDER_KEY]: provider } : stored;
    }, secrets);
  }
}

export async function configure(_kind: string, req: { config: ConfigSource }): Promise<void> {
  configureFrom(req.config);
}

/** Checked inputs in the form the engine keeps (see ResourceKind.toEngine). */
const toEngine = (kind: AnyKind, inputs: Props): Props => (kind.toEngine ? kind.toEngine(inputs) : inputs);
/** Engine-form inputs (without Pulumi's keys) in the form the kind works with. */
const fromEngine = (kind: AnyKind, props: Props): Props => {
  const clean = withoutInternal(props);
  return kind.fromEngine ? kind.fromEngine(clean) : clean;
};

export async function check(kindName: string, olds: Props, news: Props): Promise<{ inputs?: Props; failures?: CheckFailure[] }> {
  const kind = kindNamed(kindName);
  const outcome = checkInputs(kind.inputs, kind.fromEngine ? kind.fromEngine(news) : news);
  if (!outcome.ok) return { inputs: news, failures: outcome.failures };
  const refused = kind.review && !isUnknown(outcome.inputs) ? kind.review(withoutInternal(olds), outcome.inputs) : [];
  if (refused.length > 0) return { inputs: news, failures: refused };
  // A settings resource new to this domain fails the preview when the account provably lacks it.
  const foreign = await ownershipFailures(kindName, withoutInternal(olds), outcome.inputs);
  if (foreign.length > 0) return { inputs: news, failures: foreign };
  if (!kind.prepare || isUnknown(outcome.inputs)) return { inputs: toEngine(kind, outcome.inputs) };
  try {
    resolveSettings(typeof outcome.inputs.profile === "string" ? outcome.inputs.profile : undefined);
  } catch {
    // No credentials yet (a preview of input mistakes needs none): nothing to quote against.
    return { inputs: toEngine(kind, outcome.inputs) };
  }
  const prepare = kind.prepare;
  const prepared = await run(kindName, kind, "check", outcome.inputs, (ctx) => prepare(ctx, withoutInternal(olds), outcome.inputs));
  return prepared.ok ? { inputs: toEngine(kind, prepared.inputs) } : { inputs: news, failures: prepared.failures };
}

export async function diff(kindName: string, _id: string, olds: Props, news: Props) {
  const kind = kindNamed(kindName);
  return kind.diff(currentState(kind, olds), fromEngine(kind, news));
}

export async function create(kindName: string, inputs: Props): Promise<{ id: string; outs: Props }> {
  const kind = kindNamed(kindName);
  const clean = fromEngine(kind, inputs);
  return run(kindName, kind, "create", clean, async (ctx) => {
    const { id, state } = await kind.create(ctx, clean);
    return { id, outs: storedState(kind, state) };
  }, inputs[PROVIDER_KEY]);
}

export async function read(kindName: string, id: string, props: Props): Promise<{ id: string; props?: Props; inputs?: Props }> {
  const kind = kindNamed(kindName);
  const state = currentState(kind, props);
  return run(kindName, kind, "read", { ...state, domain: state.domain ?? state.name ?? id }, async (ctx) => {
    const outcome = await kind.read(ctx, id, state);
    // An empty id tells the engine the object is gone, so refresh drops it from state. Kinds
    // answer undefined only on proof (gone.ts).
    if (!outcome) return { id: "" };
    return { id: outcome.id, props: storedState(kind, outcome.state), inputs: JSON.parse(JSON.stringify(toEngine(kind, outcome.inputs))) as Props };
  });
}

export async function update(kindName: string, id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const kind = kindNamed(kindName);
  const clean = fromEngine(kind, news);
  return run(kindName, kind, "update", clean, async (ctx) => ({
    outs: storedState(kind, await kind.update(ctx, id, currentState(kind, olds), clean)),
  }), news[PROVIDER_KEY]);
}

// `delete` is a reserved word for a function declaration, so the export is renamed.
async function remove(kindName: string, id: string, props: Props): Promise<void> {
  const kind = kindNamed(kindName);
  const state = currentState(kind, props);
  await run(kindName, kind, "delete", { ...state, domain: state.domain ?? state.name ?? id }, (ctx) => kind.delete(ctx, id, state));
}
export { remove as delete };
