/**
 * Every text Slack receives is escaped with the one function (escapeMrkdwn), in the blocks and in the
 * top-level `text` fallback alike: a customer-controlled name or body carrying a mention or a disguised link
 * never comes alive, whichever builder it passes through.
 */
import { describe, expect, it } from "vitest";
import type { PendingApproval } from "../../src/agent/run-types.js";
import { AppError } from "../../src/errors.js";
import { answerMessages } from "../../src/slack/blocks/answer-blocks.js";
import { approvalCard, type CardState, settleCard } from "../../src/slack/blocks/approval-card.js";
import { approvalErrorText, notApproverText } from "../../src/slack/blocks/approval-errors.js";
import { editModal, rejectModal } from "../../src/slack/blocks/approval-modals.js";
import { auditLine } from "../../src/slack/blocks/audit-line.js";
import { homeView } from "../../src/slack/blocks/home-view.js";
import { escapeMrkdwn, fallbackText, markdownToMrkdwn } from "../../src/slack/blocks/mrkdwn.js";
import { applyProgress, failureMessage, workingMessage } from "../../src/slack/blocks/progress-blocks.js";
import { usageHelp } from "../../src/slack/blocks/usage-help.js";
import { writeLinesBlock, writeLinesFallback } from "../../src/slack/blocks/write-lines.js";
import { expiredThreadText } from "../../src/slack/flows/expired-cards.js";

/** What attackers planted: every live Slack token a plain string could carry. */
const PAYLOADS = ["<!channel>", "<!here>", "<!everyone>", "<!subteam^S0EVIL>", "<@U0EVIL>", "<https://evil.example/|your invoice>", "<#C0EVIL>"];
const HOSTILE = `Jane ${PAYLOADS.join(" ")} Doe`;

/** Every string Slack would parse as mrkdwn in a message: `text` and every `text` field in the blocks. */
function live(message: unknown): string {
  return JSON.stringify(message);
}

function expectInert(message: unknown, shown = true) {
  const json = live(message);
  for (const payload of PAYLOADS) expect(json, `${payload} came through`).not.toContain(payload);
  // What is left is the escaped form, so the words are still there for a person to read.
  if (shown) expect(json).toContain("&lt;!channel&gt;");
}

const approval: PendingApproval = {
  approvalId: "apr_1",
  runId: "run_1",
  tool: "INTERCOM_REPLY_TO_CONVERSATION",
  title: "Reply to conversation",
  risk: "write",
  args: { conversation_id: "123", message_type: "comment", type: "admin", admin_id: "7", body: `Hi ${HOSTILE}` },
  summary: `Reply to conversation 123 — ${HOSTILE}, "refund" — "Hi ${HOSTILE}"`,
  persona: "support",
  expiresAt: 1_800_000_000_000,
};

const states: CardState[] = [
  { kind: "pending" },
  { kind: "working", by: "U0LEAD", decision: "approve" },
  {
    kind: "decided",
    decision: "approve",
    by: "U0LEAD",
    at: 1_700_000_000_000,
    outcome: { tool: approval.tool, title: approval.title, status: "failed", detail: HOSTILE },
  },
  { kind: "decided", decision: "reject", by: "U0LEAD", at: 1_700_000_000_000, reason: HOSTILE },
  { kind: "closed", note: "Expired before anyone decided; nothing was done." },
];

describe("one escaping function for every message builder", () => {
  it("escapeMrkdwn and fallbackText leave no live token", () => {
    expectInert({ text: escapeMrkdwn(HOSTILE) });
    expectInert({ text: fallbackText(HOSTILE) });
    expect(escapeMrkdwn("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  });

  it("approval cards, in every state, in blocks and fallback text", () => {
    for (const state of states) {
      const card = approvalCard(approval, state, { names: new Map([["admin:7", HOSTILE]]), sendsAsApprover: { fallbackName: HOSTILE } });
      expectInert(card);
      expectInert({ text: card.text });
      expectInert(settleCard(approvalCard(approval).blocks, state));
    }
    // The fallback of the notification says what it is, escaped, not raw.
    expect(approvalCard(approval).text).toContain("Approval needed: Reply to the customer");
  });

  it("answers (model output quoting customer text), code included", () => {
    for (const answer of [`The customer wrote: ${HOSTILE}`, `\`${HOSTILE}\``, `\`\`\`\n${HOSTILE}\n\`\`\``, `| who |\n|---|\n| ${HOSTILE} |`]) {
      const messages = answerMessages(answer, { fallbackPrefix: HOSTILE });
      for (const message of messages) expectInert(message);
    }
    expectInert({ text: markdownToMrkdwn(`[${HOSTILE}](https://ok.example)`) });
  });

  it("progress, failures, write outcome lines, expiry notices", () => {
    expectInert(workingMessage(applyProgress([], { type: "tool_refused", tool: "X", title: HOSTILE, reason: HOSTILE }), HOSTILE));
    expectInert(failureMessage(HOSTILE));
    const lines = [{ tool: "T", title: HOSTILE, status: "failed" as const, detail: HOSTILE }];
    expectInert({ blocks: [writeLinesBlock(lines)], text: fallbackText(writeLinesFallback(lines)) });
    expectInert(expiredThreadText(HOSTILE, "U0ASKER"));
  });

  it("modals, errors, audit lines, App Home and usage help", () => {
    const where = { channel: "C1", messageTs: "1.1", threadTs: "1.1" };
    // Modal input labels and values are plain_text (never parsed); the mrkdwn sections must be escaped.
    const mrkdwnOf = (view: { blocks: unknown[] }) => view.blocks.filter((b) => (b as { type: string }).type === "section");
    expectInert(mrkdwnOf(editModal(approval, where)));
    expectInert(mrkdwnOf(rejectModal(approval, where)));
    expectInert({ text: approvalErrorText(new AppError("APPROVAL_DECIDED", `"${escapeMrkdwn(HOSTILE)}" was already approved by U1; nothing`)) }, false);
    expectInert({ text: notApproverText(HOSTILE, [], true) });
    const entry = {
      at: 1_700_000_000_000,
      tool: HOSTILE,
      persona: HOSTILE,
      status: "ok",
      decision: HOSTILE,
      requester: HOSTILE,
      args: { conversation_id: "1", body: HOSTILE },
    };
    expectInert({ text: auditLine(entry) });
    const home = homeView({
      slack: { mode: "http" },
      connections: { intercom: { mode: "emulator", detail: HOSTILE }, model: { configured: false, detail: HOSTILE } },
      personas: [{ name: HOSTILE, description: HOSTILE, scope: HOSTILE, approvers: [] }],
      defaultPersona: "support",
      pending: [approval],
      audit: [entry],
    });
    expectInert(home);
    expectInert(usageHelp(HOSTILE));
  });
});
