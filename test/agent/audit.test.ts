import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatAuditRows, parseSince, resolveToolName } from "../../src/cli/audit-commands.js";
import { isAppError } from "../../src/errors.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

describe("audit log", () => {
  it("redacts secrets and trims results before writing, and filters by time, persona and tool", () => {
    const db = openDatabase(join(temp.dir, "audit.db"));
    const log = new AuditLog(db);
    const base = { requesterSource: "slack", requesterUser: "U0ALICE01", runId: "run_1", prompt: "use key sk-abcdefghijklmnop123", decision: "auto" as const };
    log.record({
      ...base,
      at: 1_000,
      persona: "support",
      tool: "INTERCOM_GET_CONVERSATION",
      args: { conversation_id: "1", access_token: "secret-value" },
      result: { text: "x".repeat(10_000) },
      status: "ok",
      latencyMs: 12.6,
    });
    log.record({ ...base, at: 2_000, persona: "analyst", tool: "INTERCOM_LIST_ALL_TAGS", args: {}, result: "Bearer abcdefghijklmnop", status: "failed" });
    log.record({
      ...base,
      at: 3_000,
      persona: "support",
      tool: "INTERCOM_REPLY_TO_CONVERSATION",
      args: { body: "hi" },
      decision: "approved",
      approver: "U0BOSS001",
      status: "ok",
    });

    const all = log.recent();
    expect(all.map((r) => r.at)).toEqual([3_000, 2_000, 1_000]);
    const first = all[2];
    expect(first?.args).toEqual({ conversation_id: "1", access_token: "[redacted]" });
    expect(first?.prompt).toBe("use key [redacted]");
    expect(first?.result?.length).toBeLessThan(4_100);
    expect(first?.result).toMatch(/more characters\]$/);
    expect(first?.latencyMs).toBe(13);
    expect(all[1]?.result).toBe("Bearer [redacted]");
    expect(log.recent({ since: 2_000 }).map((r) => r.at)).toEqual([3_000, 2_000]);
    expect(log.recent({ persona: "support" }).map((r) => r.tool)).toEqual(["INTERCOM_REPLY_TO_CONVERSATION", "INTERCOM_GET_CONVERSATION"]);
    expect(log.recent({ tool: "INTERCOM_LIST_ALL_TAGS" })).toHaveLength(1);
    expect(log.recent({ limit: 1 })).toHaveLength(1);
    expect(formatAuditRows(log.recent({ limit: 1 }))).toMatch(/ok .*support .*U0ALICE01 .*INTERCOM_REPLY_TO_CONVERSATION +\[approved by U0BOSS001\]/);
    // The table names the run, so a row can be matched to the run's log lines.
    const withRun = log.recent({ limit: 1 })[0]!;
    expect(formatAuditRows([withRun])).toContain(String(withRun.runId));
    db.close();
  });

  it("reads --since as a duration or a date, and --tool as a name or a title", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(parseSince("1h", now)).toBe(now - 3_600_000);
    expect(parseSince("30m", now)).toBe(now - 1_800_000);
    expect(parseSince("2d", now)).toBe(now - 2 * 86_400_000);
    expect(parseSince("2026-11-24T09:00:00Z", now)).toBe(Date.parse("2026-11-24T09:00:00Z"));
    expect(
      isAppError(
        (() => {
          try {
            parseSince("soon", now);
          } catch (e) {
            return e;
          }
        })(),
        "USAGE",
      ),
    ).toBe(true);
    expect(resolveToolName("Reply to conversation")).toBe("INTERCOM_REPLY_TO_CONVERSATION");
    expect(resolveToolName("intercom_list_all_tags")).toBe("INTERCOM_LIST_ALL_TAGS");
  });
});
