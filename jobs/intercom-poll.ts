/**
 * The polling fallback, once a minute: conversations changed in Intercom since the last look go into the inbox
 * with the same keys a webhook would use. Scheduled only when polling is active (config.inbox.pollingActive:
 * on by default when no INTERCOM_CLIENT_SECRET verifies webhooks).
 */
import { describePoll, type PollCursor, pollIntercomOnce } from "../src/inbox/intercom-poller.js";
import type { Inbox } from "../src/inbox/types.js";
import type { IntercomTransport } from "../src/intercom/types.js";
import type { JobDefinition } from "../src/workflows/contracts.js";

export const INTERCOM_POLL_JOB = "intercom-poll";
export const POLL_CURSOR_SETTING = "intercom.poll.cursor";

export interface IntercomPollDeps {
  transport: IntercomTransport;
  inbox: Pick<Inbox, "accept">;
  /** A named setting store (the `settings` table). */
  settings: { get(key: string): string | undefined; set(key: string, value: string): void };
  now?: () => number;
}

export function settingsCursor(settings: IntercomPollDeps["settings"]): PollCursor {
  return {
    get: () => {
      const value = Number(settings.get(POLL_CURSOR_SETTING));
      return Number.isFinite(value) && value > 0 ? value : undefined;
    },
    set: (seconds) => settings.set(POLL_CURSOR_SETTING, String(seconds)),
  };
}

export function intercomPollJob(deps: IntercomPollDeps): JobDefinition {
  return {
    name: INTERCOM_POLL_JOB,
    description: "Looks for Intercom conversations that changed since the last look and puts them in the inbox (for installs without webhooks)",
    cron: "* * * * *",
    async run({ signal }) {
      const report = await pollIntercomOnce({ transport: deps.transport, inbox: deps.inbox, cursor: settingsCursor(deps.settings), now: deps.now, signal });
      return { summary: describePoll(report) };
    },
  };
}
