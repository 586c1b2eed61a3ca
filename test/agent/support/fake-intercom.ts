/**
 * A tiny Intercom stand-in on 127.0.0.1: records every request it receives and answers from a responder,
 * so a test can count exactly which writes reached "Intercom".
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export type Responder = (request: RecordedRequest) => { status?: number; body: unknown };

export interface FakeIntercom {
  url: string;
  requests: RecordedRequest[];
  writes(): RecordedRequest[];
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const defaultResponder: Responder = (request) => {
  if (request.method === "GET" && request.path.startsWith("/conversations/")) {
    const id = request.path.split("/")[2];
    return {
      body: { type: "conversation", id, state: "open", source: { body: "My invoice is wrong, please help." }, conversation_parts: { conversation_parts: [] } },
    };
  }
  if (request.method === "GET" && request.path.startsWith("/contacts/")) {
    return { body: { type: "contact", id: request.path.split("/")[2], name: "Jane Doe", email: "jane@example.com" } };
  }
  if (request.method === "GET" && request.path.startsWith("/articles/")) {
    return { body: { type: "article", id: request.path.split("/")[2], title: "Refunds", body: "<p>Refunds take 5 days.</p>" } };
  }
  if (request.method === "GET" && request.path === "/tags") return { body: { type: "list", data: [{ type: "tag", id: "17", name: "billing" }] } };
  if (request.method === "GET" && request.path === "/ticket_types") return { body: { type: "list", data: [{ type: "ticket_type", id: "3", name: "Bug" }] } };
  if (request.method === "DELETE") return { body: { id: request.path.split("/")[2], deleted: true } };
  return { body: { type: "ok", received: request.body ?? null } };
};

export async function startFakeIntercom(responder: Responder = defaultResponder): Promise<FakeIntercom> {
  const requests: RecordedRequest[] = [];
  let respond = responder;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded = { method: req.method ?? "GET", path: url.pathname, body: await readBody(req) };
    requests.push(recorded);
    const answer = respond(recorded);
    res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes: () => requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/search")),
    setResponder: (next) => {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
