/**
 * FAQ drafts in SQLite. A decision is one conditional UPDATE (pending → sending), so of two clicks, two
 * processes or a click after a restart exactly one wins; the row keeps who decided and what came of it.
 */
import { randomUUID } from "node:crypto";
import type { Citation, FaqDecision } from "../../domain/faq/types.js";
import type { Db } from "../../store/database.js";

export type DraftStatus = "pending" | "sending" | "sent" | "failed" | "dismissed" | "abstained";
/** "auto": answered by policy, the close still offered to a person; "auto_close": a person took that close. */
export type DraftAction = "send" | "send_close" | "dismiss" | "auto" | "auto_close";

/** An internal article that informed the draft, as its card shows it to teammates (never sent to a customer). */
export interface InternalNote {
  title: string;
  excerpt: string;
}

/** The card shows two notes at most, each title to 150 characters and excerpt to 300: nothing longer is kept. */
const MAX_NOTES = 2;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const storedNotes = (notes: readonly InternalNote[]): InternalNote[] =>
  notes.slice(0, MAX_NOTES).map((n) => ({ title: clip(n.title, 150), excerpt: clip(n.excerpt, 300) }));

export interface FaqDraft {
  id: string;
  conversationId: string;
  messageKey: string;
  persona: string;
  kind: "conversation" | "ticket";
  customerName?: string;
  companyName?: string;
  question: string;
  answerHtml: string;
  answerText: string;
  citations: Citation[];
  /** Shown on every refresh of the card; none for drafts stored before the notes were kept. */
  internal: InternalNote[];
  confidence: number;
  decision: FaqDecision;
  status: DraftStatus;
  action?: DraftAction;
  decidedBy?: string;
  decidedAt?: number;
  /** Plain words for the card: "Sent to the customer as Dana.", "Could not send: …". */
  outcome?: string;
  /**
   * The reply went out but no answer came back: it may or may not have reached the customer. Kept as status
   * "sending" with an outcome (the table's states predate this), so no button can send it a second time.
   */
  uncertain: boolean;
  channelId?: string;
  messageTs?: string;
  createdAt: number;
}

export type NewDraft = Omit<
  FaqDraft,
  "id" | "status" | "uncertain" | "createdAt" | "action" | "decidedBy" | "decidedAt" | "outcome" | "channelId" | "messageTs" | "internal"
> & {
  status: DraftStatus;
  internal?: readonly InternalNote[];
};

interface Row {
  id: string;
  conversation_id: string;
  message_key: string;
  persona: string;
  kind: "conversation" | "ticket";
  customer_name: string | null;
  company_name: string | null;
  question: string;
  answer_html: string;
  answer_text: string;
  citations: string;
  internal_notes: string | null;
  confidence: number;
  decision: FaqDecision;
  status: DraftStatus;
  action: DraftAction | null;
  decided_by: string | null;
  decided_at: number | null;
  outcome: string | null;
  channel_id: string | null;
  message_ts: string | null;
  created_at: number;
}

const fromRow = (r: Row): FaqDraft => ({
  id: r.id,
  conversationId: r.conversation_id,
  messageKey: r.message_key,
  persona: r.persona,
  kind: r.kind,
  customerName: r.customer_name ?? undefined,
  companyName: r.company_name ?? undefined,
  question: r.question,
  answerHtml: r.answer_html,
  answerText: r.answer_text,
  citations: JSON.parse(r.citations) as Citation[],
  internal: r.internal_notes ? (JSON.parse(r.internal_notes) as InternalNote[]) : [],
  confidence: r.confidence,
  decision: r.decision,
  status: r.status,
  action: r.action ?? undefined,
  decidedBy: r.decided_by ?? undefined,
  decidedAt: r.decided_at ?? undefined,
  outcome: r.outcome ?? undefined,
  uncertain: r.status === "sending" && r.outcome !== null,
  channelId: r.channel_id ?? undefined,
  messageTs: r.message_ts ?? undefined,
  createdAt: r.created_at,
});

