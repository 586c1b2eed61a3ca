/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1 for tests: answers POST /v1/chat/completions
 * from a queue of planned replies (text or tool calls) and records each request body, so a test can see
 * exactly what went over the wire (messages, and how many tools).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type PlannedReply = { text: string } | { toolCalls: { name: string; args: Record<string, unknown> }[] } | { status: number; error: string };

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
}

export interface FakeOpenAI {
  /** Base URL to give ChatOpenAI, ending in /v1. */
  baseUrl: string;
  requests: ChatRequestBody[];
  authorization: (string | undefined)[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(plan: PlannedReply[]): Promise<FakeOpenAI> {
  const queue = [...plan];
  const requests: ChatRequestBody[] = [];
  const authorization: (string | undefined)[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody;
      requests.push(body);
      authorization.push(req.headers.authorization);
      const next = queue.shift();
      if (!next) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "the fake has no more planned replies", type: "server_error" } }));
        return;
      }
      n++;
      if ("status" in next) {
        res.writeHead(next.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: next.error, type: "invalid_request_error", code: null } }));
        return;
      }
      const message =
        "text" in next
          ? { role: "assistant", content: next.text }
          : {
              role: "assistant",
              content: null,
              tool_calls: next.toolCalls.map((c, i) => ({
                id: `call_${n}_${i}`,
                type: "function",
                function: { name: c.name, arguments: JSON.stringify(c.args) },
              })),
            };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${n}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message, finish_reason: "text" in next ? "stop" : "tool_calls", logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    authorization,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
