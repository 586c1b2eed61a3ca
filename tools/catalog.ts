/**
 * The checked set of tools. Built once at start-up: it refuses to load unless there are exactly the expected
 * number of tools, with unique names, each matching its seed's slug and title, so a missing or renamed tool
 * is caught before any model sees the list.
 */
import { AppError } from "../src/errors.js";
import type { Risk, ToolDefinition } from "./define.js";
import { loadSeedTools, type SeedTool } from "./seeds.js";

export const EXPECTED_TOOL_COUNT = 133;

const RISK_RANK: Record<Risk, number> = { read: 0, write: 1, destructive: 2 };

export interface ToolFilter {
  resource?: string | readonly string[];
  risk?: Risk | readonly Risk[];
  /** Only tools at or below this risk, e.g. "read" for a read-only persona. */
  maxRisk?: Risk;
}

export interface ToolCatalog {
  readonly tools: readonly ToolDefinition[];
  get(name: string): ToolDefinition | undefined;
  /** Like get, but a missing name is an error a person can read. */
  require(name: string): ToolDefinition;
  filter(filter: ToolFilter): ToolDefinition[];
  resources(): string[];
}

export interface CatalogOptions {
  /** Defaults to vendor/intercom/tools.json; pass [] to skip the seed check (tests with made-up tools). */
  seeds?: readonly SeedTool[];
  /** Defaults to 133; null skips the count check. */
  expectedCount?: number | null;
}

/** Every inconsistency between the tools and the seeds, as readable lines. */
export function catalogProblems(tools: readonly ToolDefinition[], seeds: readonly SeedTool[], expectedCount: number | null): string[] {
  const problems: string[] = [];
  if (expectedCount !== null && tools.length !== expectedCount) problems.push(`expected ${expectedCount} tools, found ${tools.length}`);
  const seen = new Set<string>();
  for (const tool of tools) {
    if (seen.has(tool.name)) problems.push(`${tool.name} is defined twice`);
    seen.add(tool.name);
  }
  if (seeds.length > 0) {
    const bySlug = new Map(seeds.map((seed) => [seed.slug, seed]));
    for (const tool of tools) {
      const seed = bySlug.get(tool.name);
      if (!seed) problems.push(`${tool.name} is not a seed slug`);
      else if (seed.title !== tool.title) problems.push(`${tool.name} has title "${tool.title}", the seed says "${seed.title}"`);
    }
    const missing = seeds.filter((seed) => !seen.has(seed.slug)).map((seed) => seed.slug);
    if (missing.length > 0) problems.push(`no tool for ${missing.length} seed(s): ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", ..." : ""}`);
  }
  return problems;
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value as T];

export function createToolCatalog(tools: readonly ToolDefinition[], options: CatalogOptions = {}): ToolCatalog {
  const seeds = options.seeds ?? loadSeedTools();
  const problems = catalogProblems(tools, seeds, options.expectedCount === undefined ? EXPECTED_TOOL_COUNT : options.expectedCount);
  if (problems.length > 0) throw new AppError("INTERNAL", `The Intercom tool catalog is inconsistent: ${problems.join("; ")}`);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));

  return {
    tools,
    get: (name) => byName.get(name),
    require(name) {
      const tool = byName.get(name);
      if (!tool) throw new AppError("TOOL_NOT_FOUND", `There is no tool named ${name}. Run \`switchboard tools list\` to see them.`);
      return tool;
    },
    filter(filter) {
      const resources = asList(filter.resource);
      const risks = asList(filter.risk);
      return tools.filter(
        (tool) =>
          (!resources || resources.includes(tool.resource)) &&
          (!risks || risks.includes(tool.risk)) &&
          (!filter.maxRisk || RISK_RANK[tool.risk] <= RISK_RANK[filter.maxRisk]),
      );
    },
    resources: () => [...new Set(tools.map((tool) => tool.resource))].sort(),
  };
}
