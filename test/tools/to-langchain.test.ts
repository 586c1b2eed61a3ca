import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { describe, expect, it } from "vitest";
import { allTools } from "../../tools/index.js";
import { toOpenAIFunction } from "../../tools/json-schema.js";
import { toLangChainTool } from "../../tools/to-langchain.js";

const getContact = allTools.find((tool) => tool.name === "INTERCOM_GET_A_CONTACT")!;

describe("toLangChainTool", () => {
  it("exposes the tool's name, description and schema, and hands validated arguments to run", async () => {
    const calls: unknown[] = [];
    const lcTool = toLangChainTool(getContact, async (args) => {
      calls.push(args);
      return "a contact";
    });
    expect(lcTool.name).toBe("INTERCOM_GET_A_CONTACT");
    expect(lcTool.description).toBe(getContact.description);
    expect(await lcTool.invoke({ contact_id: "c1" })).toBe("a contact");
    expect(calls).toEqual([{ contact_id: "c1" }]);
  });

  it("rejects arguments that do not fit the schema before run is called", async () => {
    let called = false;
    const lcTool = toLangChainTool(getContact, async () => {
      called = true;
      return "";
    });
    await expect(lcTool.invoke({ contact_id: 42 } as never)).rejects.toThrow(/did not match expected schema/);
    expect(called).toBe(false);
  });

  it("produces the same function definition LangChain sends to OpenAI", () => {
    const viaLangChain = convertToOpenAITool(toLangChainTool(getContact, async () => "")).function;
    const fn = toOpenAIFunction(getContact);
    expect(fn).toEqual(viaLangChain);
    expect(fn.parameters).toMatchObject({ type: "object", required: ["contact_id"], additionalProperties: false });
  });
});
