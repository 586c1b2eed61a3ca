/**
 * An OpenAI-compatible chat endpoint whose answer depends only on the request, not on a queue: a run killed
 * and resumed in another process asks again and gets the same next step. The user's text names the scenario:
 * "reply MARK-n to conversation ID as admin ADMIN" proposes that reply and, once the tool answered, says so;
 * "look up MARK-n" reads the admins, then answers "Answer MARK-n".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface ChatMessage {
  role: string;
  content: unknown;
}

export interface ScriptedOpenAI {
  baseUrl: string;
  /** Chat requests answered so far. */
  count(): number;
  close(): Promise<void>;
}

const textOf = (content: unknown): string =>
  typeof content === "string" ? content : Array.isArray(content) ? content.map((p) => (p as { text?: string }).text ?? "").join("") : "";

type Step = { text: string } | { tool: string; args: Record<string, unknown> };

export function nextStep(messages: readonly ChatMessage[]): Step {
  const lastUser = messages.map((m) => m.role).lastIndexOf("user");
  const asked = textOf(messages[lastUser]?.content);
  const toolAnswered = messages.slice(lastUser + 1).some((m) => m.role === "tool");
  const mark = /MARK-\d+/.exec(asked)?.[0] ?? "MARK-?";
  const reply = /reply (MARK-\d+) to conversation (\S+) as admin (\S+)/.exec(asked);
  if (reply) {
    if (toolAnswered) return { text: `The reply for ${mark} is done.` };
    return {
      tool: "INTERCOM_REPLY_TO_CONVERSATION",
      args: { conversation_id: reply[2], message_type: "comment", type: "admin", admin_id: reply[3], body: `Reply ${mark} from the kill harness.` },
    };
  }
  if (toolAnswered) return { text: `Answer ${mark}` };
  return { tool: "INTERCOM_LIST_ALL_ADMINS", args: {} };
}

export async function startScriptedOpenAI(): Promise<ScriptedOpenAI> {
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "no such route", type: "invalid_request_error" } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model: string; messages: ChatMessage[] };
      n++;
      const step = nextStep(body.messages);
      const message =
        "text" in step
          ? { role: "assistant", content: step.text }
          : {
              role: "assistant",
              content: null,
              tool_calls: [{ id: `call_${n}`, type: "function", function: { name: step.tool, arguments: JSON.stringify(step.args) } }],
            };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${n}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message, finish_reason: "text" in step ? "stop" : "tool_calls", logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    count: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
