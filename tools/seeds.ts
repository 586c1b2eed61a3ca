/** The seed list of the 133 Intercom tools (vendor/intercom/tools.json): slug, title, endpoint and flags. */
import { readFileSync } from "node:fs";

export interface SeedTool {
  title: string;
  slug: string;
  method: string | null;
  path: string | null;
  operationId: string | null;
  spec_version: string | null;
  mutates: boolean;
  destructive: boolean;
  notes: string;
}

export const SEED_FILE = new URL("../vendor/intercom/tools.json", import.meta.url);

export function loadSeedTools(file: URL | string = SEED_FILE): SeedTool[] {
  return JSON.parse(readFileSync(file, "utf8")) as SeedTool[];
}
