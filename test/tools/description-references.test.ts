/** Descriptions send the model to other tools; a reference by a title two tools share sends it to a coin toss. */
import { describe, expect, it } from "vitest";
import { allTools } from "../../tools/index.js";

describe("tool descriptions that name other tools", () => {
  it("never point at a title that more than one tool has", () => {
    const byTitle = new Map<string, string[]>();
    for (const tool of allTools) byTitle.set(tool.title.toLowerCase(), [...(byTitle.get(tool.title.toLowerCase()) ?? []), tool.name]);
    const ambiguous = [...byTitle].filter(([, names]) => names.length > 1).map(([title]) => title);
    const offenders = allTools.flatMap((tool) =>
      ambiguous.filter((title) => tool.description.toLowerCase().includes(title)).map((title) => `${tool.name} mentions "${title}"`),
    );
    expect(offenders).toEqual([]);
  });

  it("only name tools that exist", () => {
    const names = new Set(allTools.map((tool) => tool.name));
    const unknown = allTools.flatMap((tool) => [...tool.description.matchAll(/\bINTERCOM_[A-Z0-9_]+/g)].map((m) => m[0]).filter((n) => !names.has(n)));
    expect(unknown).toEqual([]);
  });
});
