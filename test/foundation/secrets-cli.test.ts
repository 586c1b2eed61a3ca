/** `switchboard secrets rotate-key` end to end on a real temp database, with a key file and with an env key. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDeps, createDeps } from "../../src/app.js";
import { registerSecretCommands } from "../../src/cli/secrets-commands.js";
import { type Config, loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { createSilentLogger } from "../../src/logger.js";
import { SecretCipher } from "../../src/secrets/cipher.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(extra: Record<string, string> = {}) {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const config = (env: Record<string, string> = {}) =>
    loadConfig({ env: { SWITCHBOARD_DB_PATH: join(dir, "sb.db"), SWITCHBOARD_LOG_LEVEL: "silent", ...extra, ...env }, envFile: false, cwd: dir });
  return { dir, config };
}

async function withDeps<T>(config: Readonly<Config>, use: (deps: ReturnType<typeof createDeps>) => T): Promise<T> {
  const deps = createDeps(config, { logger: createSilentLogger() });
  try {
    return use(deps);
  } finally {
    await closeDeps(deps);
  }
}

async function runSecrets(config: Readonly<Config>, args: string[]): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((text: unknown) => void lines.push(String(text)));
  const program = new Command("switchboard").exitOverride();
  registerSecretCommands(program, { loadConfig: () => config });
  await program.parseAsync(["node", "switchboard", "secrets", ...args]);
  return lines;
}

describe("secrets rotate-key", () => {
  it("with a key file: re-encrypts, swaps the key file, and the app still reads the secret", async () => {
    const { config } = setup();
    await withDeps(config(), (deps) => deps.secrets.put("intercom.token", "tok-value-123"));
    const before = readFileSync(config().keyFilePath, "utf8");
    const out = await runSecrets(config(), ["rotate-key"]);
    expect(out.join("\n")).toMatch(/Re-encrypted 1 secret\(s\)/);
    expect(readFileSync(config().keyFilePath, "utf8")).not.toBe(before);
    expect(existsSync(`${config().keyFilePath}.next`)).toBe(false);
    expect(await withDeps(config(), (deps) => deps.secrets.get("intercom.token"))).toBe("tok-value-123");
  });

  it("with SWITCHBOARD_SECRET_KEY: prints the new key, which then reads the secret; the old one is refused plainly", async () => {
    const oldKey = SecretCipher.generateKey().toString("base64");
    const { config } = setup({ SWITCHBOARD_SECRET_KEY: oldKey });
    await withDeps(config(), (deps) => deps.secrets.put("intercom.token", "tok-value-123"));
    const out = await runSecrets(config(), ["rotate-key"]);
    const newKey = out.at(-1) as string;
    expect(Buffer.from(newKey, "base64")).toHaveLength(32);
    expect(await withDeps(config({ SWITCHBOARD_SECRET_KEY: newKey }), (deps) => deps.secrets.get("intercom.token"))).toBe("tok-value-123");
    const stale = await withDeps(config(), (deps) => {
      try {
        deps.secrets.get("intercom.token");
        return undefined;
      } catch (error) {
        return error;
      }
    });
    expect(isAppError(stale, "SECRET_WRONG_KEY")).toBe(true);
    expect((stale as Error).message).toMatch(/Restore the previous SWITCHBOARD_SECRET_KEY/);
  });

  it("rejects a malformed --new-key by name before touching anything", async () => {
    const { dir, config } = setup();
    const error = await runSecrets(config(), ["rotate-key", "--new-key", "abc"]).catch((e: unknown) => e);
    expect(isAppError(error, "USAGE")).toBe(true);
    expect((error as Error).message).toMatch(/^--new-key must be 32 random bytes in base64/);
    expect(existsSync(join(dir, "sb.db"))).toBe(false);
  });
});
