import type { Config } from "../config.js";

/** What every command gets: a way to load the config lazily, so `--help` works even with a broken .env. */
export interface CliContext {
  loadConfig: () => Readonly<Config>;
}
