import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const load = (env: Record<string, string>, cwd = "/srv/sb") => loadConfig({ env, envFile: false, cwd });

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isAppError(error, "CONFIG_INVALID")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a config error");
}

describe("config", () => {
  const temp = makeTempDir();
  afterEach(() => undefined);

  it("gives working defaults with an empty environment", () => {
    const config = load({});
    expect(config.intercom.baseUrl).toBe("https://api.intercom.io");
    expect(config.databasePath).toBe("/srv/sb/data/switchboard.db");
    expect(config.keyFilePath).toBe("/srv/sb/data/switchboard.key");
    expect(config.port).toBe(3000);
    expect(config.model.configured).toBe(false);
    expect(config.maxToolsPerRequest).toBe(12);
    expect(config.digest).toEqual({ channel: undefined, cron: "0 9 * * 1", timezone: "UTC" });
  });

  it("reads every kind of setting and resolves regions", () => {
    const config = load({
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_APP_TOKEN: "xapp-1-A1-abc",
      SLACK_SIGNING_SECRET: "0123456789abcdef0123",
      INTERCOM_REGION: "eu",
      INTERCOM_ACCESS_TOKEN: "dG9rOmFiY2RlZmdoaWprbA==",
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      OPENAI_MODEL: "llama3.1",
      PORT: "8080",
      SWITCHBOARD_DB_PATH: "/var/lib/sb/db.sqlite",
      SWITCHBOARD_DIGEST_CHANNEL: "C0123ABCD",
      SWITCHBOARD_TIMEZONE: "Europe/Dublin",
    });
    expect(config.intercom.baseUrl).toBe("https://api.eu.intercom.io");
    expect(config.intercom.baseUrlOverridden).toBe(false);
    expect(config.model).toMatchObject({ configured: true, chatModel: "llama3.1", baseUrl: "http://localhost:11434/v1" });
    expect(config.port).toBe(8080);
    expect(config.keyFilePath).toBe("/var/lib/sb/switchboard.key");
    expect(config.digest.timezone).toBe("Europe/Dublin");
  });

  it("lets INTERCOM_BASE_URL override the region host", () => {
    const config = load({ INTERCOM_REGION: "au", INTERCOM_BASE_URL: "http://127.0.0.1:4010/" });
    expect(config.intercom.baseUrl).toBe("http://127.0.0.1:4010");
    expect(config.intercom.baseUrlOverridden).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(load({ SLACK_BOT_TOKEN: "", PORT: " " }).slack.botToken).toBeUndefined();
  });

  it("is frozen", () => {
    const config = load({});
    expect(() => {
      (config.intercom as { region: string }).region = "eu";
    }).toThrow();
  });

  it.each([
    [{ INTERCOM_REGION: "mars" }, "INTERCOM_REGION is invalid: expected one of us, eu, au"],
    [{ PORT: "99999" }, "PORT is invalid"],
    [{ PORT: "eighty" }, "PORT is invalid: expected a TCP port"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN is invalid: expected a bot token starting with xoxb-"],
    [{ SLACK_APP_TOKEN: "abc" }, "SLACK_APP_TOKEN is invalid"],
    [{ INTERCOM_BASE_URL: "ftp://x" }, "INTERCOM_BASE_URL is invalid: expected an http(s) URL"],
    [{ SWITCHBOARD_SECRET_KEY: "c2hvcnQ=" }, "SWITCHBOARD_SECRET_KEY is invalid: expected 32 random bytes in base64"],
    [{ SWITCHBOARD_TIMEZONE: "Mars/Olympus" }, "SWITCHBOARD_TIMEZONE is invalid: expected an IANA time zone"],
    [{ SWITCHBOARD_DIGEST_CRON: "every monday" }, "SWITCHBOARD_DIGEST_CRON is invalid: expected a cron expression"],
    [{ SWITCHBOARD_MAX_TOOLS: "500" }, "SWITCHBOARD_MAX_TOOLS is invalid"],
    [{ SWITCHBOARD_LOG_LEVEL: "loud" }, "SWITCHBOARD_LOG_LEVEL is invalid: expected one of fatal"],
  ])("rejects %o with one line naming the variable", (env, expected) => {
    const message = errorOf(() => load(env as Record<string, string>));
    expect(message).toContain(expected);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("names every bad variable when there are several", () => {
    const message = errorOf(() => load({ PORT: "x", INTERCOM_REGION: "mars" }));
    expect(message).toMatch(/and 1 more: (PORT|INTERCOM_REGION)/);
  });

  it("reads a .env file under the real environment", () => {
    writeFileSync(join(temp.dir, ".env"), "PORT=4000\nOPENAI_MODEL=from-file\n# comment\nINTERCOM_REGION=au\n");
    const config = loadConfig({ cwd: temp.dir, env: { OPENAI_MODEL: "from-env" } });
    expect(config.port).toBe(4000);
    expect(config.model.chatModel).toBe("from-env");
    expect(config.intercom.region).toBe("au");
  });
});

describe("config values people type by hand", () => {
  it("accepts regions, log levels and formats in any case", () => {
    const config = load({ INTERCOM_REGION: "EU", SWITCHBOARD_LOG_LEVEL: "Info", SWITCHBOARD_LOG_FORMAT: "JSON " });
    expect(config.intercom.baseUrl).toBe("https://api.eu.intercom.io");
    expect(config.log).toEqual({ level: "info", format: "json" });
  });

  it("still names the variable when the value is simply wrong", () => {
    expect(errorOf(() => load({ INTERCOM_REGION: "Mars" }))).toBe("INTERCOM_REGION is invalid: expected one of us, eu, au");
  });
});
