/** Ids Intercom lists as strings ("7400101") but takes as integers are accepted either way and sent as numbers. */
import { describe, expect, it } from "vitest";
import { allTools } from "../../tools/index.js";
import { buildToolRequest } from "../../tools/request.js";

const tool = (name: string) => {
  const found = allTools.find((t) => t.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
};

function bodyFor(name: string, args: Record<string, unknown>) {
  const t = tool(name);
  return buildToolRequest(t, t.input.parse(args) as Record<string, unknown>).body;
}

describe("integer ids given as strings", () => {
  it("creates a help-center section with the collection id copied from List all collections", () => {
    expect(bodyFor("INTERCOM_CREATE_HELP_CENTER_SECTION", { name: "Cards", parent_id: "6871119" })).toEqual({ name: "Cards", parent_id: 6871119 });
  });

  it("creates an article with the admin id copied from List all admins", () => {
    expect(bodyFor("INTERCOM_CREATE_AN_ARTICLE", { title: "Freeze a card", author_id: "7400101", parent_id: "12" })).toMatchObject({
      author_id: 7400101,
      parent_id: 12,
    });
  });

  it("creates an internal article with author and owner ids as strings", () => {
    expect(bodyFor("INTERCOM_CREATE_INTERNAL_ARTICLE", { title: "Refund policy", author_id: "7400101", owner_id: "7400102" })).toMatchObject({
      author_id: 7400101,
      owner_id: 7400102,
    });
  });

  it("still refuses an id that is not a number", () => {
    expect(tool("INTERCOM_CREATE_HELP_CENTER_SECTION").input.safeParse({ name: "Cards", parent_id: "cards" }).success).toBe(false);
  });
});
