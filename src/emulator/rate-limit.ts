/** Intercom's per-10-second request budget, with the X-RateLimit-* headers it sends on authenticated calls. */
import type { Clock } from "./types.js";

export const RATE_WINDOW_MS = 10_000;

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  limit: number;
}

export class RateLimiter {
  private windowStart = -1;
  private used = 0;

  constructor(
    private readonly clock: Clock,
    public limit: number,
  ) {}

  take(): RateDecision {
    const now = this.clock.now();
    const start = Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used += 1;
    const headers = {
      "X-RateLimit-Limit": String(this.limit),
      "X-RateLimit-Remaining": String(Math.max(0, this.limit - this.used)),
      "X-RateLimit-Reset": String(Math.ceil((start + RATE_WINDOW_MS) / 1000)),
    };
    return { allowed, headers, limit: this.limit };
  }
}
