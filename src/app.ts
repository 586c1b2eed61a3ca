/**
 * The composition root: builds each service once, from the config, and hands them down as one Deps object.
 * Nothing else constructs long-lived services, and nothing is a module-level singleton.
 */
import type { Config } from "./config.js";
import { ConnectedIntercomTransport } from "./connections/connected-transport.js";
import { IntercomConnection } from "./connections/intercom-connection.js";
import { createLogger, type Logger } from "./logger.js";
import { loadOrCreateKey } from "./secrets/key-file.js";
import { SecretStore } from "./secrets/secret-store.js";
import { type Db, openDatabase } from "./store/database.js";
import { OAuthStatesRepo } from "./store/oauth-states-repo.js";

export interface Deps {
  config: Readonly<Config>;
  logger: Logger;
  db: Db;
  secrets: SecretStore;
  /** How Intercom is reached: environment token, OAuth token, or the built-in emulator. */
  intercom: IntercomConnection;
  /** The one Intercom transport everything uses; picks the token per request, starts the emulator when needed. */
  transport: ConnectedIntercomTransport;
}

export interface CreateDepsOptions {
  logger?: Logger;
  /** fetch for the Intercom OAuth token exchange (tests point it at a fake). */
  fetch?: typeof fetch;
}

export function createDeps(config: Readonly<Config>, options: CreateDepsOptions = {}): Deps {
  const logger = options.logger ?? createLogger(config.log);
  const db = openDatabase(config.databasePath);
  try {
    const { cipher } = loadOrCreateKey({ envKey: config.secretKey, keyFilePath: config.keyFilePath, logger });
    const secrets = new SecretStore(db, cipher);
    const intercom = new IntercomConnection({ config, secrets, states: new OAuthStatesRepo(db), fetch: options.fetch });
    const transport = new ConnectedIntercomTransport({ connection: intercom, baseUrl: config.intercom.baseUrl, timeoutMs: config.intercom.timeoutMs, logger });
    return { config, logger, db, secrets, intercom, transport };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Stops the emulator if one was started, then closes the database. */
export async function closeDeps(deps: Deps): Promise<void> {
  try {
    await deps.transport.close();
  } finally {
    if (deps.db.open) deps.db.close();
  }
}
