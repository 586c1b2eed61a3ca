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
  /** The texts of each POST /v1/embeddings request, in order. */
  embeddingRequests: string[][];
  authorization: (string | undefined)[];
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** The vector for one text (default: hashed bag of words, so texts sharing words are close). */
  embed?: (text: string) => number[];
  /** Answer every embeddings request with this HTTP status (an endpoint that is down). */
  embeddingsStatus?: number;
}

/** 64 dimensions, one count per hashed lowercase word: deterministic, and overlap in words means similarity. */
export function bagOfWordsVector(text: string, dimensions = 64): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    vector[(h >>> 0) % dimensions] += 1;
  }
  return vector;
}

export async function startFakeOpenAI(plan: PlannedReply[], options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue = [...plan];
  const requests: ChatRequestBody[] = [];
  const embeddingRequests: string[][] = [];
  const authorization: (string | undefined)[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.endsWith("/embeddings")) {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model: string; input: string | string[]; encoding_format?: string };
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        embeddingRequests.push(inputs);
        if (options.embeddingsStatus) {
          res.writeHead(options.embeddingsStatus, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: "the fake embeddings endpoint is down", type: "server_error" } }));
          return;
        }
        const embed = options.embed ?? ((text: string) => bagOfWordsVector(text));
        const data = inputs.map((text, index) => {
          const vector = embed(text);
          // The OpenAI SDK asks for base64 (little-endian float32) unless told otherwise.
          const embedding = body.encoding_format === "base64" ? Buffer.from(Float32Array.from(vector).buffer).toString("base64") : vector;
          return { object: "embedding", index, embedding };
        });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } }));
        return;
      }
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
    embeddingRequests,
    authorization,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
