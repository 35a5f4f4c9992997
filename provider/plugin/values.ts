// Property values between the engine's protobuf Structs and the plain JSON the runtime works with.
// Unknowns (a preview's not-yet-known values) stay the engine's sentinel string, which the runtime
// already understands (model/unknown). Secrets never arrive wrapped, because Configure answers
// acceptSecrets:false; a wrapped one is unwrapped all the same, so a change in the engine can never
// put a marker object where the runtime expects a string.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export type Props = Record<string, unknown>;

/** The engine's marker key and value for a wrapped secret ({ [SIG_KEY]: SECRET_SIG, value }). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

const isMap = (value: unknown): value is Props => typeof value === "object" && value !== null && !Array.isArray(value);

/** The value with every secret wrapper replaced by what it wraps. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (!isMap(value)) return value;
  if (value[SIG_KEY] === SECRET_SIG) return unwrapSecrets(value.value);
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, unwrapSecrets(v)]));
}

/** A Struct from the engine as plain props (an absent Struct is no props). */
export function fromStruct(struct: Struct | undefined): Props {
  if (struct === undefined) return {};
  const value = unwrapSecrets(struct.toJavaScript());
  return isMap(value) ? value : {};
}

/**
 * Props as a Struct. A round trip through JSON first: google-protobuf refuses `undefined`, and the
 * engine must never see a function, a Date or a class instance where the state holds plain data.
 */
export function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Parameters<typeof Struct.fromJavaScript>[0]);
}
