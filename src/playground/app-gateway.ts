/**
 * What a person does on the page, turned into the requests Slack would send the app (signed, to /slack/events),
 * and the app's answers turned back into what Slack would show: an ack's text as an ephemeral reply, a modal's
 * response_action, a response_url post, an error the way Slack words it.
 */
import type { Logger } from "../logger.js";
import { actionPayload, findElement, viewStateValues } from "./block-ids.js";
import { type AppAnswer, deliverSigned } from "./request-signer.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsRequest,
  eventRequest,
  messageEvent,
  type OutgoingRequest,
  slashCommandRequest,
  viewClosedRequest,
  viewSubmissionRequest,
} from "./slack-payloads.js";
import type { SlackState, StoredMessage } from "./slack-state.js";
import { messageJson, viewJson } from "./web-api.js";
import { type PlaygroundWorkspace, resolveChannel } from "./workspace.js";

export const SLASH_COMMAND = "/switchboard";

interface ResponseTarget {
  channel: string;
  threadTs?: string;
  /** For a response_url from a click: the message clicked. */
  messageTs?: string;
}

export interface GatewayOptions {
  state: SlackState;
  workspace: PlaygroundWorkspace;
  signingSecret: string;
  baseUrl: () => string;
  logger: Logger;
}

/** Turns "@switchboard" as typed into the mention markup Slack puts in the event text. */
export function mentionMarkup(text: string, ws: PlaygroundWorkspace): { text: string; mentioned: boolean } {
  let mentioned = false;
  const out = text.replace(new RegExp(`(^|\\s)@${ws.bot.name}\\b`, "gi"), (_, space: string) => {
    mentioned = true;
    return `${space}<@${ws.bot.id}>`;
  });
  return { text: out, mentioned: mentioned || out.includes(`<@${ws.bot.id}>`) };
}

export class AppGateway {
  private appUrl: string | undefined;
  private readonly responses = new Map<string, ResponseTarget>();
  private events = 0;

  constructor(private readonly options: GatewayOptions) {}

  attach(appUrl: string | undefined): void {
    this.appUrl = appUrl ? appUrl.replace(/\/+$/, "") : undefined;
  }

  get attached(): boolean {
    return this.appUrl !== undefined;
  }

  private get state() {
    return this.options.state;
  }

  private get ws() {
    return this.options.workspace;
  }

  private slackbotNote(channel: string, text: string, threadTs?: string): void {
    this.state.addMessage({ channel, threadTs, author: "Slackbot", text, ephemeralTo: this.ws.person.id });
  }

  private async deliver(request: OutgoingRequest, what: string): Promise<AppAnswer | undefined> {
    if (!this.appUrl) {
      this.state.notice("error", `The app is not running, so ${what} went nowhere.`);
      return undefined;
    }
    try {
      const answer = await deliverSigned(`${this.appUrl}/slack/events`, this.options.signingSecret, request);
      if (answer.status !== 200) this.options.logger.warn({ status: answer.status, what }, "The app refused a playground request");
      return answer;
    } catch (error) {
      this.options.logger.warn({ err: error, what }, "The app did not answer a playground request");
      return { status: 0, contentType: "", body: "" };
    }
  }

  private responseUrl(target: ResponseTarget): string {
    const id = this.state.nextId("R");
    this.responses.set(id, target);
    return `${this.options.baseUrl()}/response/${id}`;
  }

  private nextEventId(): string {
    this.events += 1;
    return `Ev0PG${Date.now().toString(36).toUpperCase()}${this.events}`;
  }

