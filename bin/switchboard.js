#!/usr/bin/env node
// The `switchboard` command. It runs the compiled JavaScript in dist/, rebuilding it first when a source file is
// newer than the last build (a stat per source file, a few milliseconds), so an edit is never run stale and
// no start pays for transpiling TypeScript. Without a usable dist/ (no TypeScript installed) it runs the
// sources through tsx instead.
import module from "node:module";
import { ensureBuilt } from "../scripts/build.js";

// Node 22+ can keep compiled code between runs (Node 20 has no such cache, and the call is then skipped).
module.enableCompileCache?.();

let outcome;
try {
  outcome = ensureBuilt();
} catch (error) {
  outcome = { built: false, ok: false, message: `the build could not run (${error.message})` };
}
if (outcome.built) process.stderr.write(`switchboard: sources changed, ${outcome.message}\n`);
let cli;
if (outcome.ok) {
  cli = await import("../dist/src/cli.js");
} else {
  process.stderr.write(`switchboard: ${outcome.message}; running the TypeScript sources through tsx (slower to start)\n`);
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/cli.ts");
}
process.exitCode = await cli.runCli(process.argv);
