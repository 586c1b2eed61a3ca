import { join } from "node:path";
import { Writable } from "node:stream";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, describe, expect, it } from "vitest";
import { createChatModel } from "../../src/agent/chat-model.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createLogger, createSilentLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/database.js";
import { allTools } from "../../tools/index.js";
import { startFakeOpenAI } from "../fakes/fake-openai-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { engineOn, shippedPersonas } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

describe("ChatOpenAI over the wire", () => {
  it("drives a run through a local OpenAI-compatible server: tool_calls parsed, the tool runs, at most 12 tools per request", async () => {
    const emulator = await startEmulator({ seed: 7, conversations: 5, generate: generateDemoWorkspace });
    const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
    const openai = await startFakeOpenAI([{ toolCalls: [{ name: "INTERCOM_LIST_ALL_TAGS", args: {} }] }, { text: "There are some tags." }]);
    const model = createChatModel({ apiKey: "sk-test-not-a-real-key", baseUrl: openai.baseUrl, chatModel: "gpt-test", configured: true });
    const db = openDatabase(join(temp.dir, "openai.db"));
    try {
      const engine = engineOn({
        db,
        transport,
        tools: allTools,
        personas: shippedPersonas(),
        chatModel: model,
        logger: createSilentLogger(),
        maxToolsPerRequest: 12,
      });
      const outcome = await engine.start({ persona: "analyst", requester: { source: "test" }, text: "which tags do we have?", threadId: "t" });
      expect(outcome).toMatchObject({ status: "answered", text: "There are some tags." });
      expect(openai.requests).toHaveLength(2);
      expect(openai.authorization[0]).toBe("Bearer sk-test-not-a-real-key");
      for (const request of openai.requests) {
        expect(request.model).toBe("gpt-test");
        expect(request.tools?.length ?? 0).toBeGreaterThan(1);
        expect(request.tools?.length ?? 0).toBeLessThanOrEqual(12);
      }
      expect(openai.requests[0]?.tools?.map((t) => t.function.name)).toContain("INTERCOM_LIST_ALL_TAGS");
      // The second request carries the tool result back as a tool message.
      const toolMessage = openai.requests[1]?.messages.find((m) => m.role === "tool");
      expect(String(toolMessage?.content)).toContain("tag");
      expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ tool: "INTERCOM_LIST_ALL_TAGS", status: "ok" });
    } finally {
      db.close();
      await openai.close();
      await emulator.close();
    }
  });

  it("turns a provider refusal into a plain failed outcome without leaking the key", async () => {
    const openai = await startFakeOpenAI([{ status: 401, error: "Incorrect API key provided: sk-test-wrong-key-123456." }]);
    const model = createChatModel({ apiKey: "sk-test-wrong-key-123456", baseUrl: openai.baseUrl, chatModel: "gpt-test", configured: true });
    const db = openDatabase(join(temp.dir, "openai-401.db"));
    try {
      const transport = new IntercomClient({ baseUrl: "http://127.0.0.1:9", token: "unused-token-1234", maxRetries: 0 });
      const engine = engineOn({ db, transport, tools: allTools, personas: shippedPersonas(), chatModel: model, logger: createSilentLogger() });
      const outcome = await engine.start({ persona: "analyst", requester: { source: "test" }, text: "hi", threadId: "t" });
      expect(outcome.status).toBe("failed");
      const error = outcome.status === "failed" ? outcome.error : "";
      expect(error).toMatch(/language model could not be reached or refused/);
      expect(error).not.toContain("sk-test-wrong-key-123456");
      expect(engine.getRun(outcome.runId)?.status).toBe("failed");
    } finally {
      db.close();
      await openai.close();
    }
  });

  it("says in plain words that the model server is down or broken, and where to look", async () => {
    const down = await startFakeOpenAI([]);
    await down.close();
    const broken = await startFakeOpenAI([{ status: 500, error: "the model server crashed" }]);
    const db = openDatabase(join(temp.dir, "openai-down.db"));
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ level: "info", format: "json", destination: sink as never });
    try {
      const transport = new IntercomClient({ baseUrl: "http://127.0.0.1:9", token: "unused-token-1234", maxRetries: 0 });
      const engineFor = (baseURL: string) =>
        engineOn({
          db,
          transport,
          tools: allTools,
          personas: shippedPersonas(),
          chatModel: new ChatOpenAI({ model: "gpt-test", apiKey: "sk-test-not-a-real-key", configuration: { baseURL }, maxRetries: 0 }),
          logger,
        });
      const unreachable = await engineFor(down.baseUrl).start({ persona: "analyst", requester: { source: "test" }, text: "hi", threadId: "t1" });
      expect(unreachable.status).toBe("failed");
      const first = unreachable.status === "failed" ? unreachable.error : "";
      expect(first).toMatch(/language model could not be reached/);
      expect(first).toContain("OPENAI_BASE_URL");
      expect(first).not.toMatch(/went wrong on our side/);

      const failing = await engineFor(broken.baseUrl).start({ persona: "analyst", requester: { source: "test" }, text: "hi", threadId: "t2" });
      const second = failing.status === "failed" ? failing.error : "";
      expect(second).toMatch(/language model could not be reached or refused the request: 500/);
      // A known condition is logged as a warning an on-call engineer can act on: which run, persona and who, no stack.
      const failures = lines.filter((l) => l.msg === "agent run failed");
      expect(failures).toHaveLength(2);
      for (const line of failures) {
        expect(line).toMatchObject({ level: "warn", persona: "analyst", source: "test" });
        expect(String(line.runId)).toMatch(/^run_/);
        expect(JSON.stringify(line)).not.toContain("stack");
      }
    } finally {
      db.close();
      await broken.close();
    }
  });
});
