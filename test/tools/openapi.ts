/**
 * Reads the vendored Intercom OpenAPI files and answers the questions the contract test asks: does an
 * operation exist, which parameters does it require, and which body fields must be present (as alternatives,
 * because request bodies use oneOf/anyOf).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export const vendorDir = join(import.meta.dirname, "..", "..", "vendor", "intercom");

const specs = new Map<string, Json>();

export function loadSpec(version: string): Json {
  let spec = specs.get(version);
  if (!spec) {
    spec = parse(readFileSync(join(vendorDir, "openapi", version, "api.intercom.io.yaml"), "utf8"), { maxAliasCount: -1 }) as Json;
    specs.set(version, spec);
  }
  return spec;
}

function resolve(spec: Json, node: unknown): Json {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 20; hops++) {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((at, part) => (isObject(at) ? at[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), spec);
  }
  return isObject(current) ? current : {};
}

export interface Operation {
  pathParams: string[];
  requiredQuery: string[];
  /** Each entry is one way to satisfy the body: the fields that alternative requires. null when no JSON body. */
  bodyAlternatives: string[][] | null;
  bodyRequired: boolean;
}

export function findOperation(spec: Json, method: string, path: string): Operation | undefined {
  const pathItem = isObject(spec.paths) ? spec.paths[path] : undefined;
  if (!isObject(pathItem)) return undefined;
  const op = pathItem[method.toLowerCase()];
  if (!isObject(op)) return undefined;
  const parameters = [...((pathItem.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) => resolve(spec, p));
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const requiredQuery = parameters.filter((p) => p.in === "query" && p.required === true).map((p) => String(p.name));
  let bodyAlternatives: string[][] | null = null;
  let bodyRequired = false;
  if (op.requestBody) {
    const body = resolve(spec, op.requestBody);
    bodyRequired = body.required === true;
    const content = isObject(body.content) ? body.content : {};
    const json = content["application/json"];
    if (isObject(json) && json.schema) bodyAlternatives = requiredAlternatives(spec, json.schema, 0);
  }
  return { pathParams, requiredQuery, bodyAlternatives, bodyRequired };
}

/** The sets of top-level fields a body schema requires, one set per oneOf/anyOf alternative (allOf merges). */
export function requiredAlternatives(spec: Json, node: unknown, depth: number): string[][] {
  const schema = resolve(spec, node);
  if (depth > 10) return [[]];
  let alternatives: string[][] = [Array.isArray(schema.required) ? (schema.required as string[]) : []];
  const combine = (options: string[][]) => {
    alternatives = alternatives.flatMap((left) => options.map((right) => [...new Set([...left, ...right])]));
  };
  for (const part of (schema.allOf as unknown[]) ?? []) combine(requiredAlternatives(spec, part, depth + 1));
  for (const key of ["oneOf", "anyOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) combine(options.flatMap((option) => requiredAlternatives(spec, option, depth + 1)));
  }
  return alternatives;
}
