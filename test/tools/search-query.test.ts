import { describe, expect, it } from "vitest";
import { allTools } from "../../tools/index.js";

const search = allTools.find((t) => t.name === "INTERCOM_SEARCH_CONVERSATIONS")!;

describe("search query input", () => {
  it("accepts a single bare condition, as Intercom does", () => {
    expect(search.input.safeParse({ query: { field: "state", operator: "=", value: "open" } }).success).toBe(true);
  });

  it("accepts two levels of groups and refuses a third", () => {
    const inner = { operator: "OR", value: [{ field: "priority", operator: "=", value: "priority" }] };
    expect(search.input.safeParse({ query: { operator: "AND", value: [inner] } }).success).toBe(true);
    expect(search.input.safeParse({ query: { operator: "AND", value: [{ operator: "OR", value: [inner] }] } }).success).toBe(false);
  });

  it("refuses an unknown operator and more than 15 conditions in a group", () => {
    expect(search.input.safeParse({ query: { field: "state", operator: "LIKE", value: "open" } }).success).toBe(false);
    const many = Array.from({ length: 16 }, (_, i) => ({ field: "id", operator: "=", value: String(i) }));
    expect(search.input.safeParse({ query: { operator: "OR", value: many } }).success).toBe(false);
  });
});
