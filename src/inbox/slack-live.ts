/**
 * Persist, then ack, for the Bolt app. Every Slack request is written to the inbox (deduplicated in the same
 * transaction) and claimed by this process before Bolt runs a listener, and Bolt acknowledges events before
 * its first middleware: so this wraps `app.processEvent`, the receiver's entry point, instead of being a
 * middleware. The work a request starts after its ack is tracked per inbox item (an AsyncLocalStorage scope
 * follows it into BackgroundWork), and the item is marked done only once all of it finished; a throw sends
 * the item back in line. The inbox worker runs items a dead process left unfinished by replaying the stored
 * body into Bolt with a no-op ack.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { App } from "@slack/bolt";
import type { InboxItem } from "../workflows/contracts.js";
import type { InboxLogger } from "./inbox.js";
import { headerValue } from "./intercom-webhook.js";
import { commandIntake, eventIntake, interactionIntake, type SlackIntake, signedRequestKey, slackHttpIntake } from "./slack-intake.js";
import type { Inbox, LiveInbox } from "./types.js";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/** Set on a replayed request's context, so nothing persists it a second time. */
export const REPLAY_PROPERTY = "switchboardReplayOf";
/** Set by the HTTP receiver's extractor: the raw request, for the signed-request dedupe key. */
export const RAW_REQUEST_PROPERTY = "switchboardRawRequest";

export const SLACK_TOPICS = ["slack.event", "slack.command", "slack.action", "slack.view"] as const;

interface RawRequest {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface WorkScope {
  itemId: string;
  tasks: Promise<unknown>[];
  errors: unknown[];
}

/** Which inbox item the code running now works for; BackgroundWork and the error handler report to it. */
export class SlackWorkScopes {
  private readonly storage = new AsyncLocalStorage<WorkScope>();

  create(itemId: string): WorkScope {
    return { itemId, tasks: [], errors: [] };
  }

  current(): WorkScope | undefined {
    return this.storage.getStore();
  }

  run<T>(scope: WorkScope, work: () => T): T {
    return this.storage.run(scope, work);
  }

  /** Called as work after the ack starts: its promise (rejecting on failure) belongs to the current item. */
  track(task: Promise<unknown>): void {
    this.current()?.tasks.push(task);
  }

  fail(error: unknown): void {
    this.current()?.errors.push(error);
  }

  /** Waits for every task of the scope, including ones started while waiting; resolves with the first error. */
  async settled(scope: WorkScope): Promise<unknown> {
    let seen = 0;
    while (seen < scope.tasks.length) {
      const batch = scope.tasks.slice(seen);
      seen = scope.tasks.length;
      for (const result of await Promise.allSettled(batch)) if (result.status === "rejected") scope.errors.push(result.reason);
    }
    return scope.errors[0];
  }
}

/** For HTTPReceiver's customPropertiesExtractor: the guarded receiver has put the raw body on the request. */
export function rawRequestExtractor(request: { rawBody?: Buffer | string; headers: RawRequest["headers"] }): Record<string, unknown> {
  const raw = request.rawBody;
  if (raw === undefined) return {};
  return { [RAW_REQUEST_PROPERTY]: { rawBody: typeof raw === "string" ? raw : raw.toString("utf8"), headers: request.headers } satisfies RawRequest };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A channel message that @-mentions someone reaches the bot twice when it is the bot (app_mention and message);
 * the app_mention carries that work, so the message must not take the shared team+channel+ts key first.
 */
export const mentionsSomeone = (event: Json): boolean =>
  event.type === "message" && event.channel_type !== "im" && typeof event.text === "string" && /<@[UW][A-Z0-9]+>/.test(event.text);

/** The intake for a request as the receiver handed it to Bolt. */
export function intakeOf(event: ReceiverEvent): SlackIntake {
  const raw = event.customProperties?.[RAW_REQUEST_PROPERTY] as RawRequest | undefined;
  let intake: SlackIntake;
  if (raw) intake = slackHttpIntake(raw.rawBody, raw.headers);
  else {
    // Socket Mode: no signed request to hash; events still carry their id.
    const body = event.body as Json;
    if (body.type === "event_callback" || body.type === "url_verification") intake = eventIntake(body);
    else if (typeof body.command === "string") intake = commandIntake(body, undefined);
    else intake = interactionIntake(body, undefined);
  }
  if (intake.work && intake.item.topic === "slack.event") {
    const payload = intake.item.payload as Json;
    if (isObject(payload.event) && mentionsSomeone(payload.event)) {
      intake = { ...intake, dedupeKeys: intake.dedupeKeys.filter((key) => !key.startsWith("slack:message:")) };
    }
  }
  return intake;
}

/** The signed-request key of an HTTP delivery, for tests and tools that re-send a stored request. */
export function signedKeyOf(raw: RawRequest): string {
  return signedRequestKey(raw.rawBody, headerValue(raw.headers, "x-slack-request-timestamp") ?? "");
}

export interface DurableIntakeOptions {
  inbox: Inbox & LiveInbox;
  scopes: SlackWorkScopes;
  logger: InboxLogger;
}

/** Wraps the app's processEvent; returns the replay handler the inbox worker runs for Slack topics. */
export function installDurableIntake(app: App, options: DurableIntakeOptions): { replay(item: InboxItem): Promise<undefined> } {
  const { inbox, scopes, logger } = options;
  const processEvent = app.processEvent.bind(app);

  const finish = (id: string, scope: WorkScope, handled: Promise<unknown>): void => {
    void handled
      .then(() => scopes.settled(scope))
      .then((error) => inbox.finishLive(id, error))
      .catch((error: unknown) => logger.error({ inboxId: id, err: error }, "Could not record the outcome of Slack work"));
  };

  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    if (event.customProperties?.[REPLAY_PROPERTY] !== undefined) return processEvent(event);
    const intake = intakeOf(event);
    if (!intake.work) return processEvent(event);
    let id: string;
    try {
      const result = await inbox.acceptLive(intake.item, intake.dedupeKeys);
      if (result.accepted) id = result.id;
      else {
        const attached = await inbox.attach(result.duplicateOf);
        if (attached !== "claimed") {
          logger.info({ inboxId: result.duplicateOf, state: attached, retryNum: event.retryNum }, "Dropped a Slack delivery already in the inbox");
          await event.ack();
          return;
        }
        logger.warn({ inboxId: result.duplicateOf, retryNum: event.retryNum }, "A Slack retry took over work a stopped process left unfinished");
        id = result.duplicateOf;
      }
    } catch (error) {
      // Not acknowledged: Slack retries events, and a person sees the click fail rather than a silent loss.
      logger.error({ err: error }, "Could not persist a Slack request; it was not acknowledged");
      return;
    }
    const scope = scopes.create(id);
    const handled = scopes
      .run(scope, () => processEvent(event))
      .catch((error: unknown) => {
        scope.errors.push(error);
      });
    finish(id, scope, handled);
    await handled;
  };

  return {
    async replay(item: InboxItem): Promise<undefined> {
      if (!isObject(item.payload)) throw new Error(`inbox item ${item.id} has no Slack body to replay`);
      const scope = scopes.create(item.id);
      await scopes.run(scope, () => processEvent({ body: item.payload as Json, ack: async () => undefined, customProperties: { [REPLAY_PROPERTY]: item.id } }));
      const error = await scopes.settled(scope);
      if (error !== undefined) throw error;
    },
  };
}
