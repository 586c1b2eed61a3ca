/**
 * The scheduled times of a cron expression around a given instant, in a time zone. node-cron 4 can say whether
 * an instant matches (and the next run after the real "now"), but not the previous one, which catch-up needs,
 * and not relative to an injected clock, which tests need. So this walks minute by minute with node-cron's own
 * matcher as the judge, skipping whole hours whose hour or minute cannot match and whole local days once a day
 * has been seen not to match, which keeps even a yearly expression to a few thousand steps.
 */
import { createTask, parse, type ScheduledTask, validate } from "node-cron";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface CronSlots {
  readonly expression: string;
  readonly timezone: string;
  /** The latest scheduled time at or before `at` (Unix ms), not further back than `lookbackMs`. */
  previous(at: number, lookbackMs?: number): number | undefined;
  /** The first scheduled time strictly after `at`, not further ahead than `lookaheadMs`. */
  next(at: number, lookaheadMs?: number): number | undefined;
  matches(at: number): boolean;
}

/** Whether node-cron accepts the expression; the scheduler refuses to start otherwise. */
export const isValidCron = (expression: string): boolean => validate(expression);

interface LocalParts {
  day: string;
  hour: number;
  minute: number;
}

function localPartsReader(timezone: string): (at: number) => LocalParts {
  // One formatter per expression: building an Intl formatter is the expensive part of a time-zone lookup.
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (at) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
    return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
  };
}

export function cronSlots(expression: string, timezone: string): CronSlots {
  const fields = parse(expression);
  const seconds = [...fields.second].sort((a, b) => a - b);
  const hours = new Set(fields.hour);
  const minutes = new Set(fields.minute);
  const local = localPartsReader(timezone);
  // A task that is never started: only its matcher (which knows L, #, names and the time zone) is used.
  const matcher: ScheduledTask = createTask(expression, () => undefined, { timezone });
  const match = (at: number) => matcher.match(new Date(at));
  void matcher.destroy();

  /** Steps to try in one minute, in the walk's direction, limited to the window [from, to]. */
  const inMinute = (minuteStart: number, from: number, to: number, backwards: boolean): number | undefined => {
    const list = backwards ? [...seconds].reverse() : seconds;
    for (const second of list) {
      const at = minuteStart + second * 1000;
      if (at < from || at > to) continue;
      if (match(at)) return at;
    }
    return undefined;
  };

  const walk = (start: number, limit: number, backwards: boolean): number | undefined => {
    const step = backwards ? -MINUTE : MINUTE;
    const from = backwards ? limit : start;
    const to = backwards ? start : limit;
    let minuteStart = Math.floor(start / MINUTE) * MINUTE;
    let badDay: string | undefined;
    for (let guard = 0; guard < 1_000_000; guard += 1) {
      if (backwards ? minuteStart + MINUTE <= limit : minuteStart > limit) return undefined;
      const parts = local(minuteStart);
      if (parts.day === badDay || !hours.has(parts.hour)) {
        // Jump to the edge of this hour: hour boundaries are minute-aligned in every time zone.
        minuteStart = backwards ? minuteStart - parts.minute * MINUTE - MINUTE : minuteStart + (60 - parts.minute) * MINUTE;
        continue;
      }
      if (minutes.has(parts.minute)) {
        const found = inMinute(minuteStart, from, to, backwards);
        if (found !== undefined) return found;
        // Hour, minute and second fit but nothing matched: the day (or month) does not, so skip the rest of it.
        if (seconds.some((s) => minuteStart + s * 1000 >= from && minuteStart + s * 1000 <= to)) badDay = parts.day;
      }
      minuteStart += step;
    }
    return undefined;
  };

  return {
    expression,
    timezone,
    matches: (at) => match(at),
    previous: (at, lookbackMs = 400 * DAY) => walk(at, at - lookbackMs, true),
    next: (at, lookaheadMs = 400 * DAY) => walk(at + 1, at + lookaheadMs, false),
  };
}
