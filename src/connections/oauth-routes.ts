/** The HTTP route Intercom redirects to after someone approves the install (a Bolt custom route). */
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { newErrorReference, toUserMessage } from "../errors.js";
import type { Logger } from "../logger.js";
import { INTERCOM_CALLBACK_PATH, type IntercomConnection } from "./intercom-connection.js";

function page(res: ServerResponse, status: number, title: string, message: string): void {
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

export function intercomOAuthRoutes(connection: IntercomConnection, logger: Logger, onConnected?: (slackUserId?: string) => void): CustomRoute[] {
  return [
    {
      path: INTERCOM_CALLBACK_PATH,
      method: ["GET"],
      handler: (req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const code = url.searchParams.get("code");
        const state = url.searchParams.get("state");
        if (!code || !state) {
          page(res, 400, "Not connected", "The link is missing its code or state. Run /switchboard connect in Slack for a new one.");
          return;
        }
        connection
          .completeOAuth(code, state)
          .then(({ slackUserId }) => {
            logger.info({ slackUserId }, "Intercom connected through OAuth");
            onConnected?.(slackUserId);
            page(res, 200, "Intercom is connected", "Switchboard can now work with your Intercom workspace. You can close this tab.");
          })
          .catch((error) => {
            const reference = newErrorReference();
            logger.warn({ err: error, reference }, "Intercom OAuth callback failed");
            page(res, 400, "Not connected", toUserMessage(error, reference));
          });
      },
    },
  ];
}
