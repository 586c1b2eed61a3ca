/** The one screen `npm start` shows when Slack is not configured: what is missing and how to get it. */
import type { Config } from "./config.js";

export function describeMissingSlackSetup(config: Readonly<Config>): string | undefined {
  const missing: string[] = [];
  if (!config.slack.botToken) missing.push("SLACK_BOT_TOKEN     the bot token (xoxb-...) from OAuth & Permissions after installing the app");
  if (!config.slack.appToken && !config.slack.signingSecret) {
    missing.push("SLACK_APP_TOKEN     an app-level token (xapp-..., scope connections:write) for Socket Mode, or");
    missing.push("SLACK_SIGNING_SECRET  the signing secret (Basic Information) to receive HTTP requests on PORT");
  }
  if (missing.length === 0) return undefined;
  const intercom = config.intercom.accessToken
    ? `Intercom: using the access token for ${config.intercom.baseUrl}.`
    : "Intercom: no INTERCOM_ACCESS_TOKEN, so Switchboard uses its built-in Intercom emulator with a demo workspace.";
  return [
    "Switchboard is not connected to Slack yet.",
    "",
    "Missing settings (put them in .env or the environment; .env.example lists every one):",
    ...missing.map((line) => `  ${line}`),
    "",
    "To create the Slack app: https://api.slack.com/apps → Create New App → From a manifest → paste manifest.yml,",
    "install it to your workspace, then copy the tokens above. The README walks through it.",
    "",
    intercom,
    `Model: ${config.model.configured ? `${config.model.chatModel} via ${config.model.baseUrl ?? "api.openai.com"}` : "none configured (OPENAI_API_KEY or OPENAI_BASE_URL); features that need one explain what they do without it."}`,
    "",
    "Meanwhile, the playground below runs all of Switchboard in your browser, with no account; or, from a terminal:",
    ...(config.model.configured
      ? ['  npx switchboard ask "which conversations are waiting for a reply?"']
      : [
          "  npx switchboard tools call INTERCOM_LIST_ALL_ADMINS      (any of the 133 tools; `npx switchboard tools list`)",
          "  (`npx switchboard ask` also needs a model: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local one)",
        ]),
    "",
  ].join("\n");
}
