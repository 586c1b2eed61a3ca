import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { APPROVER, assignmentsOf, blocksText, CHANNEL, type Doc, NO_MATCH, OUTSIDER, posts, type Rig, startRig } from "./support.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

const ANGRY = "This is unacceptable. You charged me twice for my rent payment and I am disputing it with my bank. Fix it today or I'm cancelling my account.";

describe("escalation end to end: emulator webhooks → inbox handler → Slack card → buttons", () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it("an angry customer gets one alert per episode with a briefing, and Take it assigns once to the matching teammate", async () => {
    rig = await startRig(temp.dir);
    const contact = rig.emulator.state.all("contacts").find((c) => (c as Doc).email) as Doc;
    const created = rig.emulator.simulate("conversation", { contact: String(contact.id), body: ANGRY });
    await rig.settle();

    const cards = posts(rig);
    expect(cards).toHaveLength(1);
    const card = cards[0] as (typeof cards)[number];
    expect(card.args.text).toBe(`Escalation on conversation ${created.id}: Angry customer, Churn risk, Payment dispute`);
    const blocks = blocksText(card);
    expect(blocks).toContain("escalation_take");
    expect(blocks).toContain(`inbox/conversation/${created.id}`);
    // The briefing names the customer and what they want, but never their email.
    expect(blocks).toContain(String(contact.name));
    expect(blocks).not.toContain(String(contact.email));
    expect(blocks).toMatch(/Escalated now: angry customer/);

    // Their next angry message in the same episode posts no second alert.
    rig.emulator.simulate("reply", { conversationId: String(created.id), body: "Hello?? Still nothing. Ridiculous." });
    await rig.settle();
    expect(posts(rig)).toHaveLength(1);

    const alert = rig.deps.alerts.latestFor(String(created.id));
    expect(alert).toMatchObject({ status: "open", channel: CHANNEL });

    // Someone whose Slack email matches no teammate is told so, and nothing changes.
    const noMatch = await rig.decisions.take(alert?.id as number, { slackUserId: NO_MATCH });
    expect(noMatch.text).toMatch(/matches no Intercom teammate/);
    expect(assignmentsOf(rig, String(created.id))).toHaveLength(0);

    // Not an approver: refused, nothing changes.
    const outsider = await rig.decisions.take(alert?.id as number, { slackUserId: OUTSIDER });
    expect(outsider.text).toMatch(/not one of the approvers/);

    // Two clicks at once make one assignment.
    const [first, second] = await Promise.all([
      rig.decisions.take(alert?.id as number, { slackUserId: APPROVER }),
      rig.decisions.take(alert?.id as number, { slackUserId: APPROVER }),
    ]);
    const texts = [first.text, second.text];
    expect(texts.filter((t) => t.startsWith("Taken by"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("Nothing changed: this alert is already taken by <@UAPPROVER1>"))).toHaveLength(1);
    const assignments = assignmentsOf(rig, String(created.id));
    expect(assignments).toHaveLength(1);
    expect((assignments[0]?.assigned_to as Doc | undefined)?.id).toBe(String(rig.admin.id));
    expect(rig.deps.alerts.get(alert?.id as number)).toMatchObject({ status: "taken", takenBy: APPROVER, takenAdmin: String(rig.admin.id) });

    // The card says who took it, and the click is audited with who approved it.
    const update = rig.slack.callsTo("chat.update").at(-1);
    expect(blocksText(update as never)).toContain("Taken by <@UAPPROVER1>");
    const row = rig.audit.recent({ tool: "INTERCOM_ASSIGN_CONVERSATION" })[0];
    expect(row).toMatchObject({ decision: "approved", approver: APPROVER, status: "ok" });
  });

  it("a calm question raises nothing", async () => {
    rig = await startRig(temp.dir);
    rig.emulator.simulate("conversation", { body: "Hi, how do I change the PIN on my card?" });
    await rig.settle();
    expect(posts(rig)).toHaveLength(0);
  });

  it("with a model, a reason the rules cannot read is added from the customer's own words; without one, nothing is raised", async () => {
    const body = "계좌를 해지하고 다른 은행으로 옮기겠습니다.";
    rig = await startRig(temp.dir);
    rig.emulator.simulate("conversation", { body });
    await rig.settle();
    expect(posts(rig)).toHaveLength(0);
    await rig.close();

    const model = new ScriptedChatModel([say(JSON.stringify({ reasons: [{ code: "churn_risk", quote: "다른 은행으로 옮기겠습니다" }] }))]);
    rig = await startRig(temp.dir, { judgeModel: model });
    const created = rig.emulator.simulate("conversation", { body });
    await rig.settle();
    const cards = posts(rig);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.args.text).toBe(`Escalation on conversation ${created.id}: Churn risk`);
    expect(model.calls).toHaveLength(1);
  });

  it("a new reason in the same episode updates the card and says what changed; a teammate reply ends the episode", async () => {
    rig = await startRig(temp.dir);
    const created = rig.emulator.simulate("conversation", { body: "This is unacceptable, my card has been blocked for a week." });
    await rig.settle();
    expect(posts(rig)).toHaveLength(1);
    rig.emulator.simulate("reply", { conversationId: String(created.id), body: "If this is not fixed I will take legal action." });
    await rig.settle();
    expect(posts(rig)).toHaveLength(1);
    const update = rig.slack.callsTo("chat.update").at(-1);
    expect(blocksText(update as never)).toContain("New since this card was posted: Legal threat");

    const admin = String(rig.admin.id);
    await fetch(`${rig.emulator.url}/conversations/${created.id}/reply`, {
      method: "POST",
      headers: { Authorization: `Bearer ${rig.emulator.token}`, "Content-Type": "application/json", "Intercom-Version": "2.16" },
      body: JSON.stringify({ type: "admin", admin_id: admin, message_type: "comment", body: "I'm so sorry, I've unblocked it now." }),
    });
    await rig.settle();
    expect(rig.deps.alerts.latestFor(String(created.id))?.status).toBe("ended");

    // The customer's next angry message starts a new episode, which gets its own card.
    rig.emulator.simulate("reply", { conversationId: String(created.id), body: "It's blocked AGAIN. This is a disgrace." });
    await rig.settle();
    expect(posts(rig)).toHaveLength(2);
  });

  it("customer text on the card cannot ping, mention or link", async () => {
    rig = await startRig(temp.dir);
    // Intercom stores what a customer typed as escaped HTML, so "<!channel>" arrives as &lt;!channel&gt;.
    rig.emulator.simulate("conversation", { body: "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; this is unacceptable" });
    await rig.settle();
    const blocks = blocksText(posts(rig)[0] as never);
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).not.toContain("<@U123>");
    expect(blocks).not.toContain("<https://evil.example");
    expect(blocks).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(posts(rig)[0]?.args.text)).not.toContain("!channel");
  });

  it("a snoozed alert comes back when its time is up, and Close is refused before a teammate reply", async () => {
    rig = await startRig(temp.dir);
    const created = rig.emulator.simulate("conversation", { body: "Someone has logged into my account and changed my password!" });
    await rig.settle();
    const alert = rig.deps.alerts.latestFor(String(created.id));
    const close = await rig.decisions.close(alert?.id as number, { slackUserId: APPROVER });
    expect(close.text).toMatch(/no teammate reply yet/);
    const snoozed = await rig.decisions.snooze(alert?.id as number, "1h", { slackUserId: APPROVER });
    expect(snoozed.text).toMatch(/^Snoozed until/);
    expect((await rig.workflow.sweep()).summary).not.toMatch(/back from snooze/);
    rig.clock.now += 61 * 60_000;
    const later = await rig.workflow.sweep();
    expect(later.summary).toMatch(/1 back from snooze/);
    expect(rig.deps.alerts.get(alert?.id as number)?.status).toBe("open");
    expect(posts(rig).filter((p) => String(p.args.text).includes(String(created.id)))).toHaveLength(2);
  });
});

describe("escalation sweep over the demo workspace", () => {
  it("finds angry, long-waiting, VIP-waiting and reopened conversations and posts at most N, highest scores first", async () => {
    const rig = await startRig(temp.dir, { seed: 42, conversations: 2000, maxAlerts: 2 });
    try {
      const first = await rig.workflow.sweep();
      const kinds = new Set(first.found.flatMap((f) => f.reasons));
      for (const kind of ["angry_customer", "long_wait", "vip_waiting", "repeated_reopen"]) expect(kinds, kind).toContain(kind);
      expect(first.found.length).toBeGreaterThan(2);
      expect(first.posted).toHaveLength(2);
      expect(first.summary).toMatch(/^posted 2 alerts from \d+ waiting conversations, \d+ more held back by the limit of 2/);
      expect((first.posted[0]?.score ?? 0) >= (first.posted[1]?.score ?? 0)).toBe(true);
      expect(posts(rig)).toHaveLength(2);
      // The next sweep posts the next ones, never the same episode twice.
      const second = await rig.workflow.sweep();
      const ids = [...first.posted, ...second.posted].map((a) => a.conversationId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await rig.close();
    }
  });
});
