// Failures as the engine understands them. A step that applied only part of a change (the
// runtime's partial answer: id, properties, reasons; runtime/failure.ts) becomes the gRPC status
// the engine reads as "created or updated, but failed to initialise", with an
// ErrorResourceInitFailed detail, so the engine records the state really in force rather than
// forgetting the object or keeping a state that is not true. Anything else is a plain failure.
import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { toStruct, type Props } from "./values";

interface PartialAnswer {
  id: string;
  properties: Props;
  reasons: string[];
}

function partialAnswer(error: unknown): PartialAnswer | undefined {
  const e = error as Partial<PartialAnswer> | null;
  if (typeof e?.id !== "string" || e.id === "" || typeof e.properties !== "object" || e.properties === null) return undefined;
  return { id: e.id, properties: e.properties, reasons: Array.isArray(e.reasons) ? e.reasons.map(String) : [] };
}

export type PluginError = grpc.ServiceError;

/** The gRPC error for a failure of a step (messages are the runtime's, already free of secrets). */
export function toServiceError(error: unknown): PluginError {
  const message = error instanceof Error ? error.message : String(error);
  const metadata = new grpc.Metadata();
  const partial = partialAnswer(error);
  if (partial !== undefined) {
    const detail = new ErrorResourceInitFailed();
    detail.setId(partial.id);
    detail.setProperties(toStruct(partial.properties));
    detail.setReasonsList(partial.reasons.length > 0 ? partial.reasons : [message]);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    // The status details travel in this binary header; the engine unpacks them from there.
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}
