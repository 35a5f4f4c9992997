// Write, then read back. Some registrars acknowledge a save and keep the old value (or apply it a
// while later); only a re-read tells. Every kind saves through this, so "done" always means "seen".
export class NotAppliedError extends Error {
  override name = "NotAppliedError";
}

export interface VerifiedWrite<T> {
  /** Sends the change. */
  write(): Promise<unknown>;
  /** Reads the value now in force. */
  read(): Promise<T>;
  /** Whether what was read is what was asked for. */
  matches(live: T): boolean;
  /** The sentence for a save that did not take, given what is live. */
  notApplied(live: T): string;
}

/** Returns the value read back after the write; throws NotAppliedError when it is not the one asked for. */
export async function writeThenVerify<T>(step: VerifiedWrite<T>): Promise<T> {
  await step.write();
  const live = await step.read();
  if (!step.matches(live)) throw new NotAppliedError(step.notApplied(live));
  return live;
}
