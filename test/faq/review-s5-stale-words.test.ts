/**
 * Review: the words a stale card and its clicker read must be true even when Intercom's part lacks a time.
 * Pure: an Intercom conversation in, the sentence out.
 */
import { describe, expect, it } from "vitest";
import { staleReason, staleWords } from "../../src/workflows/faq/draft-staleness.js";

const draft = { kind: "conversation" as const, messageKey: "conversation:c1:p1", createdAt: 1_750_000_000_000 };

describe("stale draft words with a reply Intercom gave no time for", () => {
  it("says who replied without inventing a date (no 1970)", () => {
    const conversation = {
      id: "c1",
      state: "open",
      source: { id: "s1", body: "<p>Hi</p>", author: { type: "user" } },
      conversation_parts: {
        conversation_parts: [
          { id: "p1", part_type: "comment", body: "<p>How do I change my PIN?</p>", author: { type: "user" }, created_at: 1_749_999_990 },
          { id: "p2", part_type: "comment", body: "<p>Done for you.</p>", author: { type: "admin", name: "Dana" } },
        ],
      },
    };
    const reason = staleReason(conversation, draft);
    expect(reason?.kind).toBe("teammate_replied");
    const words = staleWords(reason as NonNullable<typeof reason>);
    expect(words).not.toContain("1970");
    expect(words).toBe("Not sent: Dana replied in Intercom after the customer's message.");
  });
});
