import { describe, expect, it } from "vitest";
import { cleanCustomerText } from "../../src/domain/themes/clean-text.js";
import { conversationDocument, ticketDocument } from "../../src/domain/themes/documents.js";
import { maskPersonalData } from "../../src/domain/themes/mask.js";

describe("customer text", () => {
  it("masks emails, phone numbers, card and account numbers", () => {
    const masked = maskPersonalData(
      "Mail me at jo.doe+bank@mail.example or call +44 20 7946 0958. Card 4111 1111 1111 1111, IBAN GB29 NWBK 6016 1331 9268 19, sort code 60-16-13, ref 12345678.",
    );
    expect(masked).not.toMatch(/jo\.doe|7946|4111|NWBK|60-16-13|12345678/);
    expect(masked).toContain("[email]");
    expect(masked).toContain("[phone]");
    expect(masked).toContain("[card]");
    expect(masked).toContain("[account]");
  });

  it("drops HTML, greetings, sign-offs, signatures and quoted replies", () => {
    const body =
      "<p>Hi team,</p><p>My card payment was declined twice today.</p><p>Thanks,</p><p>Sam</p><p>On Mon, 3 Mar 2025 at 10:00, Support wrote:</p><p>&gt; How can we help?</p>";
    expect(cleanCustomerText(body)).toBe("My card payment was declined twice today.");
  });

  it("keeps only the customer's own messages from a conversation", () => {
    const doc = conversationDocument({
      id: "1",
      created_at: 10,
      source: { author: { type: "user" }, body: "<p>Why is my transfer pending?</p>" },
      conversation_parts: {
        conversation_parts: [
          { part_type: "comment", author: { type: "admin" }, body: "<p>Let me check that for you</p>" },
          { part_type: "note", author: { type: "admin" }, body: "<p>internal: VIP</p>" },
          { part_type: "comment", author: { type: "bot" }, body: "<p>Rate us!</p>" },
        ],
      },
      custom_attributes: { topic: "pending_transfer" },
    });
    expect(doc?.text).toBe("Why is my transfer pending?");
    expect(doc?.topic).toBe("pending_transfer");
  });

  it("starts from the first customer reply when a teammate opened the conversation", () => {
    const doc = conversationDocument({
      id: "2",
      source: { author: { type: "admin" }, body: "<p>We noticed a failed top-up</p>" },
      conversation_parts: {
        conversation_parts: [{ part_type: "comment", author: { type: "user" }, body: "<p>Yes my top up failed again, email me at a@b.example</p>" }],
      },
    });
    expect(doc?.text).toBe("Yes my top up failed again, email me at [email]");
  });

  it("reads a ticket's title and description, and skips empty objects", () => {
    const doc = ticketDocument({ id: "9", ticket_attributes: { _default_title_: "Top up failed", _default_description_: "Trouble with my top up" } });
    expect(doc).toMatchObject({ key: "ticket:9", text: "Top up failed. Trouble with my top up" });
    expect(ticketDocument({ id: "10", ticket_attributes: {} })).toBeUndefined();
    expect(conversationDocument({ id: "3", source: { author: { type: "admin" }, body: "<p>hello</p>" } })).toBeUndefined();
  });
});
