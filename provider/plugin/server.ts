// The domainsreseller resource-provider plugin: a gRPC ResourceProvider over the same runtime the
// dynamic resources use (provider/runtime), so both carry one implementation of every kind. This
// file only translates: engine requests to runtime calls, runtime answers to engine responses.
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderService, type IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { packageVersion } from "../client/version";
import * as runtime from "../runtime";
import { configureFrom } from "../runtime/settings";
import { configSource, unknownSettings, WATCHED_SETTINGS } from "./config";
import { detailedDiff, type PathChange } from "./detailedDiff";
import { toServiceError } from "./errors";
import { invoke } from "./functions";
import { engineLog, type WarnSink } from "./log";
import { buildSchema } from "./schema";
import { kindOfUrn, type ResourceKindName } from "./tokens";
import { fromStruct, toStruct, type Props } from "./values";

type Handler<Req, Res> = (request: Req) => Promise<Res>;

/** A unary handler: the answer, or the failure as the engine reads it. */
function unary<Req, Res>(work: Handler<Req, Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    work(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(error), null),
    );
  };
}

/**
 * Previous inputs in the engine form Check returns. An import records its inputs in the schema's
 * form (see Read), so the first Check and Diff after an import bring them back to the form the
 * runtime compares with: a DnsRecordSet's records as a map, or its check would see no record it
 * manages (no `givesBack`) and its diff would show the whole list replaced.
 */
function engineForm(kind: ResourceKindName, props: Props): Props {
  const { toEngine, fromEngine } = runtime.kinds[kind] ?? {};
  if (!toEngine || !fromEngine || Object.keys(props).length === 0) return props;
  try {
    return { ...props, ...toEngine(fromEngine(props)) };
  } catch {
    return props; // not inputs this kind can read: the runtime says why where it matters
  }
}

const KIND = pb.PropertyDiff.Kind;
const kindOf = ({ kind, replace }: PathChange): pb.PropertyDiff.Kind =>
  kind === "ADD" ? (replace ? KIND.ADD_REPLACE : KIND.ADD) : kind === "DELETE" ? (replace ? KIND.DELETE_REPLACE : KIND.DELETE) : replace ? KIND.UPDATE_REPLACE : KIND.UPDATE;

export interface ServerOptions {
  /** The engine's address (the plugin's first argument), for warnings; Attach may give it later. */
  engineAddress?: string;
  /** Where warnings go instead of the engine (tests). */
  warn?: WarnSink;
}

