import { describe, expect, it } from "vitest";
import { cronSlots, isValidCron } from "../../src/scheduler/cron-slots.js";
import { describeCron } from "../../src/scheduler/describe-cron.js";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const at = (text: string) => Date.parse(text);

describe("cron slots", () => {
  it("finds the previous and next scheduled times, the current instant included in previous", () => {
    const every5 = cronSlots("*/5 * * * *", "UTC");
    expect(iso(every5.previous(at("2026-11-25T10:17:30Z")))).toBe("2026-11-25T10:15:00.000Z");
    expect(iso(every5.previous(at("2026-11-25T10:15:00Z")))).toBe("2026-11-25T10:15:00.000Z");
    expect(iso(every5.next(at("2026-11-25T10:15:00Z")))).toBe("2026-11-25T10:20:00.000Z");
  });

  it("reads the expression in the time zone, across a daylight-saving change", () => {
    const dublin = cronSlots("0 9 * * 1", "Europe/Dublin");
    // Summer time: 09:00 in Dublin is 08:00 UTC; winter: 09:00 UTC. Clocks went back on 25 Oct 2026.
    expect(iso(dublin.previous(at("2026-10-20T12:00:00Z")))).toBe("2026-10-19T08:00:00.000Z");
    expect(iso(dublin.next(at("2026-10-20T12:00:00Z")))).toBe("2026-10-26T09:00:00.000Z");
    const india = cronSlots("30 0 * * *", "Asia/Kolkata");
    expect(iso(india.previous(at("2026-11-25T10:00:00Z")))).toBe("2026-11-24T19:00:00.000Z");
  });

  it("handles seconds, last-day-of-month and yearly expressions, and stops at the lookback bound", () => {
    expect(iso(cronSlots("*/10 * * * * *", "UTC").previous(at("2026-11-25T10:17:37.5Z")))).toBe("2026-11-25T10:17:30.000Z");
    expect(iso(cronSlots("0 0 L * *", "UTC").previous(at("2026-11-25T10:00:00Z")))).toBe("2026-10-31T00:00:00.000Z");
    const yearly = cronSlots("0 0 1 1 *", "UTC");
    expect(iso(yearly.previous(at("2026-11-25T10:00:00Z")))).toBe("2026-01-01T00:00:00.000Z");
    expect(yearly.previous(at("2026-11-25T10:00:00Z"), 30 * 86_400_000)).toBeUndefined();
    expect(iso(yearly.next(at("2026-11-25T10:00:00Z")))).toBe("2027-01-01T00:00:00.000Z");
  });

  it("validates with node-cron itself", () => {
    expect(isValidCron("0 9 * * 1")).toBe(true);
    expect(isValidCron("99 99 * * *")).toBe(false);
    expect(isValidCron("every monday")).toBe(false);
  });
});

describe("describeCron", () => {
  it.each([
    ["* * * * *", "every minute"],
    ["*/5 * * * *", "every 5 minutes"],
    ["0 * * * *", "every hour at :00"],
    ["0 */2 * * *", "every 2 hours at :00"],
    ["0 9 * * 1", "every Monday at 09:00 (UTC)"],
    ["30 8 * * 1-5", "on weekdays at 08:30 (UTC)"],
    ["0 9 * * mon,thu", "every Monday and Thursday at 09:00 (UTC)"],
    ["17 3 * * *", "every day at 03:17 (UTC)"],
    ["0 6 1 * *", "on day 1 of every month at 06:00 (UTC)"],
    ["*/10 * * * * *", "every 10 seconds"],
    ["0 9 * 6 *", "on the schedule 0 9 * 6 * (UTC)"],
  ])("%s reads as %s", (cron, words) => {
    expect(describeCron(cron, "UTC")).toBe(words);
  });
});
