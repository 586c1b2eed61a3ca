import { describe, expect, it } from "vitest";
import { call, makeEmulator } from "./helpers.js";

describe("rate limits", () => {
  it("sends X-RateLimit headers and answers 429 once the 10-second budget is spent", async () => {
    const em = makeEmulator({ rateLimit: 3 });
    em.clock.ms = 1_764_000_003_000;
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await call(em, "GET", "/me");
      expect(result.status).toBe(200);
      expect(result.headers.get("x-ratelimit-limit")).toBe("3");
      expect(result.headers.get("x-ratelimit-reset")).toBe("1764000010");
      remaining.push(result.headers.get("x-ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await call(em, "GET", "/me");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ type: "error.list", errors: [{ code: "rate_limit_exceeded" }] });
    expect(limited.body.errors[0].message).toMatch(/3 in 10_seconds/);

    em.clock.ms = 1_764_000_010_000;
    const after = await call(em, "GET", "/me");
    expect(after.status).toBe(200);
    expect(after.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(after.headers.get("x-ratelimit-reset")).toBe("1764000020");
  });

  it("does not count admin routes and can change the budget at run time", async () => {
    const em = makeEmulator({ rateLimit: 1 });
    await call(em, "GET", "/me");
    expect((await call(em, "GET", "/__emulator/info")).status).toBe(200);
    expect((await call(em, "GET", "/me")).status).toBe(429);
    await call(em, "PUT", "/__emulator/faults", { rateLimit: 5 });
    expect((await call(em, "GET", "/me")).status).toBe(200);
    // A budget of zero (or a fraction) would turn every request into a 429: refused, and nothing changes.
    for (const rateLimit of [0, 2.5, "9"]) {
      const refused = await call(em, "PUT", "/__emulator/faults", { rateLimit, latencyMs: 50 });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe("rateLimit");
    }
    expect((await call(em, "GET", "/__emulator/faults")).body.latencyMs).toBe(0);
    expect((await call(em, "GET", "/me")).status).toBe(200);
  });
});

describe("fault injection", () => {
  it("answers a burst of 429s, then recovers", async () => {
    const em = makeEmulator({ faults: { rateLimitBurst: 2 } });
    expect((await call(em, "GET", "/me")).status).toBe(429);
    const second = await call(em, "GET", "/me");
    expect(second.status).toBe(429);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await call(em, "GET", "/me")).status).toBe(200);
  });

  it("fails a seeded share of requests with 5xx, the same ones for the same seed", async () => {
    const run = async () => {
      const em = makeEmulator({ seed: 11, rateLimit: 10_000 });
      em.setFaults({ serverErrorRate: 0.3 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await call(em, "GET", "/me")).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s >= 500);
    expect(failures.length).toBeGreaterThan(35);
    expect(failures.length).toBeLessThan(85);
    expect(new Set(failures)).toEqual(new Set([500, 503]));
    expect(await run()).toEqual(first);
  });

  it("adds latency through the injected sleep, and is switchable through the admin route", async () => {
    const slept: number[] = [];
    const em = makeEmulator({ sleep: async (ms) => void slept.push(ms) });
    const set = await call(em, "PUT", "/__emulator/faults", { latencyMs: 250, serverErrorRate: 1 });
    expect(set.body).toMatchObject({ latencyMs: 250, serverErrorRate: 1 });
    expect((await call(em, "GET", "/me")).status).toBeGreaterThanOrEqual(500);
    expect(slept).toEqual([250]);
    expect((await call(em, "PUT", "/__emulator/faults", { serverErrorRate: 2 })).status).toBe(400);
    await call(em, "DELETE", "/__emulator/faults");
    expect((await call(em, "GET", "/me")).status).toBe(200);
    expect(slept).toEqual([250]);
  });
});