  /** Something typed in the composer: a slash command, or a message (with a mention event when it names the bot). */
  async compose(channelId: string, rawText: string, threadTs?: string): Promise<void> {
    const channel = resolveChannel(this.ws, channelId);
    if (!channel) throw new Error(`There is no channel ${channelId} in the playground.`);
    const typed = rawText.trim();
    if (!typed) return;
    if (typed.startsWith("/")) {
      const [command, ...rest] = typed.split(/\s+/);
      if (command.toLowerCase() !== SLASH_COMMAND) {
        this.slackbotNote(channel.id, `${command} is not a valid command. In the playground, the app's command is ${SLASH_COMMAND}.`, threadTs);
        return;
      }
      await this.command(channel.id, channel.name, typed.slice(command.length).trim() || rest.join(" "), threadTs);
      return;
    }
    const { text, mentioned } = mentionMarkup(typed, this.ws);
    const message = this.state.addMessage({ channel: channel.id, threadTs, user: this.ws.person.id, text });
    const fields = { channel: channel.id, user: this.ws.person.id, text, ts: message.ts, threadTs };
    const deliveries = [this.deliver(eventRequest(this.ws, this.nextEventId(), messageEvent({ ...fields, channelType: channel.kind })), "the message")];
    // Slack sends app_mention only in channels; in a DM the message.im event is the whole story.
    if (mentioned && channel.kind === "channel")
      deliveries.push(this.deliver(eventRequest(this.ws, this.nextEventId(), appMentionEvent(fields)), "the mention"));
    await Promise.all(deliveries);
  }

  private async command(channel: string, channelName: string, text: string, threadTs?: string): Promise<void> {
    const request = slashCommandRequest(this.ws, {
      command: SLASH_COMMAND,
      text,
      channelId: channel,
      channelName,
      responseUrl: this.responseUrl({ channel, threadTs }),
      triggerId: this.state.newTrigger(this.ws.person.id),
    });
    const answer = await this.deliver(request, `${SLASH_COMMAND} ${text}`);
    if (!answer) return;
    if (answer.status !== 200) {
      this.slackbotNote(channel, `${SLASH_COMMAND} failed with the error "${answer.status === 0 ? "operation_timeout" : "dispatch_failed"}"`, threadTs);
      return;
    }
    const body = parseAnswer(answer);
    if (body) this.showResponse({ channel, threadTs }, body);
  }

  /** A button click or a selection, on a message or in a view. */
  async act(
    source: { channel?: string; ts?: string; viewId?: string },
    blockId: string,
    actionId: string,
    selectedValue?: string,
    entered = {},
  ): Promise<void> {
    const triggerId = this.state.newTrigger(this.ws.person.id);
    if (source.viewId) {
      const stored = this.state.views.get(source.viewId);
      if (!stored) throw new Error("That view is no longer open.");
      const blocks = (stored.view.blocks as unknown[]) ?? [];
      const found = findElement(blocks, blockId, actionId);
      if (!found) throw new Error("That button is no longer in the view.");
      await this.deliver(
        blockActionsRequest(this.ws, {
          action: actionPayload(blockId, found.element, selectedValue),
          triggerId,
          view: viewJson(stored),
          stateValues: viewStateValues(blocks, entered),
        }),
        "the click",
      );
      return;
    }
    const message = this.state.findMessage(source.channel ?? "", source.ts ?? "");
    if (!message) throw new Error("That message is gone.");
    const found = findElement(message.blocks ?? [], blockId, actionId);
    if (!found) throw new Error("That button is no longer on the message.");
    const channel = resolveChannel(this.ws, message.channel)!;
    const answer = await this.deliver(
      blockActionsRequest(this.ws, {
        action: actionPayload(blockId, found.element, selectedValue),
        triggerId,
        responseUrl: this.responseUrl({ channel: message.channel, threadTs: message.threadTs, messageTs: message.ts }),
        message: { channel: message.channel, channelName: channel.name, message: messageJson(message) },
      }),
      "the click",
    );
    if (answer && answer.status !== 200)
      this.slackbotNote(message.channel, "The app did not take that click (it answered with an error). Nothing changed.", message.threadTs);
  }

