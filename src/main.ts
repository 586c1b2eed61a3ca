/**
 * Process entry for `switchboard start`: config → composition root → start; SIGTERM/SIGINT stop gracefully
 * (no new requests, work in flight finishes within a bound, then the database closes).
 */
import { closeDeps, createDeps, type Deps } from "./app.js";
import type { Config } from "./config.js";
import { collectSnapshot, formatSnapshot } from "./demo/workspace-snapshot.js";
import { toUserMessage } from "./errors.js";
import { describeMissingSlackSetup } from "./setup-help.js";
import { composeSlackApp } from "./slack/compose-slack-app.js";

export async function runStart(config: Readonly<Config>): Promise<void> {
  const missing = describeMissingSlackSetup(config);
  const deps = createDeps(config);
  if (missing) {
    process.stdout.write(missing);
    try {
      await showWorkspace(deps);
    } finally {
      await closeDeps(deps);
    }
    return;
  }
  let stack: ReturnType<typeof composeSlackApp>;
  try {
    stack = composeSlackApp(deps);
    await stack.slack.start();
  } catch (error) {
    await closeDeps(deps);
    throw error;
  }
  const { logger } = deps;
  logger.info(
    { intercom: stack.intercom.status().detail, model: config.model.configured ? config.model.chatModel : "none" },
    "Switchboard is running; press Ctrl+C to stop",
  );

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "Stopping: finishing work in flight");
      // A stop that hangs (a stuck request, an unreachable API) must not keep the process alive forever.
      setTimeout(() => {
        logger.error("Could not stop within 20 s; exiting anyway");
        process.exit(1);
      }, 20_000).unref();
      stack
        .close()
        .catch((error) => logger.error({ err: error }, "Error while stopping"))
        .then(() => closeDeps(deps))
        .catch((error) => logger.error({ err: error }, "Error while closing the database"))
        .finally(() => {
          process.off("SIGTERM", onTerm);
          process.off("SIGINT", onInt);
          resolve();
        });
    };
    const onTerm = () => stop("SIGTERM");
    const onInt = () => stop("SIGINT");
    process.once("SIGTERM", onTerm);
    process.once("SIGINT", onInt);
  });
}

/**
 * Before Slack is connected, `npm start` still proves the Intercom side works: a read-only look at the
 * workspace (the built-in emulator's demo workspace when no Intercom token is set).
 */
async function showWorkspace(deps: Deps): Promise<void> {
  const source = deps.transport.usesEmulator() ? "built-in Intercom emulator, demo data" : deps.intercom.status().detail;
  try {
    const snapshot = await collectSnapshot(deps.transport, Math.floor(Date.now() / 1000));
    process.stdout.write(`${formatSnapshot(snapshot, source)}\n`);
  } catch (error) {
    deps.logger.warn({ err: error }, "Could not read the Intercom workspace");
    process.stdout.write(`Could not read the Intercom workspace: ${toUserMessage(error)}\n`);
  }
}
