import { afterEach, describe, expect, it } from "vitest";
import { INTERCOM_TOKEN_SECRET } from "../../src/connections/intercom-connection.js";
import { slashCommand } from "../fakes/signed-request.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, OTHER, testPersonas } from "./support.js";

let h: Harness | undefined;
let intercom: LocalServer | undefined;
afterEach(async () => {
  await h?.close();
  await intercom?.close();
  h = intercom = undefined;
});

async function connectText(harness: Harness, text = "connect"): Promise<string> {
  const res = await harness.send(slashCommand({ text, user_id: "U7" }));
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

describe("Intercom connection", () => {
  it("install link with state → callback → token exchange → stored encrypted → revoke deletes it", async () => {
    intercom = await startLocalServer((req, res) => {
      const body = req.body as { code?: string; client_id?: string; client_secret?: string };
      if (req.path === "/auth/eagle/token" && body.code === "good-code" && body.client_secret === "shh")
        sendJson(res, 200, { token: "dG9rOmFiYzEyMw==", token_type: "Bearer" });
      else sendJson(res, 401, { errors: [{ code: "unauthorized" }] });
    });
    h = await startHarness({
      emulator: false,
      env: { INTERCOM_BASE_URL: intercom.baseUrl, INTERCOM_CLIENT_ID: "cid", INTERCOM_CLIENT_SECRET: "shh", SWITCHBOARD_PUBLIC_URL: "https://sb.example.com" },
    });
    const status = await connectText(h);
    expect(status).toContain("emulator");
    const link = new URL(/<(https:\/\/app\.intercom\.com\/oauth[^|>]+)\|/.exec(status)![1].replace(/&amp;/g, "&"));
    expect(link.searchParams.get("client_id")).toBe("cid");
    expect(link.searchParams.get("redirect_uri")).toBe("https://sb.example.com/intercom/oauth/callback");
    const state = link.searchParams.get("state")!;
    const callback = h.url.replace("/slack/events", "/intercom/oauth/callback");

    const forged = await fetch(`${callback}?code=good-code&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("expired or was already used");

    const ok = await fetch(`${callback}?code=good-code&state=${encodeURIComponent(state)}`);
    expect(ok.status).toBe(200);
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBe("dG9rOmFiYzEyMw==");
    const raw = h.deps.db.prepare("SELECT ciphertext FROM secrets WHERE name = ?").get(INTERCOM_TOKEN_SECRET) as { ciphertext: Buffer };
    expect(raw.ciphertext.toString("latin1")).not.toContain("dG9rOmFiYzEyMw");
    expect(await connectText(h)).toContain("connected through OAuth");

    const replay = await fetch(`${callback}?code=good-code&state=${encodeURIComponent(state)}`);
    expect(replay.status).toBe(400);

    expect(await connectText(h, "connect revoke")).toContain("was deleted");
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBeUndefined();
    expect(await connectText(h, "connect revoke")).toContain("No Intercom token");
  });

  it("only the channel persona's approvers may revoke the stored token", async () => {
    h = await startHarness({ emulator: false, personas: testPersonas() });
    h.deps.secrets.put(INTERCOM_TOKEN_SECRET, "dG9rOnN0b3JlZA==");
    const refused = await h.send(slashCommand({ text: "connect revoke", user_id: OTHER }));
    expect(JSON.stringify(await refused.json())).toContain("Only the people who approve changes for the support persona");
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBe("dG9rOnN0b3JlZA==");
    const allowed = await h.send(slashCommand({ text: "connect revoke", user_id: APPROVER }));
    expect(JSON.stringify(await allowed.json())).toContain("was deleted");
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBeUndefined();
  });

  it("a refused exchange stores nothing and says so", async () => {
    intercom = await startLocalServer((_req, res) => sendJson(res, 401, { errors: [{ code: "unauthorized" }] }));
    h = await startHarness({
      emulator: false,
      env: { INTERCOM_BASE_URL: intercom.baseUrl, INTERCOM_CLIENT_ID: "cid", INTERCOM_CLIENT_SECRET: "shh", SWITCHBOARD_PUBLIC_URL: "https://sb.example.com" },
    });
    const state = new URL(/<(https:\/\/app\.intercom\.com\/oauth[^|>]+)\|/.exec(await connectText(h))![1].replace(/&amp;/g, "&")).searchParams.get("state")!;
    const res = await fetch(`${h.url.replace("/slack/events", "/intercom/oauth/callback")}?code=bad&state=${encodeURIComponent(state)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Intercom refused the connection (HTTP 401)");
    expect(h.deps.secrets.get(INTERCOM_TOKEN_SECRET)).toBeUndefined();
  });

  it("without OAuth settings, connect explains what to set", async () => {
    h = await startHarness({ emulator: false });
    const text = await connectText(h);
    expect(text).toContain("INTERCOM_CLIENT_ID");
    expect(text).toContain("INTERCOM_ACCESS_TOKEN");
    expect(text).toContain("followed by /intercom/oauth/callback");
  });

  it("with OAuth half configured, connect names only what is missing and the exact redirect URL", async () => {
    h = await startHarness({ emulator: false, env: { INTERCOM_CLIENT_ID: "cid", SWITCHBOARD_PUBLIC_URL: "https://sb.example.com" } });
    const text = await connectText(h);
    expect(text).toContain("INTERCOM_CLIENT_SECRET");
    expect(text).not.toMatch(/set INTERCOM_CLIENT_ID/);
    expect(text).toContain("https://sb.example.com/intercom/oauth/callback");
  });

  it("with an access token in the environment, connect reports it and offers no link", async () => {
    h = await startHarness({ emulator: false, env: { INTERCOM_ACCESS_TOKEN: "token-from-environment" } });
    const text = await connectText(h);
    expect(text).toContain("INTERCOM_ACCESS_TOKEN");
    expect(text).not.toContain("app.intercom.com/oauth");
  });
});
