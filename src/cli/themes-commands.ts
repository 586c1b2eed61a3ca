/**
 * `switchboard themes cluster --input FILE.csv [--k N|auto] --output OUT.csv` and
 * `switchboard themes digest [--days 7] [--dry-run] [--png FILE]`. Heavy modules load inside the actions.
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";

export function parseK(text: string): number | "auto" {
  if (text.trim().toLowerCase() === "auto") return "auto";
  const k = Number(text);
  if (!Number.isInteger(k) || k < 1) throw new AppError("USAGE", `--k expects a whole number of themes (1 or more) or "auto"; got "${text}".`);
  return k;
}

export function parseDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new AppError("USAGE", `--days expects a whole number of days from 1 to 90; got "${text}".`);
  return days;
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function runThemesCluster(options: { input: string; output: string; k: number | "auto" }): Promise<string> {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const { parseCsv } = await import("../emulator/demo/csv.js");
  let raw: string;
  try {
    raw = readFileSync(options.input, "utf8");
  } catch {
    throw new AppError("USAGE", `Cannot read --input ${options.input}: no such file, or it is not readable.`);
  }
  const rows = parseCsv(raw).filter((r) => r.some((cell) => cell.trim() !== ""));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const textAt = header.indexOf("text");
  if (textAt < 0)
    throw new AppError("USAGE", `${options.input} needs a header row with a "text" column (and optionally "id"); found: ${header.join(", ") || "nothing"}.`);
  const idAt = header.indexOf("id");
  const body = rows.slice(1);
  if (body.length === 0) throw new AppError("USAGE", `${options.input} has a header but no rows to cluster.`);
  const { labelRows } = await import("../domain/themes/label-rows.js");
  const { rows: labelled, themes } = labelRows(
    body.map((r) => r[textAt] ?? ""),
    options.k,
  );
  const lines = [
    "id,cluster,label",
    ...body.map((r, i) => [idAt >= 0 ? (r[idAt] ?? String(i + 1)) : String(i + 1), String(labelled[i].cluster), labelled[i].label].map(csvField).join(",")),
  ];
  writeFileSync(options.output, `${lines.join("\n")}\n`);
  const other = labelled.filter((r) => r.cluster === -1).length;
  return `Clustered ${body.length} rows into ${themes} themes (${other} in "other"); wrote ${options.output}`;
}

export function registerThemesCommands(program: Command, context: CliContext): void {
  const themes = program.command("themes").description("Themes in customer messages: clustering and the weekly digest");

  themes
    .command("cluster")
    .description("Cluster the texts of a CSV file (header with text, optionally id) into themes; writes id,cluster,label")
    .requiredOption("--input <file>", "CSV file with a header row containing text (and optionally id)")
    .requiredOption("--output <file>", "where to write id,cluster,label")
    .option("--k <n|auto>", "number of themes, or auto to estimate it", "auto")
    .action(async (opts: { input: string; output: string; k: string }) => {
      console.log(await runThemesCluster({ input: opts.input, output: opts.output, k: parseK(opts.k) }));
    });

  themes
    .command("digest")
    .description("Build the themes digest of the last days and post it to SWITCHBOARD_DIGEST_CHANNEL (or print it with --dry-run)")
    .option("--days <n>", "how many days back", "7")
    .option("--dry-run", "print the digest here and post nothing")
    .option("--png <file>", "also write the chart to this PNG file")
    .action(async (opts: { days: string; dryRun?: boolean; png?: string }) => {
      const days = parseDays(opts.days);
      const config = context.loadConfig();
      const { runThemesDigestCommand } = await import("./themes-digest-run.js");
      await runThemesDigestCommand(config, { days, dryRun: Boolean(opts.dryRun), png: opts.png });
    });
}
