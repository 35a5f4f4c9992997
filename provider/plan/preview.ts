// The part of `pulumi preview --json` a plan reads, narrowed from unknown JSON: the steps (one per
// resource, with the old and new state) and the diagnostics. The engine's shape is wider and grows
// between versions; everything not read here is ignored, and a document that is not a preview at
// all is refused with what was expected.
import { isObject, type JsonObject, type JsonValue } from "./values";

export class PreviewFormatError extends Error {}

/** A resource's state as the step shows it: inputs are what the program (or a refresh) says. */
export interface StepState {
  type: string;
  inputs: JsonObject;
  outputs: JsonObject;
}

export interface PreviewStep {
  /** "create", "update", "delete", "replace", "same", "refresh", "create-replacement", "read", … */
  op: string;
  urn: string;
  /** The type token, from the URN (`pulumi-nodejs:domainsreseller:DnsRecordSet`). */
  type: string;
  /** The resource's name in the program, from the URN. */
  name: string;
  oldState: StepState | undefined;
  newState: StepState | undefined;
  /** Properties the provider says changed (top-level keys), when it says. */
  diffReasons: string[];
  replaceReasons: string[];
}

export interface PreviewDiagnostic {
  urn: string | undefined;
  severity: string;
  message: string;
}

export interface Preview {
  steps: PreviewStep[];
  diagnostics: PreviewDiagnostic[];
  /**
   * The engine's counts by operation. A preview lists unchanged resources only with `--show-sames`
   * or `--refresh` (the stack itself always), so the "same" count comes from here otherwise.
   */
  changeSummary: Record<string, number>;
}

const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** `urn:pulumi:stack::project::parent$type::name`: the type is the last of the `$`-chain. */
export function splitUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const name = parts.length >= 4 ? parts.slice(3).join("::") : "";
  const chain = parts[2] ?? "";
  const type = chain.split("$").pop() ?? "";
  return { type, name };
}

function stateOf(value: JsonValue | undefined): StepState | undefined {
  if (!isObject(value)) return undefined;
  return {
    type: typeof value.type === "string" ? value.type : "",
    inputs: isObject(value.inputs) ? value.inputs : {},
    outputs: isObject(value.outputs) ? value.outputs : {},
  };
}

function stepOf(value: JsonValue, index: number): PreviewStep {
  if (!isObject(value) || typeof value.op !== "string" || typeof value.urn !== "string") {
    throw new PreviewFormatError(`steps[${index}] is not a preview step (expected an object with "op" and "urn")`);
  }
  const { type, name } = splitUrn(value.urn);
  return {
    op: value.op,
    urn: value.urn,
    type,
    name,
    oldState: stateOf(value.oldState),
    newState: stateOf(value.newState),
    diffReasons: strings(value.diffReasons),
    replaceReasons: strings(value.replaceReasons),
  };
}

function diagnosticOf(value: JsonValue): PreviewDiagnostic | undefined {
  if (!isObject(value) || typeof value.message !== "string") return undefined;
  return {
    urn: typeof value.urn === "string" && value.urn !== "" ? value.urn : undefined,
    severity: typeof value.severity === "string" ? value.severity : "info",
    message: value.message,
  };
}

/** Reads a parsed preview document; throws PreviewFormatError when it is not one. */
export function readPreview(document: unknown): Preview {
  if (!isObject(document)) throw new PreviewFormatError("expected a JSON object as printed by `pulumi preview --json`");
  const { steps, diagnostics, changeSummary } = document;
  if (steps !== undefined && !Array.isArray(steps)) throw new PreviewFormatError(`"steps" must be a list`);
  if (diagnostics !== undefined && !Array.isArray(diagnostics)) throw new PreviewFormatError(`"diagnostics" must be a list`);
  const known = ["steps", "diagnostics", "changeSummary", "config", "duration"];
  if (!known.some((key) => key in document)) {
    throw new PreviewFormatError(`no "steps", "diagnostics" or "changeSummary": this is not the output of \`pulumi preview --json\``);
  }
  return {
    steps: (steps ?? []).map(stepOf),
    diagnostics: (diagnostics ?? []).map(diagnosticOf).filter((d): d is PreviewDiagnostic => d !== undefined),
    changeSummary: isObject(changeSummary) ? Object.fromEntries(Object.entries(changeSummary).filter((e): e is [string, number] => typeof e[1] === "number")) : {},
  };
}

/** Parses the text of `pulumi preview --json`; throws PreviewFormatError naming what is wrong. */
export function parsePreview(text: string): Preview {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PreviewFormatError(text.trim() === "" ? "the input is empty (expected the output of `pulumi preview --json`)" : `not valid JSON: ${detail}`);
  }
  return readPreview(document);
}
