/**
 * The way it failed, in the suite: the app as a child process is SIGKILLed at spread-out moments of an Approve
 * click and of an @-mention, restarted on the same database, and sent Slack's retry. Whatever moment the kill
 * landed on: no approved write lost (sent once, or reported uncertain to the person), none sent twice, every
 * run finished, every write audited, the card and the thread show the outcome, and every mention answered once
 * (or told to ask again) with no working message left stale. The full 20 + 20 kill points run in
 * `npm run bench -- kill`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApproveFindings, KillRig, killPoints, type MentionFindings, summarize } from "./kill-rig.js";

const POINTS = 4;
let rig: KillRig;

beforeAll(async () => {
  rig = await KillRig.start();
}, 180_000);
afterAll(async () => {
  await rig?.close();
});

describe("SIGKILL at spread-out points, restart, Slack's retry", () => {
  it("an Approve click: 0 lost, 0 sent twice, runs finished, writes audited, card and thread show the outcome", async () => {
    const span = await rig.measure("approve");
    const findings: ApproveFindings[] = [];
    for (const delay of killPoints(POINTS, span)) findings.push(await rig.approveScenario(delay));
    const summary = summarize(findings);
    expect(summary, JSON.stringify(findings, null, 1)).toMatchObject({
      approvals: POINTS,
      approvalsLost: 0,
      approvalsDuplicated: 0,
      approvalRunsUnfinished: 0,
      approvalsUnaudited: 0,
      cardsWithoutOutcome: 0,
      threadsWithoutOutcome: 0,
    });
  }, 300_000);

  it("an @-mention: answered once after the restart (or told to ask again), its runs finished, no stale working message", async () => {
    const span = await rig.measure("mention");
    const findings: MentionFindings[] = [];
    for (const delay of killPoints(POINTS, span)) findings.push(await rig.mentionScenario(delay));
    expect(summarize(findings), JSON.stringify(findings, null, 1)).toMatchObject({
      mentions: POINTS,
      mentionsLost: 0,
      mentionsAnsweredTwice: 0,
      mentionRunsUnfinished: 0,
      mentionsWithStaleWorking: 0,
    });
  }, 300_000);
});
