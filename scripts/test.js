#!/usr/bin/env node
// `npm test`: typecheck, lint, then vitest. Ends with one plain line, "N passed, N failed", which is what CI
// reads; a failed typecheck or lint counts as a failure in that line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = ".vitest-report.json";
const steps = [
  { name: "typecheck", cmd: "npx", args: ["tsc", "-p", "tsconfig.json"] },
  { name: "lint", cmd: "npx", args: ["biome", "check", "."] },
];
let failedChecks = 0;
for (const step of steps) {
  console.log(`\n> ${step.name}`);
  const result = spawnSync(step.cmd, step.args, { stdio: "inherit" });
  if (result.status !== 0) {
    failedChecks += 1;
    console.log(`${step.name} failed`);
  }
}

console.log("\n> vitest");
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra], { stdio: "inherit" });
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  // A suite that fails to load has no tests to count; count it once so it is never silent.
  const brokenSuites = (json.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).length === 0).length;
  failed = (json.numFailedTests ?? 0) + brokenSuites;
  rmSync(report, { force: true });
} else {
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed = 1;
failed += failedChecks;
if (passed === 0 && failed === 0) failed = 1; // running no test is a failure, not a pass
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
