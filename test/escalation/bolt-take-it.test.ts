/**
 * Take it through the whole app: the escalation card posted by the sweep job, then signed block_actions
 * requests into the real Bolt HTTP receiver, the teammate found by the clicker's Slack email, the assignment
 * made once in the emulator and the clicker told privately.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { buttonClick } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "../slack/harness.js";
import { APPROVER, OTHER, partsOfType, testPersonas } from "../slack/support.js";

const CHANNEL = "CSUPPORT";
// The harness's emulator is the seed-7 demo workspace; its team does not depend on the clock.
const ADMIN = generateDemoWorkspace({ seed: 7, conversations: 0, now: 1_764_000_000 }).admins[0] as { id: string; email: string; name: string };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Block = { type: string; elements?: { action_id?: string; value?: string }[] };

describe("escalation Take it over signed Slack requests", () => {
  it("assigns the conversation once to the clicker's teammate, refuses a non-approver, and says so privately", async () => {
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_SUPPORT_CHANNEL: CHANNEL, SWITCHBOARD_ESCALATION_MAX_ALERTS: "50" },
      fakeSlack: { users: { [APPROVER]: { email: ADMIN.email }, [OTHER]: { email: ADMIN.email } } },
    });
    const emulator = h.emulator!;
    const created = emulator.simulate("conversation", {
      body: "This is unacceptable. You charged me twice and I am disputing it with my bank.",
    }) as { id: string };
    await h.app.jobs.run("escalation-sweep");

    const card = h.slack.calls.find((c) => c.method === "chat.postMessage" && String(c.args.text).includes(`conversation ${created.id}:`));
    expect(card?.args.channel).toBe(CHANNEL);
    const blocks = card?.args.blocks as Block[];
    const take = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "escalation_take");
    expect(take?.value).toBeTruthy();
    const click = (userId: string) =>
      buttonClick({ actionId: "escalation_take", value: String(take?.value), userId, channel: CHANNEL, messageTs: String(card?.result?.ts), blocks });
    const ephemerals = () => h!.slack.callsTo("chat.postEphemeral");

    // Not an approver of the support persona: refused, nothing assigned.
    expect((await h.send(click(OTHER))).status).toBe(200);
    await h.slack.waitFor(() => ephemerals().length === 1);
    expect(ephemerals()[0]?.args).toMatchObject({ channel: CHANNEL, user: OTHER });
    expect(String(ephemerals()[0]?.args.text)).toMatch(/not one of the approvers/);
    expect(partsOfType(emulator, created.id, "assignment")).toHaveLength(0);

    // Two clicks from the approver: one assignment, and the second is told who already took it.
    const [first, second] = await Promise.all([h.send(click(APPROVER)), h.send(click(APPROVER))]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.slack.waitFor(() => ephemerals().length === 3);
    const texts = ephemerals()
      .slice(1)
      .map((c) => String(c.args.text));
    expect(texts.filter((t) => t === `Taken by <@${APPROVER}>: assigned to ${ADMIN.name} in Intercom.`)).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith(`Nothing changed: this alert is already taken by <@${APPROVER}>`))).toHaveLength(1);
    const assignments = partsOfType(emulator, created.id, "assignment");
    expect(assignments).toHaveLength(1);
    expect((assignments[0]?.assigned_to as { id?: string } | undefined)?.id).toBe(ADMIN.id);

    // The card itself now says who took it.
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.update" && JSON.stringify(c.args.blocks ?? []).includes(`Taken by <@${APPROVER}>`)));
  });
});
