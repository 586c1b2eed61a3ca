/**
 * Part of the composition root: builds the three workflows from the services src/app.ts made, once, and says
 * what each adds to the app (inbox handlers, jobs, slash subcommands, Bolt listeners). Only src/app.ts calls it.
 */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Subcommand } from "../../listeners/commands/subcommand.js";
import type { ToolExecutor } from "../../tools/execute.js";
import type { Persona } from "../agent/personas.js";
import type { Config } from "../config.js";
import type { KnowledgeBase } from "../kb/knowledge-base.js";
import type { Logger } from "../logger.js";
import type { Db } from "../store/database.js";
import type { Stores } from "../store/stores.js";
import { createAuditedReads } from "../workflows/audited-reads.js";
import type { GatedWrites, InboxTopics, JobDefinition, TeammateDirectory } from "../workflows/contracts.js";
import type { TextJudgeModel } from "../workflows/escalation/text-judge.js";

/** Part of the composition root, so, like src/app.ts, it may use listeners/ types. */
export type SubcommandHandler = Subcommand;

export interface WorkflowWiringInput {
  config: Readonly<Config>;
  db: Db;
  stores: Stores;
  executor: ToolExecutor;
  personas: readonly Persona[];
  writes: GatedWrites;
  teammates: TeammateDirectory;
  /** The Bolt app's own Web API client (one client for the whole app). */
  slack: WebClient;
  logger: Logger;
  clock: () => number;
  /** Runs work after an ack, tracked like every other piece of Slack work. */
  runAfterAck: (name: string, work: () => Promise<void>) => void;
  /** Slack user groups of a user that a persona names as approvers. */
  groupsOf: (slackUserId: string, persona: string) => Promise<string[]>;
  /** The configured chat model, if any: briefings and the text-judged escalation reasons use it. */
  chatModel?: TextJudgeModel;
}

export interface WorkflowWiring {
  /** The knowledge base (index + searcher), shared with the themes digest's "no article for this" column. */
  kb: KnowledgeBase;
  jobs: JobDefinition[];
  subcommands: Record<string, SubcommandHandler>;
  registerInbox(topics: InboxTopics): void;
  registerListeners(app: App): void;
  /** One line per workflow for the start-up log: on, or off and why. */
  status: string[];
  /** Run at start after the write ledger is reconciled and before the inbox replays: finishes half-done work. */
  recover(): Promise<void>;
}

