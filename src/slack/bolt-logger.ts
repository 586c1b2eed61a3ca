/** Bolt's logger interface on top of our pino logger, so Bolt's lines are redacted and formatted like ours. */
import { LogLevel } from "@slack/bolt";
import type { Logger as BoltLogger } from "@slack/logger";
import type { Logger } from "../logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  const join = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ");
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
