// The stack guard inside the provider process: remembers which domainsreseller resources the last
// deployment declared, and refuses (in check, so in the preview, before anything is deleted) a
// program that would remove more of them than domainsreseller:maxDeletesPerRun allows.
import { z } from "zod";
import { DEFAULT_MAX_DELETES, parseDeleteConsent, reviewDeletions } from "../model/safety";
import type { ResourceKind } from "./kind";
import { safetySettings } from "./settings";

const guardInputsSchema = z.object({ members: z.array(z.string()) }).strict();

interface GuardState {
  members: string[];
}

const sorted = (members: readonly string[]) => [...new Set(members)].sort();

/**
 * Members of one kind that leave while others of that kind arrive: most likely renames or moves.
 * Without `aliases` the engine creates the new resource and deletes the old one; the provider
 * keeps that safe (runtime/handover.ts), and the hint says how to keep the resource's history.
 */
export function renameHints(before: readonly string[], now: readonly string[]): string[] {
  const kindOf = (m: string) => m.slice(0, m.indexOf(":"));
  const nameOf = (m: string) => m.slice(m.indexOf(":") + 1);
  const gone = before.filter((m) => !now.includes(m));
  const added = now.filter((m) => !before.includes(m));
  return [...new Set(gone.map(kindOf))].flatMap((kind) => {
    const leaving = gone.filter((m) => kindOf(m) === kind).map(nameOf);
    const arriving = added.filter((m) => kindOf(m) === kind).map(nameOf);
    if (arriving.length === 0) return [];
    return [
      `${kind} ${leaving.map((n) => `"${n}"`).join(", ")} leave${leaving.length === 1 ? "s" : ""} the program while ${arriving.map((n) => `"${n}"`).join(", ")} arrive${arriving.length === 1 ? "s" : ""}. ` +
        `If that is a rename or a move into a component, add \`aliases: [{ name: "${leaving[0]}" }]\` (or the old parent) to the new resource so it stays the same resource; ` +
        "otherwise the new one takes over what the old one manages and the old one's delete leaves it in place (docs/ownership.md).",
    ];
  });
}

export const stackGuard: ResourceKind<typeof guardInputsSchema, GuardState> = {
  inputs: guardInputsSchema,
  stateVersion: 1,
  offline: true,
  review(olds, inputs) {
    const before = Array.isArray(olds.members) ? olds.members.filter((m): m is string => typeof m === "string") : [];
    const safety = safetySettings();
    const consent = parseDeleteConsent(safety.allowDeletes);
    if (!consent.ok) return [{ property: "", reason: consent.message }];
    const verdict = reviewDeletions({ before, now: inputs.members, maxDeletes: safety.maxDeletesPerRun ?? DEFAULT_MAX_DELETES, consent: consent.consent });
    for (const hint of renameHints(before, inputs.members)) process.stderr.write(`warning: ${hint}\n`);
    return verdict.ok ? [] : [{ property: "", reason: verdict.message }];
  },
  diff(olds, news) {
    const changes = sorted(olds.members ?? []).join("\n") !== sorted(news.members).join("\n");
    return { changes, replaces: [], deleteBeforeReplace: false };
  },
  async create(_ctx, inputs) {
    return { id: "stack-guard", state: { members: sorted(inputs.members) } };
  },
  async read(_ctx, id, state) {
    return { id, state, inputs: { members: state.members } };
  },
  async update(_ctx, _id, _olds, news) {
    return { members: sorted(news.members) };
  },
  async delete() {
    // Nothing in the account: the guard is bookkeeping of the stack itself.
  },
};
