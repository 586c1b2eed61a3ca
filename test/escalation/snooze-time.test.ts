import { describe, expect, it } from "vitest";
import { localTimeText, tomorrowAt } from "../../src/domain/escalation/snooze-time.js";
import { snoozeUntil } from "../../src/workflows/escalation/decisions.js";

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('"tomorrow" snoozes end at 09:00 where the team works', () => {
  it("in UTC, including across a month end", () => {
    expect(tomorrowAt(at("2025-11-24T16:00:00Z"), "UTC")).toBe(at("2025-11-25T09:00:00Z"));
    expect(tomorrowAt(at("2025-01-31T23:30:00Z"), "UTC")).toBe(at("2025-02-01T09:00:00Z"));
  });

  it("in London in summer, an hour before 09:00 UTC", () => {
    expect(tomorrowAt(at("2025-07-10T12:00:00Z"), "Europe/London")).toBe(at("2025-07-11T08:00:00Z"));
  });

  it("in Sydney, from the local date, which is already a day ahead of UTC", () => {
    // 16:00 UTC on the 24th is 03:00 on the 25th in Sydney, so tomorrow there is the 26th.
    expect(tomorrowAt(at("2025-11-24T16:00:00Z"), "Australia/Sydney")).toBe(at("2025-11-25T22:00:00Z"));
  });

  it("in New York across the end of daylight saving time", () => {
    // Saturday 16:00 EDT; Sunday 09:00 is EST (UTC-5) after the clocks went back at 02:00.
    expect(tomorrowAt(at("2025-11-01T20:00:00Z"), "America/New_York")).toBe(at("2025-11-02T14:00:00Z"));
  });

  it("the snooze choices use the zone, and the reply names it", () => {
    const now = at("2025-07-10T12:00:00Z");
    expect(snoozeUntil("tomorrow", now, "Europe/London")).toBe(at("2025-07-11T08:00:00Z"));
    expect(snoozeUntil("tomorrow", now)).toBe(at("2025-07-11T09:00:00Z"));
    expect(snoozeUntil("1h", now, "Europe/London")).toBe(now + 3600);
    expect(snoozeUntil("next week", now, "Europe/London")).toBeUndefined();
    expect(localTimeText(at("2025-07-11T08:00:00Z"), "Europe/London")).toBe("Fri 11 Jul 09:00 Europe/London");
  });
});
