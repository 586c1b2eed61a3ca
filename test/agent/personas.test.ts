import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckedPersonas } from "../../src/agent/engine-from-config.js";
import { answersIn, checkPersonaToolNames, parsePersonas, systemPromptFor } from "../../src/agent/personas.js";
import { approvalMode, inScope, mayDecide, scopedTools, verdictFor } from "../../src/agent/policy.js";
import { isAppError } from "../../src/errors.js";
import { allTools } from "../../tools/index.js";

const shipped = loadCheckedPersonas({ personasFile: join(import.meta.dirname, "../../data/personas.yml") }, allTools);
const named = (name: string) => shipped.find((p) => p.name === name) as (typeof shipped)[number];
const tool = (name: string) => allTools.find((t) => t.name === name) as (typeof allTools)[number];

const minimal = (extra = "") => `
personas:
  helper:
    description: Test persona
    prompt: { personality: a, formatting: b, workflow: c, escalation: d, boundaries: e }
    scope: { allow: { risks: [read] } }
    approval: {}
${extra}`;

describe("persona file", () => {
  it("ships support, triage and analyst, valid against the real catalog", () => {
    expect(shipped.map((p) => p.name)).toEqual(["support", "triage", "analyst"]);
    for (const p of shipped) expect(systemPromptFor(p)).toMatch(/# Personality[\s\S]*# Boundaries[\s\S]*# Untrusted data/);
  });

  it("each shipped prompt says truly when its writes happen", () => {
    const prompt = (name: string) => systemPromptFor(named(name));
    expect(prompt("support")).toContain("Writes only happen after a person approves them");
    expect(prompt("triage")).not.toContain("Writes only happen after a person approves them");
    expect(prompt("triage")).toMatch(/INTERCOM_ASSIGN_CONVERSATION\) run on their own, except .* customer-written text .* waits for a person/);
    expect(prompt("analyst")).toContain("You cannot change anything in Intercom");
    for (const name of ["support", "triage", "analyst"]) expect(prompt(name)).toContain("never claim a change was made unless a tool result says so");
  });

  it("support reads, and replies, notes, tags, assigns and closes only with approval; nothing else writes", () => {
    const support = named("support");
    const writes = scopedTools(support, allTools).filter((t) => t.risk !== "read");
    expect(writes.map((t) => t.name).sort()).toEqual(
      [
        "INTERCOM_ADD_TAG_TO_CONTACT",
        "INTERCOM_ASSIGN_CONVERSATION",
        "INTERCOM_ATTACH_TAG_TO_CONVERSATION",
        "INTERCOM_ATTACH_TAG_TO_TICKET",
        "INTERCOM_CLOSE_CONVERSATION",
        "INTERCOM_CREATE_A_NOTE",
        "INTERCOM_REPLY_TO_CONVERSATION",
        "INTERCOM_REPLY_TO_TICKET",
      ].sort(),
    );
    for (const t of writes) expect(approvalMode(support, t)).toBe("ask");
    expect(verdictFor(support, tool("INTERCOM_SEARCH_CONVERSATIONS"), "x")).toEqual({ kind: "run" });
    expect(verdictFor(support, tool("INTERCOM_DELETE_A_CONTACT"), "INTERCOM_DELETE_A_CONTACT").kind).toBe("refuse");
  });

  it("triage tags and assigns by policy; analyst is read-only", () => {
    const triage = named("triage");
    expect(
      scopedTools(triage, allTools)
        .filter((t) => t.risk !== "read")
        .map((t) => approvalMode(triage, t)),
    ).toEqual(["auto", "auto", "auto"]);
    expect(inScope(triage, tool("INTERCOM_REPLY_TO_CONVERSATION"))).toBe(false);
    expect(scopedTools(named("analyst"), allTools).every((t) => t.risk === "read")).toBe(true);
  });

  it("destructive tools always ask, whatever the file says", () => {
    const loose = parsePersonas(
      minimal().replace("risks: [read]", "risks: [read, write, destructive]").replace("approval: {}", "approval: { risks: { destructive: auto } }"),
      "p.yml",
    )[0];
    if (!loose) throw new Error("no persona");
    expect(approvalMode(loose, tool("INTERCOM_DELETE_A_CONTACT"))).toBe("ask");
    const perTool = { ...loose, approval: { ...loose.approval, tools: { INTERCOM_DELETE_A_CONTACT: "auto" as const } } };
    expect(approvalMode(perTool, tool("INTERCOM_DELETE_A_CONTACT"))).toBe("ask");
    expect(approvalMode(loose, tool("INTERCOM_UPDATE_A_CONTACT"))).toBe("ask");
  });

  it("names the file, the persona and the field in errors", () => {
    const cases: [string, RegExp][] = [
      [minimal().replace("formatting: b, ", ""), /p\.yml: persona "helper", field prompt\.formatting/],
      [minimal().replace("risks: [read]", "risks: [reed]"), /persona "helper", field scope\.allow\.risks\.0: one of read, write, destructive/],
      [minimal().replace("approval: {}", "approval: { risks: { write: maybe } }"), /field approval\.risks\.write: one of auto, ask, deny/],
      [minimal("    approvers: { users: [bob] }"), /field approvers\.users\.0: a Slack user id/],
      [minimal("    channels: [general]"), /field channels\.0: a Slack channel id/],
      [minimal("    colour: blue"), /persona "helper": unknown field\(s\) colour/],
      [
        minimal("    faq: { min_confidence: 0.6, draft_min_confidence: 0.7 }"),
        /field faq\.draft_min_confidence: draft_min_confidence must not be above min_confidence/,
      ],
      [minimal("    faq: { draft_min_confidence: 1.5 }"), /field faq\.draft_min_confidence/],
      ["personas: [", /p\.yml: not valid YAML/],
    ];
    for (const [text, pattern] of cases) {
      const error = (() => {
        try {
          parsePersonas(text, "p.yml");
        } catch (e) {
          return e;
        }
      })();
      expect(isAppError(error, "PERSONA_INVALID")).toBe(true);
      expect((error as Error).message).toMatch(pattern);
    }
  });

  it("rejects tool names that no tool has", () => {
    const personas = parsePersonas(minimal().replace("approval: {}", "approval: { tools: { INTERCOM_CLOSE_CONVERSATON: ask } }"), "p.yml");
    expect(() => checkPersonaToolNames(personas, new Set(allTools.map((t) => t.name)), "p.yml")).toThrow(
      /p\.yml: persona "helper", field approval\.tools\.INTERCOM_CLOSE_CONVERSATON: no tool is named/,
    );
  });

  it("approvers: listed users and groups, the terminal operator, and nobody else", () => {
    const [p] = parsePersonas(minimal("    approvers: { users: [U0LEAD001], groups: [S0TEAM001] }"), "p.yml");
    if (!p) throw new Error("no persona");
    expect(mayDecide(p, { slackUserId: "U0LEAD001", source: "slack" })).toBe(true);
    expect(mayDecide(p, { slackUserId: "U0OTHER01", source: "slack", groupIds: ["S0TEAM001"] })).toBe(true);
    expect(mayDecide(p, { slackUserId: "U0OTHER01", source: "slack" })).toBe(false);
    expect(mayDecide(p, { source: "job:digest" })).toBe(false);
    expect(mayDecide(p, { source: "cli:alice" })).toBe(true);
    expect(answersIn({ ...p, channels: ["C0SUPPORT"] }, "C0RANDOM1")).toBe(false);
    expect(answersIn({ ...p, channels: ["C0SUPPORT"] }, "C0SUPPORT")).toBe(true);
  });
});
