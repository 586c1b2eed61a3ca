import { describe, expect, it } from "vitest";
import type { Digest, DigestTheme } from "../../src/domain/themes/digest.js";
import { digestBlocks, digestText } from "../../src/slack/blocks/digest-blocks.js";

const theme = (id: number, name: string, extra: Partial<DigestTheme> = {}): DigestTheme => ({
  id,
  name,
  keywords: name.split(" "),
  size: 100 - id,
  share: 0.05,
  previousSize: 40,
  change: 60 - id,
  isNew: false,
  examples: [1, 2, 3].map((e) => ({
    kind: "conversation",
    id: `${id}${e}`,
    text: `example <b>${e}</b> ${"long text ".repeat(40)}`,
    url: `https://app.intercom.com/a/inbox/_/inbox/conversation/${id}${e}`,
  })),
  ...extra,
});

const digest = (themes: DigestTheme[]): Digest => ({
  days: 7,
  from: Date.UTC(2026, 10, 16),
  to: Date.UTC(2026, 10, 23),
  conversations: 410,
  tickets: 32,
  previous: { conversations: 380, tickets: 40 },
  themes,
  newThemes: themes.filter((t) => t.isNew),
  kbGaps: [{ ...themes[0], unanswered: 0.8 }],
  otherCount: 12,
  naming: "keywords",
});

describe("digest blocks", () => {
  it("shows the week in numbers, themes with change and linked examples, new themes and KB gaps", () => {
    const d = digest([theme(1, "card arrival"), theme(2, "top up failed", { isNew: true, previousSize: 0 })]);
    const blocks = digestBlocks(d);
    const all = JSON.stringify(blocks);
    expect(all).toContain("*410* conversations (+30 on the previous 7 days)");
    expect(all).toContain("*32* tickets (−8 on the previous 7 days)");
    expect(all).toContain("*card arrival* — 99 (5%) · +59 vs last week");
    expect(all).toContain("<https://app.intercom.com/a/inbox/_/inbox/conversation/11|");
    expect(all).toContain("New this week");
    expect(all).toContain("Knowledge-base gaps");
    expect(all).toContain("80% with no good article");
  });

  it("escapes customer text in blocks and in the notification text", () => {
    const d = digest([theme(1, "<!channel> & <script>"), theme(2, "x|y>z")]);
    const all = JSON.stringify(digestBlocks(d));
    expect(all).not.toContain("<!channel>");
    expect(all).toContain("&lt;!channel&gt; &amp;");
    expect(all).toContain("example &lt;b&gt;1&lt;/b&gt;");
    expect(digestText(d)).not.toContain("<!channel>");
  });

  it("stays within 50 blocks and 3,000 characters a text, whatever the number of themes", () => {
    const many = Array.from({ length: 120 }, (_, i) => theme(i + 1, `theme ${"word ".repeat(30)}${i}`, { isNew: i % 2 === 0 }));
    const blocks = digestBlocks(digest(many));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "text" && typeof x === "string" ? texts.push(x) : walk(x);
    };
    walk(blocks);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(digestText(digest(many)).length).toBeLessThanOrEqual(3000);
  });
});
