/** Registers every Bolt listener. Routing only: each listener lives in its own file. */
import type { App } from "@slack/bolt";
import type { SlackAppContext } from "../src/slack/slack-app-context.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import type { Subcommand } from "./commands/subcommand.js";
import { registerEvents } from "./events/index.js";
import { registerViews } from "./views/index.js";

/** What the workflows add, built by the composition root: more `/switchboard` subcommands and their buttons. */
export interface ListenerExtras {
  subcommands?: Record<string, Subcommand>;
  register?: ((app: App) => void)[];
}

export function registerListeners(app: App, context: SlackAppContext, extras: ListenerExtras = {}): void {
  registerCommands(app, context, extras.subcommands);
  registerEvents(app, context);
  // Workflow buttons before the approval ones: any catch-all for unknown actions must stay last.
  for (const register of extras.register ?? []) register(app);
  registerActions(app, context);
  registerViews(app, context);
}
