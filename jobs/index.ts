/**
 * The platform's own jobs, as the composition root and `switchboard jobs` build them. The root appends the
 * others (approval expiry, the workflows' jobs) to this list before handing it to the scheduler.
 */
import type { Config } from "../src/config.js";
import type { Inbox, InboxQueue } from "../src/inbox/types.js";
import type { IntercomTransport } from "../src/intercom/types.js";
import type { JobDefinition } from "../src/workflows/contracts.js";
import { inboxPruneJob } from "./inbox-prune.js";
import { intercomPollJob } from "./intercom-poll.js";

export interface PlatformJobDeps {
  config: Pick<Config, "inbox">;
  transport: IntercomTransport;
  inbox: Pick<Inbox, "accept">;
  queue: Pick<InboxQueue, "prune">;
  settings: { get(key: string): string | undefined; set(key: string, value: string): void };
  now?: () => number;
}

export function platformJobs(deps: PlatformJobDeps): JobDefinition[] {
  const jobs: JobDefinition[] = [];
  if (deps.config.inbox.pollingActive) jobs.push(intercomPollJob(deps));
  jobs.push(inboxPruneJob({ queue: deps.queue, now: deps.now }));
  return jobs;
}
