import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDays, parseK, runThemesCluster } from "../../src/cli/themes-commands.js";
import { parseCsv } from "../../src/emulator/demo/csv.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

describe("switchboard themes cluster", () => {
  it("writes id,cluster,label with one row per input row, ids from the file or row numbers", async () => {
    const source = parseCsv(readFileSync(new URL("../../vendor/banking77/test.csv", import.meta.url), "utf8"))
      .slice(1)
      .filter((r) => ["card_arrival", "exchange_rate", "pin_blocked"].includes(r[1]));
    const input = join(temp.dir, "in.csv");
    writeFileSync(input, `id,text\n${source.map((r, i) => `m${i},"${r[0].replace(/"/g, '""')}"`).join("\n")}\n`);
    const output = join(temp.dir, "out.csv");
    const line = await runThemesCluster({ input, output, k: 3 });
    expect(line).toMatch(/^Clustered 120 rows into 3 themes/);
    const rows = parseCsv(readFileSync(output, "utf8")).filter((r) => r.length > 1);
    expect(rows[0]).toEqual(["id", "cluster", "label"]);
    expect(rows).toHaveLength(121);
    expect(rows[1][0]).toBe("m0");
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(["1", "2", "3"]));
  });

  it("explains bad input in plain words", async () => {
    const noText = join(temp.dir, "bad.csv");
    writeFileSync(noText, "id,body\n1,hello\n");
    await expect(runThemesCluster({ input: noText, output: join(temp.dir, "x.csv"), k: "auto" })).rejects.toThrow(/needs a header row with a "text" column/);
    await expect(runThemesCluster({ input: join(temp.dir, "missing.csv"), output: join(temp.dir, "x.csv"), k: "auto" })).rejects.toThrow(/Cannot read --input/);
    expect(() => parseK("0")).toThrow(/whole number of themes/);
    expect(parseK("AUTO")).toBe("auto");
    expect(() => parseDays("400")).toThrow(/from 1 to 90/);
  });
});
