/**
 * Every setting, read once from the environment (and an optional .env file, which never overrides a real
 * variable), validated by zod and frozen. This is the only file that reads process.env.
 * A bad value stops the process with one line naming the variable and what it expects.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseEnv } from "node:util";
import { validate as isValidCron } from "node-cron";
import * as z from "zod";
import { AppError } from "./errors.js";

export const INTERCOM_REGIONS = {
  us: "https://api.intercom.io",
  eu: "https://api.eu.intercom.io",
  au: "https://api.au.intercom.io",
} as const;
export type IntercomRegion = keyof typeof INTERCOM_REGIONS;

/** Empty strings in .env files mean "not set", as people expect. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.default(fallback as never));

/** People write EU or INFO as often as eu or info; enums compare case-insensitively. */
const caseless = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), schema);

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL such as https://example.com" });
// node-cron itself decides what it can schedule, so a value that passes here cannot fail at start.
const cronExpression = z
  .string()
  .refine((v) => isValidCron(v.trim()), { error: "a cron expression with 5 or 6 fields, such as '0 9 * * 1'" })
  .transform((v) => v.trim());
const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: "an IANA time zone such as Europe/Dublin or UTC" },
);
const positiveInt = (what: string) => z.coerce.number({ error: what }).int(what).positive(what);
const slackChannel = z.string().regex(/^[CG][A-Z0-9]{6,}$|^#[\w-]+$/, "a Slack channel id such as C0123ABCD or a #name");
const secretKey = z.string().refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(v), {
  error: "32 random bytes in base64 (make one with: openssl rand -base64 32)",
});

