/** What the escalation workflow is built from; the composition root hands these in once. */
import type { WebClient } from "@slack/web-api";
import type { Persona } from "../../agent/personas.js";
import type { Config } from "../../config.js";
import type { ScoreSettings } from "../../domain/escalation/score.js";
import type { Logger } from "../../logger.js";
import type { AuditedReads } from "../audited-reads.js";
import type { GatedWrites, TeammateDirectory } from "../contracts.js";
import type { EscalationAlertsRepo } from "./alerts-repo.js";
import type { BriefingModel } from "./briefing-writer.js";
import type { TextJudge } from "./text-judge.js";

export interface EscalationDeps {
  reads: AuditedReads;
  alerts: EscalationAlertsRepo;
  slack: WebClient;
  /** The support channel (SWITCHBOARD_SUPPORT_CHANNEL or the persona's). */
  channel: string;
  settings: ScoreSettings;
  maxAlertsPerSweep: number;
  /** Whose approvers may click, and whose policy the writes go through. */
  persona: Persona;
  writes: GatedWrites;
  directory: TeammateDirectory;
  /** Absent: the template briefing. */
  model?: BriefingModel;
  /** Absent: the rules alone judge the text reasons (createModelTextJudge builds one from the same model). */
  textJudge?: TextJudge;
  logger?: Pick<Logger, "info" | "warn" | "debug">;
  /** Unix ms. */
  now?: () => number;
  /** Where a "tomorrow" snooze is read (SWITCHBOARD_TIMEZONE: config.jobs.timezone); UTC when absent. */
  timezone?: string;
  /** Builds the Intercom link; defaults to the inbox URL with the workspace placeholder. */
  conversationUrl?: (conversationId: string) => string;
}

export function scoreSettingsFrom(config: Pick<Config, "escalation">): ScoreSettings {
  return {
    longWaitHours: config.escalation.longWaitHours,
    vipWaitMinutes: config.escalation.vipWaitMinutes,
    vipAttribute: config.escalation.vipAttribute,
  };
}

export const defaultConversationUrl = (conversationId: string) => `https://app.intercom.com/a/inbox/_/inbox/conversation/${encodeURIComponent(conversationId)}`;
