/** Work after an ack gives way to requests still waiting for their answer, but is never starved. */
import { describe, expect, it } from "vitest";
import { createSilentLogger } from "../../src/logger.js";
import { AckPressure } from "../../src/slack/ack-pressure.js";
import { BackgroundWork } from "../../src/slack/background-work.js";

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe("AckPressure", () => {
  it("lets a task start at once when no request is waiting", async () => {
    const now = 1000;
    const pressure = new AckPressure({ now: () => now });
    let started = false;
    await pressure.turn().then(() => (started = true));
    expect(started).toBe(true);
  });

  it("holds tasks while a request waits for its ack, and starts them once the endpoint has settled", async () => {
    let now = 0;
    const pressure = new AckPressure({ tickMs: 1, settleMs: 30, maxWaitMs: 10_000, now: () => now });
    const done = pressure.begin();
    const started: number[] = [];
    for (const id of [1, 2, 3]) pressure.turn().then(() => started.push(id));
    // Ticks pass with the request still unanswered: nothing starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([]);
    done();
    now += 10;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([]);
    now += 30;
    await until(() => started.length === 3);
    expect(started).toEqual([1, 2, 3]);
  });

  it("during a long burst, a task that has waited maxWaitMs starts anyway, oldest first, one per tick", async () => {
    let now = 0;
    const pressure = new AckPressure({ tickMs: 1, maxWaitMs: 100, now: () => now });
    pressure.begin();
    const started: number[] = [];
    pressure.turn().then(() => started.push(1));
    now = 50;
    pressure.turn().then(() => started.push(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([]);
    now = 120;
    await until(() => started.length === 1);
    expect(started).toEqual([1]);
    now = 160;
    await until(() => started.length === 2);
    expect(started).toEqual([1, 2]);
  });

  it("BackgroundWork waits for its turn before each task", async () => {
    let letThrough: () => void = () => {};
    const gate = () => new Promise<void>((resolve) => (letThrough = resolve));
    const work = new BackgroundWork(createSilentLogger(), 4, gate);
    let ran = false;
    work.start("t", async () => {
      ran = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ran).toBe(false);
    letThrough();
    expect(await work.idle(5000)).toBe(true);
    expect(ran).toBe(true);
  });
});
