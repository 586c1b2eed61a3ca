/**
 * A few conversations the escalation sweep must be able to find on a fresh demo workspace, which a random
 * inbox of a few thousand rarely holds: VIP customers left waiting for hours, and conversations reopened three
 * or more times that are waiting again. They replace ordinary conversations at their creation times.
 */
import type { Course } from "./conversation-plan.js";
import type { Rng } from "./prng.js";

export interface ShowcasePlan {
  index: number;
  course: Course;
  contactIndex: number;
  angry: boolean;
  /** For the reopened course: how many times the customer came back; the last one is still waiting. */
  reopens?: number;
}

const HOUR = 3600;
const DAY = 86400;
/** Small workspaces (tests, quick demos) stay purely random. */
export const SHOWCASE_MIN_CONVERSATIONS = 200;
export const SHOWCASE_VIP_WAITING = 3;
export const SHOWCASE_REOPENED = 3;

/** Picks `count` distinct items at random, in their original order. */
function pickSome(rng: Rng, items: readonly number[], count: number, taken: Set<number>): number[] {
  const pool = items.filter((i) => !taken.has(i));
  const chosen: number[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  for (const i of chosen) taken.add(i);
  return chosen.sort((a, b) => a - b);
}

/**
 * @param times creation times of the conversations, ascending
 * @param vipByContact whether each contact is a VIP
 * @param users indexes of the contacts that are users (VIPs are always users)
 */
export function showcasePlans(rng: Rng, times: Float64Array, now: number, vipByContact: readonly boolean[], users: readonly number[]): ShowcasePlan[] {
  if (times.length < SHOWCASE_MIN_CONVERSATIONS) return [];
  const vips = users.filter((i) => vipByContact[i]);
  const indexes = (from: number, to: number) => [...times.keys()].filter((i) => times[i] >= now - from && times[i] <= now - to);
  const taken = new Set<number>();
  const plans: ShowcasePlan[] = [];
  // Calm and unanswered for 2 to 20 hours: past the VIP threshold, short of a long wait for anyone.
  if (vips.length > 0) {
    for (const index of pickSome(rng, indexes(20 * HOUR, 2 * HOUR), SHOWCASE_VIP_WAITING, taken))
      plans.push({ index, course: "neglected", contactIndex: rng.pick(vips), angry: false });
  }
  // Started 4 to 12 days ago: room for three or four round trips before the latest comeback.
  const nonVips = users.filter((i) => !vipByContact[i]);
  if (nonVips.length > 0) {
    for (const index of pickSome(rng, indexes(12 * DAY, 4 * DAY), SHOWCASE_REOPENED, taken))
      plans.push({ index, course: "reopened", contactIndex: rng.pick(nonVips), angry: false, reopens: rng.int(3, 4) });
  }
  return plans;
}
