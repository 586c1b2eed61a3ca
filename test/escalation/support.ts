/**
 * Real parts for the escalation tests: the emulator over loopback HTTP with its signed webhooks delivered to a
 * local receiver that runs the registered inbox handlers, the fake Slack Web API over HTTP, a SQLite file,
 * the real catalog, audited reads, gated writes and teammate directory.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { loadPersonas, type Persona } from "../../src/agent/personas.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import type { DemoOptions, DemoWorkspace } from "../../src/emulator/demo/types.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createTeammateDirectory } from "../../src/intercom/teammate-directory.js";
import { createSilentLogger } from "../../src/logger.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import { createAuditedReads } from "../../src/workflows/audited-reads.js";
import type { InboxHandler, InboxItem } from "../../src/workflows/contracts.js";
import { EscalationAlertsRepo } from "../../src/workflows/escalation/alerts-repo.js";
import { createEscalationDecisions } from "../../src/workflows/escalation/decisions.js";
import type { EscalationDeps } from "../../src/workflows/escalation/deps.js";
import { createEscalationWorkflow } from "../../src/workflows/escalation/escalation-workflow.js";
import { registerEscalationInbox } from "../../src/workflows/escalation/inbox-handlers.js";
import { createModelTextJudge, type TextJudgeModel } from "../../src/workflows/escalation/text-judge.js";
import { createWritesService } from "../../src/writes/writes-service.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";

export type Doc = Record<string, unknown>;
export const CHANNEL = "CSUPPORT";
export const APPROVER = "UAPPROVER1";
export const NO_MATCH = "UNOMATCH01";
export const OUTSIDER = "UOUTSIDER1";

export interface Rig {
  emulator: RunningEmulator;
  slack: FakeSlackServer;
  db: Db;
  deps: EscalationDeps;
  workflow: ReturnType<typeof createEscalationWorkflow>;
  decisions: ReturnType<typeof createEscalationDecisions>;
  audit: AuditLog;
  clock: { now: number };
  /** The matched teammate (the approver's email). */
  admin: Doc;
  /** Resolves when every webhook delivered so far has been handled. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(
  dir: string,
  options: {
    conversations?: number;
    seed?: number;
    maxAlerts?: number;
    workspace?: (o: DemoOptions) => DemoWorkspace;
    /** A chat model that judges the text reasons (the scripted one in tests); absent: rules alone. */
    judgeModel?: TextJudgeModel;
  } = {},
): Promise<Rig> {
  const handlers = new Map<string, InboxHandler[]>();
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let counter = 0;
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { topic: string; data: { item: Doc } };
      const item: InboxItem = {
        id: `n${++counter}`,
        source: "intercom",
        topic: envelope.topic,
        payload: envelope.data.item,
        receivedAt: Date.now(),
        attempt: 1,
      };
      for (const handler of handlers.get(envelope.topic) ?? []) {
        const work = handler(item).then(
          () => undefined,
          (error: unknown) => void failures.push(error),
        );
        running.add(work);
        void work.finally(() => running.delete(work));
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/intercom/webhooks`;

  const emulator = await startEmulator({
    port: 0,
    seed: options.seed ?? 11,
    conversations: options.conversations ?? 6,
    generate: options.workspace ?? generateDemoWorkspace,
    webhookUrl,
    webhookSecret: "test-secret",
  });
  const admin = emulator.state.all("admins")[0] as Doc;
  const slack = await startFakeSlack({
    users: { [APPROVER]: { email: String(admin.email) }, [NO_MATCH]: { email: "nobody@elsewhere.example" }, [OUTSIDER]: { email: String(admin.email) } },
  });
  const web = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
  const db = openDatabase(join(dir, `escalation-${Math.random().toString(36).slice(2)}.db`));
  const audit = new AuditLog(db);
  const clock = { now: Date.now() };
  const writes = createWritesService({
    ledger: new WriteLedgerRepo(db),
    transaction: transactionOn(db),
    audit,
    transport,
    tools: allTools,
    logger: createSilentLogger(),
  });
  const support = loadPersonas(join(import.meta.dirname, "../../data/personas.yml")).find((p) => p.name === "support") as Persona;
  const persona: Persona = { ...support, approvers: { users: [APPROVER, NO_MATCH], groups: [] } };
  const deps: EscalationDeps = {
    reads: createAuditedReads({ executor: createToolExecutor({ transport, tools: allTools }), audit, source: "workflow:escalation", persona: "support" }),
    alerts: new EscalationAlertsRepo(db, () => clock.now),
    slack: web,
    channel: CHANNEL,
    settings: { longWaitHours: 30, vipWaitMinutes: 60, vipAttribute: "vip" },
    maxAlertsPerSweep: options.maxAlerts ?? 5,
    persona,
    // The real gate: the lead's src/writes implementation, with the click as the authority.
    writes: writes.gated,
    directory: createTeammateDirectory({ slack: web, transport }),
    now: () => clock.now,
  };
  if (options.judgeModel) deps.textJudge = createModelTextJudge(options.judgeModel, deps.settings);
  const workflow = createEscalationWorkflow(deps);
  registerEscalationInbox({ on: (topic, handler) => handlers.set(topic, [...(handlers.get(topic) ?? []), handler]) }, { workflow });
  return {
    emulator,
    slack,
    db,
    deps,
    workflow,
    decisions: createEscalationDecisions(deps),
    audit,
    clock,
    admin,
    async settle() {
      await emulator.drainWebhooks();
      while (running.size > 0) await Promise.allSettled([...running]);
      if (failures.length) throw failures[0];
    },
    async close() {
      await emulator.close();
      await slack.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      db.close();
    },
  };
}

export const posts = (rig: Rig) => rig.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);
export const blocksText = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks ?? []);
export const assignmentsOf = (rig: Rig, conversationId: string) =>
  (((rig.emulator.state.get("conversations", conversationId) as Doc).conversation_parts as Doc).conversation_parts as Doc[]).filter(
    (p) => p.part_type === "assignment",
  );
