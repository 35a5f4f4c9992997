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

export const stackGuard: ResourceKind<typeof guardInputsSchema, GuardState> = {
  inputs: guardInputsSchema,
  stateVersion: 1,
  review(olds, inputs) {
    const before = Array.isArray(olds.members) ? olds.members.filter((m): m is string => typeof m === "string") : [];
    const safety = safetySettings();
    const consent = parseDeleteConsent(safety.allowDeletes);
    if (!consent.ok) return [{ property: "", reason: consent.message }];
    const verdict = reviewDeletions({ before, now: inputs.members, maxDeletes: safety.maxDeletesPerRun ?? DEFAULT_MAX_DELETES, consent: consent.consent });
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
