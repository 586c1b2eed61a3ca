/**
 * How long an inbox item waits before its next attempt: doubling from one second, capped at five minutes. No
 * jitter: retries are per item and already spread by arrival, and a fixed schedule keeps tests exact.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

export function retryDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 5 * 60_000;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
