// Preloaded (`node --require`) into the Pulumi program and the provider process by the write fault
// matrix (reliability-writes.test.ts), to put the provider's clock where a case needs it: on the
// other side of an hour boundary from the emulator's clock (a server 5 minutes off), or with both
// clocks a few seconds before an hour turns. Only Date moves; timers and performance.now() do not,
// so timeouts behave as they do for real. Without DOMAINSRESELLER_TEST_CLOCK_SHIFT_MS nothing changes.
"use strict";

const shift = Number(process.env.DOMAINSRESELLER_TEST_CLOCK_SHIFT_MS ?? "0");
if (Number.isFinite(shift) && shift !== 0) {
  const RealDate = Date;
  function ShiftedDate(...args) {
    // Called without `new`, Date returns the current time as text.
    if (!new.target) return new RealDate(RealDate.now() + shift).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + shift) : new RealDate(...args);
  }
  // Same prototype, so `instanceof Date` and every method keep working on the dates it makes.
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + shift;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}