export function providerService(options: ServerOptions = {}): { service: Partial<IResourceProviderServer>; close(): void } {
  const log = engineLog(options.engineAddress);
  const sink: WarnSink = options.warn ?? log.warn;

  /**
   * Runs a step of one resource with its warnings sent to the engine under its URN, and answers
   * only once they are delivered, so each shows before the step's outcome.
   */
  async function forResource<T>(urn: string, work: (hooks: runtime.CallHooks) => Promise<T>): Promise<T> {
    const sent: Promise<void>[] = [];
    try {
      return await work({ warn: (message) => void sent.push(sink(urn, message)) });
    } finally {
      await Promise.allSettled(sent);
    }
  }

  const service: Partial<IResourceProviderServer> = {
    getPluginInfo: unary(async () => new PluginInfo().setVersion(packageVersion())),

    getSchema: unary(async () => {
      const schema: unknown = buildSchema();
      return new pb.GetSchemaResponse().setSchema(typeof schema === "string" ? schema : JSON.stringify(schema));
    }),

    // The news are echoed as sent: an apiKey the engine wrapped as a secret stays wrapped in the
    // provider's recorded inputs.
    checkConfig: unary(async (request: pb.CheckRequest) => {
      const response = new pb.CheckResponse().setInputs(request.getNews());
      for (const { property, reason } of unknownSettings(fromStruct(request.getNews()))) response.addFailures(new pb.CheckFailure().setProperty(property).setReason(reason));
      return response;
    }),

    diffConfig: unary(async (request: pb.DiffRequest) => {
      const olds = fromStruct(request.getOldInputs() ?? request.getOlds());
      const news = fromStruct(request.getNews());
      const changed = WATCHED_SETTINGS.filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]));
      const response = new pb.DiffResponse().setChanges(changed.length > 0 ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE);
      return response.setDiffsList([...changed]);
    }),

    // Secrets arrive as plain values (acceptSecrets:false), so nothing here may ever log the request.
    configure: unary(async (request: pb.ConfigureRequest) => {
      const variables = new Map(request.getVariablesMap().toArray());
      configureFrom(configSource(fromStruct(request.getArgs()), variables));
      return new pb.ConfigureResponse().setAcceptsecrets(false).setSupportspreview(true).setAcceptresources(false).setAcceptoutputs(false);
    }),

    invoke: unary(async (request: pb.InvokeRequest) => new pb.InvokeResponse().setReturn(toStruct(await invoke(request.getTok(), fromStruct(request.getArgs()))))),

    check: unary(async (request: pb.CheckRequest) => {
      const urn = request.getUrn();
      const news = fromStruct(request.getNews());
      const kind = kindOfUrn(urn);
      const outcome = await forResource(urn, (hooks) => runtime.checkResource(kind, engineForm(kind, fromStruct(request.getOlds())), news, hooks));
      const response = new pb.CheckResponse().setInputs(toStruct(outcome.inputs ?? news));
      for (const { property, reason } of outcome.failures ?? []) response.addFailures(new pb.CheckFailure().setProperty(property).setReason(reason));
      return response;
    }),

    diff: unary(async (request: pb.DiffRequest) => {
      const urn = request.getUrn();
      const olds = fromStruct(request.getOlds());
      const news = fromStruct(request.getNews());
      const decided = await runtime.diff(kindOfUrn(urn), request.getId(), olds, news);
      const response = new pb.DiffResponse().setDeletebeforereplace(decided.deleteBeforeReplace);
      if (!decided.changes) return response.setChanges(pb.DiffResponse.DiffChanges.DIFF_NONE).setHasdetaileddiff(true);
      response.setChanges(pb.DiffResponse.DiffChanges.DIFF_SOME).setReplacesList(decided.replaces);
      // Old inputs where the engine sends them; else the stored state, as far as it holds inputs.
      const oldInputs = request.getOldInputs() !== undefined ? engineForm(kindOfUrn(urn), fromStruct(request.getOldInputs())) : Object.fromEntries(Object.keys(news).map((key) => [key, olds[key]]));
      const paths = detailedDiff(oldInputs, news, decided.replaces);
      // A change the inputs do not show (an unconfirmed glue change, a renewal due): the engine
      // is told there is one, and shows the resource as updated without naming a path.
      if (paths.size === 0) return response.setHasdetaileddiff(false);
      const map = response.getDetaileddiffMap();
      for (const [path, change] of paths) map.set(path, new pb.PropertyDiff().setKind(kindOf(change)).setInputdiff(true));
      return response.setDiffsList([...new Set([...paths.keys()].map((path) => /^[^.[]*/.exec(path)?.[0] ?? path))]).setHasdetaileddiff(true);
    }),

    create: unary(async (request: pb.CreateRequest) => {
      const urn = request.getUrn();
      const inputs = fromStruct(request.getProperties());
      // A preview calls nothing: the outputs are the inputs, unknowns included.
      if (request.getPreview()) return new pb.CreateResponse().setId("").setProperties(toStruct(inputs));
      const created = await forResource(urn, (hooks) => runtime.create(kindOfUrn(urn), inputs, hooks));
      return new pb.CreateResponse().setId(created.id).setProperties(toStruct(created.outs));
    }),

    // With neither properties nor inputs this is an import (`pulumi import`, the `import` option):
    // the runtime reads by the id alone.
    read: unary(async (request: pb.ReadRequest) => {
      const urn = request.getUrn();
      const props = fromStruct(request.getProperties());
      const kind = kindOfUrn(urn);
      const answer = await forResource(urn, (hooks) => runtime.read(kind, request.getId(), props, hooks));
      const response = new pb.ReadResponse().setId(answer.id);
      if (answer.id === "" || answer.props === undefined) return response;
      response.setProperties(toStruct(answer.props));
      if (answer.inputs === undefined) return response;
      // An import's inputs are what `pulumi import` writes into the generated program, so they go
      // back in the schema's form (a DnsRecordSet's records a list): the engine form (a map keyed by
      // record) is no valid program, and every code generator refuses it. Check accepts both forms.
      const isImport = Object.keys(props).length === 0 && Object.keys(fromStruct(request.getInputs())).length === 0;
      const fromEngine = runtime.kinds[kind]?.fromEngine;
      return response.setInputs(toStruct(isImport && fromEngine ? (fromEngine(answer.inputs) as Props) : answer.inputs));
    }),

    update: unary(async (request: pb.UpdateRequest) => {
      const urn = request.getUrn();
      const olds = fromStruct(request.getOlds());
      const news = fromStruct(request.getNews());
      if (request.getPreview()) return new pb.UpdateResponse().setProperties(toStruct({ ...olds, ...news }));
      const updated = await forResource(urn, (hooks) => runtime.update(kindOfUrn(urn), request.getId(), olds, news, hooks));
      return new pb.UpdateResponse().setProperties(toStruct(updated.outs));
    }),

    delete: unary(async (request: pb.DeleteRequest) => {
      const urn = request.getUrn();
      await forResource(urn, (hooks) => runtime.delete(kindOfUrn(urn), request.getId(), fromStruct(request.getProperties()), hooks));
      return new Empty();
    }),

    // Every step runs to its end: a half-sent change is worse than a late cancel.
    cancel: unary(async () => new Empty()),

    attach: unary(async (request) => {
      log.connect(request.getAddress());
      return new Empty();
    }),
  };
  return { service, close: () => log.close() };
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Serves the provider on a free loopback port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Large states (a zone of many records) exceed gRPC's 4 MB default; the engine allows 400 MB.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const { service, close } = providerService(options);
  server.addService(ResourceProviderService, service as IResourceProviderServer);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        close();
        server.tryShutdown(() => resolve());
      }),
  };
}
