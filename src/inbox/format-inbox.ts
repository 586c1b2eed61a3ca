/** `switchboard inbox` as text: what arrived, and what happened to it. Pure: records in, lines out. */
import type { InboxRecord, InboxStatus } from "./types.js";

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const time = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19);

export function formatInboxRows(rows: readonly InboxRecord[], now: number): string[] {
  if (rows.length === 0) return ["Nothing in the inbox matches."];
  const lines = [`${"id".padEnd(6)} ${"received (UTC)".padEnd(19)} ${"source".padEnd(8)} ${"topic".padEnd(28)} ${"status".padEnd(8)} tries  what happened`];
  for (const r of rows) {
    let outcome = "";
    if (r.status === "failed") outcome = `error: ${r.lastError ?? "unknown"}`;
    else if (r.status === "pending" && r.lastError)
      outcome = `retry ${r.nextAttemptAt <= now ? "now" : `at ${time(r.nextAttemptAt)}`}; last error: ${r.lastError}`;
    else if (r.status === "pending") outcome = "waiting for the worker";
    else if (r.status === "running") outcome = `running since ${time(r.startedAt ?? r.receivedAt)}`;
    else outcome = r.note ?? "handled";
    lines.push(
      `${r.id.padEnd(6)} ${time(r.receivedAt)} ${r.source.padEnd(8)} ${clip(r.topic, 28).padEnd(28)} ${r.status.padEnd(8)} ${String(r.attempts).padStart(5)}  ${clip(outcome.replace(/\s+/g, " "), 160)}`,
    );
  }
  return lines;
}

export function formatInboxCounts(counts: Record<InboxStatus, number>): string {
  return `pending ${counts.pending}, running ${counts.running}, done ${counts.done}, failed ${counts.failed}`;
}

/** Which Intercom intake is on, in words (README and `switchboard inbox` say the same). */
export function describeIntercomIntake(config: { polling: "auto" | "on" | "off"; pollingActive: boolean }, hasClientSecret: boolean): string {
  const webhooks = hasClientSecret
    ? "webhooks at POST /intercom/webhooks (verified with INTERCOM_CLIENT_SECRET)"
    : "no webhooks (INTERCOM_CLIENT_SECRET is not set, so none can be verified)";
  const polling = config.pollingActive
    ? `polling every minute (SWITCHBOARD_INTERCOM_POLLING=${config.polling})`
    : `no polling (SWITCHBOARD_INTERCOM_POLLING=${config.polling})`;
  return `Intercom: ${webhooks}; ${polling}.`;
}
