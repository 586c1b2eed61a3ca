/**
 * Arguments a gated tool would refuse are sent back to the model instead of to a person: nobody should be
 * asked to approve a call that cannot run.
 */
import type { ToolDefinition } from "../../tools/define.js";
import type { Decider } from "./run-types.js";

/** Who "decides" a call whose arguments cannot run: nobody is asked, the model hears why. */
export const ARGUMENT_CHECK_DECIDER: Decider = { source: "switchboard:argument-check" };

/** How many times in a row one run may be sent back for its arguments before a person sees the request anyway. */
export const MAX_MALFORMED_ROUNDS = 3;

/** Why a tool would refuse these arguments, in words the model can act on; undefined when they are fine. */
export function argumentProblem(tool: ToolDefinition | undefined, args: Record<string, unknown>): string | undefined {
  if (!tool) return undefined;
  const parsed = tool.input.safeParse(args);
  if (parsed.success) return undefined;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).slice(0, 5);
  return `The arguments do not fit ${tool.title} (${problems.join("; ")}), so no one was asked to approve it and nothing ran. Call it again with corrected arguments.`;
}
