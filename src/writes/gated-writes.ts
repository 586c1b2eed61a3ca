/**
 * The one gate for writes made outside an agent run (workflows, buttons, the terminal): checks the tool, the
 * persona's scope and policy and who allowed it; records the attempt in the write ledger before sending;
 * sends through the tools' executor; and audits the outcome, which is a fact from the executor.
 */
import type { ToolDefinition } from "../../tools/define.js";
import { createToolExecutor, describeIssues, type ToolExecutor } from "../../tools/execute.js";
import { AppError } from "../errors.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { AuditEntry, AuditLog } from "../store/audit-log.js";
import type { GatedWriteRequest, GatedWrites, TeammateDirectory, WriteOutcome } from "../workflows/contracts.js";
import { actAsTeammate } from "./act-as.js";
import { checkAuthority } from "./authority.js";
import { AUDIT_STATUS } from "./outcome.js";
import type { WriteOnce } from "./write-once.js";

export interface GatedWritesOptions {
  tools: readonly ToolDefinition[];
  audit: AuditLog;
  writeOnce: WriteOnce;
  /** Where writes go; ignored when `executor` is given. */
  transport?: IntercomTransport;
  executor?: ToolExecutor;
  logger?: Pick<Logger, "info" | "warn" | "debug">;
  now?: () => number;
  /**
   * When given, a write a person approved goes out as their Intercom teammate (src/writes/act-as.ts): its
   * admin_id is set before it is recorded, so the ledger and the audit log hold what was actually sent.
   */
  teammates?: TeammateDirectory;
}

export function createGatedWrites(options: GatedWritesOptions): GatedWrites {
  const catalog = new Map(options.tools.map((tool) => [tool.name, tool]));
  const now = options.now ?? Date.now;
  const executor =
    options.executor ?? (options.transport ? createToolExecutor({ transport: options.transport, tools: options.tools, logger: options.logger }) : undefined);
  if (!executor) throw new AppError("INTERNAL", "createGatedWrites needs a transport or an executor.");

  const auditEntry = (
    request: GatedWriteRequest,
    outcome: WriteOutcome,
    extra: { decision: "auto" | "approved" | "refused"; approver?: string; latencyMs?: number; result?: unknown },
  ): AuditEntry => ({
    at: now(),
    requesterUser: request.requester.slackUserId,
    requesterSource: request.requester.source,
    persona: request.persona.name,
    prompt: request.prompt,
    tool: request.tool,
    args: request.args,
    decision: extra.decision,
    approver: extra.approver,
    result: extra.result ?? (outcome.status === "sent" ? outcome.result : { [outcome.status]: outcome.reason }),
    status: AUDIT_STATUS[outcome.status],
    latencyMs: extra.latencyMs,
  });
  const audit = (request: GatedWriteRequest, outcome: WriteOutcome, extra: Parameters<typeof auditEntry>[2]) => {
    options.audit.record(auditEntry(request, outcome, extra));
  };

  return {
    async run(given: GatedWriteRequest): Promise<WriteOutcome> {
      const tool = catalog.get(given.tool);
      const approver = given.authority.kind === "person" ? given.authority.slackUserId : undefined;
      const teammate = tool && approver && options.teammates ? await options.teammates.adminFor(approver).catch(() => undefined) : undefined;
      const request = tool ? { ...given, args: actAsTeammate(tool, given.args, teammate) } : given;
      const fields = { tool: request.tool, persona: request.persona.name, key: request.idempotencyKey, source: request.requester.source };
      if (!tool) {
        const outcome: WriteOutcome = { status: "refused", tool: request.tool, reason: `There is no tool named ${request.tool}.` };
        audit(request, outcome, { decision: "refused" });
        return outcome;
      }
      const allowed = checkAuthority(request.persona, tool, request.authority);
      if (!allowed.allowed) {
        const outcome: WriteOutcome = { status: "refused", tool: tool.name, reason: allowed.reason };
        audit(request, outcome, { decision: "refused" });
        options.logger?.warn({ ...fields, reason: allowed.reason }, "gated write refused");
        return outcome;
      }
      // Arguments that cannot run never take the key: a corrected call with the same key may still go out.
      const parsed = tool.input.safeParse(request.args);
      if (!parsed.success) {
        const outcome: WriteOutcome = {
          status: "failed",
          tool: tool.name,
          reason: `The arguments for ${tool.title} are invalid (${describeIssues(parsed.error.issues, request.args)}); nothing was sent.`,
        };
        audit(request, outcome, { decision: allowed.decision, approver: allowed.approver });
        return outcome;
      }

      const attempt = await options.writeOnce.run(
        {
          key: request.idempotencyKey,
          tool: tool.name,
          args: request.args,
          persona: request.persona.name,
          requesterUser: request.requester.slackUserId,
          requesterSource: request.requester.source,
          decision: allowed.decision,
          approver: allowed.approver,
          prompt: request.prompt,
        },
        () => executor.execute(tool.name, request.args),
        {
          // Written in the transaction that settles the ledger row, so a settled write always has its audit row.
          audit: {
            log: options.audit,
            entry: (done) =>
              auditEntry(request, done.outcome, {
                decision: allowed.decision,
                approver: allowed.approver,
                latencyMs: done.latencyMs,
                result: done.result && !done.result.ok ? { kind: done.result.kind, status: done.result.status, message: done.result.message } : undefined,
              }),
          },
        },
      );
      if (!attempt.fresh) {
        options.logger?.info({ ...fields, status: attempt.outcome.status }, "gated write already made with this key; nothing sent again");
        return attempt.outcome;
      }
      options.logger?.info({ ...fields, status: attempt.outcome.status, latencyMs: Math.round(attempt.latencyMs ?? 0) }, "gated write");
      return attempt.outcome;
    },
  };
}
