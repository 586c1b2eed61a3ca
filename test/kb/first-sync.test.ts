/**
 * A fresh install: the app starts with an empty knowledge base and syncs it at once, in the background, so the
 * first customer question finds the help center instead of being called a gap until the hourly job runs.
 * The real app (createApp, signed HTTP, the fake Slack Web API, the emulator over HTTP, a SQLite file).
 */
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { articleCount } from "../../src/kb/status.js";
import { createLogger } from "../../src/logger.js";
import { waitFor } from "../inbox/helpers.js";
import { type Harness, startHarness } from "../slack/harness.js";

const started: Harness[] = [];
afterAll(async () => {
  for (const h of started) await h.close();
});

describe("the knowledge base at start", () => {
  it("is synced by the app itself when it is empty", async () => {
    const h = await startHarness({ syncEmptyKnowledgeBase: true });
    started.push(h);
    await waitFor(() => articleCount(h.deps.db) > 0, "the knowledge base to be synced at start");
  });

  it("is left alone when it already has articles (the schedule keeps it fresh)", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const h = await startHarness({ syncEmptyKnowledgeBase: true, logger: createLogger({ level: "info", format: "json", destination: sink }) });
    started.push(h);
    await waitFor(() => lines.some((l) => l.includes("Knowledge base synced at start")), "the first sync to finish");
    await h.restart();
    const said = (text: string) => lines.filter((l) => l.includes(text)).length;
    expect(said("The knowledge base is empty: syncing it now")).toBe(1);
    expect(articleCount(h.deps.db)).toBeGreaterThan(0);
  });
});
