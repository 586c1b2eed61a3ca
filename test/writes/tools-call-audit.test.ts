/** `switchboard tools call NAME --yes` for a write goes through the write gate: recorded, sent once, audited with who ran it. */
import { userInfo } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAuditRows } from "../../src/cli/audit-commands.js";
import { runToolsCall, type ToolsCallIO } from "../../src/cli/tools-call.js";
import { loadConfig } from "../../src/config.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminId, anOpenConversation, dbFile, demoEmulator, emulatorClient, partsOf } from "./support.js";

const temp = makeTempDir();
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await demoEmulator();
});
afterAll(async () => {
  await emulator.close();
  temp.cleanup();
});

function setup(name: string) {
  const file = dbFile(temp.dir, name);
  const config = loadConfig({
    env: { INTERCOM_ACCESS_TOKEN: emulator.token, INTERCOM_BASE_URL: emulator.url, SWITCHBOARD_DB_PATH: file, SWITCHBOARD_LOG_LEVEL: "silent" },
    envFile: false,
  });
  const out: string[] = [];
  const err: string[] = [];
  const io: ToolsCallIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, confirm: async () => false };
  const audit = () => {
    const db = openDatabase(file);
    try {
      return {
        text: formatAuditRows(new AuditLog(db).recent()),
        rows: new AuditLog(db).recent(),
        ledger: db.prepare("SELECT COUNT(*) AS n FROM write_ledger").get() as { n: number },
      };
    } finally {
      db.close();
    }
  };
  return { file, config, out, err, io, audit };
}

describe("switchboard tools call --yes for a write", () => {
  it("is audited with the OS user who ran it, and sent once", async () => {
    const { config, out, io, audit } = setup("cli-sent");
    expect(audit().text).toBe("No audited tool calls match.");
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const args = JSON.stringify({ conversation_id: id, message_type: "note", type: "admin", admin_id: adminId(emulator), body: "Checked from the terminal." });
    const code = await runToolsCall({ config, transport: emulatorClient(emulator), name: "INTERCOM_REPLY_TO_CONVERSATION", argsJson: args, yes: true, io });
    expect(code).toBe(0);
    expect(JSON.parse(out[0] as string)).toMatchObject({ type: "conversation", id });
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    const after = audit();
    expect(after.rows).toHaveLength(1);
    const who = `cli:${userInfo().username}`;
    expect(after.rows[0]).toMatchObject({
      requesterSource: who,
      approver: who,
      decision: "approved",
      status: "ok",
      persona: "operator",
      tool: "INTERCOM_REPLY_TO_CONVERSATION",
    });
    expect(after.text).toMatch(/ok\s+operator .*INTERCOM_REPLY_TO_CONVERSATION {2}\[approved by cli:/);
    expect(after.ledger.n).toBe(1);
  });

  it("says plainly when the write failed, exits 1 and audits the failure", async () => {
    const { config, err, io, audit } = setup("cli-failed");
    const args = JSON.stringify({ conversation_id: "999999999", admin_id: adminId(emulator) });
    const code = await runToolsCall({
      config,
      transport: emulatorClient(emulator),
      name: "INTERCOM_CLOSE_CONVERSATION",
      argsJson: args,
      yes: true,
      io,
      operator: "dana",
    });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^INTERCOM_CLOSE_CONVERSATION failed: Conversation 999999999 was not found \(404\)/)]);
    expect(audit().rows[0]).toMatchObject({ requesterSource: "cli:dana", status: "failed", decision: "approved" });
  });

  it("leaves reads as they were: not gated, no ledger row", async () => {
    const { config, out, io, audit, file } = setup("cli-read");
    expect(await runToolsCall({ config, transport: emulatorClient(emulator), name: "INTERCOM_LIST_ALL_ADMINS", yes: false, io })).toBe(0);
    expect(out).toHaveLength(1);
    const db = openDatabase(file);
    expect(new WriteLedgerRepo(db).executing()).toEqual([]);
    db.close();
    expect(audit().ledger.n).toBe(0);
  });
});
