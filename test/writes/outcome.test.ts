/** The pure part: what an executor result or a read-back means, pinned to the client's own error wording. */
import { describe, expect, it } from "vitest";
import { networkError } from "../../src/intercom/errors.js";
import { modelTextFor, outcomeFromResult, outcomeFromThrow, outcomeLine } from "../../src/writes/outcome.js";
import { CHECKABLE_TOOLS, readBackPlan } from "../../src/writes/read-back.js";
import { plainText, sameText } from "../../src/writes/same-text.js";
import type { ToolResult } from "../../tools/define.js";

const network = (failure: "timeout" | "refused" | "network" | "aborted", method = "POST"): ToolResult => ({
  ok: false,
  tool: "T",
  kind: "network",
  message: networkError({ failure, method, path: "/conversations/1/reply", host: "api.intercom.io", timeoutMs: 20_000, attempts: 1, cause: null }).userMessage,
  latencyMs: 5,
});

describe("outcomeFromResult", () => {
  it("calls a refused connection failed (nothing left) and every other network failure uncertain", () => {
    expect(outcomeFromResult("T", network("refused"))).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/connection refused.*Nothing was sent/),
    });
    for (const failure of ["timeout", "network", "aborted"] as const) {
      for (const method of ["POST", "PUT"]) {
        const outcome = outcomeFromResult("T", network(failure, method));
        expect(outcome.status).toBe("uncertain");
        const reason = outcome.status === "uncertain" ? outcome.reason : "";
        expect(reason).toMatch(/It may or may not have been applied; check in Intercom before trying again\.$/);
        expect(reason.match(/may or may not/g)).toHaveLength(1);
      }
    }
  });

  it("keeps Intercom's words for an HTTP error and says an already-removed delete was done", () => {
    const http: ToolResult = {
      ok: false,
      tool: "T",
      kind: "http",
      status: 429,
      message: "Intercom rate limited these requests (429) and still did after 4 attempt(s).",
      latencyMs: 1,
    };
    expect(outcomeFromResult("T", http)).toEqual({ status: "failed", tool: "T", reason: http.message });
    const removed: ToolResult = {
      ok: true,
      tool: "T",
      status: 200,
      data: { type: "already_removed", message: "Already removed: gone." },
      raw: {},
      latencyMs: 1,
    };
    expect(outcomeFromResult("T", removed)).toMatchObject({ status: "sent", summary: "Already removed: gone." });
    expect(outcomeFromThrow("T", new Error("boom"))).toMatchObject({
      status: "uncertain",
      reason: expect.stringMatching(/^The write did not finish \(boom\)\. It may or may not/),
    });
  });

  it("tells the model and a person the outcome in words that cannot be read as success", () => {
    expect(modelTextFor({ status: "failed", tool: "T", reason: "Nope." }, "{}")).toMatch(/^WRITE FAILED: Nope\. .*do not say it was done/);
    expect(modelTextFor({ status: "uncertain", tool: "T", reason: "Hmm." }, "{}")).toMatch(/^WRITE OUTCOME UNKNOWN: Hmm\. .*do not call the tool again/);
    expect(modelTextFor({ status: "sent", tool: "T", result: {}, summary: "ok" }, '{"id":"1"}')).toBe('{"id":"1"}');
    expect(outcomeLine("Reply to conversation", { status: "failed", tool: "T", reason: "Server error." })).toBe("Reply to conversation: failed. Server error.");
  });
});

describe("read-back plans", () => {
  it("compares bodies as text, without markup, case or spacing", () => {
    expect(sameText("<p>Your refund of <b>£20</b>  was sent.</p>", "your refund of £20 was sent.")).toBe(true);
    expect(sameText("<p>Hi &amp; bye</p>", "Hi & bye")).toBe(true);
    expect(sameText("<p>Hello</p>", "Hello there")).toBe(false);
    expect(plainText("")).toBe("");
    expect(sameText("", "")).toBe(false);
  });

  it("finds a reply only among parts made after the write started", () => {
    const plan = readBackPlan("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "5", body: "Thanks!" });
    if (!plan) throw new Error("no plan");
    expect(plan.request).toMatchObject({ method: "GET", path: "/conversations/5" });
    const started = 1_700_000_000_000;
    const conversation = (createdAt: number) => ({ conversation_parts: { conversation_parts: [{ body: "<p>Thanks!</p>", created_at: createdAt }] } });
    expect(plan.judge(conversation(started / 1000 + 3), started).applied).toBe(true);
    expect(plan.judge(conversation(started / 1000 - 3600), started).applied).toBe(false);
  });

  it("has no plan for writes it cannot check, nor for a reply to the 'last' conversation", () => {
    expect(readBackPlan("INTERCOM_UPDATE_A_CONTACT", { contact_id: "1", name: "x" })).toBeUndefined();
    expect(readBackPlan("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "last", body: "x" })).toBeUndefined();
    expect(CHECKABLE_TOOLS).toEqual(expect.arrayContaining(["INTERCOM_REPLY_TO_CONVERSATION", "INTERCOM_CREATE_A_NOTE", "INTERCOM_ASSIGN_CONVERSATION"]));
  });
});
