/**
 * `switchboard tools list [--json]` and `switchboard tools call NAME --args '<json>' [--yes]`: the Intercom
 * tools from a terminal. `list` loads only the tool definitions, so it starts fast; `call` loads the rest.
 */
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { createToolCatalog } from "../../tools/catalog.js";
import type { ToolDefinition } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import type { CliContext } from "./context.js";

export function formatToolList(tools: readonly ToolDefinition[], json: boolean): string {
  const rows = tools.map(({ name, title, method, path, risk, resource }) => ({ name, title, method, path, risk, resource }));
  if (json) return JSON.stringify(rows, null, 2);
  const width = (key: "name" | "risk" | "method" | "path") => Math.max(...rows.map((row) => row[key].length), key.length);
  const w = { name: width("name"), risk: width("risk"), method: width("method"), path: width("path") };
  const line = (r: { name: string; risk: string; method: string; path: string; title: string }) =>
    `${r.name.padEnd(w.name)}  ${r.risk.padEnd(w.risk)}  ${r.method.padEnd(w.method)}  ${r.path.padEnd(w.path)}  ${r.title}`;
  return [line({ name: "NAME", risk: "RISK", method: "METHOD", path: "PATH", title: "TITLE" }), ...rows.map(line)].join("\n");
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export function registerToolsCommands(program: Command, context: CliContext): void {
  const tools = program.command("tools").description("The Intercom tools the agent can use");

  tools
    .command("list")
    .description("List every tool: name, risk, method, path and title")
    .option("--json", "print JSON instead of a table")
    .action((options: { json?: boolean }) => {
      console.log(formatToolList(createToolCatalog(allTools).tools, Boolean(options.json)));
    });

  tools
    .command("call")
    .argument("<name>", "the tool name, as shown by `tools list` (e.g. INTERCOM_GET_A_CONTACT)")
    .description("Call one tool against the configured Intercom and print the result as JSON")
    .option("--args <json>", "the tool's arguments as a JSON object", "{}")
    .option("--yes", "run write and destructive tools without asking")
    .action(async (name: string, options: { args?: string; yes?: boolean }) => {
      const [{ closeDeps, createDeps }, { describeTarget, runToolsCall }] = await Promise.all([import("../app.js"), import("./tools-call.js")]);
      const config = context.loadConfig();
      const deps = createDeps(config);
      const emulated = deps.transport.usesEmulator();
      if (emulated) console.error("No Intercom token is set, so this runs against the built-in emulator's demo workspace.");
      const code = await runToolsCall({
        config,
        transport: deps.transport,
        db: deps.db,
        target: emulated ? "the built-in emulator" : describeTarget(config.intercom.baseUrl, deps.intercom.status().mode),
        name,
        argsJson: options.args,
        yes: Boolean(options.yes),
        io: {
          stdout: (text) => console.log(text),
          stderr: (text) => console.error(text),
          isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
          confirm: askOnTerminal,
        },
      });
      await closeDeps(deps);
      if (code !== 0) process.exitCode = code;
    });
}
