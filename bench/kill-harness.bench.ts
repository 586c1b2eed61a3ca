/**
 * `npm run bench -- kill`: the SIGKILL harness at full size. The app runs as a child process; it is killed at 20
 * evenly spread moments of an Approve click and 20 of an @-mention (from 0 ms to the time an undisturbed run
 * takes), restarted on the same database and sent Slack's retry. Prints what was lost, duplicated or left
 * unfinished (all should be 0) and how long restarts took.
 */
import { type ApproveFindings, KillRig, killPoints, type MentionFindings, summarize } from "../test/durability/kill-rig.js";

const POINTS = 20;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function run(): Promise<void> {
  const rig = await KillRig.start();
  try {
    const approveSpan = await rig.measure("approve");
    const mentionSpan = await rig.measure("mention");
    console.log(`undisturbed: approve click → idle ${approveSpan} ms; mention → idle ${mentionSpan} ms`);
    const approvals: ApproveFindings[] = [];
    for (const delay of killPoints(POINTS, approveSpan)) approvals.push(await rig.approveScenario(delay));
    const mentions: MentionFindings[] = [];
    for (const delay of killPoints(POINTS, mentionSpan)) mentions.push(await rig.mentionScenario(delay));
    const summary = summarize([...approvals, ...mentions]);
    for (const [name, value] of Object.entries(summary)) console.log(`${name.padEnd(24)} ${value}`);
    const ledger = new Map<string, number>();
    for (const f of approvals) ledger.set(f.ledger ?? "none", (ledger.get(f.ledger ?? "none") ?? 0) + 1);
    console.log(`approved writes by ledger outcome: ${[...ledger].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    const settledBy = new Map<string, number>();
    for (const f of approvals) settledBy.set(f.settledBy ?? "none", (settledBy.get(f.settledBy ?? "none") ?? 0) + 1);
    console.log(`approved writes settled by: ${[...settledBy].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    console.log(`mentions told to ask again: ${mentions.filter((m) => m.toldToAskAgain).length}`);
    console.log(`app restarts: ${rig.startTimesMs.length}, start to ready median ${median(rig.startTimesMs)} ms, max ${Math.max(...rig.startTimesMs)} ms`);
    const bad = approvals.filter((f) => f.sent !== 1 || f.unfinishedRuns > 0 || !f.cardShowsOutcome || !f.threadShowsOutcome || f.auditRows === 0);
    for (const f of bad) console.log(`  approve kill at ${f.delayMs} ms: ${JSON.stringify(f)}`);
    for (const f of mentions.filter((m) => m.answers !== 1 || m.unfinishedRuns > 0 || m.staleWorking > 0 || m.answerWrites > 1))
      console.log(`  mention kill at ${f.delayMs} ms: ${JSON.stringify(f)}`);
  } finally {
    await rig.close();
  }
}
