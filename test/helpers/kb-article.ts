/** A help-center article for knowledge-base tests: public, English, at a help.example.com URL unless told otherwise. */
import type { SourceArticle } from "../../src/kb/types.js";

export const helpArticle = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}): SourceArticle => ({
  id,
  source: "file",
  sourceId: id,
  title,
  url: `https://help.example.com/${id}`,
  collection: "",
  visibility: "public",
  locale: "en",
  updatedAt: 0,
  body,
  ...extra,
});
