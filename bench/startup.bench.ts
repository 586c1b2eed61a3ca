/**
 * Start-up time of the `switchboard` command, measured as whole processes the way a person runs them: the wall
 * time from spawn to exit (or to the first output, or to the HTTP port accepting connections), median of
 * several starts. Targets: `--help` and `tools list` within 0.5 s, `npm start` listening within 2 s (with Slack
 * settings, the Slack app's HTTP port; without them, the local playground npm start opens instead).
 * The TypeScript sources through tsx are measured once for comparison (how every start ran before dist/).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join, resolve } from "node:path";
import { startFakeSlack } from "../test/fakes/fake-slack-server.js";
import { makeTempDir } from "../test/helpers/temp-dir.js";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = 7;
const SECRET = "0123456789abcdef0123456789abcdef";

interface Sample {
  /** Milliseconds from spawn to the measured moment. */
  ms: number;
  /** Peak resident memory in MB, when /usr/bin/time can tell. */
  rssMb?: number;
  /** The launcher rebuilt dist/ first (someone edited a source meanwhile): not a start-up figure, so dropped. */
  rebuilt?: boolean;
}

const REBUILT = /sources changed/;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, SWITCHBOARD_LOG_LEVEL: "warn", ...extra };
}

/** Runs a command to its exit; with /usr/bin/time present, also reads its peak RSS. */
function timeToExit(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const gnuTime = existsSync("/usr/bin/time");
  const [file, argv] = gnuTime ? ["/usr/bin/time", ["-f", "RSS_KB=%M", command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, argv as string[], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return fail(new Error(`${command} ${args.join(" ")} exited with ${code}: ${err.trim()}`));
      const rss = /RSS_KB=(\d+)/.exec(err)?.[1];
      done({ ms, rssMb: rss ? Number(rss) / 1024 : undefined, rebuilt: REBUILT.test(err) });
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as { port: number };
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((answer) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      answer(true);
    });
    socket.once("error", () => answer(false));
  });

interface StartSample {
  /** Until the first line on stdout or stderr. */
  first: number;
  /** Until PORT accepted a connection. */
  listening: number;
  rebuilt: boolean;
}

/**
 * `npm start` until PORT accepts a connection (the Slack app in HTTP mode, or, with no Slack settings, the
 * local playground it starts instead); then SIGTERM. A process that ignores the SIGTERM is killed after 10 s
 * and reported, so one bad stop cannot hang the benchmark.
 */
async function timeNpmStart(env: NodeJS.ProcessEnv, port: number): Promise<StartSample> {
  const started = performance.now();
  // Its own process group, so a signal reaches npm and the app it started alike.
  const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
  };
  let err = "";
  let first: number | undefined;
  const firstOutput = () => {
    first ??= performance.now() - started;
  };
  child.stdout.on("data", firstOutput);
  child.stderr.on("data", (chunk: Buffer) => {
    firstOutput();
    err += chunk.toString();
  });
  let exited = false;
  const closed = new Promise<void>((done) =>
    child.on("close", () => {
      exited = true;
      done();
    }),
  );
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited before it listened: ${err.trim().slice(0, 500)}`);
      if (await accepts(port)) return { first: first ?? performance.now() - started, listening: performance.now() - started, rebuilt: REBUILT.test(err) };
      await new Promise((next) => setTimeout(next, 5));
    }
  } finally {
    signal("SIGTERM");
    const killer = setTimeout(() => {
      console.log("  (a start ignored SIGTERM for 10 s and was killed)");
      signal("SIGKILL");
    }, 10_000);
    await closed;
    clearTimeout(killer);
  }
}

async function measureNpmStart(label: string, env: NodeJS.ProcessEnv, onDropped: () => void): Promise<void> {
  const samples: StartSample[] = [];
  for (let attempt = 0; samples.length < RUNS && attempt < RUNS * 3; attempt++) {
    const sample = await timeNpmStart(env, await freePort());
    if (sample.rebuilt) onDropped();
    else samples.push(sample);
  }
  report(
    `${label}: first output`,
    samples.map((s) => ({ ms: s.first })),
  );
  report(
    `${label}: PORT accepts`,
    samples.map((s) => ({ ms: s.listening })),
    2000,
  );
}

function report(label: string, samples: Sample[], targetMs?: number): void {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssMb).filter((v): v is number => v !== undefined);
  const verdict = targetMs === undefined ? "" : median(ms) <= targetMs ? `  (target ≤ ${targetMs} ms: met)` : `  (target ≤ ${targetMs} ms: NOT met)`;
  const memory = rss.length > 0 ? `, peak RSS median ${median(rss).toFixed(0)} MB` : "";
  console.log(
    `${label.padEnd(44)} median ${median(ms).toFixed(0).padStart(5)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, n=${ms.length}${memory})${verdict}`,
  );
}

export async function run(): Promise<void> {
  const build = spawnSync(process.execPath, [join(ROOT, "scripts/build.js")], { cwd: ROOT, encoding: "utf8" });
  console.log(build.stdout.trim() || build.stderr.trim());
  const { dir, cleanup } = makeTempDir("switchboard-startup-");
  const env = baseEnv({ SWITCHBOARD_DB_PATH: join(dir, "sb.db"), SWITCHBOARD_PERSONAS_FILE: join(ROOT, "data/personas.yml") });
  const slack = await startFakeSlack({ record: false });
  let dropped = 0;
  try {
    const cli = (args: string[]) => timeToExit(process.execPath, [join(ROOT, "bin/switchboard.js"), ...args], env);
    const repeat = async (times: number, once: () => Promise<Sample>) => {
      const samples: Sample[] = [];
      for (let attempt = 0; samples.length < times && attempt < times * 3; attempt++) {
        const sample = await once();
        if (sample.rebuilt) dropped++;
        else samples.push(sample);
      }
      return samples;
    };
    await cli(["--help"]); // warm the file cache, so the first sample is not an outlier
    report("switchboard --help", await repeat(RUNS, () => cli(["--help"])), 500);
    report("switchboard tools list", await repeat(RUNS, () => cli(["tools", "list"])), 500);
    report("switchboard --version", await repeat(RUNS, () => cli(["--version"])), 500);
    const tsx = (args: string[]) => timeToExit(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), ...args], env);
    report("for comparison: --help from sources via tsx", await repeat(3, () => tsx(["--help"])));
    report("for comparison: tools list via tsx", await repeat(3, () => tsx(["tools", "list"])));

    const drop = () => {
      dropped++;
    };
    await measureNpmStart("npm start, no Slack (playground)", env, drop);
    const httpEnv = { ...env, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-startup-bench", SLACK_API_URL: slack.apiUrl };
    await measureNpmStart("npm start, Slack over HTTP", httpEnv, drop);
    if (dropped > 0) console.log(`(${dropped} start(s) that first rebuilt dist/ after a source edit were left out)`);
  } finally {
    await slack.close();
    cleanup();
  }
}
