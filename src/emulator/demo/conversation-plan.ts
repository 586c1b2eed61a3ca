/** The random choices behind each conversation: when it starts, its topic, how it unfolds and how fast the team answers. */
import type { Rng } from "./prng.js";
import type { TeamKey } from "./team.js";

export type Course = "neglected" | "chased" | "awaiting_customer" | "snoozed" | "reopened" | "resolved";

const HOUR = 3600;
const DAY = 86400;
/** Relative inbox volume per hour of day (UTC): quiet nights, busy late mornings and evenings. */
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 9, 8, 8, 8, 8, 9, 8, 6, 4, 3];

export function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

export function sampleIndex(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function creationTimes(rng: Rng, windowStart: number, end: number, count: number): Float64Array {
  const times = new Float64Array(count);
  const span = Math.max(1, end - windowStart);
  const maxWeight = Math.max(...HOUR_WEIGHTS);
  for (let i = 0; i < count; i++) {
    // Rejection sampling shapes the hour of day without a second pass.
    for (;;) {
      const t = windowStart + Math.floor(rng.next() * span);
      const hour = Math.floor((t % DAY) / HOUR);
      if (rng.next() * maxWeight < HOUR_WEIGHTS[hour]) {
        times[i] = t;
        break;
      }
    }
  }
  return times.sort();
}

export function chooseCourse(rng: Rng, age: number): Course {
  const u = rng.next();
  if (age <= DAY) {
    if (u < 0.35) return "neglected";
    if (u < 0.43) return "chased";
    if (u < 0.51) return "awaiting_customer";
    if (u < 0.56) return "snoozed";
    if (u < 0.62) return "reopened";
    return "resolved";
  }
  if (age <= 3 * DAY) {
    if (u < 0.04) return "neglected";
    if (u < 0.07) return "chased";
    if (u < 0.14) return "awaiting_customer";
    if (u < 0.19) return "snoozed";
    if (u < 0.27) return "reopened";
    return "resolved";
  }
  // A few forgotten ones from earlier this week, for escalation to find. Older ones were all answered at some
  // point: a customer left waiting for weeks would look like a broken generator, not a busy inbox.
  if (age <= 6 * DAY) {
    if (u < 0.012) return "neglected";
    if (u < 0.02) return "chased";
  }
  if (u < 0.036) return "awaiting_customer";
  if (u < 0.046) return "snoozed";
  if (u < 0.126) return "reopened";
  return "resolved";
}

export const ANGRY_CHANCE: Record<Course, number> = {
  neglected: 0.4,
  chased: 0.3,
  reopened: 0.25,
  awaiting_customer: 0.03,
  snoozed: 0.03,
  resolved: 0.03,
};

export function teamFor(tagNames: string[], vip: boolean): TeamKey {
  if (vip) return "premium";
  if (tagNames.includes("fraud") || tagNames[0] === "billing" || tagNames[0] === "transfers") return "payments";
  return "frontline";
}

/** Delay before the team's first answer: minutes for most, hours for some, faster for VIPs. */
export function replyDelay(rng: Rng, vip: boolean): number {
  if (vip) return rng.int(60, 40 * 60);
  const base = Math.round(60 * Math.exp(rng.next() * 5.2));
  return rng.chance(0.1) ? base + rng.int(4 * HOUR, 20 * HOUR) : base;
}
