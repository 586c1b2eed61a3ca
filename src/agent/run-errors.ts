/**
 * What a person is told when an agent run throws, and whether it is a known condition (the model server is
 * down, a key was refused, the agent looped) that needs no stack trace, or a bug that does.
 */
import { isAppError, toUserMessage } from "../errors.js";
import { redactString } from "../redact.js";

export interface RunErrorReport {
  message: string;
  /** Known conditions are logged as warnings without a stack; the rest as errors. */
  known: boolean;
}

const UNREACHABLE = /connection error|ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|ENOTFOUND|timed out|timeout/i;
const REFUSED = /api key|^(4\d\d|5\d\d)\b|404 .*model|429|quota/i;

export function describeRunError(error: unknown, runId: string): RunErrorReport {
  if (isAppError(error)) return { message: error.userMessage, known: error.code !== "INTERNAL" };
  const name = (error as Error)?.name ?? "";
  const text = redactString((error as Error)?.message ?? String(error)).slice(0, 300);
  if (name === "GraphRecursionError") {
    return { message: "The agent took too many steps without finishing, so it stopped. Try a narrower request.", known: true };
  }
  // The OpenAI SDK says only "Connection error." when the server is down or the URL is wrong.
  if (UNREACHABLE.test(text)) {
    return {
      message: `The language model could not be reached or refused the request: ${text} Check OPENAI_BASE_URL (and that the model server is running), then try again.`,
      known: true,
    };
  }
  if (REFUSED.test(text)) return { message: `The language model could not be reached or refused the request: ${text}`, known: true };
  // The run id is the reference: the person can quote it, and every log line of the run carries it.
  return { message: toUserMessage(error, runId), known: false };
}
