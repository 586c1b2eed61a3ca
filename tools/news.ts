/** News items: product announcements and changelog posts shown in the Messenger news feed. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const newsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_NEWS_ITEMS",
    title: "List all news items",
    resource: "news",
    method: "GET",
    path: "/news/news_items",
    input: z.object({}),
    risk: "read",
    description:
      "Lists the workspace's news items: announcements, release notes and changelog posts shown in the Messenger news feed, " +
      "with their state (live or draft), labels and newsfeeds. Use it to check what customers were told about a feature or change.",
    keywords: ["announcement", "changelog", "release notes", "what's new", "product update", "news feed", "newsfeed", "launch post"],
  }),
];
