/**
 * When a "tomorrow" snooze ends: 09:00 on the next calendar day where the team works (an IANA time zone), not
 * in UTC, so a London team's alert does not come back at 10:00 in summer or a Sydney team's in the evening.
 */

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(atMs: number, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(atMs));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour"), minute: value("minute"), second: value("second") };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(atMs: number, timeZone: string): number {
  const p = localParts(atMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(atMs / 1000) * 1000;
}

/** Unix seconds of `hour`:00 local time on the day after `nowSeconds`'s local date. */
export function tomorrowAt(nowSeconds: number, timeZone: string, hour = 9): number {
  const today = localParts(nowSeconds * 1000, timeZone);
  // Date.UTC rolls day 32 over into the next month, and so on.
  const wall = Date.UTC(today.year, today.month - 1, today.day + 1, hour, 0, 0);
  // Two passes settle the offset when a daylight-saving change falls between now and then.
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  return Math.floor(at / 1000);
}

/** "Tue 25 Nov 09:00 Europe/London": the snooze's end as the team reads it. */
export function localTimeText(atSeconds: number, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(atSeconds * 1000));
  return `${text.replace(/,/g, "")} ${timeZone}`;
}
