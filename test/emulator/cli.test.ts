import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";

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

    const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
