/**
 * The model's say over the text-judged reasons, behind one small interface. With no model the workflow never
 * builds one and the rules decide alone; when the model fails or answers nonsense, the rules' result is kept
 * and the reason is logged, so an alert never depends on a model being up.
 */
import {
  applyJudgement,
  customerMessagesSinceTeammate,
  JUDGE_INSTRUCTIONS,
  judgementRequest,
  parseJudgement,
} from "../../domain/escalation/model-judgement.js";
import type { EscalationScore, ScoreSettings } from "../../domain/escalation/score.js";
import type { Logger } from "../../logger.js";
import type { BriefingModel } from "./briefing-writer.js";

export interface TextJudge {
  /** The same score with its text reasons judged by the model; the input score when the model is not usable. */
  review(input: { conversation: unknown; score: EscalationScore; now: number }): Promise<EscalationScore>;
}

/** Any chat model with `invoke` (a LangChain chat model fits), the same shape the briefing writer takes. */
export type TextJudgeModel = BriefingModel;

const contentText = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (typeof part === "string" ? part : typeof part?.text === "string" ? part.text : "")).join("")
      : "";

export function createModelTextJudge(model: TextJudgeModel, settings: ScoreSettings, logger?: Pick<Logger, "info" | "warn">): TextJudge {
  return {
    async review({ conversation, score, now }) {
      if (!score.waitingOnTeam) return score;
      const messages = customerMessagesSinceTeammate(conversation);
      if (messages.length === 0) return score;
      let answer: string;
      try {
        const reply = await model.invoke([
          { role: "system", content: JUDGE_INSTRUCTIONS },
          { role: "user", content: judgementRequest(messages, score.evidence) },
        ]);
        answer = contentText(reply.content);
      } catch (error) {
        logger?.warn({ conversationId: score.id, error: (error as Error).message }, "escalation text judge: the model failed; the rules decided");
        return score;
      }
      const parsed = parseJudgement(answer, messages);
      if (!parsed.ok) {
        logger?.warn({ conversationId: score.id, problem: parsed.problem }, "escalation text judge: unusable answer; the rules decided");
        return score;
      }
      if (parsed.ignored.length) logger?.info({ conversationId: score.id, ignored: parsed.ignored }, "escalation text judge: findings ignored");
      return applyJudgement(score, parsed.findings, settings, now);
    },
  };
}
