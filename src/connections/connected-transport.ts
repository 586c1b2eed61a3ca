/**
 * The Intercom transport the running app uses. It picks the token per request (INTERCOM_ACCESS_TOKEN, else the
 * token stored by the OAuth flow), so connecting or revoking in Slack takes effect without a restart; with no
 * token at all, requests go to a built-in emulator started on loopback the first time one is needed.
 */
import type { RunningEmulator } from "../emulator/server.js";
import { IntercomClient } from "../intercom/client.js";
import type { IntercomRequest, IntercomResponse, IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { IntercomConnection } from "./intercom-connection.js";

export interface ConnectedTransportOptions {
  connection: IntercomConnection;
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** Milliseconds since the epoch; the demo workspace is generated for the start of this UTC day. */
  now?: () => number;
}

/**
 * The demo data depends on the workspace's "now"; pinning it to the start of the UTC day means every
 * `switchboard ask` (each its own process) sees the same conversations and customers all day, so an id read in
 * one command still names the same customer in the next.
 */
export const demoWorkspaceNow = (ms: number): number => Math.floor(ms / 86_400_000) * 86_400;

export class ConnectedIntercomTransport implements IntercomTransport {
  private client: { token: string; client: IntercomClient } | undefined;
  private emulator: Promise<{ running: RunningEmulator; client: IntercomClient }> | undefined;

  constructor(private readonly options: ConnectedTransportOptions) {}

  async request<T = unknown>(request: IntercomRequest): Promise<IntercomResponse<T>> {
    const token = this.options.connection.token();
    if (token) {
      if (this.client?.token !== token) {
        this.client = {
          token,
          client: new IntercomClient({ baseUrl: this.options.baseUrl, token, timeoutMs: this.options.timeoutMs, logger: this.options.logger }),
        };
      }
      return this.client.client.request<T>(request);
    }
    // A failed start is forgotten, so the next request tries again instead of failing forever.
    this.emulator ??= this.startEmulator().catch((error: unknown) => {
      this.emulator = undefined;
      throw error;
    });
    return (await this.emulator).client.request<T>(request);
  }

  /** Whether requests currently go to the built-in emulator (no token configured). */
  usesEmulator(): boolean {
    return !this.options.connection.token();
  }

  // Loaded on first use only: the emulator and its demo data are not needed when a token is configured.
  private async startEmulator(): Promise<{ running: RunningEmulator; client: IntercomClient }> {
    const [{ startEmulator }, { generateDemoWorkspace }] = await Promise.all([import("../emulator/server.js"), import("../emulator/demo/generate.js")]);
    const now = demoWorkspaceNow((this.options.now ?? Date.now)());
    return startEmulator({ port: 0, generate: generateDemoWorkspace, now }).then((running) => {
      this.options.logger.info({ url: running.url }, "No Intercom token: using the built-in emulator with a demo workspace");
      return {
        running,
        client: new IntercomClient({ baseUrl: running.url, token: running.token, timeoutMs: this.options.timeoutMs, logger: this.options.logger }),
      };
    });
  }

  async close(): Promise<void> {
    const started = this.emulator;
    this.emulator = undefined;
    if (started) await (await started.catch(() => undefined))?.running.close();
  }
}