export const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", "a bot token starting with xoxb-")),
  SLACK_APP_TOKEN: optional(z.string().startsWith("xapp-", "an app-level token starting with xapp- (for Socket Mode)")),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[a-f0-9]{16,}$/i, "the hex signing secret from the app's Basic Information page")),
  SLACK_API_URL: optional(httpUrl),
  SLACK_CLIENT_ID: optional(z.string()),
  SLACK_CLIENT_SECRET: optional(z.string()),
  INTERCOM_ACCESS_TOKEN: optional(z.string().min(10, "an Intercom access token (Developer Hub → Authentication)")),
  INTERCOM_REGION: withDefault(caseless(z.enum(["us", "eu", "au"], { error: "one of us, eu, au" })), "us"),
  INTERCOM_BASE_URL: optional(httpUrl),
  INTERCOM_CLIENT_ID: optional(z.string()),
  INTERCOM_CLIENT_SECRET: optional(z.string()),
  INTERCOM_TIMEOUT_MS: withDefault(positiveInt("a timeout in milliseconds, such as 20000"), 20000),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(httpUrl),
  OPENAI_MODEL: withDefault(z.string(), "gpt-4.1-mini"),
  OPENAI_EMBEDDING_MODEL: optional(z.string()),
  PORT: withDefault(z.coerce.number({ error: "a TCP port between 0 and 65535" }).int().min(0).max(65535), 3000),
  SWITCHBOARD_PUBLIC_URL: optional(httpUrl),
  SWITCHBOARD_DB_PATH: withDefault(z.string(), "data/switchboard.db"),
  SWITCHBOARD_SECRET_KEY: optional(secretKey),
  SWITCHBOARD_KEY_FILE: optional(z.string()),
  SWITCHBOARD_PERSONAS_FILE: withDefault(z.string(), "data/personas.yml"),
  SWITCHBOARD_DEFAULT_PERSONA: withDefault(z.string(), "support"),
  SWITCHBOARD_MAX_TOOLS: withDefault(z.coerce.number({ error: "a whole number between 1 and 128" }).int().min(1).max(128), 12),
  SWITCHBOARD_APPROVAL_TTL_MINUTES: withDefault(positiveInt("a number of minutes, such as 1440"), 1440),
  SWITCHBOARD_SUPPORT_CHANNEL: optional(slackChannel),
  SWITCHBOARD_DIGEST_CHANNEL: optional(slackChannel),
  SWITCHBOARD_DIGEST_CRON: withDefault(cronExpression, "0 9 * * 1"),
  SWITCHBOARD_TIMEZONE: withDefault(timezone, "UTC"),
  SWITCHBOARD_KB_SYNC_CRON: withDefault(cronExpression, "0 * * * *"),
  SWITCHBOARD_ESCALATION_SWEEP_CRON: withDefault(cronExpression, "*/5 * * * *"),
  SWITCHBOARD_ESCALATION_LONG_WAIT_HOURS: withDefault(
    z.coerce.number({ error: "a number of hours, such as 30" }).positive("a number of hours, such as 30"),
    30,
  ),
  SWITCHBOARD_ESCALATION_VIP_WAIT_MINUTES: withDefault(positiveInt("a number of minutes, such as 60"), 60),
  SWITCHBOARD_ESCALATION_VIP_ATTRIBUTE: withDefault(z.string().min(1, "the name of a contact custom attribute, such as vip"), "vip"),
  SWITCHBOARD_ESCALATION_MAX_ALERTS: withDefault(positiveInt("a whole number of alerts per sweep, such as 5"), 5),
  SWITCHBOARD_INTERCOM_POLLING: withDefault(caseless(z.enum(["auto", "on", "off"], { error: "one of auto, on, off" })), "auto"),
  SWITCHBOARD_INBOX_MAX_ATTEMPTS: withDefault(positiveInt("a whole number of attempts, such as 5"), 5),
  INTERCOM_DEFAULT_ADMIN_ID: optional(z.string().regex(/^\d+$/, "the numeric id of an Intercom teammate (admin)")),
  SWITCHBOARD_LOG_LEVEL: withDefault(
    caseless(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "one of fatal, error, warn, info, debug, trace, silent" })),
    "info",
  ),
  SWITCHBOARD_LOG_FORMAT: withDefault(caseless(z.enum(["json", "pretty", "auto"], { error: "one of json, pretty, auto" })), "auto"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    clientId?: string;
    clientSecret?: string;
  };
  intercom: {
    accessToken?: string;
    region: IntercomRegion;
    baseUrl: string;
    baseUrlOverridden: boolean;
    clientId?: string;
    clientSecret?: string;
    timeoutMs: number;
    /** The teammate replies are sent as when the Slack user who approved has no matching Intercom admin. */
    defaultAdminId?: string;
  };
  model: {
    apiKey?: string;
    baseUrl?: string;
    chatModel: string;
    embeddingModel?: string;
    configured: boolean;
  };
  port: number;
  /** The address the HTTP listener binds (unset: every interface, as Slack must reach it). The playground sets loopback. */
  listenHost?: string;
  publicUrl?: string;
  databasePath: string;
  secretKey?: string;
  keyFilePath: string;
  personasFile: string;
  defaultPersona: string;
  maxToolsPerRequest: number;
  approvalTtlMinutes: number;
  /** Where drafts, approvals and escalation alerts go unless a persona names its own channel. */
  support: { channel?: string };
  digest: { channel?: string; cron: string; timezone: string };
  /** Every schedule runs in `digest.timezone` (SWITCHBOARD_TIMEZONE). */
  jobs: { kbSyncCron: string; escalationSweepCron: string; timezone: string };
  escalation: { longWaitHours: number; vipWaitMinutes: number; vipAttribute: string; maxAlertsPerSweep: number };
  inbox: {
    maxAttempts: number;
    /** Whether a job polls Intercom for new conversations; `auto` = on when no client secret verifies webhooks. */
    polling: "auto" | "on" | "off";
    pollingActive: boolean;
  };
  log: { level: string; format: "json" | "pretty" | "auto" };
  rootDir: string;
}

export interface LoadConfigOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** A .env file to read under the environment; defaults to .env in cwd. `false` skips it. */
  envFile?: string | false;
  cwd?: string;
}

function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    return parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
  } catch (error) {
    throw new AppError("CONFIG_INVALID", `${file} could not be read as a .env file: ${(error as Error).message}`);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0] ?? "environment");
  return `${name} is invalid: expected ${issue.message}`;
}

