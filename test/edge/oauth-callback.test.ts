/**
 * The Intercom OAuth callback in plain words: a person who cancels is told so and gets a fresh link; a token
 * exchange that fails can be retried with a fresh link (not "expired or already used"), and that link works.
 */
import { afterEach, describe, expect, it } from "vitest";
import { INTERCOM_TOKEN_SECRET } from "../../src/connections/intercom-connection.js";
import { slashCommand } from "../fakes/signed-request.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { type Harness, startHarness } from "../slack/harness.js";

let h: Harness | undefined;
let intercom: LocalServer | undefined;
afterEach(async () => {
  await h?.close();
  await intercom?.close();
  h = intercom = undefined;
});

const OAUTH_ENV = { INTERCOM_CLIENT_ID: "cid", INTERCOM_CLIENT_SECRET: "shh", SWITCHBOARD_PUBLIC_URL: "https://sb.example.com" };

async function installState(harness: Harness, userId = "U7"): Promise<string> {
  const res = await harness.send(slashCommand({ text: "connect", user_id: userId }));
  const text = JSON.stringify(await res.json());
  return new URL(/<(https:\/\/app\.intercom\.com\/oauth[^|>]+)\|/.exec(text)![1].replace(/&amp;/g, "&")).searchParams.get("state")!;
}

/** The fresh link on a callback page, decoded, and its state. */
function retryLink(html: string): URL {
  const href = /<a href="([^"]+)">Connect Intercom again<\/a>/.exec(html)?.[1];
  expect(href, html).toBeDefined();
  return new URL(href!.replace(/&#38;/g, "&"));
}

const callbackUrl = (harness: Harness) => harness.url.replace("/slack/events", "/intercom/oauth/callback");

describe("Intercom OAuth callback", () => {
  it("a person who cancels is told they cancelled, how to retry, and the old state is used up", async () => {
    h = await startHarness({ emulator: false, env: OAUTH_ENV });
    const state = await installState(h);
    const res = await fetch(`${callbackUrl(h)}?error=access_denied&error_description=The+user+denied&state=${encodeURIComponent(state)}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Connecting Intercom was cancelled");
    expect(html).toContain("You cancelled connecting Intercom, so nothing changed.");
    const fresh = retryLink(html);
    expect(fresh.origin + fresh.pathname).toBe("https://app.intercom.com/oauth");
    expect(fresh.searchParams.get("state")).not.toBe(state);
    expect(fresh.searchParams.get("redirect_uri")).toBe("https://sb.example.com/intercom/oauth/callback");
    // The cancelled state cannot be used any more.
    const replay = await fetch(`${callbackUrl(h)}?code=any&state=${encodeURIComponent(state)}`);
    expect(await replay.text()).toContain("expired or was already used");
  });

  it("a failed token exchange offers a fresh link for the same person, and that link connects", async () => {
    let refuse = true;
    intercom = await startLocalServer((_req, res) => {
      if (refuse) sendJson(res, 500, { errors: [{ code: "server_error" }] });
      else sendJson(res, 200, { token: "dG9rOmZyZXNo", token_type: "Bearer" });
    });
    h = await startHarness({ emulator: false, env: { ...OAUTH_ENV, INTERCOM_BASE_URL: intercom.baseUrl } });
    const state = await installState(h, "U7");
    const failed = await fetch(`${callbackUrl(h)}?code=c1&state=${encodeURIComponent(state)}`);
    const html = await failed.text();
    expect(failed.status).toBe(400);
    expect(html).toContain("Intercom refused the connection (HTTP 500). Nothing was stored. Try again with the link below.");
    expect(html).not.toContain("expired or");
    const fresh = retryLink(html);
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBeUndefined();
    // The fresh state was issued for the same Slack user who started the install.
    expect(h.deps.db.prepare("SELECT user_id FROM oauth_states WHERE state = ?").get(fresh.searchParams.get("state"))).toEqual({ user_id: "U7" });

    refuse = false;
    const ok = await fetch(`${callbackUrl(h)}?code=c2&state=${encodeURIComponent(fresh.searchParams.get("state")!)}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Intercom is connected");
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBe("dG9rOmZyZXNo");
    expect(h.deps.db.prepare("SELECT COUNT(*) AS n FROM oauth_states").get()).toEqual({ n: 0 });
  });

  it("an unreachable Intercom during the exchange says so and offers a fresh link", async () => {
    intercom = await startLocalServer((_req, res) => sendJson(res, 200, {}));
    const base = intercom.baseUrl;
    await intercom.close();
    intercom = undefined;
    h = await startHarness({ emulator: false, env: { ...OAUTH_ENV, INTERCOM_BASE_URL: base, INTERCOM_TIMEOUT_MS: "2000" } });
    const state = await installState(h);
    const res = await fetch(`${callbackUrl(h)}?code=c1&state=${encodeURIComponent(state)}`);
    const html = await res.text();
    expect(html).toContain("Intercom could not be reached to finish connecting. Nothing was stored.");
    retryLink(html);
  });
});
