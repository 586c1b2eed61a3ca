/**
 * The function definition OpenAI receives for a tool, produced by the same conversion LangChain applies when
 * it binds tools to a chat model, so tests check exactly what goes over the wire.
 */
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import type { ToolDefinition } from "./define.js";
import { toLangChainTool } from "./to-langchain.js";

export interface OpenAIFunctionDefinition {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

export function toOpenAIFunction(definition: ToolDefinition): OpenAIFunctionDefinition {
  const converted = convertToOpenAITool(toLangChainTool(definition, async () => ""));
  return converted.function as OpenAIFunctionDefinition;
}

/** OpenAI's rule for function names. */
export const OPENAI_FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Everything in a function definition that OpenAI's function calling rejects or handles badly, as readable
 * lines (empty when the definition is fine): name shape, an object at the top, no references, no top-level
 * combinators, and a description on the function and on every property at any depth.
 */
export function openAISchemaProblems(fn: OpenAIFunctionDefinition): string[] {
  const problems: string[] = [];
  if (!OPENAI_FUNCTION_NAME.test(fn.name)) problems.push(`name "${fn.name}" must match ${OPENAI_FUNCTION_NAME}`);
  if (!fn.description || fn.description.trim() === "") problems.push("the function has no description");
  const parameters = fn.parameters;
  if (parameters.type !== "object") problems.push(`parameters must be type "object", got ${JSON.stringify(parameters.type)}`);
  for (const key of ["oneOf", "anyOf", "allOf", "not", "enum"]) {
    if (key in parameters) problems.push(`parameters must not use "${key}" at the top level`);
  }
  walk(parameters, "", problems);
  return problems;
}

function walk(schema: unknown, at: string, problems: string[]): void {
  if (Array.isArray(schema)) {
    for (const [index, item] of schema.entries()) walk(item, `${at}[${index}]`, problems);
    return;
  }
  if (!isObject(schema)) return;
  if ("$ref" in schema) problems.push(`${at || "parameters"} uses $ref (recursive or reused zod schemas produce these)`);
  for (const key of ["$defs", "definitions"]) if (key in schema) problems.push(`${at || "parameters"} has ${key}`);
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      const path = at ? `${at}.${name}` : name;
      if (!isObject(property) || typeof property.description !== "string" || property.description.trim() === "") {
        problems.push(`property ${path} has no description (add .describe())`);
      }
      walk(property, path, problems);
    }
  }
  for (const key of ["items", "anyOf", "oneOf", "allOf", "additionalProperties", "prefixItems"]) {
    if (key in schema) walk(schema[key], `${at}${key === "items" ? "[]" : `<${key}>`}`, problems);
  }
}
