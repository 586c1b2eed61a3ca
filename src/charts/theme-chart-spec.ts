/** The digest chart as a Vega-Lite spec: themes by size, this week against last, as grouped horizontal bars. Pure. */
import type { TopLevelSpec } from "vega-lite";

export interface ChartTheme {
  name: string;
  thisWeek: number;
  /** Absent or 0 for every theme when no earlier week is stored. */
  lastWeek?: number;
}

const LABEL_CHARS = 40;

/** A theme name short enough for an axis label, cut between keywords (or words) rather than inside one. */
export function chartLabel(name: string, max = LABEL_CHARS): string {
  if (name.length <= max) return name;
  const head = name.slice(0, max);
  const cut = Math.max(head.lastIndexOf(" · "), head.lastIndexOf(" "));
  return `${(cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s·]+$/, "")}…`;
}

/**
 * With no earlier week stored (the first run), a "last week" legend entry with no bars would read as "nothing
 * last week", so the chart then shows this week alone and says why.
 */
export function themeChartSpec(themes: ChartTheme[], title?: string): TopLevelSpec {
  const compared = themes.some((t) => (t.lastWeek ?? 0) > 0);
  const weeks = compared ? ["this week", "last week"] : ["this week"];
  const labels = uniqueLabels(themes.map((t) => chartLabel(t.name)));
  const rows = themes.flatMap((t, i) => [
    { theme: labels[i], week: "this week", conversations: t.thisWeek },
    ...(compared ? [{ theme: labels[i], week: "last week", conversations: t.lastWeek ?? 0 }] : []),
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: title ?? (compared ? "Themes this week vs last week" : "Themes this week (no earlier week stored yet)"),
    width: 520,
    background: "white",
    config: { font: "DejaVu Sans", axis: { labelFontSize: 12, titleFontSize: 12 }, legend: { labelFontSize: 12 } },
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      y: { field: "theme", type: "nominal", sort: labels, title: null, axis: { labelLimit: 600 } },
      yOffset: { field: "week", sort: weeks },
      x: { field: "conversations", type: "quantitative", title: "conversations and tickets" },
      color: {
        field: "week",
        type: "nominal",
        sort: weeks,
        scale: { range: ["#2563eb", "#cbd5e1"] },
        title: null,
        ...(compared ? {} : { legend: null }),
      },
    },
  } as TopLevelSpec;
}

/** Two themes cut to the same label would share one bar: number the repeats. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}
