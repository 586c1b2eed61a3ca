/** One search hit, as the FAQ's Slack builders receive it; `over` replaces any field. */
import type { SearchHit } from "../../src/kb/types.js";

export const searchHit = (over: Partial<SearchHit> = {}): SearchHit => ({
  articleId: "article:1",
  title: "Changing your PIN",
  url: "https://help.example.com/articles/1-pin",
  visibility: "public",
  collection: "Cards",
  entity: "",
  score: 3.2,
  chunk: { id: 7, heading: "In the app", anchorUrl: "https://help.example.com/articles/1-pin#in-the-app", text: "Open Cards, then PIN." },
  ...over,
});
