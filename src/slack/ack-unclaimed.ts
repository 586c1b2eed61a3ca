/**
 * Every request Slack sends is acknowledged, even one no listener claims (a button from an old message whose
 * action_id no longer exists, a modal Switchboard does not know). Bolt runs every matching listener at once,
 * so a catch-all listener could not tell whether another one acked; this wraps Bolt's processEvent instead:
 * once all listeners are done, a request nobody acknowledged is acknowledged here. Slack then gets its answer
 * at once instead of a 404 after 3 s, and Bolt logs no "not acknowledged" error. It also drops, with an ack,
 * a malformed body that arrives through Socket Mode (over HTTP the guarded receiver has already answered 400).
 */
import type { App } from "@slack/bolt";
import type { Logger } from "../logger.js";
import { malformedReason } from "./request-shape.js";
import { summarizeRequest } from "./request-summary.js";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

export function acknowledgeUnclaimed(app: App, logger: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    let acked = false;
    const ack: ReceiverEvent["ack"] = async (response) => {
      acked = true;
      return event.ack(response);
    };
    const ackOnce = async () => {
      if (acked) return;
      acked = true;
      await event.ack().catch((error: unknown) => logger.warn({ err: error }, "Could not acknowledge a Slack request"));
    };
    const reason = malformedReason(event.body);
    if (reason) {
      logger.warn({ reason }, "Dropped a malformed Slack request");
      await ackOnce();
      return;
    }
    try {
      await processEvent({ ...event, ack });
    } finally {
      if (!acked) {
        logger.info(summarizeRequest(event.body), "No listener handles this Slack request; acknowledged it so Slack does not retry");
        await ackOnce();
      }
    }
  };
}
