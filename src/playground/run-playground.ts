/**
 * `npm start` with no Slack credentials (and `switchboard playground`): starts the whole demo, prints the page's
 * address once, and keeps running until Ctrl+C or SIGTERM, then stops everything it started.
 */

import { EMULATOR_CLI_DEFAULTS, EMULATOR_DEFAULT_URL } from "../cli/emulator-commands.js";
import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import { launchPlayground } from "./launch-playground.js";

export interface RunPlaygroundOptions {
  /** The page's port; default the config's PORT. */
  port?: number;
  /** The demo emulator's preferred port; default the one `switchboard emulator simulate` calls (4010). */
  emulatorPort?: number;
  write?: (text: string) => void;
}

/**
 * The command a second shell runs to play a customer: --url and --token only when the demo emulator's differ
 * from the ones the command uses by default.
 */
export function simulateCommand(emulator: { url: string; token: string }, body: string): string {
  const url = new URL(emulator.url).origin === new URL(EMULATOR_DEFAULT_URL).origin ? "" : ` --url ${emulator.url}`;
  const token = emulator.token === EMULATOR_CLI_DEFAULTS.token ? "" : ` --token ${emulator.token}`;
  return `npx switchboard emulator simulate conversation${url}${token} --body "${body}"`;
}

export function playgroundBanner(url: string, config: Readonly<Config>, emulator?: { url: string; token: string }): string {
  const lines = [
    "",
    `  Switchboard playground: ${url}`,
    "",
    "  Open it in a browser: a Slack-like page with #support, #product and the bot, over the built-in Intercom",
    "  emulator's demo bank. It is a demo on this computer only (bound to 127.0.0.1); press Ctrl+C to stop.",
    ...(emulator
      ? [
          `  Its Intercom emulator: ${emulator.url} (token ${emulator.token}). A customer writes, from another shell:`,
          `    ${simulateCommand(emulator, "How do I change my PIN?")}`,
        ]
      : []),
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
    const launched = await launchPlayground({
      config,
      logger,
      port: options.port ?? config.port,
      emulatorPort: options.emulatorPort ?? Number(new URL(EMULATOR_DEFAULT_URL).port),
    });
    if (!requested) write(playgroundBanner(launched.url, config, launched.emulator()));
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
