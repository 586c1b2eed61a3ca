/**
 * startPlayground: the Slack stand-in and the page, on 127.0.0.1. Start it first, give the app its
 * `slackApiUrl`, `signingSecret` and `botToken` (and the emulator its `webhookUrl`), then `attachApp(url)` once
 * the app listens. Nothing in the app knows it is not talking to Slack.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import { AppGateway } from "./app-gateway.js";
import { DEMO_TOPICS, DemoControls, type EmulatorControl } from "./demo-controls.js";
import { createPlaygroundServer } from "./http-server.js";
import { loadPageAssets } from "./page-assets.js";
import { generateSigningSecret } from "./request-signer.js";
import { SlackState } from "./slack-state.js";
import { buildSnapshot } from "./snapshot.js";
import type { WebApiContext } from "./web-api.js";
import { createWorkspace, type PlaygroundWorkspace } from "./workspace.js";

export interface PlaygroundOptions {
  logger: Logger;
  /** The Intercom emulator the demo buttons drive (a function when it can be replaced by a reset). */
  emulator: EmulatorControl | (() => EmulatorControl);
  /** The app's base URL (http://127.0.0.1:PORT), or just its port on 127.0.0.1; or attach it later with attachApp. */
  appUrl?: string;
  appPort?: number;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1: it is a demo, never meant to be reachable from elsewhere. */
  host?: string;
  /** Whether an OpenAI-compatible model is configured, so the page can say what is missing without one. */
  modelConfigured?: boolean;
  /** The person using the page; an email that matches an Intercom teammate lets replies go out as them. */
  person?: { name?: string; email?: string };
  reset?: () => Promise<void>;
  runDigest?: () => Promise<string | undefined>;
}

export interface RunningPlayground {
  /** The page. */
  url: string;
  /** For the app's SLACK_API_URL. */
  slackApiUrl: string;
  /** For the app's SLACK_SIGNING_SECRET: generated for this run. */
  signingSecret: string;
  /** For the app's SLACK_BOT_TOKEN: the stand-in accepts only this one. */
  botToken: string;
  /** For the emulator's webhook URL: relayed unchanged to the app's /intercom/webhooks. */
  webhookUrl: string;
  workspace: PlaygroundWorkspace;
  state: SlackState;
  attachApp(appUrl: string | undefined): void;
  close(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const host = options.host ?? "127.0.0.1";
  const workspace = createWorkspace({ personName: options.person?.name, personEmail: options.person?.email });
  const state = new SlackState();
  const signingSecret = generateSigningSecret();
  const botToken = `xoxb-playground-${generateSigningSecret().slice(0, 12)}`;
  let baseUrl = "";
  const gateway = new AppGateway({ state, workspace, signingSecret, baseUrl: () => baseUrl, logger: options.logger });
  let appUrl = (options.appUrl ?? (options.appPort !== undefined ? `http://127.0.0.1:${options.appPort}` : undefined))?.replace(/\/+$/, "");
  gateway.attach(appUrl);
  const emulator = typeof options.emulator === "function" ? options.emulator : () => options.emulator as EmulatorControl;
  const demo = new DemoControls({ emulator, gateway, state, workspace, reset: options.reset, runDigest: options.runDigest });
  const api: WebApiContext = {
    state,
    workspace,
    get baseUrl() {
      return baseUrl;
    },
  };
  const server: Server = createPlaygroundServer({
    state,
    api,
    gateway,
    demo,
    assets: loadPageAssets(),
    botToken,
    appUrl: () => appUrl,
    logger: options.logger,
    snapshot: () => buildSnapshot(state, workspace, { modelConfigured: options.modelConfigured ?? false, appAttached: gateway.attached, topics: DEMO_TOPICS }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: `${baseUrl}/`,
    slackApiUrl: `${baseUrl}/api/`,
    signingSecret,
    botToken,
    webhookUrl: `${baseUrl}/intercom/webhooks`,
    workspace,
    state,
    attachApp(url) {
      appUrl = url?.replace(/\/+$/, "");
      gateway.attach(url);
      state.changed();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
