/**
 * When a person rejects one call of a model turn, LangChain's human-in-the-loop step sends the turn back to the
 * model without running that turn's other calls, leaving tool calls with no answer. OpenAI refuses such a
 * history, so each unanswered call gets a short "not run" answer in the request (the stored state is untouched).
 */
import { type BaseMessage, createMiddleware, ToolMessage } from "langchain";

export const NOT_RUN = "Not run: a person rejected another call of the same step, so this step was sent back to you. Call it again if it is still needed.";

export function answerDanglingCalls(messages: readonly BaseMessage[]): BaseMessage[] {
  const answered = new Set(messages.filter((m) => ToolMessage.isInstance(m)).map((m) => (m as ToolMessage).tool_call_id));
  const out: BaseMessage[] = [];
  for (const message of messages) {
    out.push(message);
    const calls = (message as { tool_calls?: { id?: string; name: string }[] }).tool_calls;
    if (message.getType() !== "ai" || !calls) continue;
    for (const call of calls) {
      if (call.id && !answered.has(call.id)) out.push(new ToolMessage({ content: NOT_RUN, tool_call_id: call.id, name: call.name, status: "error" }));
    }
  }
  return out;
}

export function danglingCallsMiddleware() {
  return createMiddleware({
    name: "AnswerDanglingCalls",
    wrapModelCall: async (request, handler) => handler({ ...request, messages: answerDanglingCalls(request.messages) }),
  });
}