export class FaqDraftsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates the draft for a message once; a redelivery gets the existing one back. */
  createOnce(draft: NewDraft): { draft: FaqDraft; created: boolean } {
    const at = this.now();
    const info = this.db
      .prepare(`INSERT OR IGNORE INTO faq_drafts (id, conversation_id, message_key, persona, kind, customer_name, company_name, question, answer_html,
        answer_text, citations, internal_notes, confidence, decision, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        randomUUID(),
        draft.conversationId,
        draft.messageKey,
        draft.persona,
        draft.kind,
        draft.customerName ?? null,
        draft.companyName ?? null,
        draft.question,
        draft.answerHtml,
        draft.answerText,
        JSON.stringify(draft.citations),
        draft.internal?.length ? JSON.stringify(storedNotes(draft.internal)) : null,
        draft.confidence,
        draft.decision,
        draft.status,
        at,
        at,
      );
    return { draft: this.byMessageKey(draft.messageKey) as FaqDraft, created: info.changes === 1 };
  }

  /**
   * Replies a stopped process left half-done: claimed by a click or answered by policy (status "sending") with no
   * outcome recorded yet. Only read at start, before any click can be in flight.
   */
  interrupted(): FaqDraft[] {
    return (this.db.prepare("SELECT * FROM faq_drafts WHERE status = 'sending' AND outcome IS NULL ORDER BY created_at").all() as Row[]).map(fromRow);
  }

  get(id: string): FaqDraft | undefined {
    const row = this.db.prepare("SELECT * FROM faq_drafts WHERE id = ?").get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  byMessageKey(key: string): FaqDraft | undefined {
    const row = this.db.prepare("SELECT * FROM faq_drafts WHERE message_key = ?").get(key) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  setMessage(id: string, channelId: string, messageTs: string): void {
    this.db.prepare("UPDATE faq_drafts SET channel_id = ?, message_ts = ?, updated_at = ? WHERE id = ?").run(channelId, messageTs, this.now(), id);
  }

  /** The one decision: true for the caller that won it. An edited answer replaces the draft's text. */
  claim(id: string, action: DraftAction, decidedBy: string, edited?: { html: string; text: string }): boolean {
    const at = this.now();
    const status = action === "dismiss" ? "dismissed" : "sending";
    const outcome = action === "dismiss" ? "Dismissed: nothing was sent." : null;
    const info = edited
      ? this.db
          .prepare(`UPDATE faq_drafts SET status = ?, action = ?, decided_by = ?, decided_at = ?, outcome = ?, answer_html = ?, answer_text = ?, updated_at = ?
            WHERE id = ? AND status = 'pending'`)
          .run(status, action, decidedBy, at, outcome, edited.html, edited.text, at, id)
      : this.db
          .prepare(
            "UPDATE faq_drafts SET status = ?, action = ?, decided_by = ?, decided_at = ?, outcome = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
          )
          .run(status, action, decidedBy, at, outcome, at, id);
    return info.changes === 1;
  }

  /**
   * A click found the draft overtaken in Intercom (a teammate replied, the conversation closed): decided by that
   * click with nothing sent. True for the caller that won it, as with claim.
   */
  dismissStale(id: string, decidedBy: string, outcome: string): boolean {
    const at = this.now();
    const info = this.db
      .prepare("UPDATE faq_drafts SET status = 'dismissed', decided_by = ?, decided_at = ?, outcome = ?, updated_at = ? WHERE id = ? AND status = 'pending'")
      .run(decidedBy, at, outcome, at, id);
    return info.changes === 1;
  }

  /** Drafts of the same conversation written before this one (insertion order, which a clock cannot tie) still waiting for a click. */
  olderPending(newer: Pick<FaqDraft, "id" | "conversationId" | "kind">): FaqDraft[] {
    const rows = this.db
      .prepare(`SELECT * FROM faq_drafts WHERE conversation_id = ? AND kind = ? AND status = 'pending'
        AND rowid < (SELECT rowid FROM faq_drafts WHERE id = ?) ORDER BY rowid`)
      .all(newer.conversationId, newer.kind, newer.id) as Row[];
    return rows.map(fromRow);
  }

  /** The answers sent (or being sent) into one conversation or ticket, as the HTML that went out. */
  sentAnswers(conversationId: string, kind: FaqDraft["kind"]): string[] {
    const rows = this.db
      .prepare("SELECT answer_html FROM faq_drafts WHERE conversation_id = ? AND kind = ? AND status IN ('sent', 'sending') AND answer_html != ''")
      .all(conversationId, kind) as { answer_html: string }[];
    return rows.map((r) => r.answer_html);
  }

  /** Decided by nobody, with nothing sent, if it is still waiting for a click; true when this call closed it. */
  supersede(id: string, outcome: string): boolean {
    const at = this.now();
    const info = this.db
      .prepare("UPDATE faq_drafts SET status = 'dismissed', decided_at = ?, outcome = ?, updated_at = ? WHERE id = ? AND status = 'pending'")
      .run(at, outcome, at, id);
    return info.changes === 1;
  }

  /** Adds a line a pending card shows above its buttons (once); true when it was added. */
  notePending(id: string, note: string): boolean {
    const info = this.db
      .prepare(`UPDATE faq_drafts SET outcome = CASE WHEN outcome IS NULL THEN ? ELSE outcome || ' ' || ? END, updated_at = ?
        WHERE id = ? AND status = 'pending' AND (outcome IS NULL OR instr(outcome, ?) = 0)`)
      .run(note, note, this.now(), id, note);
    return info.changes === 1;
  }

  finish(id: string, status: "sent" | "failed", outcome: string, action?: DraftAction): void {
    this.db
      .prepare("UPDATE faq_drafts SET status = ?, outcome = ?, action = COALESCE(?, action), updated_at = ? WHERE id = ?")
      .run(status, outcome, action ?? null, this.now(), id);
  }

  /** The send's outcome is unknown: recorded, never retried from a button. */
  markUncertain(id: string, outcome: string, action?: DraftAction): void {
    this.db
      .prepare("UPDATE faq_drafts SET status = 'sending', outcome = ?, action = COALESCE(?, action), updated_at = ? WHERE id = ?")
      .run(outcome, action ?? null, this.now(), id);
  }

  /** An automatic send the policy refused goes back to a person as an ordinary draft. */
  reopen(id: string, note: string): void {
    this.db.prepare("UPDATE faq_drafts SET status = 'pending', outcome = ?, updated_at = ? WHERE id = ? AND status = 'sending'").run(note, this.now(), id);
  }

  /** The one close of an automatically answered conversation: true for the person who won it. */
  claimClose(id: string, decidedBy: string): boolean {
    const at = this.now();
    const info = this.db
      .prepare(
        "UPDATE faq_drafts SET action = 'auto_close', decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ? AND status = 'sent' AND action = 'auto'",
      )
      .run(decidedBy, at, at, id);
    return info.changes === 1;
  }

  setOutcome(id: string, outcome: string): void {
    this.db.prepare("UPDATE faq_drafts SET outcome = ?, updated_at = ? WHERE id = ?").run(outcome, this.now(), id);
  }
}
