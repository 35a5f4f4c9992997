// The resource contract every kind relies on, shown with a small kind made for the test: state
// versions and upgrades, partial failures on create and update stored like complete states, and
// write-then-verify. A mistake here shows up as state that lies about what the registrar holds.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkInputs } from "../../provider/model/check";
import { UNKNOWN } from "../../provider/model/unknown";
import { describeFailure } from "../../provider/runtime/failure";
import { PartialApplyError, type ResourceKind } from "../../provider/runtime/kind";
import { kindNamed, kinds } from "../../provider/runtime/kinds";
import { currentState, storedState, VERSION_KEY } from "../../provider/runtime/state";
import { NotAppliedError, writeThenVerify } from "../../provider/runtime/verify";

const schema = z.object({ domain: z.string(), size: z.number() }).strict();
type State = { domain: string; size: number; initialSize: number };

const demo: ResourceKind<typeof schema, State> = {
  inputs: schema,
  stateVersion: 3,
  upgrade(state, from) {
    // v1 called it `count`; v2 had no initialSize.
    const size = from === 1 ? Number(state["count"]) : Number(state["size"]);
    return { domain: String(state["domain"]), size, initialSize: from <= 2 ? size : Number(state["initialSize"]) };
  },
  diff: () => ({ changes: false, replaces: [], deleteBeforeReplace: false }),
  create: async () => ({ id: "x", state: { domain: "x", size: 1, initialSize: 1 } }),
  read: async () => undefined,
  update: async (_ctx, _id, olds) => olds,
  delete: async () => undefined,
};

describe("state versions", () => {
  it("stamps the kind's version on every stored state, JSON-clean", () => {
    expect(storedState(demo, { domain: "a.com", size: 2, initialSize: 1, gone: undefined })).toEqual({ domain: "a.com", size: 2, initialSize: 1, [VERSION_KEY]: 3 });
  });

  it("upgrades state written by an older version, and reads unstamped state as version 1", () => {
    expect(currentState(demo, { domain: "a.com", count: 4, [VERSION_KEY]: 1 })).toEqual({ domain: "a.com", size: 4, initialSize: 4 });
    expect(currentState(demo, { domain: "a.com", count: 5 })).toEqual({ domain: "a.com", size: 5, initialSize: 5 });
    expect(currentState(demo, { domain: "a.com", size: 6, [VERSION_KEY]: 2, __provider: "code" })).toEqual({ domain: "a.com", size: 6, initialSize: 6 });
  });

  it("refuses state written by a newer version instead of misreading it, and says what to install", () => {
    expect(() => currentState(demo, { domain: "a.com", [VERSION_KEY]: 4 })).toThrow(/newer pulumi-domainsreseller \(state version 4; this one reads up to 3\).*npm install pulumi-domainsreseller@latest/);
  });

  it("every registered kind has a version, and an unknown kind says to upgrade the package", () => {
    for (const kind of Object.values(kinds)) expect(kind.stateVersion).toBeGreaterThanOrEqual(1);
    expect(() => kindNamed("Zone9000")).toThrow(/unknown resource kind "Zone9000"; upgrade the package/);
    expect(() => kindNamed("toString")).toThrow(/unknown resource kind/);
  });
});

describe("partial failures", () => {
  it("are answered with the state really in force, stamped and carrying the serialized provider", () => {
    const partial = new PartialApplyError("a.com", { domain: "a.com", size: 1, initialSize: 1 }, new Error("the save did not take"));
    const answer = describeFailure("Demo", "update", "a.com", partial, (state) => ({ ...storedState(demo, state), __provider: "code" })) as Error & Record<string, unknown>;
    expect(answer.message).toBe("Demo a.com: update failed: the save did not take");
    expect(answer).toMatchObject({ id: "a.com", properties: { domain: "a.com", size: 1, initialSize: 1, [VERSION_KEY]: 3, __provider: "code" }, reasons: [answer.message] });
  });

  it("other failures carry no id, so the engine records nothing new", () => {
    const answer = describeFailure("Demo", "create", "a.com", Object.assign(new Error("nope"), { code: "validation" }), (s) => s);
    expect(answer).not.toHaveProperty("id");
    expect(answer).toMatchObject({ code: "validation", message: "Demo a.com: create failed: nope" });
  });
});

describe("write then verify", () => {
  it("returns the value read back when the save took", async () => {
    let live = 1;
    await expect(writeThenVerify({ write: async () => (live = 2), read: async () => live, matches: (v) => v === 2, notApplied: () => "no" })).resolves.toBe(2);
  });

  it("fails with the sentence for a save the registrar acknowledged and dropped", async () => {
    const step = writeThenVerify({ write: async () => undefined, read: async () => 1, matches: (v) => v === 2, notApplied: (v) => `still ${v}` });
    await expect(step).rejects.toBeInstanceOf(NotAppliedError);
    await expect(step).rejects.toThrow("still 1");
  });
});

describe("check with refined schemas and values unknown during preview", () => {
  // zod refuses `.extend` on an object with refinements; the checker must not.
  const refined = z
    .object({ domain: z.string().min(3), from: z.number(), to: z.number() })
    .strict()
    .refine((v) => v.from <= v.to, { message: "from must not exceed to", path: ["from"] });

  it("passes a computed (unknown) input through and still checks the known ones", () => {
    expect(checkInputs(refined, { domain: "a.com", from: UNKNOWN, to: 2 })).toEqual({ ok: true, inputs: { domain: "a.com", from: UNKNOWN, to: 2 } });
    const outcome = checkInputs(refined, { domain: "a", from: UNKNOWN, to: 2, extra: 1 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.failures.map((f) => f.property).sort()).toEqual(["domain", "extra"]);
  });

  it("applies the refinement once every value is known", () => {
    const outcome = checkInputs(refined, { domain: "a.com", from: 3, to: 2 });
    expect(outcome).toEqual({ ok: false, failures: [{ property: "from", reason: '"from" from must not exceed to' }] });
  });
});
