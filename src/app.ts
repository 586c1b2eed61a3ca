/**
 * The composition root: builds each service once, from the config, and hands them down as one Deps object.
 * Nothing else constructs long-lived services, and nothing is a module-level singleton.
 */
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { loadOrCreateKey } from "./secrets/key-file.js";
import { SecretStore } from "./secrets/secret-store.js";
import { type Db, openDatabase } from "./store/database.js";

export interface Deps {
  config: Readonly<Config>;
  logger: Logger;
  db: Db;
  secrets: SecretStore;
}

export interface CreateDepsOptions {
  logger?: Logger;
}

export function createDeps(config: Readonly<Config>, options: CreateDepsOptions = {}): Deps {
  const logger = options.logger ?? createLogger(config.log);
  const db = openDatabase(config.databasePath);
  const { cipher } = loadOrCreateKey({ envKey: config.secretKey, keyFilePath: config.keyFilePath, logger });
  const secrets = new SecretStore(db, cipher);
  return { config, logger, db, secrets };
}

export function closeDeps(deps: Deps): void {
  if (deps.db.open) deps.db.close();
}
