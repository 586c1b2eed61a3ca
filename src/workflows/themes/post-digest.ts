/**
 * Posts a computed digest to Slack: the Block Kit message, then the chart PNG in its thread through the
 * external upload (files.uploadV2 = files.getUploadURLExternal + upload + files.completeUploadExternal).
 * The week's snapshot is stored only once the message is posted, so a failed post is retried as new.
 */
import type { WebClient } from "@slack/web-api";
import { digestBlocks, digestText } from "../../slack/blocks/digest-blocks.js";
import type { ComputedDigest } from "./compute-digest.js";
import type { ThemeSnapshotStore } from "./snapshot-store.js";

export interface PostedDigest {
  channel: string;
  ts: string;
  chartUploaded: boolean;
  chartError?: string;
}

export async function postDigest(
  slack: WebClient,
  snapshots: ThemeSnapshotStore,
  computed: ComputedDigest,
  target: { channel: string; threadTs?: string; now?: number },
): Promise<PostedDigest> {
  const posted = await slack.chat.postMessage({
    channel: target.channel,
    thread_ts: target.threadTs,
    text: digestText(computed.digest),
    blocks: digestBlocks(computed.digest),
    unfurl_links: false,
  });
  const ts = String(posted.ts);
  snapshots.save(computed.week, computed.counts, computed.set.themes, computed.set.total, target.now ?? Date.now());
  try {
    await slack.files.uploadV2({
      channel_id: String(posted.channel ?? target.channel),
      thread_ts: target.threadTs ?? ts,
      file: computed.png,
      filename: `themes-${computed.week}.png`,
      title: `Themes ${computed.week}: this week against last`,
      alt_text: "Bar chart of the week's themes by size, this week against last week",
    });
    return { channel: target.channel, ts, chartUploaded: true };
  } catch (error) {
    // The digest is already out; say plainly that the chart is missing rather than pretend.
    return { channel: target.channel, ts, chartUploaded: false, chartError: (error as Error).message };
  }
}
