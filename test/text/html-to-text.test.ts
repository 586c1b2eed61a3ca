import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/text/html-to-text.js";

describe("htmlToText", () => {
  it("keeps headings on their own lines, list markers and where links point; drops scripts and images", () => {
    const html =
      '<h2>Card payments</h2><p>Read <a href="https://help.example/cards">the guide</a> or <a href="https://x.io">https://x.io</a>.</p>' +
      '<ol><li>Freeze the card</li><li>Order a new one</li></ol><img src="a.png"><script>steal()</script><ul><li>fees</li></ul>';
    expect(htmlToText(html)).toBe(
      "Card payments\nRead the guide (https://help.example/cards) or https://x.io.\n1. Freeze the card\n2. Order a new one\n\n- fees",
    );
  });

  it("decodes entities and, on request, puts everything on one line", () => {
    expect(htmlToText("<p>Fish &amp; chips</p><p>2 &lt; 3&nbsp;now</p>", { singleLine: true })).toBe("Fish & chips 2 < 3 now");
    expect(htmlToText("plain words, no tags")).toBe("plain words, no tags");
    expect(htmlToText("")).toBe("");
  });
});
