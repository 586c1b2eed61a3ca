/** A public source as the grounding checks see it, numbered as the model was shown it. */
import type { GroundingSource } from "../../src/domain/faq/grounding.js";

export const groundingSource = (number: number, title: string, text: string): GroundingSource => ({
  number,
  articleId: `a${number}`,
  title,
  heading: "",
  text,
  visibility: "public",
});
