import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot, formatDuration, formatSnapshot } from "../../src/demo/workspace-snapshot.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";

let emulator: RunningEmulator;
const now = 1_790_000_000;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, conversations: 300, seed: 3, now, clock: { now: () => now * 1000 } });
});
afterAll(() => emulator.close());

describe("workspace snapshot", () => {
  it("summarises the demo workspace through the real client", async () => {
    const client = new IntercomClient({ baseUrl: emulator.url, token: emulator.token });
    const snapshot = await collectSnapshot(client, now);
    expect(snapshot.adminCount).toBeGreaterThan(0);
    expect(snapshot.openConversations).toBeGreaterThan(0);
    const waits = snapshot.waitingForReply.map((w) => w.waitingSeconds);
    expect(waits).toEqual([...waits].sort((a, b) => b - a));
    const text = formatSnapshot(snapshot, "built-in emulator");
    expect(text).toContain(`${snapshot.openConversations} open conversations`);
    if (snapshot.waitingForReply[0]) expect(text).toContain(`#${snapshot.waitingForReply[0].id}`);
  });

  it("formats durations for people", () => {
    expect(formatDuration(30)).toBe("1 min");
    expect(formatDuration(5400)).toBe("2 h");
    expect(formatDuration(86400 * 3)).toBe("3 days");
  });
});
