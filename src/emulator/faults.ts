/**
 * Fault injection for reliability tests: a burst of 429s, a share of 5xx answers, added latency. Randomness
 * comes from a seeded generator so a run with the same seed fails the same requests.
 */
export interface FaultSettings {
  /** The next N authenticated requests answer 429. */
  rateLimitBurst?: number;
  /** Share (0..1) of requests that answer 500 or 503. */
  serverErrorRate?: number;
  /** Milliseconds added before each answer. */
  latencyMs?: number;
}

export type FaultOutcome = { kind: "none" } | { kind: "rate_limited" } | { kind: "server_error"; status: number };

export class FaultInjector {
  private settings: Required<FaultSettings> = { rateLimitBurst: 0, serverErrorRate: 0, latencyMs: 0 };
  private random: () => number;

  constructor(seed: number, initial?: FaultSettings) {
    this.random = mulberry32(seed ^ 0x5eed);
    if (initial) this.set(initial);
  }

  set(next: FaultSettings): Required<FaultSettings> {
    this.settings = { ...this.settings, ...stripUndefined(next) };
    return this.current();
  }

  reset(): void {
    this.settings = { rateLimitBurst: 0, serverErrorRate: 0, latencyMs: 0 };
  }

  current(): Required<FaultSettings> {
    return { ...this.settings };
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  draw(): FaultOutcome {
    if (this.settings.rateLimitBurst > 0) {
      this.settings.rateLimitBurst -= 1;
      return { kind: "rate_limited" };
    }
    if (this.settings.serverErrorRate > 0 && this.random() < this.settings.serverErrorRate) {
      return { kind: "server_error", status: this.random() < 0.5 ? 500 : 503 };
    }
    return { kind: "none" };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Small seeded PRNG; good enough for deciding which requests fail. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
