/** The workspace's tags: one per inbox area, plus the cross-cutting ones agents apply. */
import type { TagBasic } from "./types.js";

export const TAG_NAMES = [
  "billing",
  "card",
  "transfers",
  "cash",
  "top-up",
  "exchange",
  "account",
  "refund",
  "fraud",
  "bug",
  "vip",
  "complaint",
  "escalated",
] as const;

export function buildTags(): TagBasic[] {
  return TAG_NAMES.map((name, i) => ({ type: "tag", id: String(8200001 + i), name }));
}
