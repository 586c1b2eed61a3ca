/**
 * Validates emulator responses against the official OpenAPI 3.0 file: resolves an operation's response schema
 * for a status, turns `nullable` into JSON Schema, and compiles with ajv 8 (+ ajv-formats). oneOf is checked
 * as anyOf because several spec unions have branches that overlap; unknown formats are accepted, and `uri` is
 * read as a URI reference because the spec's own examples for those fields are relative paths.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import YAML from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: the spec is untyped JSON
type Json = any;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

export interface ResponseCheck {
  ok: boolean;
  errors: string;
}

function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "discriminator" || key === "xml" || key.startsWith("x-")) continue;
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, convert(schema)]));
      continue;
    }
    out[key === "oneOf" ? "anyOf" : key] = convert(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: "null" }] };
  }
  delete out.nullable;
  return out;
}

export class SpecValidator {
  readonly spec: Json;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly id: string;

  constructor(file: string, id: string) {
    this.spec = YAML.parse(readFileSync(file, "utf8"));
    this.id = id;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat("uri", this.ajv.formats["uri-reference"] as never);
    for (const format of collectFormats(this.spec)) if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ $id: id, components: convert(this.spec.components) });
  }

  operation(method: string, path: string): Json | undefined {
    return this.spec.paths?.[path]?.[method.toLowerCase()];
  }

  /** The response object (with $ref to components/responses resolved) for a status, or undefined. */
  response(method: string, path: string, status: number): Json | undefined {
    const responses = this.operation(method, path)?.responses ?? {};
    let response = responses[String(status)] ?? responses.default;
    if (response?.$ref) response = this.resolve(response.$ref);
    return response;
  }

  check(method: string, path: string, status: number, contentType: string, body: unknown): ResponseCheck {
    const response = this.response(method, path, status);
    if (!response) return { ok: false, errors: `status ${status} is not declared for ${method} ${path}` };
    const content = response.content as Json | undefined;
    if (!content) return body === undefined ? { ok: true, errors: "" } : { ok: false, errors: `status ${status} declares no body but one was sent` };
    const mediaKey = Object.keys(content).find((key) => contentType.startsWith(key)) ?? Object.keys(content)[0];
    const schema = content[mediaKey]?.schema;
    if (!schema) return { ok: true, errors: "" };
    const key = `${method} ${path} ${status} ${mediaKey}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(convert(schema), this.id));
      this.cache.set(key, validate);
    }
    const ok = validate(body) as boolean;
    return { ok, errors: ok ? "" : this.ajv.errorsText(validate.errors, { separator: "\n" }) };
  }

  /** Validates against one named component schema, e.g. "error". */
  checkSchema(name: string, body: unknown): ResponseCheck {
    const key = `schema ${name}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${this.id}#/components/schemas/${name}` });
      this.cache.set(key, validate);
    }
    const ok = validate(body) as boolean;
    return { ok, errors: ok ? "" : this.ajv.errorsText(validate.errors, { separator: "\n" }) };
  }

  private resolve(ref: string): Json {
    return ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((node: Json, part) => node?.[part], this.spec);
  }
}

function rebase(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((n) => rebase(n, id));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${id}${value}` : rebase(value, id);
  return out;
}

function collectFormats(node: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) collectFormats(n, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") found.add(value);
      else collectFormats(value, found);
    }
  }
  return found;
}
