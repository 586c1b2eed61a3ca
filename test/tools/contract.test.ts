/**
 * The contract every tool file must meet, run over whatever tools exist: each tool matches its seed in
 * tools.json, its endpoint exists in the vendored spec with every required field in its input, its risk is at
 * least what the seed says, and OpenAI accepts the function schema LangChain will send for it.
 * Tool writers: `npx vitest run test/tools/contract.test.ts` checks your files.
 */
import { describe, expect, it } from "vitest";
import type { Risk, ToolDefinition } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import { openAISchemaProblems, toOpenAIFunction } from "../../tools/json-schema.js";
import { loadSeedTools } from "../../tools/seeds.js";
import { findOperation, loadSpec } from "./openapi.js";

const seeds = new Map(loadSeedTools().map((seed) => [seed.slug, seed]));
const riskRank: Record<Risk, number> = { read: 0, write: 1, destructive: 2 };

function inputFields(tool: ToolDefinition): Set<string> {
  return new Set([...Object.keys(tool.input.shape), ...Object.keys(tool.fixedBody ?? {})]);
}

describe("tool catalog as a whole", () => {
  it("has exactly 133 tools, one per seed in tools.json", () => {
    const missing = [...seeds.keys()].filter((slug) => !allTools.some((tool) => tool.name === slug));
    expect(missing, `seeds with no tool yet (${missing.length})`).toEqual([]);
    expect(allTools.length).toBe(133);
  });

  it("has unique names", () => {
    const seen = new Set<string>();
    const duplicates = allTools.map((tool) => tool.name).filter((name) => seen.has(name) || !seen.add(name));
    expect(duplicates).toEqual([]);
  });
});

for (const tool of allTools) {
  describe(tool.name, () => {
    const seed = seeds.get(tool.name);

    it("matches its seed in tools.json", () => {
      expect(seed, `${tool.name} is not a slug in vendor/intercom/tools.json`).toBeDefined();
      if (!seed) return;
      expect(tool.title).toBe(seed.title);
      expect(tool.resource.trim()).not.toBe("");
      expect(tool.description.trim().length).toBeGreaterThan(20);
      if (seed.path === null) {
        expect(tool.legacyNote?.trim(), "a tool with no endpoint in the spec must carry legacyNote").toBeTruthy();
        expect(tool.path.startsWith("/")).toBe(true);
      } else {
        expect(`${tool.method} ${tool.path}`).toBe(`${seed.method} ${seed.path}`);
      }
      if (seed.spec_version && seed.spec_version !== "2.16") expect(tool.apiVersion).toBe(seed.spec_version);
    });

    it("has every field its endpoint requires", () => {
      const fields = inputFields(tool);
      const shape = tool.input.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
      for (const placeholder of [...tool.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
        expect(fields.has(placeholder), `path placeholder {${placeholder}} is not an input field`).toBe(true);
        expect(shape[placeholder]?.safeParse(undefined).success, `path field ${placeholder} must be required`).toBe(false);
      }
      for (const name of [...(tool.query ?? []), ...(tool.body ?? [])]) {
        expect(fields.has(name), `query/body override names ${name}, which is not an input field`).toBe(true);
      }
      if (!seed?.path || !seed.method) return;
      const operation = findOperation(loadSpec(seed.spec_version ?? "2.16"), tool.method, tool.path);
      expect(operation, `${tool.method} ${tool.path} is not in the ${seed.spec_version} spec`).toBeDefined();
      if (!operation) return;
      // A field the spec always requires must be required in the input too, or have a default that gets sent.
      const alwaysSent = (name: string) => {
        if (tool.fixedBody && name in tool.fixedBody) return true;
        const result = shape[name]?.safeParse(undefined) as { success: boolean; data?: unknown } | undefined;
        return result !== undefined && (!result.success || result.data !== undefined);
      };
      for (const name of operation.requiredQuery) {
        expect(fields.has(name), `required query parameter ${name} is missing from the input`).toBe(true);
        expect(alwaysSent(name), `required query parameter ${name} must not be optional`).toBe(true);
        if (tool.method === "POST" || tool.method === "PUT") {
          expect(tool.query ?? [], `${name} is a query parameter of a ${tool.method}: list it in query`).toContain(name);
        }
      }
      if (operation.bodyAlternatives) {
        const satisfied = operation.bodyAlternatives.some((alternative) => alternative.every((name) => fields.has(name)));
        const described = operation.bodyAlternatives.map((alternative) => `{${alternative.join(", ")}}`).join(" or ");
        expect(satisfied, `the request body needs one of ${described}; the input has {${[...fields].join(", ")}}`).toBe(true);
        if (operation.bodyAlternatives.length === 1) {
          for (const name of operation.bodyAlternatives[0]) expect(alwaysSent(name), `required body field ${name} must not be optional`).toBe(true);
        }
      }
    });

    it("is at least as risky as its seed says", () => {
      if (!seed) return;
      if (seed.mutates) expect(riskRank[tool.risk], "a mutating tool must be write or destructive").toBeGreaterThanOrEqual(riskRank.write);
      if (seed.destructive) expect(tool.risk).toBe("destructive");
    });

    it("has a function schema OpenAI accepts", () => {
      const fn = toOpenAIFunction(tool);
      expect(fn.name).toBe(tool.name);
      expect(openAISchemaProblems(fn)).toEqual([]);
    });
  });
}
