/**
 * The pretend Slack workspace the playground shows: one team, the bot, the person using the page and three
 * conversations (#support, #product, a DM with the bot). Ids look like Slack's so the app treats them as real.
 */

export interface PlaygroundUser {
  id: string;
  name: string;
  realName: string;
  email: string;
  isBot: boolean;
  botId?: string;
}

export interface PlaygroundChannel {
  id: string;
  name: string;
  kind: "channel" | "im";
  purpose: string;
  /** For a DM: the person on the other side of the bot. */
  user?: string;
}

export interface PlaygroundWorkspace {
  teamId: string;
  teamName: string;
  appId: string;
  bot: PlaygroundUser;
  person: PlaygroundUser;
  channels: PlaygroundChannel[];
  supportChannel: string;
  productChannel: string;
  dmChannel: string;
}

export interface WorkspaceOptions {
  /** Who uses the page; matching an Intercom teammate's email lets replies go out as that teammate. */
  personName?: string;
  personEmail?: string;
}

export function createWorkspace(options: WorkspaceOptions = {}): PlaygroundWorkspace {
  const bot: PlaygroundUser = { id: "U0SWITCHBD", name: "switchboard", realName: "Switchboard", email: "", isBot: true, botId: "B0SWITCHBD" };
  const person: PlaygroundUser = {
    id: "U0DEMOLEAD",
    name: (options.personName ?? "Support Lead").toLowerCase().replace(/[^a-z0-9]+/g, "."),
    realName: options.personName ?? "Support Lead",
    email: options.personEmail ?? "support.lead@example.com",
    isBot: false,
  };
  const channels: PlaygroundChannel[] = [
    { id: "C0SUPPORT1", name: "support", kind: "channel", purpose: "Drafts, approvals and escalation alerts land here" },
    { id: "C0PRODUCT1", name: "product", kind: "channel", purpose: "The weekly themes digest lands here" },
    { id: "D0SWITCHBD", name: "switchboard", kind: "im", purpose: "Direct messages with the bot", user: person.id },
  ];
  return {
    teamId: "T0PLAYGRND",
    teamName: "Playground",
    appId: "A0SWITCHBD",
    bot,
    person,
    channels,
    supportChannel: "C0SUPPORT1",
    productChannel: "C0PRODUCT1",
    dmChannel: "D0SWITCHBD",
  };
}

/** Finds a conversation by id, by #name or name, or the DM for a user id (Slack accepts all of these). */
export function resolveChannel(workspace: PlaygroundWorkspace, ref: unknown): PlaygroundChannel | undefined {
  if (typeof ref !== "string" || ref === "") return undefined;
  const name = ref.startsWith("#") ? ref.slice(1) : ref;
  return workspace.channels.find((c) => c.id === ref || (c.kind === "channel" && c.name === name) || (c.kind === "im" && c.user === ref));
}

export function findUser(workspace: PlaygroundWorkspace, id: unknown): PlaygroundUser | undefined {
  return [workspace.bot, workspace.person].find((u) => u.id === id);
}
