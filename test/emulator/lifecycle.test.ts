import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/emulator/types.js";
import { call, makeEmulator } from "./helpers.js";

describe("conversation lifecycle", () => {
  it("keeps state, waiting_since and statistics consistent through replies, assignment, close, reopen and snooze", async () => {
    const em = makeEmulator();
    const user = em.state.all("contacts").find((c) => c.role === "user")!;
    const admin = em.state.workspace.meAdminId;
    const t0 = Math.floor(em.clock.now() / 1000);

    const message = await call(em, "POST", "/conversations", { from: { type: "user", id: user.id }, body: "My transfer is missing" });
    expect(message.body).toMatchObject({ type: "user_message", message_type: "inapp" });
    const id = message.body.conversation_id;
    let c: Doc = (await call(em, "GET", `/conversations/${id}`)).body;
    expect(c).toMatchObject({ state: "open", open: true, waiting_since: t0, admin_assignee_id: 0 });

    em.clock.advance(600_000);
    c = (await call(em, "POST", `/conversations/${id}/parts`, { message_type: "assignment", type: "admin", admin_id: admin, assignee_id: admin })).body;
    expect(c.admin_assignee_id).toBe(Number(admin));
    expect(c.statistics).toMatchObject({ count_assignments: 1, first_assignment_at: t0 + 600, time_to_assignment: 600 });

    em.clock.advance(600_000);
    c = (await call(em, "POST", `/conversations/${id}/reply`, { message_type: "comment", type: "admin", admin_id: admin, body: "Checking" })).body;
    expect(c.waiting_since).toBeNull();
    expect(c.statistics).toMatchObject({
      first_admin_reply_at: t0 + 1200,
      last_admin_reply_at: t0 + 1200,
      time_to_admin_reply: 1200,
      median_time_to_reply: 1200,
    });

    em.clock.advance(60_000);
    c = (await call(em, "POST", `/conversations/${id}/parts`, { message_type: "note", admin_id: admin, body: "internal" })).body;
    expect(c.conversation_parts.conversation_parts.at(-1).part_type).toBe("note");
    expect(c.waiting_since).toBeNull();

    em.clock.advance(60_000);
    c = (await call(em, "POST", `/conversations/${id}/reply`, { message_type: "comment", type: "user", intercom_user_id: user.id, body: "Thanks?" })).body;
    expect(c.waiting_since).toBe(t0 + 1320);
    expect(c.statistics.last_contact_reply_at).toBe(t0 + 1320);

    em.clock.advance(60_000);
    c = (await call(em, "POST", `/conversations/${id}/parts`, { message_type: "close", type: "admin", admin_id: admin, body: "Solved" })).body;
    expect(c).toMatchObject({ state: "closed", open: false, waiting_since: null });
    expect(c.statistics).toMatchObject({ first_close_at: t0 + 1380, last_close_at: t0 + 1380, last_closed_by_id: admin, count_reopens: 0 });
    expect((await call(em, "POST", `/conversations/${id}/parts`, { message_type: "close", type: "admin", admin_id: admin })).status).toBe(400);

    em.clock.advance(60_000);
    c = (await call(em, "POST", `/conversations/${id}/parts`, { message_type: "open", admin_id: admin })).body;
    expect(c).toMatchObject({ state: "open", open: true });
    expect(c.statistics.count_reopens).toBe(1);

    const until = t0 + 86_400;
    c = (await call(em, "POST", `/conversations/${id}/parts`, { message_type: "snoozed", admin_id: admin, snoozed_until: until })).body;
    expect(c).toMatchObject({ state: "snoozed", snoozed_until: until, open: true });
    expect((await call(em, "POST", `/conversations/${id}/parts`, { message_type: "snoozed", admin_id: admin, snoozed_until: t0 })).status).toBe(400);

    await call(em, "POST", `/conversations/${id}/parts`, { message_type: "close", admin_id: admin });
    em.clock.advance(60_000);
    c = (await call(em, "POST", `/conversations/${id}/reply`, { message_type: "comment", type: "user", intercom_user_id: user.id, body: "It broke again" }))
      .body;
    expect(c).toMatchObject({ state: "open", open: true, snoozed_until: null });
    expect(c.statistics.count_reopens).toBe(2);
    expect(c.statistics.count_conversation_parts).toBe(c.conversation_parts.total_count + 1);
    expect(c.conversation_parts.conversation_parts.map((p: Doc) => p.part_type)).toEqual([
      "assignment",
      "comment",
      "note",
      "comment",
      "close",
      "open",
      "snoozed",
      "close",
      "comment",
    ]);

    const last = await call(em, "POST", "/conversations/last/reply", { message_type: "comment", type: "user", intercom_user_id: user.id, body: "hello?" });
    expect(last.body.id).toBe(id);
  });

  it("reopens a snoozed conversation by itself once snoozed_until has passed", async () => {
    const em = makeEmulator();
    const admin = em.state.workspace.meAdminId;
    const t0 = Math.floor(em.clock.now() / 1000);
    const [first, second] = em.state.all("conversations").filter((c) => c.state === "open");
    const partsBefore = second.statistics.count_conversation_parts as number;
    const snooze = (id: string, until: number) =>
      call(em, "POST", `/conversations/${id}/parts`, { message_type: "snoozed", admin_id: admin, snoozed_until: until });
    expect((await snooze(first.id, t0 + 7200)).body.state).toBe("snoozed");
    em.clock.advance(60_000);
    expect((await call(em, "GET", `/conversations/${first.id}`)).body.state).toBe("snoozed");
    // A shorter snooze set after the waker has already looked must still wake first.
    expect((await snooze(second.id, t0 + 600)).body.state).toBe("snoozed");
    em.clock.advance(600_000);
    const woken = (await call(em, "GET", `/conversations/${second.id}`)).body;
    expect(woken).toMatchObject({ state: "open", open: true, snoozed_until: null });
    const last = woken.conversation_parts.conversation_parts.at(-1);
    expect(last).toMatchObject({ part_type: "unsnoozed", created_at: t0 + 600, state: "open", author: { type: "admin", id: admin } });
    expect(woken.statistics.count_conversation_parts).toBe(partsBefore + 2);
    expect((await call(em, "GET", `/conversations/${first.id}`)).body.state).toBe("snoozed");
    em.clock.advance(7200_000);
    const snoozedLeft = await call(em, "POST", "/conversations/search", {
      query: {
        operator: "AND",
        value: [
          { field: "state", operator: "=", value: "snoozed" },
          { field: "snoozed_until", operator: "<", value: t0 + 7201 },
        ],
      },
    });
    expect(snoozedLeft.body.conversations.map((c: Doc) => c.id)).not.toContain(first.id);
    expect((await call(em, "GET", `/conversations/${first.id}`)).body).toMatchObject({ state: "open", snoozed_until: null });
  });

  it("refuses bad part requests with the right statuses", async () => {
    const em = makeEmulator();
    const id = em.state.all("conversations")[0].id;
    expect((await call(em, "POST", `/conversations/${id}/parts`, { message_type: "teleport", admin_id: em.state.workspace.meAdminId })).status).toBe(400);
    expect((await call(em, "POST", `/conversations/${id}/parts`, { message_type: "close", admin_id: "999" })).status).toBe(404);
    expect((await call(em, "POST", `/conversations/${id}/parts`, { message_type: "close" })).status).toBe(400);
    expect(
      (await call(em, "POST", "/conversations/42/reply", { message_type: "comment", type: "admin", admin_id: em.state.workspace.meAdminId, body: "x" })).status,
    ).toBe(404);
  });

  it("moves tickets through their states and records parts", async () => {
    const em = makeEmulator();
    const type = em.state.all("ticket_types").find((t) => t.category === "Customer")!;
    const user = em.state.all("contacts").find((c) => c.role === "user")!;
    const created = await call(em, "POST", "/tickets", {
      ticket_type_id: type.id,
      contacts: [{ id: user.id }],
      ticket_attributes: { _default_title_: "Card stuck" },
    });
    expect(created.body.ticket_state.category).toBe("submitted");
    const states = type.ticket_states.data as Doc[];
    const inProgress = states.find((s) => s.category === "in_progress")!;
    const resolved = states.find((s) => s.category === "resolved")!;
    const admin = em.state.workspace.meAdminId;

    const moved = await call(em, "PUT", `/tickets/${created.body.id}`, { ticket_state_id: inProgress.id, admin_id: admin, assignee_id: admin });
    expect(moved.body.ticket_state.id).toBe(inProgress.id);
    expect(moved.body.previous_ticket_state_id).toBe(created.body.ticket_state.id);
    expect(moved.body.admin_assignee_id).toBe(Number(admin));

    const reply = await call(em, "POST", `/tickets/${created.body.id}/reply`, {
      message_type: "comment",
      type: "admin",
      admin_id: admin,
      body: "Working on it",
    });
    expect(reply.body).toMatchObject({ type: "ticket_part", part_type: "comment" });

    const done = await call(em, "PUT", `/tickets/${created.body.id}`, { ticket_state_id: resolved.id, admin_id: admin });
    expect(done.body).toMatchObject({ open: false, ticket_state: { category: "resolved" } });
    const parts = done.body.ticket_parts.ticket_parts as Doc[];
    expect(parts.at(-1)).toMatchObject({ previous_ticket_state: "in_progress", ticket_state: "resolved" });
    expect((await call(em, "PUT", `/tickets/${created.body.id}`, { ticket_state_id: "nope" })).status).toBe(400);
    const reopened = await call(em, "PUT", `/tickets/${created.body.id}`, { ticket_state_id: inProgress.id, admin_id: admin });
    expect(reopened.body).toMatchObject({ open: true, ticket_state: { category: "in_progress" }, previous_ticket_state_id: resolved.id });

    expect((await call(em, "DELETE", `/tickets/${created.body.id}`)).body).toEqual({ id: created.body.id, object: "ticket", deleted: true });
    expect((await call(em, "GET", `/tickets/${created.body.id}`)).status).toBe(404);
  });
});
