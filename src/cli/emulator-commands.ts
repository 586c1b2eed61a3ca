/**
 * `switchboard emulator` runs the local Intercom API; `switchboard emulator simulate <kind>` asks a running
 * emulator to create inbound activity (which fires its webhooks). Neither needs a .env.
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import { type CliContext, explainListenError } from "./context.js";

/**
 * The emulator's defaults, repeated here so the help and the control commands (faults, simulate: plain HTTP
 * calls) start without loading the whole emulator; test/emulator/cli.test.ts checks they match src/emulator.
 */
export const EMULATOR_CLI_DEFAULTS = {
  token: "emulator-token",
  seed: 42,
  conversations: 2000,
  maxConversations: 50_000,
  simulateKinds: ["conversation", "reply", "ticket"],
} as const;
/**
 * Where the control commands look when no --url is given: `switchboard emulator`'s default port, which the
 * playground's emulator also takes when it is free, so `emulator simulate` reaches a running `npm start`.
 */
export const EMULATOR_DEFAULT_URL = "http://127.0.0.1:4010";
const { token: DEFAULT_TOKEN, seed: DEFAULT_SEED, conversations: DEFAULT_CONVERSATIONS, maxConversations: MAX_CONVERSATIONS } = EMULATOR_CLI_DEFAULTS;
const SIMULATE_KINDS: readonly string[] = EMULATOR_CLI_DEFAULTS.simulateKinds;

interface ServeOptions {
  port: string;
  host: string;
  token: string;
  seed: string;
  conversations: string;
  db?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  rateLimit?: string;
}

interface FaultsCliOptions {
  url: string;
  token?: string;
  burst?: string;
  errorRate?: string;
  latency?: string;
  rateLimit?: string;
  reset?: boolean;
}

interface SimulateCliOptions {
  url: string;
  token?: string;
  contact?: string;
  conversation?: string;
  body?: string;
  title?: string;
}

function fraction(value: string, name: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new AppError("USAGE", `--${name} must be a number from 0 to 1, got ${value}`);
  return n;
}

/** Nothing listens at the URL: say where a running emulator is found, since the default may not be it. */
function noEmulatorAt(url: string, error: unknown): AppError {
  return new AppError(
    "USAGE",
    `No emulator answered at ${url}: ${(error as Error).message}. Start one with \`switchboard emulator\`, or pass --url with the address \`npm start\` (the playground) prints for its emulator.`,
  );
}

/**
 * An emulator answers its control routes in JSON; anything else (the playground's page, another server on the
 * port) is named as such instead of failing on the parse.
 */
async function controlAnswer(url: string, response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  let payload: (Record<string, unknown> & { errors?: { message?: string }[] }) | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) payload = parsed as typeof payload;
  } catch {
    payload = undefined;
  }
  if (!payload)
    throw new AppError(
      "USAGE",
      `What answered at ${url} (HTTP ${response.status}) is not an Intercom emulator; pass --url with the emulator's address (for the playground, the one \`npm start\` prints for its emulator, not the page's).`,
    );
  if (!response.ok) throw new AppError("USAGE", `The emulator refused: ${payload.errors?.[0]?.message ?? response.status}`);
  return payload;
}

/** Calls a /__emulator/ route of a running emulator; a refusal or no answer becomes a USAGE error. */
async function callControl(url: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error: unknown) => {
    throw noEmulatorAt(url, error);
  });
  return controlAnswer(url, response);
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError("USAGE", `--${name} must be an integer from ${min} to ${max}, got ${value}`);
  return n;
}

/**
 * The token a control command sends: its own --token, else one given before the subcommand
 * (`emulator --token T faults`), else the default.
 */
function controlToken(own: string | undefined, emulator: Command): string {
  return own ?? (emulator.opts() as ServeOptions).token;
}

