/**
 * The two evaluation contracts as a benchmark or an outside checker runs them: the compiled CLI as a child
 * process, articles in a real file, JSON lines through stdin and stdout, the exit code. Built once up front and
 * run from dist/ so an edit elsewhere in the shared tree cannot make each process rebuild first. Every wait is
 * for a process to end, never for a time.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers/temp-dir.js";

const ROOT = resolve(import.meta.dirname, "../..");
const COMPILED = join(ROOT, "dist/src/cli.js");
const PROCESS_TIMEOUT_MS = 60_000;
const BOM = "\uFEFF";

const temp = makeTempDir();
afterAll(temp.cleanup);

interface Finished {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI with `stdin` piped in; a clean environment, so no model or token from the shell leaks in. */
function cli(args: string[], stdin: string): Promise<Finished> {
  const child = spawn(process.execPath, [COMPILED, ...args], {
    cwd: temp.dir,
    env: { PATH: process.env.PATH, HOME: temp.dir, SWITCHBOARD_LOG_LEVEL: "warn" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  child.stdin.end(stdin);
  return new Promise((done) => child.on("close", (code) => done({ code, out, err })));
}

const lines = (out: string) =>
  out
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function file(name: string, text: string): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  const build = spawn(process.execPath, [join(ROOT, "scripts/build.js")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let said = "";
  build.stdout.on("data", (chunk: Buffer) => {
    said += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => build.on("close", done));
  if (code !== 0) throw new Error(`the build failed: ${said}`);
}, 120_000);

const PIN_ROW = 'kb1,Change your PIN,"To change your PIN, open Settings, then ""Security"", and tap Change PIN.",https://help.example.com/pin';

describe("a reader that stops early (CLI)", () => {
  it("kb search stops quietly when its reader leaves after the first line, with no stack trace", async () => {
    const articles = file("many.csv", ["article_id,title,body", PIN_ROW, "kb2,Lost card,Freeze a lost card in the app."].join("\n"));
    const child = spawn(process.execPath, [COMPILED, "kb", "search", "--articles", articles], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, SWITCHBOARD_LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    // Like `| head -1`: read until the first answer, then close the pipe while thousands of lines are still to come.
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.on("error", () => undefined);
    child.stdin.end(Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `q${i}`, query: "change my PIN" })).join("\n"));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(err).not.toContain("EPIPE");
    expect(err).not.toContain("at ");
    expect(code).toBe(0);
  });
});

describe("kb search --articles FILE (CLI)", () => {
  it(
    "reads a spreadsheet export: a UTF-8 BOM before a quoted header, CRLF line ends",
    async () => {
      // What Windows PowerShell's Export-Csv -Encoding UTF8 writes: a BOM, then every field quoted.
      const articles = file(
        "export.csv",
        `${BOM}"id","title","body","url"\r\n"kb1","Change your PIN","Open Settings, then tap Change PIN.","https://help.example.com/pin"\r\n"kb2","Refunds","Refunds reach your card in 5 days.","https://help.example.com/refunds"\r\n`,
      );
      const run = await cli(["kb", "search", "--articles", articles], '{"id":"q1","query":"how long until my refund reaches my card"}\n');
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      expect(lines(run.out)).toMatchObject([{ id: "q1", articles: [{ id: "kb2" }] }]);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "reads a .jsonl FILE that starts with a UTF-8 BOM",
    async () => {
      const articles = file(
        "bom.jsonl",
        `${BOM}${JSON.stringify({ id: "kb1", title: "Change your PIN", body_html: "<p>Open <b>Settings</b> and tap Change PIN.</p>", url: "https://help.example.com/pin" })}\n` +
          `${JSON.stringify({ id: "kb2", title: "Refunds", body: "Refunds reach your card in 5 days.", url: "https://help.example.com/refunds" })}\n`,
      );
      const run = await cli(["kb", "search", "--articles", articles], '{"id":"q1","query":"change my PIN in settings"}\n');
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      expect(lines(run.out)).toMatchObject([{ id: "q1", articles: [{ id: "kb1" }] }]);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "answers stdin that starts with a UTF-8 BOM (a queries file saved on Windows)",
    async () => {
      const articles = file("pin.csv", `id,title,body,url\n${PIN_ROW}\nkb2,Refunds,Refunds reach your card in 5 days.,https://help.example.com/refunds\n`);
      const run = await cli(["kb", "search", "--articles", articles], `${BOM}{"id":"q1","query":"refund to my card"}\n{"id":"q2","query":"change my PIN"}\n`);
      expect(lines(run.out)).toMatchObject([
        { id: "q1", articles: [{ id: "kb2" }] },
        { id: "q2", articles: [{ id: "kb1" }] },
      ]);
      expect(run.code).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "a line with no id, or an id that is not a string or a number, gets an error and the run exits 1",
    async () => {
      const articles = file("pin2.csv", `id,title,body,url\n${PIN_ROW}\n`);
      const run = await cli(
        ["kb", "search", "--articles", articles],
        '{"query":"change my PIN"}\n{"id":{"n":1},"query":"change my PIN"}\n{"id":7,"query":"change my PIN"}\n{"id":"q4","query":"change my PIN"}\n',
      );
      const out = lines(run.out);
      expect(out).toHaveLength(4);
      expect(out[0]).toEqual({ id: null, error: expect.stringContaining('"id"') });
      expect(out[1]).toEqual({ id: null, error: expect.stringContaining('"id"') });
      expect(out[2]).toMatchObject({ id: 7, articles: [{ id: "kb1" }] });
      expect(out[3]).toMatchObject({ id: "q4", articles: [{ id: "kb1" }] });
      expect(run.code).toBe(1);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "a FILE with a header and no articles is refused before any line is answered",
    async () => {
      for (const [name, text] of [
        ["header-only.csv", "article_id,title,body\r\n"],
        ["empty.jsonl", ""],
        ["blank.jsonl", "\n\n"],
      ] as const) {
        const run = await cli(["kb", "search", "--articles", file(name, text)], '{"id":"q1","query":"change my PIN"}\n');
        expect(run.out, name).toBe("");
        expect(run.err, name).toMatch(/no articles/);
        expect(run.code, name).toBe(1);
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "a quote that is never closed is refused, naming its line, instead of swallowing the rest of the file into one article",
    async () => {
      const articles = file(
        "unclosed.csv",
        'id,title,body,url\nkb1,Change your PIN,"To change your PIN, open Settings,https://h.example/pin\n' +
          "kb2,Refunds,Refunds take 5 days.,https://h.example/refunds\nkb3,Passwords,Reset your password from the sign-in page.,https://h.example/password\n",
      );
      const run = await cli(["kb", "search", "--articles", articles], '{"id":"q1","query":"reset my password"}\n');
      expect(run.out).toBe("");
      expect(run.err).toMatch(/line 2.*never closed/);
      expect(run.code).toBe(1);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "two articles with the same id are refused, naming both lines, instead of one silently replacing the other",
    async () => {
      const articles = file("dup.csv", `id,title,body,url\n${PIN_ROW}\nkb1,Refunds,Refunds reach your card in 5 days.,https://help.example.com/refunds\n`);
      const run = await cli(["kb", "search", "--articles", articles], '{"id":"q1","query":"change my PIN"}\n');
      expect(run.out).toBe("");
      expect(run.err).toMatch(/kb1/);
      expect(run.err).toMatch(/line 2/);
      expect(run.err).toMatch(/line 3/);
      expect(run.code).toBe(1);
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe("faq answer --articles FILE (CLI, no model)", () => {
  it(
    "never cites nor quotes an internal article, even when it is the best match",
    async () => {
      const articles = file(
        "faq.csv",
        "id,title,body,url,visibility\n" +
          'int1,Reset a PIN by hand,"Agents reset a customer PIN by hand from the back office, tool PINDESK-7.",https://internal.example.com/pin,internal\n' +
          `${PIN_ROW},public\n`,
      );
      const run = await cli(["faq", "answer", "--articles", articles], '{"id":"m1","message":"How do I reset my PIN by hand?"}\n');
      expect(run.code).toBe(0);
      const [m1] = lines(run.out);
      expect(m1).toMatchObject({ id: "m1" });
      expect(m1?.citations).not.toContain("int1");
      expect(String(m1?.answer)).not.toMatch(/PINDESK|internal\.example|back office/);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    "says on stderr that public articles with no url cannot be cited, instead of abstaining on every line in silence",
    async () => {
      const articles = file(
        "no-url.csv",
        'article_id,domain,entity_name,title,body\nhotel:1,hotel,A AND B GUEST HOUSE,Can I bring my pet to A and B Guest House?,"No, pets are not allowed."\n',
      );
      const run = await cli(["faq", "answer", "--articles", articles], '{"id":"m1","message":"Can I bring my pet to A and B Guest House?"}\n');
      expect(run.code).toBe(0);
      expect(lines(run.out)).toMatchObject([{ id: "m1", decision: "abstain", citations: [] }]);
      expect(run.err).toMatch(/1 of 1 public article.* no url/);
    },
    PROCESS_TIMEOUT_MS,
  );
});
