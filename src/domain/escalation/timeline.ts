/**
 * A conversation (GET /conversations/{id}, 2.16) as a list of messages with who wrote them, oldest first:
 * the opening message, then every part. Notes are kept but marked, so rules can ignore them.
 */
import { customerWords } from "./clean-text.js";

export type Speaker = "customer" | "teammate" | "bot" | "note" | "system";

export interface Message {
  id: string;
  at: number;
  speaker: Speaker;
  partType: string;
  /** What the customer actually wrote (quotes and signature removed); for others, the plain text. */
  text: string;
  authorName?: string;
}

type Doc = Record<string, unknown>;
const asDoc = (value: unknown): Doc => (value && typeof value === "object" ? (value as Doc) : {});
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

export const isCustomerAuthor = (type: unknown) => type === "user" || type === "lead" || type === "contact";

function speakerOf(part: Doc): Speaker {
  const author = asDoc(part.author);
  const partType = String(part.part_type ?? "comment");
  if (partType === "note") return "note";
  if (isCustomerAuthor(author.type)) return "customer";
  if (author.type === "bot" || author.from_ai_agent === true || author.is_ai_answer === true) return "bot";
  if (author.type === "admin" || author.type === "team") {
    // An assignment or close that carries a message is a reply the customer sees; a bare one is not.
    if (partType === "comment" || partType === "quick_reply") return "teammate";
    return typeof part.body === "string" && part.body.trim() ? "teammate" : "system";
  }
  return "system";
}

export function timelineOf(conversation: unknown): Message[] {
  const c = asDoc(conversation);
  const source = asDoc(c.source);
  const messages: Message[] = [];
  if (typeof source.body === "string" || source.author) {
    const speaker = speakerOf({ ...source, part_type: "comment" });
    messages.push({
      id: String(source.id ?? `${String(c.id)}-source`),
      at: num(c.created_at) ?? 0,
      speaker,
      partType: "comment",
      text: customerWords(typeof source.body === "string" ? source.body : ""),
      authorName: typeof asDoc(source.author).name === "string" ? (asDoc(source.author).name as string) : undefined,
    });
  }
  const list = asDoc(c.conversation_parts).conversation_parts;
  for (const raw of Array.isArray(list) ? list : []) {
    const part = asDoc(raw);
    const author = asDoc(part.author);
    messages.push({
      id: String(part.id ?? ""),
      at: num(part.created_at) ?? 0,
      speaker: speakerOf(part),
      partType: String(part.part_type ?? "comment"),
      text: customerWords(typeof part.body === "string" ? part.body : ""),
      authorName: typeof author.name === "string" ? author.name : undefined,
    });
  }
  return messages.sort((a, b) => a.at - b.at);
}
