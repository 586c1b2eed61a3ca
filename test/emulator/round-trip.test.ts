import { describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers/temp-dir.js";
import { call, makeEmulator, smallWorkspace } from "./helpers.js";

describe("writes round-trip", () => {
  it("creates, reads, finds, updates and deletes a contact; then 404s with an error body", async () => {
    const em = makeEmulator();
    const created = await call(em, "POST", "/contacts", {
      role: "user",
      email: "round.trip@example.com",
      name: "Round Trip",
      custom_attributes: { plan: "vip" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: "contact", email: "round.trip@example.com", role: "user" });
    expect(typeof created.body.id).toBe("string");
    expect(created.body.created_at).toBe(Math.floor(em.clock.now() / 1000));

    const read = await call(em, "GET", `/contacts/${created.body.id}`);
    expect(read.body.name).toBe("Round Trip");

    const found = await call(em, "POST", "/contacts/search", { query: { field: "email", operator: "=", value: "round.trip@example.com" } });
    expect(found.body.total_count).toBe(1);
    expect(found.body.data[0].id).toBe(created.body.id);

    const updated = await call(em, "PUT", `/contacts/${created.body.id}`, { name: "Renamed", custom_attributes: { tier: "gold" } });
    expect(updated.body.custom_attributes).toMatchObject({ plan: "vip", tier: "gold" });

    const duplicate = await call(em, "POST", "/contacts", { role: "user", email: "round.trip@example.com" });
    expect(duplicate.status).toBe(409);
    const badRole = await call(em, "POST", "/contacts", { role: "wizard", email: "merlin@example.com" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "role" });
    expect((await call(em, "PUT", `/contacts/${created.body.id}`, { role: "admin" })).status).toBe(400);
    expect((await call(em, "GET", `/contacts/${created.body.id}`)).body.role).toBe("user");

    const deleted = await call(em, "DELETE", `/contacts/${created.body.id}`);
    expect(deleted.body).toEqual({ type: "contact", id: created.body.id, external_id: null, deleted: true });

    const gone = await call(em, "GET", `/contacts/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ type: "error.list", errors: [{ code: "not_found" }] });
    expect(typeof gone.body.request_id).toBe("string");
    expect((await call(em, "POST", "/contacts/search", { query: { field: "email", operator: "=", value: "round.trip@example.com" } })).body.total_count).toBe(
      0,
    );
  });

  it("keeps a company, its contacts and tags consistent", async () => {
    const em = makeEmulator();
    const company = await call(em, "POST", "/companies", { company_id: "c-1", name: "One" });
    const again = await call(em, "POST", "/companies", { company_id: "c-1", name: "One Renamed" });
    expect(again.body.id).toBe(company.body.id);
    expect(again.body.name).toBe("One Renamed");
    const contact = (await call(em, "POST", "/contacts", { email: "member@example.com" })).body;
    const attached = await call(em, "POST", `/contacts/${contact.id}/companies`, { id: company.body.id });
    expect(attached.body.user_count).toBe(1);
    expect((await call(em, "GET", `/companies/${company.body.id}/contacts`)).body.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    const tag = (await call(em, "POST", "/tags", { name: "round-trip-tag" })).body;
    await call(em, "POST", `/contacts/${contact.id}/tags`, { id: tag.id });
    expect((await call(em, "DELETE", `/tags/${tag.id}`)).status).toBe(400);
    await call(em, "DELETE", `/contacts/${contact.id}/tags/${tag.id}`);
    expect((await call(em, "DELETE", `/tags/${tag.id}`)).status).toBe(200);
    expect((await call(em, "GET", `/tags/${tag.id}`)).status).toBe(404);
  });

  it("puts contacts in the segments whose rule they meet, and nowhere else", async () => {
    const em = makeEmulator();
    const segments = (await call(em, "GET", "/segments?include_count=true")).body.segments as { id: string; name: string; count: number }[];
    const byName = Object.fromEntries(segments.map((s) => [s.name, s]));
    const vips = em.state.all("contacts").filter((c) => c.custom_attributes?.plan === "vip");
    expect(vips.length).toBeGreaterThan(0);
    const found = await call(em, "POST", "/contacts/search", {
      query: { field: "segment_id", operator: "=", value: byName["VIP customers"].id },
      pagination: { per_page: 150 },
    });
    expect(found.body.data.map((c: { id: string }) => c.id).sort()).toEqual(vips.map((c) => c.id).sort());
    expect(found.body.total_count).toBe(byName["VIP customers"].count);
    const leads = await call(em, "POST", "/contacts/search", { query: { field: "segment_id", operator: "=", value: byName["New leads"].id } });
    expect(leads.body.total_count).toBe(em.state.all("contacts").filter((c) => c.role === "lead").length);
    const own = (await call(em, "GET", `/contacts/${vips[0].id}/segments`)).body.data as Record<string, unknown>[];
    const names = own.map((s) => s.name);
    expect(names).toContain("VIP customers");
    expect(names).not.toContain("New leads");
    // Active and slipping away are opposite rules: nobody is in both.
    expect(names.includes("Active users") && names.includes("Slipping away")).toBe(false);
    expect(own.every((s) => Object.keys(s).every((key) => !key.startsWith("_")))).toBe(true);
  });

  it("is deterministic for a seed", async () => {
    const a = makeEmulator();
    const b = makeEmulator();
    const listA = await call(a, "GET", "/conversations?per_page=50");
    const listB = await call(b, "GET", "/conversations?per_page=50");
    expect(listA.body).toEqual(listB.body);
    const createdA = await call(a, "POST", "/contacts", { email: "same@example.com" });
    const createdB = await call(b, "POST", "/contacts", { email: "same@example.com" });
    expect(createdA.body.id).toBe(createdB.body.id);
  });

  it("persists to a SQLite file and restores it on restart", async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const dbFile = `${dir}/emulator.db`;
      const first = makeEmulator({ dbFile });
      const created = await call(first, "POST", "/contacts", { email: "persisted@example.com" });
      const conversation = first.state.all("conversations")[0];
      await call(first, "POST", `/conversations/${conversation.id}/parts`, { message_type: "close", type: "admin", admin_id: first.state.workspace.meAdminId });
      const countBefore = first.state.count("conversations");
      await first.close();

      // A different workspace is offered; the file's content must win.
      const second = makeEmulator({ dbFile, workspace: { ...smallWorkspace(), conversations: [] } });
      expect(second.state.count("conversations")).toBe(countBefore);
      expect((await call(second, "GET", `/contacts/${created.body.id}`)).body.email).toBe("persisted@example.com");
      expect((await call(second, "GET", `/conversations/${conversation.id}`)).body.state).toBe("closed");
      const next = await call(second, "POST", "/contacts", { email: "after-restart@example.com" });
      expect(next.body.id).not.toBe(created.body.id);
      await call(second, "DELETE", `/contacts/${created.body.id}`);
      await second.close();

      const third = makeEmulator({ dbFile });
      expect((await call(third, "GET", `/contacts/${created.body.id}`)).status).toBe(404);
      await third.close();
    } finally {
      cleanup();
    }
  });
});
