/**
 * `npm start` with no Slack credentials (and `switchboard playground`): starts the whole demo, prints the page's
 * address once, and keeps running until Ctrl+C or SIGTERM, then stops everything it started.
 */
import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import { launchPlayground } from "./launch-playground.js";

export interface RunPlaygroundOptions {
  /** The page's port; default the config's PORT. */
  port?: number;
  write?: (text: string) => void;
}

export function playgroundBanner(url: string, config: Readonly<Config>): string {
  const lines = [
    "",
    `  Switchboard playground: ${url}`,
    "",
    "  Open it in a browser: a Slack-like page with #support, #product and the bot, over the built-in Intercom",
    "  emulator's demo bank. It is a demo on this computer only (bound to 127.0.0.1); press Ctrl+C to stop.",
    config.model.configured
      ? `  Model: ${config.model.chatModel}, so the agent answers free questions.`
      : "  No model configured: everything that needs none works; set OPENAI_API_KEY or OPENAI_BASE_URL for the rest.",
    ...(config.intercom.accessToken ? ["  Your INTERCOM_ACCESS_TOKEN is not used here: the playground always runs on the demo workspace."] : []),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

export async function runPlayground(config: Readonly<Config>, options: RunPlaygroundOptions = {}): Promise<void> {
  const logger = createLogger(config.log);
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  // The handlers go in before anything starts, so a Ctrl+C or SIGTERM during the start is never lost: it stops
  // the playground as soon as what was starting is up.
  let requested: string | undefined;
  let onSignal: (signal: string) => void = (signal) => {
    requested = signal;
  };
  const onTerm = () => onSignal("SIGTERM");
  const onInt = () => onSignal("SIGINT");
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  try {
    const launched = await launchPlayground({ config, logger, port: options.port ?? config.port });
    if (!requested) write(playgroundBanner(launched.url, config));
    await new Promise<void>((resolve) => {
      let stopping = false;
      onSignal = (signal) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "Stopping the playground");
        setTimeout(() => {
          logger.error("Could not stop within 20 s; exiting anyway");
          process.exit(1);
        }, 20_000).unref();
        launched
          .close()
          .catch((error: unknown) => logger.error({ err: error }, "Error while stopping the playground"))
          .finally(resolve);
      };
      if (requested) onSignal(requested);
    });
  } finally {
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
  }
}
