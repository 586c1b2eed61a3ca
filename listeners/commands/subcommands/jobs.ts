/**
 * `/switchboard jobs`: the scheduled jobs with their schedule, last run and next run, the same list as
 * `switchboard jobs list`. The scheduler comes from the composition root, so this is a factory.
 */

import { formatJobList } from "../../../src/scheduler/format-job-list.js";
import type { JobListing } from "../../../src/scheduler/scheduler.js";
import { escapeMrkdwn } from "../../../src/slack/blocks/mrkdwn.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export interface JobsSource {
  list(now?: number): JobListing[];
}

/** Slack's limit for one section's text is 3,000 characters; jobs are kept whole within a section. */
const SECTION_LIMIT = 2900;

export function jobsBlocks(listings: readonly JobListing[], now: number): { text: string; blocks: unknown[] } {
  const style = { escape: escapeMrkdwn, strong: (t: string) => `*${escapeMrkdwn(t)}*`, code: (t: string) => `\`${t}\`` };
  const sections: string[] = [];
  for (const listing of listings) {
    const text = formatJobList([listing], now, style).join("\n");
    const last = sections.at(-1);
    if (last !== undefined && last.length + text.length + 2 <= SECTION_LIMIT) sections[sections.length - 1] = `${last}\n\n${text}`;
    else sections.push(text.slice(0, SECTION_LIMIT));
  }
  if (sections.length === 0) sections.push(formatJobList([], now)[0] as string);
  return {
    text: `${listings.length} scheduled job${listings.length === 1 ? "" : "s"}`,
    blocks: sections.slice(0, 45).map((text) => ({ type: "section", text: { type: "mrkdwn", text } })),
  };
}

export function createJobsSubcommand(source: JobsSource, now: () => number = Date.now): Subcommand {
  return async (input) => {
    const at = now();
    await ephemeral(input, jobsBlocks(source.list(at), at));
  };
}
