import { describe, expect, it } from "vitest";
import * as z from "zod";
import { catalogProblems, createToolCatalog } from "../../tools/catalog.js";
import { defineTool, type Risk } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import type { SeedTool } from "../../tools/seeds.js";

const make = (name: string, title: string, resource: string, risk: Risk) =>
  defineTool({ name, title, resource, risk, method: "GET", path: "/x", description: "A test tool.", input: z.object({}) });
const seed = (slug: string, title: string): SeedTool => ({
  slug,
  title,
  method: "GET",
  path: "/x",
  operationId: null,
  spec_version: "2.16",
  mutates: false,
  destructive: false,
  notes: "",
});

const tools = [make("A_LIST", "List a", "alpha", "read"), make("A_DELETE", "Delete a", "alpha", "destructive"), make("B_UPDATE", "Update b", "beta", "write")];
const seeds = [seed("A_LIST", "List a"), seed("A_DELETE", "Delete a"), seed("B_UPDATE", "Update b")];

describe("createToolCatalog", () => {
  it("looks tools up by name and filters by resource and risk", () => {
    const catalog = createToolCatalog(tools, { seeds, expectedCount: 3 });
    expect(catalog.get("A_LIST")?.title).toBe("List a");
    expect(catalog.get("nope")).toBeUndefined();
    expect(() => catalog.require("nope")).toThrow(/There is no tool named nope/);
    expect(catalog.filter({ resource: "alpha" }).map((t) => t.name)).toEqual(["A_LIST", "A_DELETE"]);
    expect(catalog.filter({ risk: ["write", "destructive"] }).map((t) => t.name)).toEqual(["A_DELETE", "B_UPDATE"]);
    expect(catalog.filter({ maxRisk: "write" }).map((t) => t.name)).toEqual(["A_LIST", "B_UPDATE"]);
    expect(catalog.resources()).toEqual(["alpha", "beta"]);
  });

  it("refuses to load a wrong count, duplicates, renamed titles and unknown or missing seeds", () => {
    expect(() => createToolCatalog(tools, { seeds })).toThrow(/expected 133 tools, found 3/);
    const broken = [
      ...tools.slice(0, 2),
      make("A_LIST", "List a", "alpha", "read"),
      make("C_NEW", "New", "gamma", "read"),
      make("A_DELETE", "Remove a", "alpha", "read"),
    ];
    expect(catalogProblems(broken, seeds, 3)).toEqual([
      "expected 3 tools, found 5",
      "A_LIST is defined twice",
      "A_DELETE is defined twice",
      "C_NEW is not a seed slug",
      'A_DELETE has title "Remove a", the seed says "Delete a"',
      "no tool for 1 seed(s): B_UPDATE",
    ]);
  });

  it("loads the real catalog of 133 tools against vendor/intercom/tools.json", () => {
    const catalog = createToolCatalog(allTools);
    expect(catalog.tools).toHaveLength(133);
    expect(catalog.get("INTERCOM_SEARCH_CONTACTS")?.method).toBe("POST");
  });
});
