/**
 * Part of the composition root: the weekly themes digest (workflow, job, `/switchboard themes`), with the
 * knowledge base's confidence as its "no article for this" signal. Only src/app.ts calls it.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { WebClient } from "@slack/web-api";
import { weeklyDigestJob } from "../../jobs/weekly-digest.js";
import { themesSubcommand } from "../../listeners/commands/subcommands/themes.js";
import type { ToolExecutor } from "../../tools/execute.js";
import type { Config } from "../config.js";
import { confidenceOf, confidenceParts } from "../domain/faq/confidence.js";
import type { KnowledgeBase } from "../kb/knowledge-base.js";
import { kbStatus } from "../kb/status.js";
import type { Db } from "../store/database.js";
import type { Stores } from "../store/stores.js";
import type { JobDefinition } from "../workflows/contracts.js";
import { modelThemeNamer } from "../workflows/themes/theme-namer.js";
import { createThemesWorkflow, type ThemesWorkflow } from "../workflows/themes/themes-workflow.js";
import type { SubcommandHandler } from "./workflows.js";

export interface ThemesWiringInput {
  config: Readonly<Config>;
  db: Db;
  stores: Stores;
  executor: ToolExecutor;
  slack: WebClient;
  chatModel?: BaseChatModel;
  clock: () => number;
  kb: KnowledgeBase;
}

export interface ThemesWiring {
  workflow: ThemesWorkflow;
  job: JobDefinition;
  subcommand: SubcommandHandler;
  status: string;
}

export function wireThemes(input: ThemesWiringInput): ThemesWiring {
  const { config, kb } = input;
  const workflow = createThemesWorkflow({
    executor: input.executor,
    audit: input.stores.audit,
    db: input.db,
    slack: input.slack,
    source: "job:weekly-digest",
    now: input.clock,
    // An empty knowledge base says nothing about gaps, so the column is left out until the first sync.
    kbMatch: async (text) => {
      if (kbStatus(input.db, Math.floor(input.clock() / 1000)).total === 0) return undefined;
      const ranked = kb.searcher.rank({ text, k: 3 });
      return confidenceOf(confidenceParts(ranked.terms, ranked.hits, ranked.termWeights));
    },
    ...(input.chatModel ? { namer: modelThemeNamer(input.chatModel) } : {}),
  });
  return {
    workflow,
    job: weeklyDigestJob({ cron: config.digest.cron, channel: config.digest.channel, workflow }),
    subcommand: themesSubcommand(workflow),
    status: config.digest.channel
      ? `Weekly themes digest: on, posted to ${config.digest.channel} (${config.digest.cron}, ${config.digest.timezone})`
      : "Weekly themes digest: off, SWITCHBOARD_DIGEST_CHANNEL is not set (/switchboard themes still works in any channel)",
  };
}
