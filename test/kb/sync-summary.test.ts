/** The one line `switchboard kb sync` prints: what was read, and what could not be read or embedded, apart. */
import { describe, expect, it } from "vitest";
import { type SyncReport, syncSummary } from "../../src/kb/sync.js";

const report = (over: Partial<SyncReport>): SyncReport => ({ added: 2, changed: 1, removed: 0, unchanged: 5, superseded: 0, errors: [], ...over });

describe("kb sync summary", () => {
  it("says an embedding failure is one, not a source that could not be read", () => {
    const line = syncSummary(report({ errors: ["INTERCOM_LIST_EXTERNAL_PAGES failed: 500", "embeddings: the endpoint answered 401"] }));
    expect(line).toBe(
      "synced 8 articles (2 new, 1 changed, 0 removed); could not read: INTERCOM_LIST_EXTERNAL_PAGES failed: 500; could not embed: the endpoint answered 401",
    );
    expect(syncSummary(report({ errors: ["embeddings: timeout"] }))).not.toContain("could not read");
  });

  it("says how many articles it left as a newer article notification wrote them", () => {
    expect(syncSummary(report({ superseded: 2 }))).toBe("synced 8 articles (2 new, 1 changed, 0 removed); 2 left as a newer article notification wrote them");
  });
});
