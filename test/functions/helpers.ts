// Shared setup for the read-function tests: the default-seed emulator on loopback, its admin
// surface, and reading an Output's value (or its failure) as a promise.
import { inspect } from "node:util";
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator, type EmulatorHandle } from "../../emulator";

export const DEMO = { username: "demo@example.com", apiKey: "demo-api-key-not-secret" } as const;
/** Set on acme-widgets.com through the admin API, so a test knows what must never leak. */
export const KNOWN_EPP = "Epp-Known-Code-7f3Q!";

export async function startSeeded(): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: 0, admin: true, seed: "default" });
  await admin(emulator, "PATCH", "/domains/acme-widgets.com", { eppCode: KNOWN_EPP });
  return emulator;
}

export async function admin(emulator: EmulatorHandle, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulator.origin}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

/** The value of an Output once known; rejects with the Output's failure. (`promise` is the SDK's own, untyped.) */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** Everything an error could show a user: message, stack, cause, JSON form and inspection. */
export function everythingIn(error: unknown): string {
  const e = error as { message?: unknown; stack?: unknown; toJSON?: () => unknown };
  return [String(e?.message), String(e?.stack), typeof e?.toJSON === "function" ? JSON.stringify(e.toJSON()) : "", inspect(error, { depth: 5 })].join("\n");
}

/**
 * The failure of an Output. Every Output derived from a failed one rejects with the same error,
 * and Node reports each as an unhandled rejection; Pulumi's program runner reports one error once
 * (it keeps track by identity). So the test collects them instead of letting the runner fail, and
 * returns them to be checked for that identity.
 */
export async function failureOf(output: pulumi.Output<unknown>): Promise<{ error: unknown; unhandled: unknown[] }> {
  const saved = process.listeners("unhandledRejection");
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => unhandled.push(reason);
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", collect);
  try {
    const error = await valueOf(output).then(
      () => {
        throw new Error("expected the Output to fail");
      },
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { error, unhandled };
  } finally {
    process.off("unhandledRejection", collect);
    for (const listener of saved) process.on("unhandledRejection", listener);
  }
}

/** Removes the DOMAINSRESELLER_* variables for one test and gives back a function restoring them. */
export function isolateEnv(): () => void {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("DOMAINSRESELLER_")));
  for (const key of Object.keys(saved)) delete process.env[key];
  return () => {
    for (const key of Object.keys(process.env)) if (key.startsWith("DOMAINSRESELLER_")) delete process.env[key];
    Object.assign(process.env, saved);
  };
}
