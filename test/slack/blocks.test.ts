import { describe, expect, it } from "vitest";
import type { PendingApproval } from "../../src/agent/run-types.js";
import { answerMessages, splitText } from "../../src/slack/blocks/answer-blocks.js";
import { APPROVE_ACTION, approvalCard, decodeApprovalRef, settleCard } from "../../src/slack/blocks/approval-card.js";
import { parseEditValues } from "../../src/slack/blocks/approval-modals.js";
import { auditLine } from "../../src/slack/blocks/audit-line.js";
import { conversationOf } from "../../src/slack/blocks/close-button.js";
import { argsInWords, escapeMrkdwn, markdownToMrkdwn, slackDate } from "../../src/slack/blocks/mrkdwn.js";
import { applyProgress } from "../../src/slack/blocks/progress-blocks.js";
import { usageHelp } from "../../src/slack/blocks/usage-help.js";

const approval: PendingApproval = {
  approvalId: "apr_1",
  runId: "run_1",
  tool: "INTERCOM_CLOSE_CONVERSATION",
  title: "Close a conversation",
  risk: "destructive",
  args: { conversation_id: "123", admin_id: "7", body: "Closing <now> & thanks" },
  summary: "Close conversation 123",
  persona: "support",
  expiresAt: 1_800_000_000_000,
};

describe("answer splitting", () => {
  it("keeps every section within 3,000 characters and every message within 50 blocks", () => {
    const paragraph = "word ".repeat(400).trim(); // ~2,000 characters
    const long = Array.from({ length: 120 }, (_, i) => `${i}: ${paragraph}`).join("\n\n");
    const messages = answerMessages(long);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) if (b.type === "section") expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    }
    const joined = messages.flatMap((m) => m.blocks.map((b) => (b.type === "section" ? b.text!.text : ""))).join(" ");
    expect(joined.replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
  });

  it("closes and reopens a code fence cut in two", () => {
    const code = `\`\`\`\n${"x = 1\n".repeat(800)}\`\`\``;
    const pieces = splitText(code, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });

  it("puts trailing blocks on the last message, or a new one when it is full", () => {
    const extra = { type: "divider" } as const;
    expect(answerMessages("short", { trailingBlocks: [extra] })[0].blocks.at(-1)).toEqual(extra);
    const full = answerMessages("a ".repeat(60), { sectionLimit: 10, blocksPerMessage: 3, trailingBlocks: [extra] });
    expect(full.at(-1)!.blocks).toContain(extra);
    for (const m of full) expect(m.blocks.length).toBeLessThanOrEqual(3);
  });
});

