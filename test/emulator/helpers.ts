/** Shared setup for emulator tests: a small generated workspace, a fixed clock, and a request helper. */

import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import type { DemoWorkspace } from "../../src/emulator/demo/types.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/emulator.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { Clock } from "../../src/emulator/types.js";

export const TEST_NOW = 1_764_000_000;
export const TOKEN = "emulator-token";

let cached: DemoWorkspace | undefined;

/** One small workspace per test file, deep-copied for each emulator so tests never share state. */
export function smallWorkspace(): DemoWorkspace {
  cached ??= generateDemoWorkspace({ seed: 7, conversations: 60, now: TEST_NOW });
  return structuredClone(cached);
}

export class ManualClock implements Clock {
  constructor(public ms: number = TEST_NOW * 1000) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function makeEmulator(options: EmulatorOptions = {}): Emulator & { clock: ManualClock } {
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  return Object.assign(createEmulator({ workspace: smallWorkspace(), clock, ...options }), { clock });
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are free-form JSON in tests
  body: any;
  contentType: string;
  raw: Uint8Array;
}

export async function call(
  emulator: Pick<Emulator, "handle">,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const response = await emulator.handle(
    new Request(`http://emulator.test${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const raw = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get("content-type") ?? "";
  const text = new TextDecoder().decode(raw);
  let parsed: unknown;
  if (contentType.includes("json") && text) parsed = JSON.parse(text);
  else if (contentType.startsWith("text/")) parsed = text;
  return { status: response.status, headers: response.headers, body: parsed, contentType, raw };
}

/** One request to a running emulator over loopback HTTP, with its bearer token; the JSON answer and its status. */
export async function callOverHttp(
  emulator: Pick<RunningEmulator, "url" | "token">,
  method: string,
  path: string,
  body?: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${emulator.token}`, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
