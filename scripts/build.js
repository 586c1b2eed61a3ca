#!/usr/bin/env node
/**
 * Compiles the TypeScript sources to dist/ (mirroring the tree: dist/src, dist/tools, dist/listeners, dist/jobs)
 * so the CLI starts as plain JavaScript instead of being transpiled at every start.
 *
 *   node scripts/build.js           build only when a source is newer than the last build (the launcher's check)
 *   node scripts/build.js --force   build from scratch (`npm ci` runs this through the `prepare` script)
 *
 * Why the symlinks: modules find data files relative to themselves (new URL("../vendor/…", import.meta.url)).
 * From dist/tools/seeds.js that lands in dist/vendor, so every top-level data folder (vendor, data, assets, and any
 * added later) and package.json are linked into dist/, and files inside the source folders that tsc does not emit
 * (the playground's HTML and scripts) are copied beside the compiled modules: such lookups work from dist/ with
 * no code change.
 *
 * Type errors do not stop the build: tsc still writes the JavaScript, and `npm test` (tsc -p tsconfig.json) is
 * where they fail. One line says so, so a developer who runs `npm start` mid-edit is not blocked.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
const CONFIG = "tsconfig.build.json";
const STAMP = join(DIST, ".build-stamp.json");
const LOCK = join(DIST, ".build-lock");
/** Files whose change means a rebuild even though they are not sources. */
const BUILD_INPUTS = ["tsconfig.json", CONFIG, "package.json"];
/** Folders never linked into dist/: the build's own output, installed packages, and code that is not compiled. */
const NOT_LINKED = new Set(["dist", "node_modules", "test", "bench", "bin", "scripts", "coverage"]);
/** Top-level files a module may read relative to itself; other top-level files are not linked. */
const LINKED_FILES = new Set(["package.json", "manifest.yml"]);
const LOCK_STALE_MS = 60_000;

/** The folders tsc compiles, read from tsconfig.build.json so a new top-level source folder needs one edit. */
export function sourceRoots() {
  const config = JSON.parse(readFileSync(join(ROOT, CONFIG), "utf8"));
  return (config.include ?? []).filter((entry) => existsSync(join(ROOT, entry)));
}

/** The newest modification time and the number of files under the sources (a deleted file changes the count). */
export function sourceState() {
  let newest = 0;
  let files = 0;
  const visit = (path) => {
    // An editor may replace a file between the listing and the stat; a file gone by then does not count.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    files += 1;
    newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of sourceRoots()) visit(join(ROOT, root));
  for (const file of BUILD_INPUTS) if (existsSync(join(ROOT, file))) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return { newest, files };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return undefined;
  }
}

/** Whether dist/ is missing or older than the sources. Cheap (one stat per source file), run at every start. */
export function isStale(state = sourceState()) {
  const stamp = readStamp();
  return !stamp || stamp.newest < state.newest || stamp.files !== state.files || !existsSync(join(DIST, "src", "cli.js"));
}

const isCompiled = (path) => /\.(ts|tsx|mts|cts)$/.test(path);

/**
 * Copies the files tsc does not emit (HTML, CSS, browser scripts, data beside a module) to the same place under
 * dist/, so a lookup relative to a module (`join(import.meta.dirname, "page")`) finds them from dist/ too.
 */
function copyAssets(roots) {
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    if (isCompiled(path)) return;
    const target = join(DIST, relative(ROOT, path));
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing && existing.mtimeMs >= stat.mtimeMs) return;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  };
  for (const root of roots) visit(join(ROOT, root));
}

/** Points dist/<name> at ../<name> for every top-level entry that tsc does not compile. */
function linkProjectEntries(roots) {
  for (const name of readdirSync(ROOT)) {
    if (name.startsWith(".") || NOT_LINKED.has(name) || roots.includes(name)) continue;
    const isDirectory = statSync(join(ROOT, name)).isDirectory();
    if (!isDirectory && !LINKED_FILES.has(name)) continue;
    const link = join(DIST, name);
    const target = relative(DIST, join(ROOT, name));
    const existing = lstatSync(link, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink() && readlinkSync(link) === target) continue;
    if (existing) rmSync(link, { recursive: true, force: true });
    symlinkSync(target, link, isDirectory ? "dir" : "file");
  }
}

function findTsc() {
  try {
    const require = createRequire(join(ROOT, "package.json"));
    return join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  } catch {
    return undefined;
  }
}

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that took the lock is gone (killed mid-build), so the lock can be taken over at once. */
function lockAbandoned() {
  const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
  if (age > LOCK_STALE_MS) return true;
  let owner;
  try {
    owner = Number(readFileSync(join(LOCK, "pid"), "utf8"));
  } catch {
    return false; // just taken, the pid not written yet
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

/** One build at a time per checkout: parallel starts (tests spawn several CLIs) wait for the first one's build. */
function withLock(work) {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (lockAbandoned()) rmSync(LOCK, { recursive: true, force: true });
      else pause(50);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds when needed and says what happened: { built, ok, message }. `ok` is false only when there is no
 * usable dist/ (no TypeScript installed, or tsc wrote nothing); the launcher then runs the sources through tsx.
 */
export function ensureBuilt({ force = false } = {}) {
  if (!force && !isStale()) return { built: false, ok: true, message: "up to date" };
  return withLock(() => {
    const state = sourceState();
    if (!force && !isStale(state)) return { built: false, ok: true, message: "built by another process" };
    const tsc = findTsc();
    if (!tsc) return { built: false, ok: false, message: "TypeScript is not installed (it is a dev dependency), so dist/ cannot be built" };
    const roots = sourceRoots();
    if (force) for (const root of roots) rmSync(join(DIST, root), { recursive: true, force: true });
    if (force) rmSync(join(DIST, ".tsbuildinfo"), { force: true });
    const started = Date.now();
    const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, CONFIG), "--pretty", "false"], { cwd: ROOT, encoding: "utf8" });
    // Exit 2 means "errors, but the JavaScript was written"; anything else non-zero wrote nothing usable.
    if (result.status !== 0 && result.status !== 2) {
      return { built: false, ok: false, message: `tsc failed (exit ${result.status}): ${(result.stderr || result.stdout || "").trim().split("\n")[0]}` };
    }
    if (!existsSync(join(DIST, "src", "cli.js"))) return { built: false, ok: false, message: "tsc wrote no dist/src/cli.js" };
    copyAssets(roots);
    linkProjectEntries(roots);
    writeFileSync(STAMP, `${JSON.stringify({ newest: state.newest, files: state.files, builtAt: new Date().toISOString() })}\n`);
    const errors = (result.stdout.match(/error TS\d+/g) ?? []).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const message =
      errors > 0
        ? `compiled in ${seconds} s with ${errors} type error(s); the JavaScript was written anyway (npm run typecheck lists them)`
        : `compiled in ${seconds} s`;
    return { built: true, ok: true, message };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = ensureBuilt({ force: process.argv.includes("--force") });
  console.log(`switchboard build: ${outcome.message}`);
  // Without TypeScript (a production install that omits dev dependencies) the CLI still runs, through tsx.
  process.exit(outcome.ok || !findTsc() ? 0 : 1);
}
