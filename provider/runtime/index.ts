// The provider process's entry point. The serialized shims (provider/resources/shim.ts) require this
// module by its package name at call time and pass the resource kind as a string, so state written
// by any version runs the code installed now.
import { checkInputs, type CheckFailure } from "../model/check";
import { CLAIM_KEY, DOMAIN_DECLARED } from "../model/conflicts";
import { isUnknown } from "../model/unknown";
import { scrub } from "../client/errors";
import { clientFor } from "./clients";
import { withDomain } from "./domainQueue";
import { describeFailure } from "./failure";
import type { KindContext } from "./kind";
import { kindNamed, type AnyKind } from "./kinds";
import { ownershipFailures } from "./ownership";
import { installQuietErrors, quiet } from "./quietErrors";
import { readViews } from "./sharedReads";
import { ConfigurationError } from "./settings-error";
import { configureFrom, resolveSettings, safetySettings, type ConfigSource } from "./settings";
import { currentState, storedState, withoutInternal, type Props } from "./state";

export { kinds } from "./kinds";

installQuietErrors();

/** The serialized provider the engine put in the inputs; kept on partial states so they stay usable. */
const PROVIDER_KEY = "__provider";

/** Steps that only look: they may share a read of this run (sharedReads.ts); applying reads fresh. */
const LOOKING = new Set(["read", "check"]);

/** Per-call options of a server other than the dynamic one (the provider plugin). */
export interface CallHooks {
  /**
   * Where the kind's warnings go, already scrubbed of the resource's secrets. Without it they are
   * written to standard error, which the engine shows for the dynamic provider (not for a plugin).
   */
  warn?(message: string): void;
}

function contextFor(profile: unknown, secrets: readonly string[], verb: string, hooks?: CallHooks): KindContext {
  let client: KindContext["client"] | undefined;
  return {
    // Resolved on first use, so a kind that never calls the API (the stack guard) needs no credentials.
    get client() {
      if (client) return client;
      const views = readViews(clientFor(resolveSettings(typeof profile === "string" ? profile : undefined)));
      client = LOOKING.has(verb) ? views.shared : views.fresh;
      return client;
    },
    warn: (message) => {
      const line = scrub(message, secrets);
      if (hooks?.warn) hooks.warn(line);
      else process.stderr.write(`warning: ${line}\n`);
    },
  };
}

/** A resource's own secrets (the EPP code of a transfer): never printed, whatever echoes them. */
const secretsOf = (props: Props): string[] => (typeof props.eppCode === "string" && props.eppCode.length >= 4 ? [props.eppCode] : []);

