/**
 * Articles from a file for the evaluation commands: `.csv` with a header or `.jsonl`, keys article_id|id,
 * title, body|body_html and optional url, collection, section, entity_name, domain, visibility, locale.
 * Every problem names the line, so a person can fix the file.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseCsv } from "../emulator/demo/csv.js";
import { AppError } from "../errors.js";
import type { SourceArticle } from "./types.js";

type Raw = Record<string, unknown>;

const str = (value: unknown): string | undefined => (value === undefined || value === null || value === "" ? undefined : String(value));

function toArticle(raw: Raw, where: string): SourceArticle {
  const id = str(raw.article_id) ?? str(raw.id);
  if (!id) throw new AppError("USAGE", `${where}: no article_id or id.`);
  const title = str(raw.title) ?? "";
  const body = str(raw.body) ?? str(raw.body_html) ?? "";
  if (!title && !body) throw new AppError("USAGE", `${where}: article ${id} has neither a title nor a body.`);
  const visibility = (str(raw.visibility) ?? "public").toLowerCase();
  if (visibility !== "public" && visibility !== "internal")
    throw new AppError("USAGE", `${where}: visibility must be public or internal, got "${visibility}".`);
  const entity = str(raw.entity_name);
  const path = [str(raw.collection), str(raw.section)].filter(Boolean).join(" › ");
  return {
    id,
    source: "file",
    sourceId: id,
    title,
    url: str(raw.url),
    collection: path || str(raw.domain) || "",
    visibility,
    locale: str(raw.locale) ?? "en",
    entity: entity === "*" ? undefined : entity,
    domain: str(raw.domain),
    updatedAt: 0,
    body,
  };
}

/**
 * A file with no articles would answer every line with nothing and exit 0, and a repeated id would let one row
 * silently replace another in the index: both are refused, so a benchmark never scores a broken file.
 */
function usableArticles(rows: readonly { line: number; article: SourceArticle }[], file: string): SourceArticle[] {
  if (rows.length === 0)
    throw new AppError("USAGE", `${file} has no articles: expected one per line after the header (.csv) or one JSON object per line (.jsonl).`);
  const firstLine = new Map<string, number>();
  for (const { line, article } of rows) {
    const first = firstLine.get(article.id);
    if (first !== undefined)
      throw new AppError("USAGE", `${file} line ${line}: article id ${article.id} is already used on line ${first}; each article needs its own id.`);
    firstLine.set(article.id, line);
  }
  return rows.map((r) => r.article);
}

export function parseArticlesCsv(text: string, file: string): SourceArticle[] {
  let parsed: string[][];
  try {
    parsed = parseCsv(text, { strict: true });
  } catch (error) {
    throw new AppError("USAGE", `${file} ${(error as Error).message}: add the closing " (a quote inside a quoted field is written "").`);
  }
  const rows = parsed.filter((r) => r.some((cell) => cell.trim() !== ""));
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!header) throw new AppError("USAGE", `${file} is empty: expected a header line such as article_id,title,body.`);
  if (!header.includes("article_id") && !header.includes("id")) throw new AppError("USAGE", `${file}: the header needs an article_id or id column.`);
  return usableArticles(
    rows.slice(1).map((cells, i) => ({ line: i + 2, article: toArticle(Object.fromEntries(header.map((h, j) => [h, cells[j]])), `${file} line ${i + 2}`) })),
    file,
  );
}

export function parseArticlesJsonl(text: string, file: string): SourceArticle[] {
  const out: { line: number; article: SourceArticle }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AppError("USAGE", `${file} line ${i + 1} is not valid JSON.`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new AppError("USAGE", `${file} line ${i + 1} is not a JSON object.`);
    out.push({ line: i + 1, article: toArticle(raw as Raw, `${file} line ${i + 1}`) });
  });
  return usableArticles(out, file);
}

export function readArticlesFile(file: string): SourceArticle[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AppError("USAGE", `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  // Spreadsheet exports on Windows start with a byte-order mark; left in, it hides a quoted header's first column.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return parseArticlesCsv(text, file);
  if (ext === ".jsonl" || ext === ".ndjson") return parseArticlesJsonl(text, file);
  throw new AppError("USAGE", `${file}: use a .csv file with a header or a .jsonl file (one JSON object per line).`);
}
