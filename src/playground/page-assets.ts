/**
 * The page's static files (HTML, CSS, scripts), read once when the playground starts. They live in
 * src/playground/page/ and are served as they are: the page needs no build step.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface PageAssets {
  get(path: string): { body: string; type: string } | undefined;
}

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/playground.css": { file: "playground.css", type: "text/css; charset=utf-8" },
  "/playground.js": { file: "playground.js", type: "text/javascript; charset=utf-8" },
  "/blocks.js": { file: "blocks.js", type: "text/javascript; charset=utf-8" },
};

/**
 * The page folder beside this module (running from the sources), else the sources' copy found by walking up
 * (running compiled from dist/src/playground, where tsc does not copy non-TypeScript files).
 */
export function pageFolder(here = import.meta.dirname): string {
  const candidates = [join(here, "page")];
  for (let dir = here, depth = 0; depth < 5; dir = dirname(dir), depth++) candidates.push(join(dir, "src", "playground", "page"));
  const found = candidates.find((dir) => existsSync(join(dir, "index.html")));
  if (!found) throw new Error(`The playground page files are missing (looked in ${candidates[0]} and the folders above it).`);
  return found;
}

export function loadPageAssets(folder = pageFolder()): PageAssets {
  const loaded = new Map(Object.entries(FILES).map(([path, { file, type }]) => [path, { body: readFileSync(join(folder, file), "utf8"), type }]));
  return { get: (path) => loaded.get(path === "/index.html" ? "/" : path) };
}
