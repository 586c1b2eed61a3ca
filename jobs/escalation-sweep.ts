/**
 * Every few minutes (SWITCHBOARD_ESCALATION_SWEEP_CRON), open conversations are scored again, because a
 * wait crosses its threshold without any event; at most SWITCHBOARD_ESCALATION_MAX_ALERTS new alerts per
 * run, highest scores first. Snoozed alerts whose time is up come back in the same run.
 */

import type { JobDefinition } from "../src/workflows/contracts.js";
import type { EscalationWorkflow } from "../src/workflows/escalation/escalation-workflow.js";

export const ESCALATION_SWEEP_JOB = "escalation-sweep";

export function escalationSweepJob(deps: { cron: string; workflow: Pick<EscalationWorkflow, "sweep"> }): JobDefinition {
  return {
    name: ESCALATION_SWEEP_JOB,
    description: "Scores open conversations for escalation and posts the highest-scoring new alerts",
    cron: deps.cron,
    async run() {
      const { summary } = await deps.workflow.sweep();
      return { summary };
    },
  };
}
