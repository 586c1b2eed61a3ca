/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or only those named on the command line) and prints
 * the figures the issues ask for. Benchmarks talk to local servers on loopback only.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  const started = performance.now();
  console.log(`\n=== ${file.replace(/\.bench\.ts$/, "")} ===`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> };
  await module.run();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
