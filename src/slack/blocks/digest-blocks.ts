/**
 * The weekly themes digest in Block Kit: the week in numbers, the top themes (size, change, share, three
 * linked examples), new themes and knowledge-base gaps. Pure; every customer-derived text is escaped, and the
 * message stays inside Slack's limits (50 blocks, 3,000 characters a text) and readable on a phone.
 */
import type { KnownBlock } from "@slack/types";
import { type Digest, type DigestTheme, percent, signed } from "../../domain/themes/digest.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

const MAX_THEMES = 8;
const SECTION_LIMIT = 2900;

const safe = (text: string, max: number) => escapeMrkdwn(truncate(text, max));
// Inside <url|label> a "|" or ">" would end the label early.
const linkLabel = (text: string) => safe(text.replace(/[|\n]/g, " "), 110);

function weekInNumbers(digest: Digest): string {
  const change = (now: number, before?: number) => (before === undefined ? "" : ` (${signed(now - before)} on the previous ${digest.days} days)`);
  return [
    `*${digest.conversations}* conversations${change(digest.conversations, digest.previous?.conversations)}`,
    `*${digest.tickets}* tickets${change(digest.tickets, digest.previous?.tickets)}`,
    `*${digest.themes.length}* themes · ${digest.otherCount} messages fit no theme`,
  ].join("\n");
}

export function themeLine(theme: DigestTheme): string {
  const trend = theme.isNew ? "🆕 new" : theme.previousSize === 0 ? "" : `${signed(theme.change)} vs last week`;
  return `*${safe(theme.name, 80)}* — ${theme.size} (${percent(theme.share)})${trend ? ` · ${trend}` : ""}`;
}

function themeSection(theme: DigestTheme): KnownBlock {
  const lines = [themeLine(theme)];
  if (theme.summary) lines.push(`_${safe(theme.summary, 300)}_`);
  for (const example of theme.examples) lines.push(`• <${example.url}|${linkLabel(example.text)}>`);
  return { type: "section", text: { type: "mrkdwn", text: truncate(lines.join("\n"), SECTION_LIMIT) } };
}

export function digestText(digest: Digest): string {
  const top = digest.themes
    .slice(0, 3)
    .map((t) => safe(t.name, 60))
    .join(", ");
  return truncate(
    `Themes of the last ${digest.days} days: ${digest.conversations} conversations, ${digest.tickets} tickets${top ? `; top: ${top}` : ""}`,
    SECTION_LIMIT,
  );
}

export function digestBlocks(digest: Digest): KnownBlock[] {
  const from = new Date(digest.from).toISOString().slice(0, 10);
  const to = new Date(digest.to).toISOString().slice(0, 10);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: `Weekly themes · ${from} → ${to}`, emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: weekInNumbers(digest) } },
  ];
  if (digest.themes.length === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "Not enough customer messages in this window to find themes." } });
    return blocks;
  }
  blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: "*Top themes* (biggest movers first)" } });
  for (const theme of digest.themes.slice(0, MAX_THEMES)) blocks.push(themeSection(theme));
  if (digest.themes.length > MAX_THEMES) {
    const rest = digest.themes.slice(MAX_THEMES).map((t) => `${safe(t.name, 40)} (${t.size})`);
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(`Also: ${rest.join(", ")}`, SECTION_LIMIT) }] });
  }
  if (digest.newThemes.length > 0) {
    blocks.push(
      { type: "divider" },
      {
        type: "section",
        text: { type: "mrkdwn", text: truncate(`*New this week*\n${digest.newThemes.map((t) => `• ${themeLine(t)}`).join("\n")}`, SECTION_LIMIT) },
      },
    );
  }
  if (digest.kbGaps.length > 0) {
    const lines = digest.kbGaps.map((g) => `• *${safe(g.name, 80)}* — ${g.size} messages, ${percent(g.unanswered)} with no good article`);
    blocks.push(
      { type: "divider" },
      { type: "section", text: { type: "mrkdwn", text: truncate(`*Knowledge-base gaps*\n${lines.join("\n")}`, SECTION_LIMIT) } },
    );
  }
  const naming =
    digest.naming === "model" ? "names and summaries written by a model from the examples" : "names are each theme's most distinctive keywords (no model)";
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Customer messages only, personal data masked; ${naming}.` }] });
  return blocks.slice(0, 50);
}
