/**
 * Loads the vendored banking77 dataset, the source of every demo customer message.
 *
 * banking77: 13,083 online-banking customer-support queries labelled with 77 intents.
 * Casanueva, Temčinas, Gerz, Henderson and Vulić (2020), "Efficient Intent Detection with Dual Sentence
 * Encoders", NLP4ConvAI workshop at ACL 2020 (arXiv:2003.04807), https://github.com/PolyAI-LDN/task-specific-datasets.
 * Licensed CC BY 4.0; vendored unchanged in vendor/banking77 (see its SOURCE.md and LICENSE).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCsv } from "./csv.js";

export interface Banking77 {
  /** The 77 intent labels, in categories.json order. */
  intents: string[];
  /** Every text (train then test) for each intent. */
  textsByIntent: Record<string, string[]>;
}

export function defaultBanking77Dir(): string {
  return fileURLToPath(new URL("../../../vendor/banking77/", import.meta.url));
}

export function loadBanking77(dir: string = defaultBanking77Dir()): Banking77 {
  const base = dir.endsWith("/") ? dir : `${dir}/`;
  const intents = JSON.parse(readFileSync(`${base}categories.json`, "utf8")) as string[];
  const textsByIntent: Record<string, string[]> = {};
  for (const intent of intents) textsByIntent[intent] = [];
  for (const file of ["train.csv", "test.csv"]) {
    const rows = parseCsv(readFileSync(base + file, "utf8"));
    for (let i = 1; i < rows.length; i++) {
      const [text, intent] = rows[i];
      const bucket = textsByIntent[intent];
      if (bucket && text) bucket.push(text.trim());
    }
  }
  return { intents, textsByIntent };
}
