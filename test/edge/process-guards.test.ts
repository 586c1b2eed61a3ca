/**
 * `switchboard start` installs process-level handlers: an unhandled rejection or an uncaught exception is
 * logged and the process keeps serving (nothing would restart it). Run in a child process, because the test
 * runner reports such errors itself.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function run(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/run-ts.js", file], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("process-level handlers", () => {
  it("log an unhandled rejection and an uncaught exception, and the process keeps serving", async () => {
    const { code, stdout, stderr } = await run("test/edge/fixtures/process-guards-child.ts");
    expect(stdout).toContain("still serving");
    expect(code).toBe(0);
    expect(stderr).toContain("Unhandled promise rejection; Switchboard keeps running");
    expect(stderr).toContain("reading 'ssl_check'");
    expect(stderr).toContain("Uncaught exception; Switchboard keeps running");
  }, 60_000);
});
