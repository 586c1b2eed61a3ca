/** The customer's language and what it does to articles in other locales. */
import { describe, expect, it } from "vitest";
import { localeFactor, messageLanguage } from "../../src/kb/message-language.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import { helpArticle } from "../helpers/kb-article.js";

describe("messageLanguage", () => {
  it("names the language a message is clearly written in", () => {
    expect(messageLanguage("como faço pra baixar todas as minhas notas de uma vez? vou trocar de computador")).toBe("pt");
    expect(messageLanguage("quiero darme de baja, no quiero que me vuelvan a cobrar el mes que viene")).toBe("es");
    expect(messageLanguage("J'ai oublié mon mot de passe, comment je fais pour en avoir un nouveau ?")).toBe("fr");
    expect(messageLanguage("Wie richte ich die Zwei-Faktor-Anmeldung ein? Unsere IT verlangt das")).toBe("de");
    expect(messageLanguage("hoe groot mag een bijlage zijn? mijn video wil maar niet uploaden")).toBe("nl");
    expect(messageLanguage("l'app esiste in italiano? mia madre non parla inglese")).toBe("it");
    expect(messageLanguage("how do I cancel my subscription before it renews?")).toBe("en");
  });

  it("does not guess from a message too short or too mixed to tell", () => {
    expect(messageLanguage("export??")).toBeUndefined();
    expect(messageLanguage("student discount?")).toBeUndefined();
    expect(messageLanguage("")).toBeUndefined();
  });

  it("reads short English questions as English, where trigram detectors say Portuguese or French", () => {
    for (const text of ["do you take paypal?", "how do I set up 2FA", "how do I print a whole notebook", "where does it go?"])
      expect(messageLanguage(text), text).not.toMatch(/^(fr|es|pt|it|nl|de)$/);
  });
});

describe("localeFactor", () => {
  it("weighs down only a page in a third language; English pages and unknown languages stay as they are", () => {
    expect(localeFactor("es", "pt")).toBeLessThan(1);
    expect(localeFactor("fr", "en")).toBeLessThan(1);
    expect(localeFactor("pt-BR", "pt")).toBe(1);
    expect(localeFactor("en", "pt")).toBe(1);
    expect(localeFactor("en-GB", "de")).toBe(1);
    expect(localeFactor("es", undefined)).toBe(1);
  });
});

describe("search in the customer's language", () => {
  // Enough other pages for bm25 to have a scale (in a two-page index every word is in half the pages).
  const others = ["billing", "invoices", "passwords", "themes", "sharing", "tags", "printing", "calendar", "reminders", "templates"].flatMap((t) => [
    helpArticle(`about-${t}`, `About ${t}`, `<p>Everything about ${t} in the app, from the menu.</p>`),
    helpArticle(`more-${t}`, `More on ${t}`, `<p>Settings for ${t}, and who can change them.</p>`),
  ]);
  const kb = () =>
    buildTempKb([
      helpArticle("export-en", "Exporting your notes", "<p>To download all notes at once, open Settings and choose Export. You get a zip file.</p>"),
      helpArticle(
        "sync-es",
        "Las notas no se sincronizan",
        "<p>Si tus notas no se sincronizan en el computador, vuelve a cargar las notas. En un computador nuevo, inicia sesión y espera.</p>",
        { locale: "es" },
      ),
      ...others,
    ]);

  it("does not answer a Portuguese question with a Spanish page first when an English one matches", () => {
    const index = kb();
    try {
      // Without the locale weight the Spanish page comes first: it shares "notas" and "computador" (twice).
      const hits = index.searcher.search({ text: "como faço pra baixar todas as minhas notas de uma vez? vou trocar de computador", k: 2 });
      expect(hits.map((h) => h.articleId)).toEqual(["export-en", "sync-es"]);
    } finally {
      index.close();
    }
  });

  it("still finds the Spanish page first for a Spanish question", () => {
    const index = kb();
    try {
      const hits = index.searcher.search({ text: "mis notas no se sincronizan en el computador nuevo", k: 2 });
      expect(hits[0]?.articleId).toBe("sync-es");
    } finally {
      index.close();
    }
  });
});
