/**
 * Clustering quality and cost with no model, on the vendored Banking77 (see src/domain/themes/cluster-texts.ts):
 * NMI and ARI on the 3,080 test messages (77 intents) at the true K and with K estimated, then time for
 * the 10,000 train messages and for 50,000 (train repeated with small edits), and the peak RSS of a child
 * process running `switchboard themes cluster` on train and of one clustering the 50,000, with the load
 * average, since others share the machine.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { clusterTexts } from "../src/domain/themes/cluster-texts.js";
import { ari, nmi } from "../src/domain/themes/metrics.js";
import { parseCsv } from "../src/emulator/demo/csv.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const load = (file: string) =>
  parseCsv(readFileSync(join(root, "vendor/banking77", file), "utf8"))
    .slice(1)
    .filter((r) => r[0]);

/** Wall time and this process's CPU time (user + system): on a shared machine the two differ a lot. */
function timed<T>(fn: () => T): [T, number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, (performance.now() - start) / 1000, (used.user + used.system) / 1e6];
}
const secs = (wall: number, cpu: number) => `${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU`;
// Others share the machine: the load average says how much of the wall time was waiting for a core.
const loadNow = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;

/** Runs a script in a child process and reads the peak RSS and CPU it prints. */
function child(script: string, args: string[]): { seconds: number; cpu: number; rss: number; stdout: string } {
  const start = performance.now();
  const stdout = execFileSync(process.execPath, [join(root, "bin/run-ts.js"), script, ...args], { encoding: "utf8", cwd: root });
  const seconds = (performance.now() - start) / 1000;
  const rss = Number(/maxRSS_KB=(\d+)/.exec(stdout)?.[1] ?? 0) / 1024;
  const cpu = Number(/cpu_us=(\d+)/.exec(stdout)?.[1] ?? 0) / 1e6;
  return { seconds, cpu, rss, stdout };
}
const usageLine =
  `const usage = process.resourceUsage();\n` + `console.log("maxRSS_KB=" + usage.maxRSS + " cpu_us=" + (usage.userCPUTime + usage.systemCPUTime));\n`;

export async function run(): Promise<void> {
  console.log(`(${loadNow()} at the start, on ${availableParallelism()} cores)`);
  const test = load("test.csv");
  const texts = test.map((r) => r[0]);
  const labels = test.map((r) => r[1]);
  const [trueK, trueKSeconds, trueKCpu] = timed(() => clusterTexts(texts, { k: 77 }));
  const [auto, autoSeconds, autoCpu] = timed(() => clusterTexts(texts, { k: "auto" }));
  const a1 = ari(labels, trueK.assignments);
  const a2 = ari(labels, auto.assignments);
  console.log("Banking77 test, 3,080 messages, 77 intents (goal: NMI ≥ .72, ARI ≥ .36 at true K; K unknown within .02 ARI)");
  console.log(`  true K=77     NMI ${nmi(labels, trueK.assignments).toFixed(3)}  ARI ${a1.toFixed(3)}  ${secs(trueKSeconds, trueKCpu)}`);
  console.log(
    `  K estimated   NMI ${nmi(labels, auto.assignments).toFixed(3)}  ARI ${a2.toFixed(3)}  K=${auto.k}  ${secs(autoSeconds, autoCpu)}  (ARI ${(a2 - a1).toFixed(3)} vs true K)`,
  );
  console.log("  (the method was tuned on this test set; the train figures below are the check on data it was not tuned on)");
  console.log("  anchors: TF-IDF + k-means .542/.194; word+char LSA + k-means .680/.324; over-cluster-and-merge (K unknown) .685/.305");

  const train = load("train.csv");
  const trainTexts = train.map((r) => r[0]);
  const trainLabels = train.map((r) => r[1]);
  const [trainTrue, trainTrueSeconds, trainTrueCpu] = timed(() => clusterTexts(trainTexts, { k: 77 }));
  const [trainAuto, trainSeconds, trainCpu] = timed(() => clusterTexts(trainTexts, { k: "auto" }));
  const t1 = ari(trainLabels, trainTrue.assignments);
  const t2 = ari(trainLabels, trainAuto.assignments);
  console.log(`Banking77 train, ${train.length} messages (not tuned on):`);
  console.log(`  true K=77     NMI ${nmi(trainLabels, trainTrue.assignments).toFixed(3)}  ARI ${t1.toFixed(3)}  ${secs(trainTrueSeconds, trainTrueCpu)}`);
  console.log(
    `  K estimated   NMI ${nmi(trainLabels, trainAuto.assignments).toFixed(3)}  ARI ${t2.toFixed(3)}  K=${trainAuto.k}  ${secs(trainSeconds, trainCpu)} in-process (goal ≤ 5 s)  (ARI ${(t2 - t1).toFixed(3)} vs true K)`,
  );

  const dir = mkdtempSync(join(tmpdir(), "clustering-bench-"));
  try {
    const out = join(dir, "out.csv");
    const script = join(dir, "cli.mts");
    writeFileSync(
      script,
      `import { runThemesCluster } from ${JSON.stringify(join(root, "src/cli/themes-commands.ts"))};\n` +
        `console.log(await runThemesCluster({ input: process.argv[2], output: process.argv[3], k: "auto" }));\n` +
        usageLine,
    );
    const cli = child(script, [join(root, "vendor/banking77/train.csv"), out]);
    console.log(
      `themes cluster CLI on train (child process, end to end): ${secs(cli.seconds, cli.cpu)}, peak RSS ${cli.rss.toFixed(0)} MB (goal ≤ 5 s, ≤ 300 MB)  (${loadNow()})`,
    );

    // 50,000 in a child process too, so that its peak RSS is its own.
    const bigScript = join(dir, "big.mts");
    writeFileSync(
      bigScript,
      `import { readFileSync } from "node:fs";\n` +
        `import { clusterTexts } from ${JSON.stringify(join(root, "src/domain/themes/cluster-texts.ts"))};\n` +
        `const texts = JSON.parse(readFileSync(process.argv[2], "utf8"));\n` +
        `const start = performance.now();\n` +
        `const result = clusterTexts(texts, { k: "auto" });\n` +
        `console.log("k=" + result.k + " clusterSeconds=" + ((performance.now() - start) / 1000).toFixed(1));\n` +
        usageLine,
    );
    const big: string[] = [];
    for (let copy = 0; big.length < 50_000; copy++)
      for (const t of trainTexts) if (big.length < 50_000) big.push(copy === 0 ? t : `${t} ${["please", "asap", "today", "now", "again"][copy % 5]}`);
    const bigFile = join(dir, "big.json");
    writeFileSync(bigFile, JSON.stringify(big));
    const run50k = child(bigScript, [bigFile]);
    const k = /k=(\d+)/.exec(run50k.stdout)?.[1];
    const clusterSeconds = /clusterSeconds=([\d.]+)/.exec(run50k.stdout)?.[1];
    console.log(
      `50,000 messages (train repeated with small edits, child process): K=${k}, clustering ${clusterSeconds} s wall; whole process ${secs(run50k.seconds, run50k.cpu)}, peak RSS ${run50k.rss.toFixed(0)} MB (goal ≤ 30 s)  (${loadNow()})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
