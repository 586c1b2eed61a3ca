/**
 * Looks up what an approval card names (teammates, teams, tags, contacts) and who a reply will go out as,
 * before the card is posted or rewritten. Best effort: without a lookup, or when Intercom is slow, the card
 * shows ids.
 */
import type { CardFacts } from "../blocks/approval-card.js";
import { idRefs } from "../blocks/approval-card.js";
import type { SlackAppContext } from "../slack-app-context.js";

export async function cardFacts(context: SlackAppContext, approval: { tool: string; args: Record<string, unknown> }): Promise<CardFacts> {
  const { lookup, sendsAsApprover } = context.services;
  const fallbackId = sendsAsApprover?.defaultAdminId ?? (typeof approval.args.admin_id === "string" ? approval.args.admin_id : undefined);
  const refs = idRefs(approval.tool, approval.args).map(([, kind, id]) => ({ kind, id }));
  if (sendsAsApprover && fallbackId) refs.push({ kind: "admin", id: fallbackId });
  let names: Map<string, string> | undefined;
  if (lookup && refs.length > 0) {
    names = await lookup.names(refs).catch((error: unknown) => {
      context.logger.warn({ err: error }, "Could not look up names for an approval card");
      return undefined;
    });
  }
  const fallbackName = fallbackId ? (names?.get(`admin:${fallbackId}`) ?? `admin ${fallbackId}`) : undefined;
  return { names, sendsAsApprover: sendsAsApprover ? { fallbackName } : undefined };
}
