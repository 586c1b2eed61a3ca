import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError, toUserMessage } from "../../src/errors.js";
import { createLogger } from "../../src/logger.js";
import { redactSecrets } from "../../src/redact.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "debug", format: "json", destination: destination as never }) };
}

describe("log redaction", () => {
  it("masks secret-named keys at any depth and token shapes in any string", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        config: { slack: { botToken: "xoxb-123-456-abcdef", signingSecret: "abc123abc123" }, intercom: { accessToken: "dG9rOmFiY2RlZmdoaWprbG1u" } },
        request: { headers: { Authorization: "Bearer dG9rOmFiY2RlZmdoaWprbG1u", "content-type": "application/json" } },
        note: "user pasted xoxb-999-888-zzzzzz and sk-proj-abcdefghijklmnop into chat",
        api_key: "k",
        list: [{ client_secret: "shh" }],
      },
      "calling with Bearer abcdefghijklmnopqrst",
    );
    const text = lines.join("");
    for (const secret of [
      "xoxb-123-456-abcdef",
      "abc123abc123",
      "dG9rOmFiY2RlZmdoaWprbG1u",
      "xoxb-999-888-zzzzzz",
      "sk-proj-abcdefghijklmnop",
      "abcdefghijklmnopqrst",
      '"shh"',
    ]) {
      expect(text).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry.request.headers["content-type"]).toBe("application/json");
    expect(entry.msg).toBe("calling with Bearer [redacted]");
    expect(entry.note).toBe("user pasted [redacted] and [redacted] into chat");
  });

  it("masks secrets inside logged errors", () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error("401 for token xoxb-1-2-3abcdef") }, "failed");
    expect(lines.join("")).not.toContain("xoxb-1-2-3abcdef");
  });

  it("keeps ordinary values, handles cycles", () => {
    const cyclic: Record<string, unknown> = { id: "123", tokens_used: 42 };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ id: "123", tokens_used: 42, self: "[circular]" });
  });
});

describe("toUserMessage", () => {
  it("uses the coded error's words, and hides unknown errors behind a reference", () => {
    expect(toUserMessage(new AppError("NOT_FOUND", "contact 123 was not found"))).toBe("contact 123 was not found");
    const message = toUserMessage(new TypeError("Cannot read properties of undefined (reading 'x')"), "ab12cd34");
    expect(message).toContain("ab12cd34");
    expect(message).not.toContain("Cannot read");
  });
});