describe("mrkdwn", () => {
  it("escapes, converts markdown and leaves code alone", () => {
    expect(escapeMrkdwn("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
    expect(markdownToMrkdwn("## Title\n**bold** [site](https://x.io) `**raw**`\n- item")).toBe("*Title*\n*bold* <https://x.io|site> `**raw**`\n• item");
    expect(slackDate(1_700_000_000_000)).toBe(slackDate(1_700_000_000));
    expect(argsInWords({ conversation_id: "1", tags: ["a"] })).toBe('• *conversation id*: 1\n• *tags*: ["a"]');
  });

  it("usage help names every subcommand", () => {
    const text = JSON.stringify(usageHelp("nope").blocks);
    for (const word of ["ask", "persona", "tools", "audit", "connect", "help", "nope"]) expect(text).toContain(word);
  });
});

describe("approval card", () => {
  it("shows the call in plain words with three buttons carrying ids only", () => {
    const card = approvalCard(approval);
    const text = JSON.stringify(card.blocks);
    expect(text).toContain("Close conversation 123");
    expect(text).toContain("Closing &lt;now&gt; &amp; thanks");
    expect(text).toContain("can be reopened later");
    expect(text).not.toContain("cannot be undone");
    const actions = card.blocks.find((b) => b.type === "actions") as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(["approval_approve", "approval_edit", "approval_reject"]);
    expect(decodeApprovalRef(actions.elements[0].value)).toEqual({ approvalId: "apr_1", runId: "run_1" });
    expect(decodeApprovalRef("garbage")).toBeUndefined();
  });

  it("settles to who decided and when, without buttons, and replaces an earlier state line", () => {
    const card = approvalCard(approval);
    const working = settleCard(card.blocks, { kind: "working", by: "U1", decision: "approve" });
    const settled = settleCard(working, { kind: "decided", decision: "approve", by: "U1", at: 1_700_000_000 });
    expect(settled.some((b) => b.type === "actions")).toBe(false);
    const text = JSON.stringify(settled);
    expect(text).toContain("Approved by <@U1>");
    expect(text).toContain("<!date^1700000000^");
    expect(text).not.toContain("working on it");
    expect(JSON.stringify(card.blocks)).toContain(APPROVE_ACTION);
  });

  it("says in one escaped line why a write the persona runs on its own waits, and says nothing for others", () => {
    const tag = {
      ...approval,
      tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION",
      title: "Attach a tag to a conversation",
      risk: "write" as const,
      persona: "triage",
    };
    const why = 'Would run on its own, but id "<!channel>" appears in customer-written text and not in the request, so it waits for a person.';
    const context = (card: ReturnType<typeof approvalCard>) =>
      card.blocks.filter((b) => b.type === "context").flatMap((b) => (b as { elements: { text: string }[] }).elements.map((e) => e.text));
    const lines = context(approvalCard({ ...tag, why })).filter((t) => t.includes("customer-written text"));
    expect(lines).toEqual([`:warning: ${escapeMrkdwn(why)}`]);
    expect(lines[0]).not.toContain("<!channel>");
    expect(context(approvalCard(tag)).some((t) => t.includes("customer-written"))).toBe(false);
  });

  it("parses edited values: text as text, JSON fields as JSON, bad JSON as a field error", () => {
    const values = { "arg:body": { value: { value: "hi" } }, "arg:count": { value: { value: "3" } }, "arg:tags": { value: { value: "[oops" } } };
    expect(parseEditValues(values, { body: "s", count: "j" })).toEqual({ args: { body: "hi", count: 3 } });
    expect(parseEditValues(values, { body: "s", tags: "j" })).toEqual({ errors: { "arg:tags": expect.stringContaining("JSON") } });
  });
});

describe("progress and conversations", () => {
  it("a finished line replaces its started line", () => {
    let lines = applyProgress([], { type: "tool_started", tool: "T", title: "Get a conversation", args: {} });
    lines = applyProgress(lines, { type: "tool_finished", tool: "T", title: "Get a conversation", ok: true, summary: "found 1" });
    expect(lines).toEqual([":white_check_mark: Get a conversation — found 1"]);
  });

  it("finds the conversation a tool call is about", () => {
    expect(conversationOf("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "55" })).toBe("55");
    expect(conversationOf("INTERCOM_GET_CONTACT", { id: "55" })).toBeUndefined();
  });
});

describe("audit lines", () => {
  it("name the decider with the decision they made, never 'approved by' for a rejection", () => {
    const base = { at: 1_800_000_000_000, tool: "INTERCOM_CLOSE_CONVERSATION", persona: "support", requester: "U0ANN" };
    const rejected = auditLine({ ...base, status: "rejected", decision: "rejected", approver: "U0BOB" });
    expect(rejected).toContain("rejected by <@U0BOB>");
    expect(rejected).not.toContain("approved");
    expect(rejected).toContain("asked by <@U0ANN>");
    expect(auditLine({ ...base, status: "ok", decision: "approved", approver: "U0BOB" })).toContain("approved by <@U0BOB>");
    expect(auditLine({ ...base, status: "ok", decision: "auto" })).not.toContain(" by <@U0BOB>");
  });
});