  /** The modal's submit button: view_submission, then whatever the app's response_action asks for. */
  async submitView(viewId: string, entered: Record<string, Record<string, string | string[] | undefined>>): Promise<{ errors?: Record<string, string> }> {
    const stored = this.state.views.get(viewId);
    if (stored?.type !== "modal") throw new Error("That form is no longer open.");
    const values = viewStateValues((stored.view.blocks as unknown[]) ?? [], entered);
    const answer = await this.deliver(viewSubmissionRequest(this.ws, viewJson(stored), values, this.state.newTrigger(this.ws.person.id)), "the form");
    if (!answer) return {};
    if (answer.status !== 200) return { errors: { "": "We had some trouble connecting. Try again?" } };
    const body = parseAnswer(answer) ?? {};
    const stack = this.state.modalStacks.get(stored.userId) ?? [];
    switch (body.response_action) {
      case "errors":
        return { errors: (body.errors as Record<string, string>) ?? {} };
      case "update":
        this.state.views.set(viewId, { ...stored, view: body.view as Record<string, unknown>, hash: `${Date.now()}` });
        break;
      case "push": {
        const id = this.state.nextId("V");
        this.state.views.set(id, { id, type: "modal", userId: stored.userId, view: body.view as Record<string, unknown>, hash: `${Date.now()}` });
        this.state.modalStacks.set(stored.userId, [...stack, id]);
        break;
      }
      case "clear":
        this.state.modalStacks.set(stored.userId, []);
        break;
      default:
        this.state.modalStacks.set(
          stored.userId,
          stack.filter((id) => id !== viewId),
        );
    }
    this.state.changed();
    return {};
  }

  async closeView(viewId: string): Promise<void> {
    const stored = this.state.views.get(viewId);
    if (!stored) return;
    const stack = this.state.modalStacks.get(stored.userId) ?? [];
    this.state.modalStacks.set(
      stored.userId,
      stack.filter((id) => id !== viewId),
    );
    this.state.changed();
    if (stored.view.notify_on_close) await this.deliver(viewClosedRequest(this.ws, viewJson(stored)), "closing the form");
  }

  async openHome(): Promise<void> {
    const home = [...this.state.views.values()].find((v) => v.type === "home" && v.userId === this.ws.person.id);
    await this.deliver(eventRequest(this.ws, this.nextEventId(), appHomeOpenedEvent(this.ws, home ? viewJson(home) : undefined)), "opening the Home tab");
  }

  /** A POST to a response_url the playground handed out (respond() in Bolt). */
  respond(id: string, body: Record<string, unknown>): boolean {
    const target = this.responses.get(id);
    if (!target) return false;
    this.showResponse(target, body);
    return true;
  }

  private showResponse(target: ResponseTarget, body: Record<string, unknown>): void {
    const original = target.messageTs ? this.state.findMessage(target.channel, target.messageTs) : undefined;
    if (original && body.delete_original === true) {
      this.state.removeMessage(original.channel, original.ts);
      return;
    }
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const text = typeof body.text === "string" ? body.text : "";
    if (original && body.replace_original === true) {
      original.text = text;
      original.blocks = blocks;
      original.edited = true;
      this.state.changed();
      return;
    }
    if (!text && !blocks) return;
    const inChannel = body.response_type === "in_channel";
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : target.threadTs;
    const message: Omit<StoredMessage, "ts" | "edited" | "reactions"> = {
      channel: target.channel,
      threadTs,
      user: this.ws.bot.id,
      botId: this.ws.bot.botId,
      text,
      blocks,
      ...(inChannel ? {} : { ephemeralTo: this.ws.person.id }),
    };
    this.state.addMessage(message);
  }
}

function parseAnswer(answer: AppAnswer): Record<string, unknown> | undefined {
  const raw = answer.body.trim();
  if (!raw) return undefined;
  if (answer.contentType.includes("json") || raw.startsWith("{")) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { text: raw };
    }
  }
  return { text: raw };
}
