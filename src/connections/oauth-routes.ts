/**
 * The HTTP route Intercom redirects to after someone approves (or cancels) the install (a Bolt custom route).
 * Every outcome is a short page in plain words; when the person can try again, the page carries a fresh
 * one-time link for the same Slack user, so nobody is sent back to Slack to ask for one.
 */
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { type AppError, isAppError, newErrorReference, toUserMessage } from "../errors.js";
import type { Logger } from "../logger.js";
import { INTERCOM_CALLBACK_PATH, type IntercomConnection } from "./intercom-connection.js";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Page {
  status: number;
  title: string;
  message: string;
  /** A fresh install link to try again with. */
  retryLink?: string;
}

function send(res: ServerResponse, page: Page): void {
  const retry = page.retryLink ? `<p><a href="${escapeHtml(page.retryLink)}">Connect Intercom again</a> (this link works once, for ten minutes).</p>` : "";
  res.writeHead(page.status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${retry}`,
  );
}

/** A fresh link for the same person, or none when OAuth is not set up (the message then says what to do). */
function freshLink(connection: IntercomConnection, slackUserId: string | undefined, logger: Logger): string | undefined {
  try {
    return connection.installLink(slackUserId);
  } catch (error) {
    logger.warn({ err: error }, "Could not make a fresh Intercom install link");
    return undefined;
  }
}

/** Intercom's own error codes on the redirect, in words. */
function describeRedirectError(error: string, description: string | null): string {
  if (error === "access_denied")
    return "You cancelled connecting Intercom, so nothing changed. To connect it after all, use the link below or run /switchboard connect in Slack.";
  const detail = description ? `: ${description}` : "";
  return `Intercom did not connect (${error}${detail}). Nothing changed. Try again with the link below, or run /switchboard connect in Slack.`;
}

function describeExchangeFailure(failure: AppError): string {
  if (failure.code === "INTERCOM_NETWORK") return "Intercom could not be reached to finish connecting.";
  const status = failure.details.status;
  return `Intercom refused the connection${typeof status === "number" ? ` (HTTP ${status})` : ""}.`;
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
        const error = url.searchParams.get("error");
        if (error) {
          // The state is used up either way, so a copied cancel link cannot be replayed later.
          const { slackUserId } = state ? connection.abandonOAuth(state) : {};
          logger.info({ error, slackUserId }, "Intercom OAuth was not completed");
          send(res, {
            status: 200,
            title: error === "access_denied" ? "Connecting Intercom was cancelled" : "Not connected",
            message: describeRedirectError(error, url.searchParams.get("error_description")),
            retryLink: freshLink(connection, slackUserId, logger),
          });
          return;
        }
        if (!code || !state) {
          send(res, {
            status: 400,
            title: "Not connected",
            message: "The link is missing its code or state. Run /switchboard connect in Slack for a new one.",
          });
          return;
        }
        connection
          .completeOAuth(code, state)
          .then(({ slackUserId }) => {
            logger.info({ slackUserId }, "Intercom connected through OAuth");
            onConnected?.(slackUserId);
            send(res, {
              status: 200,
              title: "Intercom is connected",
              message: "Switchboard can now work with your Intercom workspace. You can close this tab.",
            });
          })
          .catch((failure) => {
            const reference = newErrorReference();
            logger.warn({ err: failure, reference }, "Intercom OAuth callback failed");
            // The state was consumed before the exchange failed; a fresh link lets the same person try again.
            const exchangeFailed = isAppError(failure, "INTERCOM_HTTP") || isAppError(failure, "INTERCOM_NETWORK");
            const slackUserId = exchangeFailed ? (failure.details.slackUserId as string | undefined) : undefined;
            send(res, {
              status: 400,
              title: "Not connected",
              message: exchangeFailed
                ? `${describeExchangeFailure(failure)} Nothing was stored. Try again with the link below.`
                : toUserMessage(failure, reference),
              retryLink: exchangeFailed ? freshLink(connection, slackUserId, logger) : undefined,
            });
          });
      },
    },
  ];
}
