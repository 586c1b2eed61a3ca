/**
 * With no Intercom token the app talks to a built-in emulator. Each `switchboard ask` is its own process, so the
 * demo workspace must come out the same in each: an id read in one command names the same customer in the next.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildConfig, envSchema } from "../../src/config.js";
import { ConnectedIntercomTransport, demoWorkspaceNow } from "../../src/connections/connected-transport.js";
import { IntercomConnection } from "../../src/connections/intercom-connection.js";
import { createSilentLogger } from "../../src/logger.js";
import { loadOrCreateKey } from "../../src/secrets/key-file.js";
import { SecretStore } from "../../src/secrets/secret-store.js";
import { openDatabase } from "../../src/store/database.js";
import { OAuthStatesRepo } from "../../src/store/oauth-states-repo.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

function transportAt(ms: number, name: string) {
  const config = buildConfig(
    envSchema.parse({ SWITCHBOARD_DB_PATH: join(temp.dir, `${name}.db`), SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 3).toString("base64") }),
    temp.dir,
  );
  const db = openDatabase(config.databasePath);
  const logger = createSilentLogger();
  const { cipher } = loadOrCreateKey({ envKey: config.secretKey, keyFilePath: config.keyFilePath, logger });
  const connection = new IntercomConnection({ config, secrets: new SecretStore(db, cipher), states: new OAuthStatesRepo(db) });
  const transport = new ConnectedIntercomTransport({ connection, baseUrl: config.intercom.baseUrl, timeoutMs: 5_000, logger, now: () => ms });
  const close = async () => {
    await transport.close();
    db.close();
  };
  return { transport, close };
}

describe("the built-in demo workspace", () => {
  it("is generated for the start of the UTC day", () => {
    expect(demoWorkspaceNow(Date.parse("2026-11-25T19:59:59Z"))).toBe(Date.parse("2026-11-25T00:00:00Z") / 1000);
  });

  it("names the same customer for the same conversation in two processes on the same day", async () => {
    // A day long past, so data generated for the real clock instead would show.
    const morning = transportAt(Date.parse("2025-01-10T08:00:00Z"), "a");
    const evening = transportAt(Date.parse("2025-01-10T20:30:00Z"), "b");
    try {
      const read = async (t: ConnectedIntercomTransport) =>
        (await t.request<{ conversations: unknown[] }>({ method: "GET", path: "/conversations", query: { per_page: 5 } })).data;
      const first = await read(morning.transport);
      expect(JSON.stringify(first)).toBe(JSON.stringify(await read(evening.transport)));
      const created = (first.conversations as { created_at: number }[]).map((c) => c.created_at);
      expect(created.length).toBeGreaterThan(0);
      expect(Math.max(...created)).toBeLessThanOrEqual(Date.parse("2025-01-10T00:00:00Z") / 1000);
    } finally {
      await morning.close();
      await evening.close();
    }
  });
});
