/**
 * Process entry for `switchboard start`: config → composition root → start; SIGTERM/SIGINT stop gracefully.
 */
import { closeDeps, createDeps } from "./app.js";
import type { Config } from "./config.js";
import { describeMissingSlackSetup } from "./setup-help.js";

export async function runStart(config: Readonly<Config>): Promise<void> {
  const deps = createDeps(config);
  const missing = describeMissingSlackSetup(config);
  if (missing) {
    process.stdout.write(missing);
    closeDeps(deps);
    return;
  }
  deps.logger.info("Slack credentials found, but the Slack app is not part of this build yet.");
  closeDeps(deps);
}