export function loadConfig(options: LoadConfigOptions = {}): Readonly<Config> {
  const cwd = options.cwd ?? process.cwd();
  const fileEnv = options.envFile === false ? {} : readEnvFile(resolve(cwd, options.envFile ?? ".env"));
  const env = { ...fileEnv, ...(options.env ?? process.env) };
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more =
      parsed.error.issues.length > 1
        ? ` (and ${parsed.error.issues.length - 1} more: ${parsed.error.issues
            .slice(1)
            .map((i) => String(i.path[0]))
            .join(", ")})`
        : "";
    throw new AppError("CONFIG_INVALID", `${first ? describeIssue(first) : "configuration is invalid"}${more}`);
  }
  return buildConfig(parsed.data, cwd);
}

export function buildConfig(e: Env, cwd: string): Readonly<Config> {
  const abs = (p: string) => (isAbsolute(p) ? p : join(cwd, p));
  const databasePath = e.SWITCHBOARD_DB_PATH === ":memory:" ? ":memory:" : abs(e.SWITCHBOARD_DB_PATH);
  const keyFilePath = e.SWITCHBOARD_KEY_FILE
    ? abs(e.SWITCHBOARD_KEY_FILE)
    : join(databasePath === ":memory:" ? abs("data") : dirname(databasePath), "switchboard.key");
  const config: Config = {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
    },
    intercom: {
      accessToken: e.INTERCOM_ACCESS_TOKEN,
      region: e.INTERCOM_REGION,
      baseUrl: (e.INTERCOM_BASE_URL ?? INTERCOM_REGIONS[e.INTERCOM_REGION]).replace(/\/+$/, ""),
      baseUrlOverridden: e.INTERCOM_BASE_URL !== undefined,
      clientId: e.INTERCOM_CLIENT_ID,
      clientSecret: e.INTERCOM_CLIENT_SECRET,
      timeoutMs: e.INTERCOM_TIMEOUT_MS,
      defaultAdminId: e.INTERCOM_DEFAULT_ADMIN_ID,
    },
    model: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      chatModel: e.OPENAI_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
      // A local OpenAI-compatible server (Ollama, vLLM) needs no key, only a base URL.
      configured: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
    },
    port: e.PORT,
    publicUrl: e.SWITCHBOARD_PUBLIC_URL?.replace(/\/+$/, ""),
    databasePath,
    secretKey: e.SWITCHBOARD_SECRET_KEY,
    keyFilePath,
    personasFile: abs(e.SWITCHBOARD_PERSONAS_FILE),
    defaultPersona: e.SWITCHBOARD_DEFAULT_PERSONA,
    maxToolsPerRequest: e.SWITCHBOARD_MAX_TOOLS,
    approvalTtlMinutes: e.SWITCHBOARD_APPROVAL_TTL_MINUTES,
    support: { channel: e.SWITCHBOARD_SUPPORT_CHANNEL },
    digest: { channel: e.SWITCHBOARD_DIGEST_CHANNEL, cron: e.SWITCHBOARD_DIGEST_CRON, timezone: e.SWITCHBOARD_TIMEZONE },
    jobs: { kbSyncCron: e.SWITCHBOARD_KB_SYNC_CRON, escalationSweepCron: e.SWITCHBOARD_ESCALATION_SWEEP_CRON, timezone: e.SWITCHBOARD_TIMEZONE },
    escalation: {
      longWaitHours: e.SWITCHBOARD_ESCALATION_LONG_WAIT_HOURS,
      vipWaitMinutes: e.SWITCHBOARD_ESCALATION_VIP_WAIT_MINUTES,
      vipAttribute: e.SWITCHBOARD_ESCALATION_VIP_ATTRIBUTE,
      maxAlertsPerSweep: e.SWITCHBOARD_ESCALATION_MAX_ALERTS,
    },
    inbox: {
      maxAttempts: e.SWITCHBOARD_INBOX_MAX_ATTEMPTS,
      polling: e.SWITCHBOARD_INTERCOM_POLLING,
      pollingActive: e.SWITCHBOARD_INTERCOM_POLLING === "on" || (e.SWITCHBOARD_INTERCOM_POLLING === "auto" && !e.INTERCOM_CLIENT_SECRET),
    },
    log: { level: e.SWITCHBOARD_LOG_LEVEL, format: e.SWITCHBOARD_LOG_FORMAT },
    rootDir: cwd,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === "object") {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
