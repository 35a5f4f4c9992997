// How a kind's state is stored and read back: JSON-clean, stamped with the kind's state version,
// and upgraded on the way in. Old state runs current code (the shim loads the runtime by name), so
// every shape a released version wrote must still be understood, and a newer one must not be guessed.
import type { AnyKind } from "./kinds";

export type Props = Record<string, unknown>;

/** The key that carries the version in every stored state (also in partial states). */
export const VERSION_KEY = "schemaVersion";

export function storedState(kind: AnyKind, state: Props): Props {
  return { ...(JSON.parse(JSON.stringify(state)) as Props), [VERSION_KEY]: kind.stateVersion };
}

/** The props without Pulumi's `__` keys (the serialized provider) and the state version. */
export function withoutInternal(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__") && key !== VERSION_KEY));
}

/** The kind's current state shape from stored props (without Pulumi's `__` keys and the version). */
export function currentState(kind: AnyKind, props: Props): Props {
  const state = withoutInternal(props);
  const raw = props[VERSION_KEY];
  // State written before versions were stamped is version 1.
  const version = typeof raw === "number" && Number.isInteger(raw) && raw > 0 ? raw : 1;
  if (version > kind.stateVersion) {
    throw new Error(
      `this state was written by a newer pulumi-domainsreseller (state version ${version}; this one reads up to ${kind.stateVersion}). ` +
        "Install the newer package version in this project (npm install pulumi-domainsreseller@latest) and run the command again.",
    );
  }
  if (version === kind.stateVersion) return state;
  if (!kind.upgrade) throw new Error(`state version ${version} cannot be read by this package (it has no upgrade from it); install the package version that wrote it.`);
  return kind.upgrade(state, version) as Props;
}
