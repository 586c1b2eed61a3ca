/**
 * Vega-Lite → SVG (vega, no browser, no canvas) → PNG (resvg) with the font shipped in assets/fonts, so
 * labels render on a machine with no fonts installed (resvg silently draws no text without one).
 */
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export const SHIPPED_FONT = fileURLToPath(new URL("../../assets/fonts/DejaVuSans.ttf", import.meta.url));

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Font files to draw text with; [] draws no text (used by the test that proves the font matters). */
  fontFiles?: string[];
  scale?: number;
}

export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    background: "white",
    font: { fontFiles: options.fontFiles ?? [SHIPPED_FONT], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return Buffer.from(resvg.render().asPng());
}
