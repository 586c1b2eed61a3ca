/**
 * What the page shows, kept in memory: messages (with threads, ephemerals, files and reactions), the App Home
 * view, open modals and uploaded files. Every change bumps a version and notifies listeners, which push a new
 * snapshot to the page over server-sent events.
 */

export interface FileRef {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  /** Where the page loads the bytes from. */
  url: string;
  altText?: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  files?: FileRef[];
  /** Set for chat.postEphemeral and ephemeral responses: only this user sees it. */
  ephemeralTo?: string;
  /** Who wrote it when not a Slack user (the playground's own notes). */
  author?: string;
  edited: boolean;
  reactions: { name: string; users: string[] }[];
}

export interface StoredView {
  id: string;
  type: "modal" | "home";
  userId: string;
  view: Record<string, unknown>;
  hash: string;
  externalId?: string;
}

export interface UploadedFile {
  ref: FileRef;
  bytes: Buffer;
  complete: boolean;
}

export interface PlaygroundNotice {
  id: number;
  level: "info" | "error";
  text: string;
}

export class SlackState {
  messages: StoredMessage[] = [];
  views = new Map<string, StoredView>();
  /** Open modals per user, bottom first (views.push stacks them). */
  modalStacks = new Map<string, string[]>();
  files = new Map<string, UploadedFile>();
  triggers = new Map<string, { userId: string }>();
  notices: PlaygroundNotice[] = [];
  version = 0;
  private sequence = 0;
  private ids = 0;
  private readonly listeners = new Set<() => void>();

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Slack timestamps: seconds, a dot, six digits; strictly increasing so order and identity both hold. */
  nextTs(): string {
    this.sequence += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.sequence % 1_000_000).padStart(6, "0")}`;
  }

  nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}${this.ids.toString(36).toUpperCase().padStart(8, "0")}`;
  }

  addMessage(message: Omit<StoredMessage, "ts" | "edited" | "reactions"> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = { edited: false, reactions: [], ...message, ts: message.ts ?? this.nextTs() };
    this.messages.push(stored);
    this.changed();
    return stored;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  removeMessage(channel: string, ts: string): boolean {
    const before = this.messages.length;
    this.messages = this.messages.filter((m) => !(m.channel === channel && (m.ts === ts || m.threadTs === ts)));
    if (this.messages.length !== before) this.changed();
    return this.messages.length !== before;
  }

  newTrigger(userId: string): string {
    const id = `${Date.now()}.${this.nextId("")}.playground`;
    this.triggers.set(id, { userId });
    return id;
  }

  notice(level: PlaygroundNotice["level"], text: string): void {
    this.ids += 1;
    this.notices = [...this.notices.slice(-19), { id: this.ids, level, text }];
    this.changed();
  }

  reset(): void {
    this.messages = [];
    this.views.clear();
    this.modalStacks.clear();
    this.files.clear();
    this.triggers.clear();
    this.notices = [];
    this.changed();
  }
}