export async function wireWorkflows(input: WorkflowWiringInput): Promise<WorkflowWiring> {
  const { config, db, stores, executor, logger } = input;
  const [
    { createKnowledgeBase },
    { FaqDraftsRepo },
    { registerFaqInbox },
    { registerFaqDraftActions },
    { registerFaqEditView },
    { createFaqSubcommand },
    { kbSyncJob },
    { EscalationAlertsRepo },
    { createEscalationWorkflow },
    { createEscalationDecisions },
    { registerEscalationInbox },
    { scoreSettingsFrom },
    { registerEscalationActions },
    { briefSubcommand },
    { escalationSweepJob },
    { createModelTextJudge },
    { knowledgeBaseOptions },
    { registerArticleResync },
  ] = await Promise.all([
    import("../kb/knowledge-base.js"),
    import("../workflows/faq/drafts-repo.js"),
    import("../workflows/faq/handle-inbound.js"),
    import("../../listeners/actions/faq-draft-actions.js"),
    import("../../listeners/views/faq-edit-submitted.js"),
    import("../../listeners/commands/subcommands/faq.js"),
    import("../../jobs/kb-sync.js"),
    import("../workflows/escalation/alerts-repo.js"),
    import("../workflows/escalation/escalation-workflow.js"),
    import("../workflows/escalation/decisions.js"),
    import("../workflows/escalation/inbox-handlers.js"),
    import("../workflows/escalation/deps.js"),
    import("../../listeners/actions/escalation-actions.js"),
    import("../../listeners/commands/subcommands/brief.js"),
    import("../../jobs/escalation-sweep.js"),
    import("../workflows/escalation/text-judge.js"),
    import("../kb/kb-from-config.js"),
    import("../kb/article-resync.js"),
  ]);

  const persona = input.personas.find((p) => p.name === config.defaultPersona) ?? input.personas[0];
  const channel = persona?.channels[0] ?? config.support.channel;
  const status: string[] = [];
  const reads = (source: string) => createAuditedReads({ executor, audit: stores.audit, source, persona: persona?.name ?? "support", now: input.clock });

  // The knowledge base is useful on its own (/switchboard faq, switchboard kb search) even with no channel.
  const kb = createKnowledgeBase(db, await knowledgeBaseOptions(config, logger));
  const jobs: JobDefinition[] = [kbSyncJob({ reads: reads("job:kb-sync"), index: kb.index, vectors: kb.vectors, cron: config.jobs.kbSyncCron })];
  const subcommands: Record<string, SubcommandHandler> = { faq: createFaqSubcommand({ searcher: kb.retriever, model: input.chatModel, persona }) };
  const inboxRegistrations: ((topics: InboxTopics) => void)[] = [];
  const listenerRegistrations: ((app: App) => void)[] = [];
  // Article notifications keep the index fresh between the hourly syncs, with or without a support channel.
  const resyncDeps = { reads: reads("webhook:kb-article"), index: kb.index, vectors: kb.vectors, now: () => Math.floor(input.clock() / 1000), logger };
  inboxRegistrations.push((topics) => registerArticleResync(topics, resyncDeps));
  const recoveries: (() => Promise<void>)[] = [];

  if (!persona || !channel) {
    const why = !persona ? "no persona is configured" : "SWITCHBOARD_SUPPORT_CHANNEL is not set (nor a channel on the default persona)";
    status.push(`FAQ drafts: off, ${why}`, `Escalation alerts: off, ${why}`);
    subcommands.brief = briefSubcommand(() => undefined);
  } else {
    const faqDeps = {
      searcher: kb.retriever,
      model: input.chatModel,
      drafts: new FaqDraftsRepo(db),
      slack: input.slack,
      writes: input.writes,
      teammates: input.teammates,
      persona,
      supportChannel: channel,
      defaultAdminId: config.intercom.defaultAdminId,
      reads: reads("workflow:faq"),
      logger,
    };
    inboxRegistrations.push((topics) => registerFaqInbox(topics, faqDeps));
    recoveries.push(async () => {
      const { resumeInterruptedDrafts } = await import("../workflows/faq/resume-drafts.js");
      await resumeInterruptedDrafts(faqDeps, channel);
    });
    listenerRegistrations.push((app) => {
      registerFaqDraftActions(app, { ...faqDeps, runAfterAck: input.runAfterAck });
      registerFaqEditView(app, { ...faqDeps, runAfterAck: input.runAfterAck });
    });
    status.push(`FAQ drafts: on, posted to ${channel}`);

    const escalationDeps = {
      reads: reads("workflow:escalation"),
      alerts: new EscalationAlertsRepo(db),
      slack: input.slack,
      channel,
      settings: scoreSettingsFrom(config),
      maxAlertsPerSweep: config.escalation.maxAlertsPerSweep,
      persona,
      writes: input.writes,
      directory: input.teammates,
      logger,
      now: input.clock,
      timezone: config.jobs.timezone,
      model: input.chatModel,
      textJudge: input.chatModel ? createModelTextJudge(input.chatModel, scoreSettingsFrom(config), logger) : undefined,
    };
    const escalation = createEscalationWorkflow(escalationDeps);
    const decisions = createEscalationDecisions(escalationDeps);
    inboxRegistrations.push((topics) => registerEscalationInbox(topics, { workflow: escalation }));
    jobs.push(escalationSweepJob({ cron: config.jobs.escalationSweepCron, workflow: escalation }));
    listenerRegistrations.push((app) =>
      registerEscalationActions(app, { decisions, groupsOf: (user) => input.groupsOf(user, persona.name), logger, runAfterAck: input.runAfterAck }),
    );
    subcommands.brief = briefSubcommand(() => escalation);
    status.push(`Escalation alerts: on, posted to ${channel}`);
  }

  return {
    kb,
    jobs,
    subcommands,
    status,
    registerInbox: (topics) => {
      for (const register of inboxRegistrations) register(topics);
    },
    registerListeners: (app) => {
      for (const register of listenerRegistrations) register(app);
    },
    recover: async () => {
      for (const recover of recoveries) await recover();
    },
  };
}
