/** Builds the help center (collections → sections → articles) and the internal articles from knowledge.ts. */
import { slugify } from "./ids.js";
import { type ArticleSpec, DRAFT_ARTICLE, HELP_CENTER_CONTENT, INTERNAL_ARTICLES } from "./knowledge.js";
import type { Rng } from "./prng.js";
import { escapeHtml } from "./texts.js";
import type { Article, Collection, GroupTranslatedContent, HelpCenter, InternalArticle, Section } from "./types.js";

export interface ArticleRef {
  id: string;
  title: string;
  url: string;
  /** The article's opening paragraph, which agents paste into replies. */
  summary: string;
}

export interface HelpCenterContent {
  helpCenters: HelpCenter[];
  collections: Collection[];
  sections: Section[];
  articles: Article[];
  internalArticles: InternalArticle[];
  /** Published article answering each covered intent. */
  articleByIntent: Map<string, ArticleRef>;
  articleIntents: Record<string, string[]>;
}

interface BuildInput {
  rng: Rng;
  now: number;
  workspaceId: string;
  domain: string;
  authorIds: number[];
}

const groupContent = (name: string, description: string): GroupTranslatedContent => ({
  type: "group_translated_content",
  en: { type: "group_content", name, description },
});

export function buildHelpCenter({ rng, now, workspaceId, domain, authorIds }: BuildInput): HelpCenterContent {
  const base = `https://help.${domain}`;
  const hcCreated = now - 700 * 86400;
  const helpCenters: HelpCenter[] = [
    {
      id: "301",
      workspace_id: workspaceId,
      created_at: hcCreated,
      updated_at: now - 20 * 86400,
      identifier: "kestrel",
      website_turned_on: true,
      display_name: "Kestrel Help Center",
      url: base,
      custom_domain: `help.${domain}`,
      default: true,
      locales: ["en"],
    },
  ];
  const collections: Collection[] = [];
  const sections: Section[] = [];
  const articles: Article[] = [];
  const articleByIntent = new Map<string, ArticleRef>();
  const articleIntents: Record<string, string[]> = {};

  const pushArticle = (spec: ArticleSpec, parentId: number, state: "published" | "draft") => {
    const id = String(9800001 + articles.length);
    const created = now - rng.int(60, 600) * 86400;
    const updated = Math.min(now - 86400, created + rng.int(0, 50) * 86400);
    const authorId = rng.pick(authorIds);
    const url = `${base}/en/articles/${id}-${slugify(spec.title)}`;
    const body = spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
    const markdown = `# ${spec.title}\n\n${spec.paragraphs.join("\n\n")}`;
    const views = state === "published" ? rng.int(50, 5000) : 0;
    const reactions = Math.floor(views * 0.04);
    const happy = rng.int(40, 80);
    const neutral = rng.int(5, 100 - happy);
    const involvements = Math.floor(views * 0.3);
    const resolutions = Math.floor(involvements * (0.4 + rng.next() * 0.4));
    articles.push({
      type: "article",
      id,
      workspace_id: workspaceId,
      title: spec.title,
      description: spec.description,
      body,
      body_markdown: markdown,
      author_id: authorId,
      state,
      created_at: created,
      updated_at: updated,
      has_unpublished_changes: false,
      draft_updated_at: null,
      url: state === "published" ? url : null,
      parent_ids: [parentId],
      ai_chatbot_availability: true,
      ai_copilot_availability: true,
      ai_sales_agent_availability: false,
      created_by_id: authorId,
      updated_by_id: authorId,
      exclude_from_article_suggestions: false,
      help_center_audience: "everyone",
      scheduled_publish_at: null,
      scheduled_unpublish_at: null,
      default_locale: "en",
      translated_content: {
        type: "article_translated_content",
        en: {
          type: "article_content",
          title: spec.title,
          description: spec.description,
          body,
          body_markdown: markdown,
          author_id: authorId,
          state,
          created_at: created,
          updated_at: updated,
          has_unpublished_changes: false,
          draft_updated_at: null,
          url,
          audience_ids: [],
          ai_chatbot_availability: true,
          ai_copilot_availability: true,
          ai_sales_agent_availability: false,
          created_by_id: authorId,
          updated_by_id: authorId,
        },
      },
      tags: { type: "tag.list", tags: [] },
      statistics: {
        type: "article_statistics",
        views,
        conversions: Math.floor(views * 0.01),
        reactions,
        happy_reaction_percentage: happy,
        neutral_reaction_percentage: neutral,
        sad_reaction_percentage: 100 - happy - neutral,
        fin_involvements: involvements,
        fin_resolutions: resolutions,
        fin_resolution_rate: involvements === 0 ? 0 : Math.round((resolutions / involvements) * 1000) / 10,
      },
    });
    if (state !== "published") return;
    articleIntents[id] = [...spec.intents];
    for (const intent of spec.intents) articleByIntent.set(intent, { id, title: spec.title, url, summary: spec.paragraphs[0] });
  };

  HELP_CENTER_CONTENT.forEach((collectionSpec, ci) => {
    const collectionId = String(14000001 + ci);
    const created = hcCreated + ci * 3600;
    collections.push({
      type: "collection",
      id: collectionId,
      workspace_id: workspaceId,
      name: collectionSpec.name,
      description: collectionSpec.description,
      created_at: created,
      updated_at: created,
      url: `${base}/en/collections/${collectionId}-${slugify(collectionSpec.name)}`,
      icon: collectionSpec.icon,
      order: ci + 1,
      default_locale: "en",
      translated_content: groupContent(collectionSpec.name, collectionSpec.description),
      parent_id: null,
      help_center_id: Number(helpCenters[0].id),
    });
    collectionSpec.sections.forEach((sectionSpec, si) => {
      const sectionId = String(14100001 + sections.length);
      sections.push({
        type: "section",
        id: sectionId,
        workspace_id: workspaceId,
        name: sectionSpec.name,
        created_at: created,
        updated_at: created,
        url: `${base}/en/collections/${collectionId}-${slugify(collectionSpec.name)}#${slugify(sectionSpec.name)}`,
        icon: null,
        order: si + 1,
        parent_id: Number(collectionId),
        default_locale: "en",
        translated_content: groupContent(sectionSpec.name, sectionSpec.description),
      });
      for (const articleSpec of sectionSpec.articles) pushArticle(articleSpec, Number(sectionId), "published");
    });
  });
  pushArticle(DRAFT_ARTICLE, Number(collections[collections.length - 1].id), "draft");

  const internalArticles: InternalArticle[] = INTERNAL_ARTICLES.map((spec, i) => {
    const created = now - rng.int(30, 300) * 86400;
    const authorId = rng.pick(authorIds);
    return {
      type: "internal_article",
      id: String(310001 + i),
      title: spec.title,
      body: spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(""),
      body_markdown: `# ${spec.title}\n\n${spec.paragraphs.join("\n\n")}`,
      owner_id: authorIds[0],
      author_id: authorId,
      created_at: created,
      updated_at: created + rng.int(0, 20) * 86400,
      locale: "en",
      audience_ids: [],
      ai_chatbot_availability: false,
      ai_copilot_availability: true,
      ai_sales_agent_availability: false,
    };
  });

  return { helpCenters, collections, sections, articles, internalArticles, articleByIntent, articleIntents };
}
