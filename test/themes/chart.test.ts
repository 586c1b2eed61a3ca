import { describe, expect, it } from "vitest";
import { renderPng } from "../../src/charts/render-png.js";
import { chartLabel, themeChartSpec } from "../../src/charts/theme-chart-spec.js";

const spec = themeChartSpec([
  { name: "card arrival", thisWeek: 30, lastWeek: 20 },
  { name: "top up failed", thisWeek: 12, lastWeek: 18 },
]);

describe("theme chart", () => {
  it("is a grouped bar spec of this week against last", () => {
    const values = (spec as { data: { values: { week: string }[] } }).data.values;
    expect(values).toHaveLength(4);
    expect(new Set(values.map((v) => v.week))).toEqual(new Set(["this week", "last week"]));
  });

  it("shows this week alone, and says so, when no earlier week is stored", () => {
    const first = themeChartSpec([
      { name: "card arrival", thisWeek: 30 },
      { name: "top up failed", thisWeek: 12, lastWeek: 0 },
    ]) as { title: string; data: { values: { week: string }[] } };
    expect(first.data.values.map((v) => v.week)).toEqual(["this week", "this week"]);
    expect(first.title).toMatch(/no earlier week/);
  });

  it("cuts long theme names between keywords, never inside one", () => {
    expect(chartLabel("contactless pay · how troubleshoot · contactless")).toBe("contactless pay · how troubleshoot…");
    expect(chartLabel("card arrival")).toBe("card arrival");
  });

  it("renders a PNG whose labels are drawn with the shipped font (and are missing without it)", async () => {
    const withFont = await renderPng(spec);
    const withoutFont = await renderPng(spec, { fontFiles: [] });
    expect(withFont.subarray(1, 4).toString()).toBe("PNG");
    // Text glyphs add a lot of detail to the image; with no font resvg silently draws none.
    expect(withFont.length).toBeGreaterThan(withoutFont.length * 2);
  });
});
