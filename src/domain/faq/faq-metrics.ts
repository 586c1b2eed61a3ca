/** FAQ decision quality against labelled messages: pure, for the benchmark and tests. */
import type { FaqDecision } from "./types.js";

export interface FaqCase {
  gold: string | null;
  decision: FaqDecision;
  citations: readonly string[];
}

export interface FaqMetrics {
  messages: number;
  answerable: number;
  unanswerable: number;
  autoResolved: number;
  /** Of auto_resolve decisions, the share whose first citation is the right article. */
  autoResolvePrecision: number;
  /** Of messages with no answer in the help center, the share that abstained. */
  abstentionOnNoAnswer: number;
  /** Of answerable messages, the share answered (draft or auto) with the right first citation. */
  answeredRightFirstCitation: number;
  /** Of drafts and auto-resolves, the share whose first citation is right. */
  answerPrecision: number;
}

export function faqMetrics(cases: readonly FaqCase[]): FaqMetrics {
  const answerable = cases.filter((c) => c.gold !== null);
  const unanswerable = cases.filter((c) => c.gold === null);
  const auto = cases.filter((c) => c.decision === "auto_resolve");
  const answered = cases.filter((c) => c.decision !== "abstain");
  const right = (c: FaqCase) => c.gold !== null && c.citations[0] === c.gold;
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    messages: cases.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    autoResolved: auto.length,
    autoResolvePrecision: share(auto.filter(right).length, auto.length),
    abstentionOnNoAnswer: share(unanswerable.filter((c) => c.decision === "abstain").length, unanswerable.length),
    answeredRightFirstCitation: share(answerable.filter((c) => c.decision !== "abstain" && right(c)).length, answerable.length),
    answerPrecision: share(answered.filter(right).length, answered.length),
  };
}
