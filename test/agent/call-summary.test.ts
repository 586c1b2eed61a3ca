import { describe, expect, it } from "vitest";
import { summarizeCall } from "../../src/agent/call-summary.js";
import { conversationIdOf, describeConversation, lookUpTargets } from "../../src/agent/call-target.js";
import type { ToolResult } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";

const catalog = new Map(allTools.map((t) => [t.name, t]));
const tool = (name: string) => catalog.get(name)!;

describe("approval summaries in plain words", () => {
  it("name the thing acted on, who it is about, then the words that will be sent", () => {
    expect(
      summarizeCall("Close conversation", { conversation_id: "123", admin_id: "7", message_type: "close", type: "admin" }, 'Jane Doe, "Refund not received"'),
    ).toBe('Close conversation 123 — Jane Doe, "Refund not received"');
    const reply = summarizeCall(
      "Reply to conversation",
      { conversation_id: "123", message_type: "comment", admin_id: "7", body: "Your refund is on its way." },
      "Jane Doe",
    );
    expect(reply).toBe('Reply to conversation 123 — Jane Doe — "Your refund is on its way."');
    // Without a looked-up target or words to show, the other fields say what will happen.
    expect(summarizeCall("Add tag to contact", { contact_id: "c9", id: "t1" })).toBe('Add tag to contact c9 — id="t1"');
    expect(summarizeCall("List all tags", {})).toBe("List all tags");
  });

  it("describe a conversation by its customer and topic, from title, subject or the first words", () => {
    expect(describeConversation({ title: "Refund not received", source: { author: { name: "Jane Doe" } } })).toBe('Jane Doe, "Refund not received"');
    expect(
      describeConversation({ title: null, source: { subject: "", body: "<p>My card was <b>declined</b> twice today</p>", author: { email: "j@x.example" } } }),
    ).toBe('j@x.example, "My card was declined twice today"');
    expect(describeConversation({})).toBeUndefined();
  });

  it("look up only conversation targets, and give up quietly on a failure or a slow lookup", async () => {
    expect(conversationIdOf(tool("INTERCOM_CLOSE_CONVERSATION"), { conversation_id: "5" })).toBe("5");
    expect(conversationIdOf(tool("INTERCOM_ADD_TAG_TO_CONTACT"), { contact_id: "5" })).toBeUndefined();
    const asked: unknown[] = [];
    // The slow lookup answers only after the test is done with it: slower than any time limit, with no wait.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const executor = {
      execute: async (_name: string, args: unknown): Promise<ToolResult> => {
        asked.push(args);
        const id = (args as { conversation_id: string }).conversation_id;
        if (id === "slow") await held;
        if (id === "missing") return { ok: false, tool: "x", kind: "http", status: 404, message: "not found", latencyMs: 1 };
        return { ok: true, tool: "x", status: 200, data: {}, raw: { title: `Topic ${id}`, source: { author: { name: "Ann" } } }, latencyMs: 1 };
      },
    };
    const calls = [
      { id: "c1", name: "INTERCOM_REPLY_TO_CONVERSATION", args: { conversation_id: "9" } },
      { id: "c2", name: "INTERCOM_CLOSE_CONVERSATION", args: { conversation_id: "9" } },
      { id: "c3", name: "INTERCOM_CLOSE_CONVERSATION", args: { conversation_id: "missing" } },
      { id: "c4", name: "INTERCOM_ADD_TAG_TO_CONTACT", args: { contact_id: "1", id: "2" } },
    ];
    const targets = await lookUpTargets({ calls, catalog, executor });
    expect(targets.get("c1")).toBe('Ann, "Topic 9"');
    expect(targets.get("c2")).toBe('Ann, "Topic 9"');
    expect(targets.has("c3")).toBe(false);
    expect(targets.has("c4")).toBe(false);
    expect(asked).toHaveLength(2);
    const slow = await lookUpTargets({
      calls: [{ id: "s", name: "INTERCOM_CLOSE_CONVERSATION", args: { conversation_id: "slow" } }],
      catalog,
      executor,
      timeoutMs: 5,
    });
    expect(slow.size).toBe(0);
    release();
  });
});
