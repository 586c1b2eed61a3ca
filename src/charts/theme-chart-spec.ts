/** The digest chart as a Vega-Lite spec: themes by size, this week against last, as grouped horizontal bars. Pure. */
import type { TopLevelSpec } from "vega-lite";

export interface ChartTheme {
  name: string;
  thisWeek: number;
  lastWeek: number;
}

export function themeChartSpec(themes: ChartTheme[], title = "Themes this week vs last week"): TopLevelSpec {
  const rows = themes.flatMap((t) => [
    { theme: t.name, week: "this week", conversations: t.thisWeek },
    { theme: t.name, week: "last week", conversations: t.lastWeek },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 520,
    background: "white",
    config: { font: "DejaVu Sans", axis: { labelFontSize: 12, titleFontSize: 12 }, legend: { labelFontSize: 12 } },
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      y: { field: "theme", type: "nominal", sort: themes.map((t) => t.name), title: null, axis: { labelLimit: 260 } },
      yOffset: { field: "week", sort: ["this week", "last week"] },
      x: { field: "conversations", type: "quantitative", title: "conversations and tickets" },
      color: { field: "week", type: "nominal", sort: ["this week", "last week"], scale: { range: ["#2563eb", "#cbd5e1"] }, title: null },
    },
  } as TopLevelSpec;
}
