/**
 * Which Intercom teammate a Slack user acts as: the admin with the same email (Slack users.info → Intercom's
 * admin list), else the configured default admin. Both lookups are cached for a while and refreshed, so a
 * busy channel costs one Slack call per person and one admin list per TTL.
 */
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.js";
import type { TeammateDirectory } from "../workflows/contracts.js";
import type { IntercomTransport } from "./types.js";

export interface TeammateDirectoryOptions {
  slack: Pick<WebClient, "users">;
  transport: IntercomTransport;
  /** config.intercom.defaultAdminId */
  defaultAdminId?: string;
  /** How long an email or the admin list is trusted (default 10 minutes). */
  ttlMs?: number;
  now?: () => number;
  logger?: Pick<Logger, "warn">;
}

interface Admin {
  id: string;
  name: string;
  email?: string;
}

interface Cached<T> {
  value: T;
  at: number;
}

const DEFAULT_TTL_MS = 10 * 60_000;

const normalEmail = (email: unknown): string | undefined => (typeof email === "string" && email.includes("@") ? email.trim().toLowerCase() : undefined);

function parseAdmins(data: unknown): Admin[] {
  const list = (data as { admins?: unknown } | null)?.admins;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw): Admin[] => {
    const a = raw as { id?: unknown; name?: unknown; email?: unknown };
    const id = typeof a.id === "string" || typeof a.id === "number" ? String(a.id) : undefined;
    if (!id) return [];
    return [{ id, name: typeof a.name === "string" && a.name ? a.name : `admin ${id}`, email: normalEmail(a.email) }];
  });
}

export function createTeammateDirectory(options: TeammateDirectoryOptions): TeammateDirectory {
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const emails = new Map<string, Cached<string | undefined>>();
  const emailLoads = new Map<string, Promise<string | undefined>>();
  let admins: Cached<Admin[]> | undefined;
  let adminsLoading: Promise<Admin[]> | undefined;
  const fresh = <T>(entry: Cached<T> | undefined): boolean => entry !== undefined && now() - entry.at < ttl;

  const lookUpEmail = async (slackUserId: string, cached: Cached<string | undefined> | undefined): Promise<string | undefined> => {
    try {
      const answer = await options.slack.users.info({ user: slackUserId });
      const email = normalEmail(answer.user?.profile?.email);
      emails.set(slackUserId, { value: email, at: now() });
      return email;
    } catch (error) {
      // Not cached: a Slack hiccup should not pin this person to the default admin for the whole TTL.
      options.logger?.warn({ err: error, slackUserId }, "could not read a Slack user's email (needs the users:read.email scope)");
      return cached?.value;
    } finally {
      emailLoads.delete(slackUserId);
    }
  };

  const emailOf = (slackUserId: string): Promise<string | undefined> => {
    const cached = emails.get(slackUserId);
    if (cached && fresh(cached)) return Promise.resolve(cached.value);
    const loading = emailLoads.get(slackUserId) ?? lookUpEmail(slackUserId, cached);
    emailLoads.set(slackUserId, loading);
    return loading;
  };

  const adminList = async (): Promise<Admin[]> => {
    if (admins && fresh(admins)) return admins.value;
    adminsLoading ??= options.transport
      .request({ method: "GET", path: "/admins" })
      .then((response) => {
        const list = parseAdmins(response.data);
        admins = { value: list, at: now() };
        return list;
      })
      .catch((error: unknown) => {
        options.logger?.warn({ err: error }, "could not list Intercom admins to match Slack users by email");
        return admins?.value ?? [];
      })
      .finally(() => {
        adminsLoading = undefined;
      });
    return adminsLoading;
  };

  return {
    async adminFor(slackUserId) {
      const [email, list] = await Promise.all([emailOf(slackUserId), adminList()]);
      const match = email ? list.find((a) => a.email === email) : undefined;
      if (match) return { adminId: match.id, name: match.name, matchedBy: "email" };
      if (!options.defaultAdminId) return undefined;
      const fallback = list.find((a) => a.id === options.defaultAdminId);
      return { adminId: options.defaultAdminId, name: fallback?.name ?? `admin ${options.defaultAdminId}`, matchedBy: "default" };
    },
  };
}