async function run<T>(kindName: string, kind: AnyKind, verb: string, props: Props, work: (ctx: KindContext) => Promise<T>, provider?: unknown, hooks?: CallHooks): Promise<T> {
  const domain = String(props.domain ?? props.name ?? "");
  const profile = typeof props.profile === "string" ? props.profile : undefined;
  const secrets = secretsOf(props);
  try {
    return await withDomain(`${profile ?? ""}/${domain}`, () => work(contextFor(profile, secrets, verb, hooks)));
  } catch (error) {
    throw quiet(
      describeFailure(kindName, verb, domain, withStateHint(verb, error), (state) => {
        const stored = storedState(kind, state);
        return typeof provider === "string" ? { ...stored, [PROVIDER_KEY]: provider } : stored;
      }, secrets),
    );
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

/** Check for the dynamic-provider server: failures without properties (see forTheEngine). */
export async function check(kindName: string, olds: Props, news: Props): Promise<{ inputs?: Props; failures?: CheckFailure[] }> {
  try {
    const outcome = await checkResource(kindName, olds, news);
    return outcome.failures ? { ...outcome, failures: forTheEngine(outcome.failures) } : outcome;
  } catch (error) {
    throw quiet(error);
  }
}

/** Checked inputs, or failures each naming its property path (`records[2].value`). */
export async function checkResource(kindName: string, olds: Props, news: Props, hooks?: CallHooks): Promise<{ inputs?: Props; failures?: CheckFailure[] }> {
  const kind = kindNamed(kindName);
  const outcome = checkInputs(kind.inputs, kind.fromEngine ? kind.fromEngine(news) : news);
  if (!outcome.ok) return { inputs: news, failures: outcome.failures };
  const refused = kind.review && !isUnknown(outcome.inputs) ? kind.review(withoutInternal(olds), outcome.inputs) : [];
  if (refused.length > 0) return { inputs: news, failures: refused };
  if (kind.offline) return { inputs: toEngine(kind, outcome.inputs) };
  // Every preview fails while the credentials are missing, not only the run that first needs them,
  // and before an `up` can record a provider without them in the state (refresh uses that copy).
  const missing = missingSettings(outcome.inputs.profile);
  if (missing) return { inputs: news, failures: [{ property: "", reason: missing }] };
  // A settings resource new to this domain fails the preview when the account provably lacks it.
  const foreign = await ownershipFailures(kindName, withoutInternal(olds), outcome.inputs, news[CLAIM_KEY] === DOMAIN_DECLARED);
  if (foreign.length > 0) return { inputs: news, failures: foreign };
  if (!kind.prepare || isUnknown(outcome.inputs)) return { inputs: toEngine(kind, outcome.inputs) };
  const prepare = kind.prepare;
  const prepared = await run(kindName, kind, "check", outcome.inputs, (ctx) => prepare(ctx, withoutInternal(olds), outcome.inputs), undefined, hooks);
  return prepared.ok ? { inputs: toEngine(kind, prepared.inputs) } : { inputs: news, failures: prepared.failures };
}

/** Profiles whose missing settings this process has already explained in full. */
const explained = new Set<string>();

/** Why the settings of a resource's profile do not resolve, or undefined when they do (or the profile is not known yet). */
function missingSettings(profile: unknown): string | undefined {
  if (profile !== undefined && (typeof profile !== "string" || isUnknown(profile))) return undefined;
  try {
    resolveSettings(profile);
    // The safety limits too: DnsRecordSet and Domain read them only after reading the account,
    // so a malformed limit would otherwise cost API calls before it is refused.
    safetySettings();
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const key = profile ?? "";
    if (explained.has(key)) return `the Domains Reseller settings${profile ? ` of profile "${profile}"` : ""} are missing or wrong: the first resource that failed this way lists what to set`;
    explained.add(key);
    return error.message;
  }
}

/**
 * The engine prints a failure with a property as "property <p> value <v> has a problem", looking
 * the value up by the whole path as one top-level key: a nested path prints "{<nil>}" and a
 * top-level one prints the value, a list of records whole. Every reason names its property and
 * value itself, so the engine is given none.
 */
const forTheEngine = (failures: readonly CheckFailure[]): CheckFailure[] => failures.map((f) => ({ property: "", reason: f.reason }));

/**
 * A refresh and a destroy run with the settings the state recorded at the last `pulumi up`, not with
 * the stack config as it is now; a missing setting there needs saying, or it looks like a bug.
 */
function withStateHint(verb: string, error: unknown): unknown {
  if (!(error instanceof ConfigurationError) || (verb !== "read" && verb !== "delete")) return error;
  return new ConfigurationError(
    `${error.message}\nA refresh or destroy uses the settings recorded in the stack's state by its last \`pulumi up\`, not the stack config as it is now: ` +
      "if the key is set in the stack config, run `pulumi up` once to record it (it changes nothing else), or set the environment variable, which every run reads.",
  );
}

export async function diff(kindName: string, _id: string, olds: Props, news: Props) {
  const kind = kindNamed(kindName);
  try {
    return kind.diff(currentState(kind, olds), fromEngine(kind, news));
  } catch (error) {
    throw quiet(error);
  }
}

export async function create(kindName: string, inputs: Props, hooks?: CallHooks): Promise<{ id: string; outs: Props }> {
  const kind = kindNamed(kindName);
  const clean = fromEngine(kind, inputs);
  return run(kindName, kind, "create", clean, async (ctx) => {
    const { id, state } = await kind.create(ctx, clean);
    return { id, outs: storedState(kind, state) };
  }, inputs[PROVIDER_KEY], hooks);
}

type ReadAnswer = { id: string; props?: Props; inputs?: Props };

/** Reads `state`; an empty id tells the engine the object is gone (kinds answer undefined only on proof, gone.ts). */
async function readAnswer(kind: AnyKind, ctx: KindContext, id: string, state: Props): Promise<ReadAnswer> {
  const outcome = await kind.read(ctx, id, state);
  if (!outcome) return { id: "" };
  return { id: outcome.id, props: storedState(kind, outcome.state), inputs: JSON.parse(JSON.stringify(toEngine(kind, outcome.inputs))) as Props };
}

/** Empty props (no state, no inputs) are an import: the kind derives what to read from the id. */
export async function read(kindName: string, id: string, props: Props, hooks?: CallHooks): Promise<ReadAnswer> {
  const kind = kindNamed(kindName);
  if (Object.keys(withoutInternal(props)).length === 0) return importById(kindName, kind, id, hooks);
  const state = currentState(kind, props);
  return run(kindName, kind, "read", { ...state, domain: state.domain ?? state.name ?? id }, (ctx) => readAnswer(kind, ctx, id, state), undefined, hooks);
}

async function importById(kindName: string, kind: AnyKind, id: string, hooks?: CallHooks): Promise<ReadAnswer> {
  const importState = kind.importState;
  if (!importState) throw quiet(new Error(`${kindName} cannot be imported: it has no object of its own in the account to read by id.`));
  // The domain is the id's first segment (PrivateNameserver ids are domain/host/ip): one queue per domain.
  return run(kindName, kind, "read", { domain: id.split("/")[0] ?? id }, async (ctx) => {
    const found = await importState(ctx, id);
    return found === undefined ? { id: "" } : readAnswer(kind, ctx, found.id, found.state as Props);
  }, undefined, hooks);
}

export async function update(kindName: string, id: string, olds: Props, news: Props, hooks?: CallHooks): Promise<{ outs: Props }> {
  const kind = kindNamed(kindName);
  const clean = fromEngine(kind, news);
  return run(kindName, kind, "update", clean, async (ctx) => ({
    outs: storedState(kind, await kind.update(ctx, id, currentState(kind, olds), clean)),
  }), news[PROVIDER_KEY], hooks);
}

/** The dynamic provider object of one kind, as Pulumi's dynamic-provider host calls it. */
export interface KindProvider {
  configure(req: { config: ConfigSource }): Promise<void>;
  check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: CheckFailure[] }>;
  diff(id: string, olds: Props, news: Props): ReturnType<typeof diff>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  read(id: string, props: Props): Promise<ReadAnswer>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(id: string, props: Props): Promise<void>;
}

const providers = new Map<string, KindProvider>();

/**
 * What the `__provider` text in a resource's state returns (resources/shim.ts): the kind's calls
 * into this module. One object per kind, so the host configures each once.
 */
export function provider(kindName: string): KindProvider {
  let found = providers.get(kindName);
  if (!found) {
    found = {
      configure: (req) => configure(kindName, req),
      check: (olds, news) => check(kindName, olds, news),
      diff: (id, olds, news) => diff(kindName, id, olds, news),
      create: (inputs) => create(kindName, inputs),
      read: (id, props) => read(kindName, id, props),
      update: (id, olds, news) => update(kindName, id, olds, news),
      delete: (id, props) => remove(kindName, id, props),
    };
    providers.set(kindName, found);
  }
  return found;
}

// `delete` is a reserved word for a function declaration, so the export is renamed.
async function remove(kindName: string, id: string, props: Props, hooks?: CallHooks): Promise<void> {
  const kind = kindNamed(kindName);
  const state = currentState(kind, props);
  await run(kindName, kind, "delete", { ...state, domain: state.domain ?? state.name ?? id }, (ctx) => kind.delete(ctx, id, state), undefined, hooks);
}
export { remove as delete };
