/** The FAQ policy of a persona (data/personas.yml `faq:`), with the defaults when it has none. */
import type { Persona } from "../../agent/personas.js";
import { DEFAULT_FAQ_POLICY, type FaqPolicy } from "../../domain/faq/types.js";

export interface PersonaFaqSettings {
  policy: FaqPolicy;
  /** Where drafts go: the persona's channel, else SWITCHBOARD_SUPPORT_CHANNEL. */
  channel?: string;
  gapNotes: boolean;
}

export function faqSettingsFor(persona: Persona, supportChannel: string | undefined): PersonaFaqSettings {
  const faq = persona.faq;
  return {
    policy: {
      ...DEFAULT_FAQ_POLICY,
      autoResolve: faq?.auto_resolve ?? false,
      minConfidence: faq?.min_confidence ?? DEFAULT_FAQ_POLICY.minConfidence,
      draftMinConfidence: faq?.draft_min_confidence ?? DEFAULT_FAQ_POLICY.draftMinConfidence,
    },
    channel: faq?.drafts_channel ?? supportChannel,
    gapNotes: faq?.gap_notes ?? false,
  };
}
