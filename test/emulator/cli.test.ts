import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";

async function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const run = spawn(process.execPath, ["bin/switchboard.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  run.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => run.on("exit", resolve));
  return { code, out };
}

describe("switchboard emulator (CLI)", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
  });

  it("prints its URL once it listens, serves requests, and simulate creates a conversation", async () => {
    child = spawn(process.execPath, ["bin/switchboard.js", "emulator", "--port", "0", "--conversations", "40", "--token", "cli-token"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child!.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child!.on("exit", (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
    });
    const me = await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } });
    expect(me.status).toBe(200);

    const simulate = spawn(
      process.execPath,
      ["bin/switchboard.js", "emulator", "simulate", "conversation", "--url", url, "--token", "cli-token", "--body", "From the CLI"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let printed = "";
    simulate.stdout!.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => simulate.on("exit", resolve));
    expect(code).toBe(0);
    expect(printed).toMatch(/Created conversation \d+/);
    const id = /Created conversation (\d+)/.exec(printed)![1];
    const conversation = (await (await fetch(`${url}/conversations/${id}`, { headers: { Authorization: "Bearer cli-token" } })).json()) as {
      source: { body: string };
    };
    expect(conversation.source.body).toContain("From the CLI");

    const faults = await runCli(["emulator", "faults", "--url", url, "--token", "cli-token", "--burst", "2", "--error-rate", "0.25", "--latency", "0"]);
    expect(faults).toEqual({ code: 0, out: "429 burst: 2 requests, 5xx rate: 0.25, added latency: 0 ms, rate limit: 1667 per 10 s\n" });
    const limited = await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
    const reset = await runCli(["emulator", "faults", "--url", url, "--token", "cli-token", "--reset", "--rate-limit", "50"]);
    expect(reset.out).toBe("429 burst: 0 requests, 5xx rate: 0, added latency: 0 ms, rate limit: 50 per 10 s\n");
    expect((await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } })).headers.get("x-ratelimit-limit")).toBe("50");
    expect((await runCli(["emulator", "faults", "--url", url, "--token", "cli-token", "--error-rate", "3"])).code).not.toBe(0);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
