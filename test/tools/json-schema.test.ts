import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineTool } from "../../tools/define.js";
import { openAISchemaProblems, toOpenAIFunction } from "../../tools/json-schema.js";

const base = { title: "Sample", resource: "samples", method: "GET" as const, path: "/samples", risk: "read" as const, description: "A sample tool." };

describe("OpenAI function schema rules", () => {
  it("accepts a described object schema and keeps the zod descriptions", () => {
    const fn = toOpenAIFunction(
      defineTool({
        ...base,
        name: "SAMPLE_OK",
        input: z.object({ id: z.string().describe("The id."), tags: z.array(z.string()).optional().describe("Tags.") }),
      }),
    );
    expect(fn.parameters.type).toBe("object");
    expect(fn.parameters.required).toEqual(["id"]);
    expect(openAISchemaProblems(fn)).toEqual([]);
  });

  it("names undescribed properties at any depth", () => {
    const fn = toOpenAIFunction(
      defineTool({ ...base, name: "SAMPLE_NESTED", input: z.object({ query: z.object({ field: z.string() }).describe("A filter."), page: z.number() }) }),
    );
    expect(openAISchemaProblems(fn)).toEqual([
      "property query.field has no description (add .describe())",
      "property page has no description (add .describe())",
    ]);
  });

  it("rejects bad names, empty descriptions and references from recursive schemas", () => {
    type Node = { value: string; children?: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ value: z.string().describe("v"), children: z.array(node).optional().describe("c") }));
    const fn = toOpenAIFunction(defineTool({ ...base, name: "bad name!", description: " ", input: z.object({ tree: node.describe("A tree.") }) }));
    const problems = openAISchemaProblems(fn);
    expect(problems.some((p) => p.startsWith('name "bad name!"'))).toBe(true);
    expect(problems).toContain("the function has no description");
    expect(problems.some((p) => p.includes("$ref") || p.includes("$defs"))).toBe(true);
  });
});
