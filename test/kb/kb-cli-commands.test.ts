import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { useKbCli } from "./kb-cli-harness.js";

const cli = useKbCli();
const run = cli.run;

const BAD_TOKEN = { INTERCOM_ACCESS_TOKEN: "not-the-emulator-token" };

describe("switchboard kb sync", () => {
  it("--full on a database that was never synced calls every article new, not changed", async () => {
    const summary = await run(["kb", "sync", "--full"]);
    const [, synced, added, changed] = summary.match(/^synced (\d+) articles \((\d+) new, (\d+) changed, 0 removed\)$/) ?? [];
    expect(Number(synced)).toBeGreaterThan(10);
    expect({ added: Number(added), changed: Number(changed) }).toEqual({ added: Number(synced), changed: 0 });
    // Run again: now every article is there already, and --full re-indexes (and counts) every one of them.
    expect(await run(["kb", "sync", "--full"])).toBe(`synced ${synced} articles (0 new, ${synced} changed, 0 removed)`);
  });

  it("when Intercom refuses the token: a plain error, no claim that anything was synced, the old index still searchable", async () => {
    await run(["kb", "sync"]);
    const before = await run(["kb", "search", "--k", "1", "PIN"]);
    expect(before).toMatch(/^1\. .*PIN/);

    await expect(run(["kb", "sync"], BAD_TOKEN)).rejects.toThrow(/could not be read from Intercom.*refused the access token \(401\)/);
    expect(cli.printed()).not.toMatch(/synced \d+ articles/);
    expect(await run(["kb", "search", "--k", "1", "PIN"])).toBe(before);
  });
});

describe("switchboard kb status", () => {
  it("says so when the last sync failed, and when the index was last brought up to date", async () => {
    expect(await run(["kb", "status"])).toContain("Last sync: never (run `switchboard kb sync`)");
    await run(["kb", "sync"]);
    const good = await run(["kb", "status"]);
    expect(good).toMatch(/^Last sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC: \d+ new, 0 changed, 0 removed$/m);
    expect(good).not.toMatch(/successful/);

    await expect(run(["kb", "sync"], BAD_TOKEN)).rejects.toThrow();
    const failed = await run(["kb", "status"]);
    expect(failed).toMatch(/^Last sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC failed: nothing could be read from Intercom$/m);
    expect(failed).toMatch(/^ {2}problems: .*refused the access token \(401\)/m);
    expect(failed).toMatch(/^ {2}last successful sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC: \d+ new, 0 changed, 0 removed$/m);
  });

  it("a sync that has not finished is not shown with counts it has not written yet", async () => {
    await run(["kb", "sync"]);
    // What a sync in progress (or one killed part-way) leaves: its row, started, with no end and no counts.
    const db = openDatabase(cli.dbPath);
    db.prepare("INSERT INTO kb_sync_runs (started_at, full) VALUES (?, 0)").run(Math.floor(Date.now() / 1000));
    db.close();
    const status = await run(["kb", "status"]);
    expect(status).toMatch(/^Last sync: started \d{4}-\d\d-\d\d \d\d:\d\d UTC, not finished \(still running, or stopped before the end\)$/m);
    expect(status).toMatch(/^ {2}last successful sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC: \d+ new, 0 changed, 0 removed$/m);
    expect(status).not.toMatch(/^Last sync:.* removed/m);
  });
});

describe("switchboard kb search", () => {
  it("on a knowledge base that was never synced, says it is empty instead of 'no match'", async () => {
    await expect(run(["kb", "search", "PIN"])).rejects.toThrow("The knowledge base is empty: run `switchboard kb sync` first.");
  });

  it("shows the text that matched, not only the opening of a long section", async () => {
    const admin = cli.emulator.state.all("admins")[0] as { id: string };
    const opening = "Our branches open at nine on weekdays and at ten on Saturdays, and they close for lunch between one and two. ";
    const created = await fetch(`${cli.emulator.url}/articles`, {
      method: "POST",
      headers: { Authorization: `Bearer ${cli.emulator.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "Visiting a branch",
        body: `<p>${opening.repeat(3)}Bring your passport if you want to collect a wombat token at the counter.</p>`,
        author_id: Number(admin.id),
        state: "published",
      }),
    });
    expect(created.status).toBe(200);
    await run(["kb", "sync"]);
    const shown = await run(["kb", "search", "--k", "1", "wombat token"]);
    expect(shown).toMatch(/^1\. Visiting a branch /);
    expect(shown).toContain("collect a wombat token");
  });

  it("takes FTS5 syntax characters as plain words and marks internal articles", async () => {
    await run(["kb", "sync"]);
    for (const query of ['"PIN', "PIN*", "NEAR(PIN card)", "title:PIN", "(PIN", "PIN)", "PIN - card", "AND", "^", '"']) {
      expect(await run(["kb", "search", "--", query]), query).toMatch(/^(1\. |No article matches\.$)/);
    }
    expect(await run(["kb", "search", "--k", "3", "refund", "approval", "limits", "agents"])).toMatch(/\[internal\].*\n.*\n {3}no public link/);
    await expect(run(["kb", "search", "--k", "0", "PIN"])).rejects.toThrow('--k expects a whole number from 1 to 100; got "0".');
    await expect(run(["kb", "search", "  "])).rejects.toThrow(/Say what to search for/);
  });
});
