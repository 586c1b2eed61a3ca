import { describe, expect, it } from "vitest";
import { htmlToText, trimForModel } from "../../tools/trim.js";

describe("trimForModel", () => {
  it("drops nulls, empty strings and empty objects but keeps empty lists, zeros and false", () => {
    expect(trimForModel({ a: null, b: "", c: {}, d: { e: null }, f: [], g: 0, h: false, i: "x" })).toEqual({ f: [], g: 0, h: false, i: "x" });
    expect(trimForModel(null)).toBeNull();
    expect(trimForModel({})).toBeNull();
  });

  it("bounds lists and says how many items were cut", () => {
    const trimmed = trimForModel({ data: Array.from({ length: 30 }, (_, i) => i) }) as { data: unknown[] };
    expect(trimmed.data).toHaveLength(26);
    expect(trimmed.data.at(-1)).toBe("[5 more items cut; ask for a smaller page or filter]");
  });

  it("keeps ids, types and links whole however long", () => {
    const long = "a".repeat(5000);
    expect(trimForModel({ id: long, contact_id: long, type: long, url: long, links: { self: long } }, { maxString: 10 })).toEqual({
      id: long,
      contact_id: long,
      type: long,
      url: long,
      links: { self: long },
    });
  });

  it("tightens the limits until the answer fits the size budget", () => {
    const big = { data: Array.from({ length: 100 }, (_, i) => ({ id: String(i), body: "z".repeat(2000) })) };
    const trimmed = trimForModel(big, { maxChars: 3000 }) as { data: unknown[] };
    expect(trimmed.data).toHaveLength(6);
    expect(JSON.stringify(trimmed).length).toBeLessThan(3000);
  });

  it("bounds depth and describes binary content", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10; i++) deep = { next: deep };
    expect(JSON.stringify(trimForModel(deep))).toContain("nested too deeply");
    expect(trimForModel(Buffer.from("abc"))).toBe("[binary content, 3 bytes, not shown]");
  });
});

describe("htmlToText", () => {
  it("keeps the words, line breaks, list items and links of an HTML body", () => {
    expect(htmlToText('<p>Hi <a href="x">Ann</a>,</p><ul><li>one</li><li>two</li></ul><br>Thanks &amp; bye<script>alert(1)</script>')).toBe(
      "Hi Ann (x),\n- one\n- two\n\nThanks & bye",
    );
  });
});

describe("trimForModel on real answer shapes", () => {
  it("keeps the newest conversation parts when a long thread is cut", () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({ type: "conversation_part", id: String(i), body: `part ${i}` }));
    const trimmed = trimForModel({
      type: "conversation",
      id: "1",
      conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: 40 },
    }) as {
      conversation_parts: { conversation_parts: unknown[] };
    };
    const kept = trimmed.conversation_parts.conversation_parts;
    expect(kept[0]).toBe("[15 earlier parts cut; the newest 25 follow]");
    expect(kept.at(-1)).toMatchObject({ id: "39", body: "part 39" });
    expect(kept).toHaveLength(26);
  });

  it("keeps a lone type that means something, such as an assignment to nobody", () => {
    expect(trimForModel({ type: "conversation_part", id: "p1", assigned_to: { type: "nobody_admin", id: null } })).toEqual({
      type: "conversation_part",
      id: "p1",
      assigned_to: { type: "nobody_admin" },
    });
  });

  it("drops nested objects that are only a type, like an empty avatar", () => {
    expect(trimForModel({ type: "contact", id: "c1", avatar: { type: "avatar", image_url: null }, location: { type: "location", city: "Cork" } })).toEqual({
      type: "contact",
      id: "c1",
      location: { type: "location", city: "Cork" },
    });
  });
});
