import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createApp } from "../../src/app.js";
import { buildConfig, envSchema } from "../../src/config.js";
import { createSilentLogger } from "../../src/logger.js";
import { describeMissingSlackSetup } from "../../src/setup-help.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const root = join(import.meta.dirname, "../..");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function configWith(env: Record<string, string>) {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return buildConfig(
    envSchema.parse({
      SWITCHBOARD_DB_PATH: "s.db",
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 3).toString("base64"),
      SWITCHBOARD_PERSONAS_FILE: join(root, "data/personas.yml"),
      ...env,
    }),
    temp.dir,
  );
}

describe("manifest.yml", () => {
  it("creates what the listeners need: the command, events, scopes, interactivity, App Home, Socket Mode", () => {
    const manifest = parse(readFileSync(join(root, "manifest.yml"), "utf8"));
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(["/switchboard"]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_mention", "app_home_opened", "message.channels", "message.im"]),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "channels:history", "im:history", "usergroups:read"]),
    );
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});

describe("starting", () => {
  it("without Slack credentials, one screen says what is missing and points to the terminal agent", () => {
    const screen = describeMissingSlackSetup(configWith({}))!;
    for (const part of ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "manifest.yml", "emulator", "ask"]) expect(screen).toContain(part);
    expect(screen.split("\n").length).toBeLessThan(25);
    // with no model, it suggests what works without one and says what ask needs
    expect(screen).toContain("tools call");
    expect(screen).toContain("also needs a model");
    const withModel = describeMissingSlackSetup(configWith({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }))!;
    expect(withModel).toContain('switchboard ask "');
    expect(withModel).not.toContain("also needs a model");
    expect(describeMissingSlackSetup(configWith({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }))).toBeUndefined();
  });

  it("uses Socket Mode when an app-level token is set, HTTP otherwise", async () => {
    const build = async (env: Record<string, string>) => {
      const app = await createApp(configWith(env), { logger: createSilentLogger() });
      cleanups.push(() => app.stop());
      return app.slack.context.mode;
    };
    expect(await build({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-abc" })).toBe("socket");
    expect(await build({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "abcdef0123456789abcdef" })).toBe("http");
  });
});
