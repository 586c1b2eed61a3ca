/** The body of `switchboard themes digest`, loaded only when the command runs. */
import { writeFileSync } from "node:fs";
import { WebClient } from "@slack/web-api";
import { SingleBar } from "cli-progress";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { closeDeps, createDeps } from "../app.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { digestForTerminal } from "../workflows/themes/digest-terminal.js";
import { createThemesWorkflow, describeRun } from "../workflows/themes/themes-workflow.js";

export async function runThemesDigestCommand(config: Readonly<Config>, options: { days: number; dryRun: boolean; png?: string }): Promise<void> {
  if (!options.dryRun && !config.slack.botToken)
    throw new AppError("USAGE", "Posting the digest needs SLACK_BOT_TOKEN; run with --dry-run to see it in the terminal instead.");
  if (!options.dryRun && !config.digest.channel)
    throw new AppError("USAGE", "Posting the digest needs SWITCHBOARD_DIGEST_CHANNEL (a channel id such as C0123ABCD); or use --dry-run.");
  const deps = createDeps(config);
  const bar = process.stderr.isTTY ? new SingleBar({ format: "{what} [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true }) : undefined;
  let phase = "";
  try {
    const executor = createToolExecutor({ transport: deps.transport, tools: allTools, logger: deps.logger });
    const slack = config.slack.botToken ? new WebClient(config.slack.botToken, config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}) : undefined;
    const workflow = createThemesWorkflow({ executor, audit: deps.stores.audit, db: deps.db, slack, source: "cli:themes" });
    const result = await workflow.run({
      days: options.days,
      dryRun: options.dryRun,
      channel: config.digest.channel,
      progress: bar
        ? (done, total, what) => {
            if (what !== phase) {
              if (phase) bar.stop();
              phase = what;
              bar.start(total, done, { what: what.padEnd(13) });
            }
            bar.setTotal(total);
            bar.update(done);
          }
        : undefined,
    });
    bar?.stop();
    if (options.png) writeFileSync(options.png, result.computed.png);
    if (options.dryRun) console.log(digestForTerminal(result.computed.digest));
    console.log(`\n${describeRun(result)}${options.png ? `; chart written to ${options.png}` : ""}`);
  } finally {
    bar?.stop();
    await closeDeps(deps);
  }
}
