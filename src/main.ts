/**
 * Process entry for `switchboard start`: config → composition root (createApp) → start; SIGTERM/SIGINT stop
 * gracefully (no new requests, work in flight finishes within a bound, then the jobs and the database stop).
 */
import { createApp, type SwitchboardApp } from "./app.js";
import type { Config } from "./config.js";
import { AppError } from "./errors.js";
import type { Logger } from "./logger.js";
import { describeMissingSlackSetup } from "./setup-help.js";

/**
 * A stray rejection or exception in one request (a library's bug, a malformed body we did not foresee) must
 * not take the whole app down, since nothing restarts it: log it with its stack and keep serving. Returns
 * the function that removes the handlers again.
 */
export function installProcessGuards(logger: Logger): () => void {
  const onRejection = (reason: unknown) => logger.error({ err: reason }, "Unhandled promise rejection; Switchboard keeps running");
  const onException = (error: Error) => logger.error({ err: error }, "Uncaught exception; Switchboard keeps running");
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}

export async function runStart(config: Readonly<Config>): Promise<void> {
  const missing = describeMissingSlackSetup(config);
  if (missing) {
    // No Slack yet: the playground runs the real app against a local Slack stand-in and the built-in
    // emulator, so a newcomer can use every flow in a browser before creating anything.
    process.stdout.write(missing);
    const { runPlayground } = await import("./playground/run-playground.js");
    await runPlayground(config);
    return;
  }
  const app: SwitchboardApp = await createApp(config);
  const { logger } = app.deps;
  const removeGuards = installProcessGuards(logger);
  // Ctrl+C while still connecting (Slack unreachable, retrying) stops the start; the start then fails, non-zero.
  let aborted = false;
  const abortStart = () => {
    aborted = true;
    logger.info("Stopping before Slack was connected");
    // A start cut short can leave a handle open (a request in flight to Slack); it must not keep the process alive.
    setTimeout(() => {
      logger.error("Could not stop within 5 s; exiting anyway");
      process.exit(1);
    }, 5_000).unref();
    app.stop().catch(() => undefined);
  };
  process.once("SIGINT", abortStart);
  process.once("SIGTERM", abortStart);
  try {
    await app.start();
    if (aborted) {
      // The signal came while the listener was opening: close what opened after the stop.
      await app.slack.stop().catch(() => undefined);
      throw new AppError("INTERNAL", "Stopped before Slack was connected; nothing was started.");
    }
  } catch (error) {
    // Stopping what never fully started can fail too; the start's own error (a port in use) is the one to report.
    await app.stop().catch(() => undefined);
    removeGuards();
    throw error;
  } finally {
    process.off("SIGINT", abortStart);
    process.off("SIGTERM", abortStart);
  }
  logger.info(
    { intercom: app.deps.intercom.status().detail, model: config.model.configured ? config.model.chatModel : "none" },
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
      app
        .stop()
        .catch((error: unknown) => logger.error({ err: error }, "Error while stopping"))
        .finally(() => {
          process.off("SIGTERM", onTerm);
          process.off("SIGINT", onInt);
          removeGuards();
          resolve();
        });
    };
    const onTerm = () => stop("SIGTERM");
    const onInt = () => stop("SIGINT");
    process.once("SIGTERM", onTerm);
    process.once("SIGINT", onInt);
  });
}
