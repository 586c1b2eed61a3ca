/**
 * `switchboard tools select --k K`: the tool retriever as a filter. Reads JSON lines {"id","request"} on stdin
 * and writes one line per request, {"id","tools":[{"name","title"},...]} best first, so any evaluation
 * harness can score the same selection the agent uses.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import type { ToolDefinition } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import { ToolSelector } from "../agent/tool-selector.js";
import { AppError } from "../errors.js";
import { EmbeddingCache } from "../retrieval/embedding-cache.js";
import { openDatabase } from "../store/database.js";
import type { CliContext } from "./context.js";

/** Ranks one request: every positive match first, then the rest of the catalog, cut at k. */
export async function selectTools(selector: ToolSelector, request: string, k: number): Promise<{ name: string; title: string }[]> {
  const ranked = await selector.rank(request);
  return ranked.slice(0, k).map((r) => {
    const tool = selector.get(r.name) as ToolDefinition;
    return { name: tool.name, title: tool.title };
  });
}

/**
 * Answers every request line. A bad line does not stop a long evaluation: it still gets its one output line
 * ({"id", "tools": [], "error"}), so outputs stay aligned with inputs, and `onProblem` hears about it.
 */
export async function runSelect(
  lines: AsyncIterable<string>,
  selector: ToolSelector,
  k: number,
  write: (line: string) => void,
  onProblem: (message: string) => void = () => {},
): Promise<number> {
  let count = 0;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (!line) continue;
    let item: { id?: unknown; request?: unknown } | undefined;
    let problem: string | undefined;
    try {
      item = JSON.parse(line) as typeof item;
      if (!item || typeof item !== "object") problem = `Line ${lineNumber} is not a JSON object; each line must be {"id": ..., "request": "..."}.`;
      else if (typeof item.request !== "string") problem = `Line ${lineNumber} has no "request" string.`;
    } catch {
      problem = `Line ${lineNumber} is not JSON; each line must be {"id": ..., "request": "..."}.`;
    }
    const id = item && typeof item === "object" ? (item.id ?? null) : null;
    if (problem || typeof item?.request !== "string") {
      onProblem(problem ?? `Line ${lineNumber} has no "request" string.`);
      write(JSON.stringify({ id, tools: [], error: problem }));
    } else write(JSON.stringify({ id, tools: await selectTools(selector, item.request, k) }));
    count++;
  }
  return count;
}

export function registerToolsSelectCommand(program: Command, context: CliContext): void {
  const tools = program.commands.find((c) => c.name() === "tools") ?? program.command("tools").description("The Intercom tools the agent can use");
  tools
    .command("select")
    .description('Rank tools for requests: JSON lines {"id","request"} on stdin → {"id","tools":[{"name","title"}]} per line, best first')
    .option("--k <k>", "how many tools per request", "12")
    .action(async (options: { k: string }) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 1) throw new AppError("USAGE", `--k expects a whole number above 0; got "${options.k}".`);
      const config = context.loadConfig();
      const { createEmbeddings } = await import("../agent/chat-model.js");
      const embeddings = createEmbeddings(config.model);
      // Vectors are only worth a database when there is an embedding model to pay for.
      const db = embeddings ? openDatabase(config.databasePath) : undefined;
      try {
        const selector = new ToolSelector(allTools, {
          embeddings,
          cache: db && config.model.embeddingModel ? new EmbeddingCache(db, config.model.embeddingModel) : undefined,
        });
        const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        let problems = 0;
        await runSelect(
          input,
          selector,
          k,
          (line) => process.stdout.write(`${line}\n`),
          (message) => {
            problems++;
            process.stderr.write(`switchboard: ${message}\n`);
          },
        );
        if (problems > 0) process.exitCode = 1;
      } finally {
        db?.close();
      }
    });
}
