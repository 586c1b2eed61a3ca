/**
 * The weekly themes digest (SWITCHBOARD_DIGEST_CRON, default Mondays 09:00 in SWITCHBOARD_TIMEZONE), posted to
 * SWITCHBOARD_DIGEST_CHANNEL. The platform's scheduler gives one run per slot, catch-up and no overlap.
 */
import type { JobDefinition } from "../src/workflows/contracts.js";
import { describeRun, type ThemesWorkflow } from "../src/workflows/themes/themes-workflow.js";

export const WEEKLY_DIGEST_JOB = "weekly-digest";

export function weeklyDigestJob(deps: { cron: string; channel?: string; days?: number; workflow: ThemesWorkflow }): JobDefinition {
  return {
    name: WEEKLY_DIGEST_JOB,
    description: `Clusters the last ${deps.days ?? 7} days of conversations and tickets into themes and posts the digest with a chart`,
    cron: deps.cron,
    async run(context) {
      if (!deps.channel) return { summary: "skipped: SWITCHBOARD_DIGEST_CHANNEL is not set" };
      if (context.signal.aborted) return { summary: "skipped: stopping" };
      const result = await deps.workflow.run({ days: deps.days ?? 7, channel: deps.channel, source: `job:${WEEKLY_DIGEST_JOB}` });
      return { summary: describeRun(result) };
    },
  };
}
