/** A clock and a sleep that advance together instantly, so waits are asserted without real time passing. */
export function fakeTime(startMs = 1_700_000_000_000, log?: string[]) {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => current,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      log?.push(`sleep ${ms}`);
      current += ms;
    },
    /** Seconds since the epoch, as Intercom writes X-RateLimit-Reset. */
    epochSeconds: (offsetSeconds = 0) => String(Math.floor(current / 1000) + offsetSeconds),
  };
}
