/**
 * For `switchboard themes cluster`: each input text's theme number and label (its theme's keywords), with
 * messages that fit no theme as cluster -1, "other".
 */
import { buildThemes } from "./build-themes.js";
import { clusterTexts } from "./cluster-texts.js";
import type { ThemeDocument } from "./documents.js";
import { maskPersonalData } from "./mask.js";

export interface LabelledRow {
  cluster: number;
  label: string;
}

export function labelRows(texts: string[], k: number | "auto"): { rows: LabelledRow[]; themes: number } {
  const masked = texts.map((t) => maskPersonalData(t.replace(/\s+/g, " ").trim()));
  const documents: ThemeDocument[] = masked.map((text, i) => ({ key: String(i), kind: "conversation", id: String(i), createdAt: 0, text, opening: text }));
  const clustering = clusterTexts(masked, { k });
  // With a K asked for, every cluster is kept (the caller wants exactly that many); with auto, tiny ones become "other".
  const set = buildThemes(
    documents,
    clustering,
    k === "auto" ? {} : { minSize: 1, minSimilarity: Number.NEGATIVE_INFINITY, relativeCutoff: 0, keepStrays: true },
  );
  const rows: LabelledRow[] = texts.map(() => ({ cluster: -1, label: "other" }));
  for (const theme of set.themes) for (const member of theme.members) rows[Number(member.id)] = { cluster: theme.id, label: theme.name };
  return { rows, themes: set.themes.length };
}
