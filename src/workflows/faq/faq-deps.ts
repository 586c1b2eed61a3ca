/** What the FAQ workflow is built from; the composition root hands these in. */
import type { WebClient } from "@slack/web-api";
import type { Persona } from "../../agent/personas.js";
import type { PersonSignal } from "../../domain/faq/needs-person.js";
import type { KbRetriever } from "../../kb/hybrid-search.js";
import type { Logger } from "../../logger.js";
import type { AuditedReads } from "../audited-reads.js";
import type { GatedWrites, TeammateDirectory } from "../contracts.js";
import type { FaqDraftsRepo } from "./drafts-repo.js";
import type { FaqModel } from "./grounded-answer.js";

export interface FaqWorkflowDeps {
  /** The knowledge base's retriever (kb.retriever: hybrid with embeddings, else lexical). */
  searcher: KbRetriever;
  /** The configured chat model: answers are then written by it and checked against the chunks. */
  model?: FaqModel;
  drafts: FaqDraftsRepo;
  slack: WebClient;
  writes: GatedWrites;
  teammates: TeammateDirectory;
  /** The persona whose policy and channel the flow uses (the support persona). */
  persona: Persona;
  supportChannel?: string;
  /** The teammate an auto-resolved reply is sent as (INTERCOM_DEFAULT_ADMIN_ID); no auto-resolve without one. */
  defaultAdminId?: string;
  /** For the customer's company on the card; the card shows the name only when this is missing. */
  reads?: AuditedReads;
  /** The escalation signal; defaults to the built-in word list. */
  needsPerson?: (text: string) => PersonSignal;
  logger?: Pick<Logger, "info" | "warn">;
}
