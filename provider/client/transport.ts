// The wire: one undici Pool per endpoint origin, with keep-alive and timeouts. It only moves bytes;
// deciding what a failure means is classify.ts's job.
import { Pool } from "undici";

export interface WireRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface WireResponse {
  status: number;
  /** Lower-case names, as undici gives them; a repeated header is an array. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One header as a string (repeated values joined), or undefined. */
export function headerOf(response: WireResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

export interface TransportOptions {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  connections: number;
}

/** Bodies larger than this are not API answers; undici stops reading so a wrong endpoint cannot eat memory. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class Transport {
  readonly #pool: Pool;

  constructor(origin: string, options: TransportOptions) {
    this.#pool = new Pool(origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      maxResponseSize: MAX_BODY_BYTES,
    });
  }

  async send(request: WireRequest): Promise<WireResponse> {
    const response = await this.#pool.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      // Never let undici repeat a request on its own: retries are decided per route in client.ts.
      idempotent: false,
    });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}