export function registerEmulatorCommands(program: Command, _context: CliContext): void {
  const emulator = program
    .command("emulator")
    .description(`Run a local Intercom API with a seeded demo workspace (bearer token "${DEFAULT_TOKEN}" unless --token)`)
    // Options after a subcommand's name belong to the subcommand, so `faults --help` can list all it accepts.
    .enablePositionalOptions()
    .option("--port <port>", "port to listen on (0 picks a free one)", new URL(EMULATOR_DEFAULT_URL).port)
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--token <token>", "the bearer token the emulator accepts", DEFAULT_TOKEN)
    .option("--seed <n>", "seed of the generated workspace (the same one npm start's built-in emulator uses)", String(DEFAULT_SEED))
    .option("--conversations <n>", `how many conversations to generate (up to ${MAX_CONVERSATIONS})`, String(DEFAULT_CONVERSATIONS))
    .option("--db <file>", "keep the workspace in this SQLite file (created and seeded on first use)")
    .option("--webhook-url <url>", "deliver Intercom-style webhooks to this URL")
    .option("--webhook-secret <secret>", "HMAC-SHA1 key for X-Hub-Signature (the app's client secret)")
    .option("--rate-limit <n>", "requests allowed per 10-second window")
    .action(async (options: ServeOptions) => {
      if (options.webhookUrl && !options.webhookSecret) throw new AppError("USAGE", "--webhook-url needs --webhook-secret to sign deliveries");
      const port = integer(options.port, "port", 0, 65535);
      const [{ startEmulator }, { demoWorkspaceNow }] = await Promise.all([import("../emulator/server.js"), import("../connections/connected-transport.js")]);
      const running = await startEmulator({
        port,
        host: options.host,
        token: options.token,
        seed: integer(options.seed, "seed", 0, 2 ** 31 - 1),
        conversations: integer(options.conversations, "conversations", 0, MAX_CONVERSATIONS),
        // The same "now" as npm start's built-in emulator (the start of the UTC day), so with the same seed both
        // generate the same workspace and an id copied from one works in the other.
        now: demoWorkspaceNow(Date.now()),
        dbFile: options.db,
        webhookUrl: options.webhookUrl,
        webhookSecret: options.webhookSecret,
        rateLimit: options.rateLimit ? integer(options.rateLimit, "rate-limit", 1, 1_000_000) : undefined,
        onWebhookError: (error, topic) => process.stderr.write(`webhook ${topic} failed: ${(error as Error)?.message ?? String(error)}\n`),
      }).catch((error: unknown) => {
        throw explainListenError(error, "--port", port);
      });
      const restored = options.db ? ` from ${options.db}` : "";
      console.log(`Intercom emulator listening on ${running.url} (token: ${running.token}, ${running.state.count("conversations")} conversations${restored})`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void running.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });

  emulator
    .command("faults")
    .description("Show or change a running emulator's fault injection and rate limit (for reliability tests)")
    .option("--url <url>", "the running emulator (the playground prints its own)", EMULATOR_DEFAULT_URL)
    .option("--token <token>", `the emulator's bearer token (default: ${DEFAULT_TOKEN})`)
    .option("--burst <n>", "answer the next N API requests with 429")
    .option("--error-rate <r>", "share of API requests (0 to 1) that fail with a 500 or 503")
    .option("--latency <ms>", "milliseconds added to every API request")
    .option("--rate-limit <n>", "requests allowed per 10-second window")
    .option("--reset", "switch every fault off (the rate limit stays)")
    .action(async (options: FaultsCliOptions) => {
      const token = controlToken(options.token, emulator);
      if (options.reset) await callControl(options.url, token, "DELETE", "/__emulator/faults");
      const change: Record<string, number> = {};
      if (options.burst !== undefined) change.rateLimitBurst = integer(options.burst, "burst", 0, 1_000_000);
      if (options.errorRate !== undefined) change.serverErrorRate = fraction(options.errorRate, "error-rate");
      if (options.latency !== undefined) change.latencyMs = integer(options.latency, "latency", 0, 600_000);
      // Also accepted before the subcommand (`emulator --rate-limit 50 faults`), where the parent parses it.
      const rateLimit = options.rateLimit ?? (emulator.opts() as ServeOptions).rateLimit;
      if (rateLimit !== undefined) change.rateLimit = integer(rateLimit, "rate-limit", 1, 1_000_000);
      const faults =
        Object.keys(change).length > 0
          ? await callControl(options.url, token, "PUT", "/__emulator/faults", change)
          : await callControl(options.url, token, "GET", "/__emulator/faults");
      const info = await callControl(options.url, token, "GET", "/__emulator/info");
      console.log(
        `429 burst: ${faults.rateLimitBurst} requests, 5xx rate: ${faults.serverErrorRate}, added latency: ${faults.latencyMs} ms, rate limit: ${info.rateLimit} per 10 s`,
      );
    });

  emulator
    .command("simulate")
    .argument("<kind>", `what to create: ${SIMULATE_KINDS.join(" | ")}`)
    .description("Create inbound activity in a running emulator (fires its webhooks)")
    .option("--url <url>", "the running emulator (the playground prints its own)", EMULATOR_DEFAULT_URL)
    .option("--token <token>", `the emulator's bearer token (default: ${DEFAULT_TOKEN})`)
    .option("--contact <id-or-email>", "the customer (default: one picked for you)")
    .option("--conversation <id>", "for reply: the conversation (default: the latest open one)")
    .option("--body <text>", "the customer's message")
    .option("--title <text>", "for ticket: the title")
    .action(async (kind: string, options: SimulateCliOptions) => {
      const token = controlToken(options.token, emulator);
      if (!SIMULATE_KINDS.includes(kind)) throw new AppError("USAGE", `kind must be one of ${SIMULATE_KINDS.join(", ")}`);
      const response = await fetch(new URL("/__emulator/simulate", options.url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ kind, contact: options.contact, conversation_id: options.conversation, body: options.body, title: options.title }),
      }).catch((error: unknown) => {
        throw noEmulatorAt(options.url, error);
      });
      const payload = (await controlAnswer(options.url, response)) as { id?: string; type?: string };
      console.log(kind === "reply" ? `Customer replied in ${payload.type} ${payload.id}` : `Created ${payload.type} ${payload.id}`);
    });
}
