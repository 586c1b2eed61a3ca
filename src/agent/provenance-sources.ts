/**
 * Where the text a run has seen came from, split into what Switchboard trusts and what a customer could have
 * written. Trusted: the requester's own messages, the persona's configuration, and the parts of Intercom's
 * answers that Intercom or the workspace's admins set (ids, types, timestamps, states; the lists of teams,
 * tags and admins). Untrusted: every customer-authored field (message bodies, subjects, names, emails,
 * titles, notes, custom and ticket attributes, article bodies) and any tool answer that cannot be read as
 * JSON. Pure: messages in, text out.
 */
import { type BaseMessage, ToolMessage } from "langchain";
import { FIND_TOOLS } from "./find-tools.js";

export interface RunSources {
  /** What the person asked for, in their own words (this turn and earlier turns of the thread). */
  requester: string[];
  /** Intercom data no customer can set: ids, states, and the admin-managed lists of teams, tags and admins. */
  intercom: string[];
  /** Customer-authored text and anything Switchboard could not attribute. */
  untrusted: string[];
}

/** Answers that are lists admins manage: every field in them is set by the workspace, not by a customer. */
const DIRECTORY_TOOLS = new Set([
  "INTERCOM_LIST_ALL_TEAMS",
  "INTERCOM_RETRIEVE_A_TEAM",
  "INTERCOM_LIST_ALL_TAGS",
  "INTERCOM_FIND_A_TAG",
  "INTERCOM_LIST_ALL_ADMINS",
  "INTERCOM_RETRIEVE_AN_ADMIN",
  "INTERCOM_IDENTIFY_AN_ADMIN",
  "INTERCOM_LIST_AWAY_STATUS_REASONS",
  "INTERCOM_LIST_ALL_TICKET_STATES",
  "INTERCOM_LIST_ALL_TICKET_TYPES",
]);

/** Fields whose whole subtree a customer (or an integration acting for one) can fill, whatever the key inside. */
const CUSTOMER_SUBTREES = new Set(["custom_attributes", "ticket_attributes", "metadata", "attributes", "location", "social_profiles"]);

/** Subtrees that only admins set: the tags on a record, the teammates on it. */
const ADMIN_SUBTREES = new Set(["tags", "teammates", "admin_assignee", "team_assignee"]);

const SYSTEM_KEYS = new Set([
  "id",
  "type",
  "state",
  "open",
  "read",
  "priority",
  "role",
  "part_type",
  "message_type",
  "delivered_as",
  "ticket_state",
  "category",
  "total_count",
  "page",
  "per_page",
  "total_pages",
]);

function isSystemKey(key: string): boolean {
  return SYSTEM_KEYS.has(key) || /(_id|_ids|_at|_until|_since|_count)$/.test(key);
}

interface Leaf {
  path: readonly string[];
  value: string;
}

/** Every scalar of a JSON text with the keys leading to it; tolerates a truncated text (the model's copy is cut at 12,000 characters). */
export function jsonLeaves(text: string): Leaf[] | undefined {
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  const leaves: Leaf[] = [];
  // Each open container: the keys leading to it, and for objects the key whose value comes next.
  const stack: { object: boolean; at: string[]; key?: string }[] = [];
  const here = (): string[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.object && top.key !== undefined ? [...top.at, top.key] : top.at;
  };
  let i = start;
  let expectingKey = false;
  const readString = (): string | undefined => {
    let out = "";
    i++;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === undefined) return undefined;
        if (next === "u") {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16) || 32);
          i += 6;
        } else {
          out += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
        }
        continue;
      }
      out += c;
      i++;
    }
    return undefined;
  };
  while (i < text.length) {
    const c = text[i] as string;
    const top = stack[stack.length - 1];
    if (c === "{" || c === "[") {
      stack.push({ object: c === "{", at: here() });
      expectingKey = c === "{";
      i++;
    } else if (c === "}" || c === "]") {
      stack.pop();
      expectingKey = false;
      i++;
    } else if (c === ",") {
      expectingKey = top?.object === true;
      i++;
    } else if (c === '"') {
      const value = readString();
      if (value === undefined) break;
      if (expectingKey && top?.object) {
        top.key = value;
        expectingKey = false;
      } else leaves.push({ path: here(), value });
    } else if (/[-0-9tfn]/.test(c)) {
      const match = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
      if (!match) break;
      if (match[0] !== "null") leaves.push({ path: here(), value: match[0] });
      i += match[0].length;
    } else i++;
  }
  return leaves;
}

/** Whether a leaf at this path is something only Intercom or an admin sets. */
export function isTrustedField(path: readonly string[]): boolean {
  if (path.some((key) => CUSTOMER_SUBTREES.has(key))) return false;
  if (path.some((key) => ADMIN_SUBTREES.has(key))) return true;
  const key = path[path.length - 1];
  return key !== undefined && isSystemKey(key);
}

function messageText(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : message.text;
}

/** Sorts what a run has seen by where it came from. `personaText` is the persona's prompt and configuration. */
export function runSources(messages: readonly BaseMessage[]): RunSources {
  const sources: RunSources = { requester: [], intercom: [], untrusted: [] };
  for (const message of messages) {
    const type = message.getType();
    if (type === "human" || type === "system") {
      sources.requester.push(messageText(message));
      continue;
    }
    if (!ToolMessage.isInstance(message)) continue;
    const text = messageText(message);
    // Our own catalog's words: nothing a customer wrote.
    if (message.name === FIND_TOOLS) continue;
    const leaves = jsonLeaves(text);
    if (!leaves) {
      sources.untrusted.push(text);
      continue;
    }
    const directory = DIRECTORY_TOOLS.has(message.name ?? "");
    for (const leaf of leaves) (directory || isTrustedField(leaf.path) ? sources.intercom : sources.untrusted).push(leaf.value);
    // Words around the JSON (a write's outcome line, an error) are not attributable.
    const outside = text.slice(0, Math.max(0, text.search(/[[{]/)));
    if (outside.trim()) sources.untrusted.push(outside);
  }
  return sources;
}
