// Warnings of the kinds, delivered where the user sees them. A plugin's standard error is not
// shown by the engine, so each warning goes to the engine's Log service with the resource's URN
// (printed under that resource). The engine's address is the plugin's first argument, or comes
// later by Attach; with none (a schema dump, a test), warnings go to standard error.
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";

export type WarnSink = (urn: string, message: string) => Promise<void>;

export interface EngineLog {
  warn: WarnSink;
  /** Points the log at the engine (argv or Attach). */
  connect(address: string): void;
  close(): void;
}

export function engineLog(address?: string): EngineLog {
  let client: EngineClient | undefined;
  const log: EngineLog = {
    connect(next) {
      client?.close();
      client = new EngineClient(next, grpc.credentials.createInsecure());
    },
    warn(urn, message) {
      const engine = client;
      if (engine === undefined) {
        process.stderr.write(`warning: ${message}\n`);
        return Promise.resolve();
      }
      const request = new LogRequest().setSeverity(LogSeverity.WARNING).setMessage(message).setUrn(urn).setEphemeral(false);
      // A warning that cannot be delivered must not fail the step it belongs to.
      return new Promise((resolve) => engine.log(request, () => resolve()));
    },
    close() {
      client?.close();
      client = undefined;
    },
  };
  if (address !== undefined && address !== "") log.connect(address);
  return log;
}
