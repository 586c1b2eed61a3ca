/** Workspace settings-like resources: data attributes, subscriptions, news, macros and external content. */
import type { Rng } from "./prng.js";
import { paragraph } from "./texts.js";
import type { ContentImportSource, DataAttribute, ExternalPage, Macro, Newsfeed, NewsItem, SubscriptionType } from "./types.js";

const DAY = 86400;

export function buildDataAttributes(now: number, adminId: string): DataAttribute[] {
  const created = now - 500 * DAY;
  const rows: [DataAttribute["model"], string, string, string, DataAttribute["data_type"], boolean, string[]?][] = [
    ["contact", "name", "Name", "The person's full name", "string", false],
    ["contact", "email", "Email", "The person's email address", "string", false],
    ["contact", "phone", "Phone", "The person's phone number", "string", false],
    ["contact", "plan", "Plan", "Subscription plan of the customer", "string", true, ["standard", "plus", "premium", "vip"]],
    ["contact", "tier", "Tier", "Service tier used for routing", "string", true, ["standard", "gold", "vip"]],
    ["contact", "kyc_status", "KYC status", "Whether identity checks are complete", "string", true, ["verified", "pending"]],
    ["contact", "monthly_card_spend", "Monthly card spend", "Average card spend per month, in pounds", "integer", true],
    ["contact", "account_opened_at", "Account opened", "When the account was opened", "date", true],
    ["contact", "lead_source", "Lead source", "Where a lead first found us", "string", true, ["website", "referral", "app_store", "campaign"]],
    ["company", "name", "Company name", "The company's name", "string", false],
    ["company", "tier", "Company tier", "Business plan tier", "string", true, ["starter", "business", "enterprise"]],
    ["company", "region", "Region", "Country of registration", "string", true],
  ];
  return rows.map(([model, name, label, description, dataType, custom, options], i) => {
    const attribute: DataAttribute = {
      type: "data_attribute",
      id: 120001 + i,
      model,
      name,
      full_name: custom ? `custom_attributes.${name}` : name,
      label,
      description,
      data_type: dataType,
      api_writable: custom,
      messenger_writable: false,
      ui_writable: true,
      custom,
      archived: false,
      created_at: created,
      updated_at: created,
    };
    if (options) attribute.options = options;
    if (custom) attribute.admin_id = adminId;
    return attribute;
  });
}

export function buildSubscriptionTypes(): SubscriptionType[] {
  const rows: [string, string, SubscriptionType["consent_type"], SubscriptionType["content_types"]][] = [
    ["Product updates", "New features and changes to the app", "opt_out", ["email"]],
    ["Security alerts", "Unusual sign-ins and card security notices", "opt_out", ["email", "sms_message"]],
    ["Offers", "Partner discounts and promotions", "opt_in", ["email"]],
  ];
  return rows.map(([name, description, consent, contentTypes], i) => {
    const translation = { name, description, locale: "en" };
    return {
      type: "subscription",
      id: String(174001 + i),
      state: "live",
      default_translation: translation,
      translations: [{ ...translation }],
      consent_type: consent,
      content_types: contentTypes,
    };
  });
}

export function buildNews(rng: Rng, now: number, workspaceId: string, senderId: number): { newsfeeds: Newsfeed[]; newsItems: NewsItem[] } {
  const feedCreated = now - 400 * DAY;
  const newsfeeds: Newsfeed[] = [
    { id: "198301", type: "newsfeed", name: "Mobile app", created_at: feedCreated, updated_at: feedCreated },
    { id: "198302", type: "newsfeed", name: "Website", created_at: feedCreated, updated_at: feedCreated },
  ];
  const rows: [string, string, "live" | "draft", string][] = [
    ["Disposable cards on the Plus plan", "Plus customers can now create single-use virtual cards.", "live", "New feature"],
    ["Weekend exchange fees are changing", "From next month the weekend markup drops to 0.5%.", "live", "Pricing"],
    ["Faster UK transfers", "Most transfers to UK banks now arrive in seconds.", "live", "Improvement"],
    ["Scheduled maintenance", "The app will be unavailable for 30 minutes on Sunday at 02:00 UTC.", "live", "Service"],
    ["Savings vaults are coming", "Put money aside for your goals, soon in the app.", "draft", "New feature"],
  ];
  const newsItems = rows.map(([title, body, state, label], i): NewsItem => {
    const created = now - rng.int(2, 90) * DAY;
    return {
      type: "news-item",
      id: String(141001 + i),
      workspace_id: workspaceId,
      title,
      body: paragraph(body),
      sender_id: senderId,
      state,
      newsfeed_assignments: state === "live" ? [{ newsfeed_id: Number(newsfeeds[i % 2].id), published_at: created }] : [],
      labels: [label],
      cover_image_url: null,
      reactions: ["👍", "❤️", "😐"],
      deliver_silently: false,
      created_at: created,
      updated_at: created,
    };
  });
  return { newsfeeds, newsItems };
}

export function buildMacros(now: number, teamIds: string[]): Macro[] {
  const rows: [string, string][] = [
    ["Card delivery delay", "Sorry your card is taking longer than expected. You can track it under Cards in the app."],
    ["Ask for transaction details", "Could you send the date, amount and merchant of the payment so I can look into it?"],
    ["Identity verification help", "Please retake the photo in good light with the whole document visible."],
    ["Refund timeline", "Merchant refunds usually reach your account within 5 working days."],
    ["Closing the account", "Before closing, please move your remaining balance out of the account."],
    ["Source of funds request", "To comply with regulations we need a document showing where these funds came from."],
    ["Fraud: card frozen", "I've frozen your card to keep your money safe while we investigate."],
    ["Thanks and close", "Glad I could help. I'll close this conversation now."],
  ];
  const iso = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, ".000Z");
  return rows.map(([name, text], i): Macro => {
    const created = now - (200 - i * 13) * DAY;
    const restricted = name.startsWith("Fraud") || name.startsWith("Source");
    return {
      type: "macro",
      id: String(8801 + i),
      name,
      body: `<p>Hi <attribute key="user.first_name" default="there">, ${text}</p>`,
      body_text: `Hi {{user.first_name|fallback:"there"}}, ${text}`,
      created_at: iso(created),
      updated_at: iso(created + 7 * DAY),
      visible_to: restricted ? "specific_teams" : "everyone",
      visible_to_team_ids: restricted ? teamIds.slice(1, 2) : [],
      available_on: ["inbox"],
    };
  });
}

export function buildExternalContent(now: number, domain: string): { contentImportSources: ContentImportSource[]; externalPages: ExternalPage[] } {
  const created = now - 120 * DAY;
  const synced = now - 2 * DAY;
  const source: ContentImportSource = {
    type: "content_import_source",
    id: 3301,
    last_synced_at: synced,
    sync_behavior: "api",
    status: "active",
    url: `https://www.${domain}/legal/`,
    created_at: created,
    updated_at: synced,
    audience_ids: [],
  };
  const pages: [string, string][] = [
    ["Fee schedule", "All fees for cards, transfers, exchange and cash withdrawals, by plan."],
    ["Terms and conditions", "The agreement between you and Kestrel for personal accounts."],
    ["Complaints procedure", "How to complain and how long we take to respond: we aim to resolve complaints within 15 working days."],
    ["Deposit protection", "Eligible deposits are protected up to £85,000 by the national scheme."],
  ];
  const externalPages = pages.map(
    ([title, text], i): ExternalPage => ({
      type: "external_page",
      id: String(7701 + i),
      title,
      html: `<h1>${title}</h1>${paragraph(text)}`,
      url: `https://www.${domain}/legal/${title.toLowerCase().replace(/[^a-z]+/g, "-")}`,
      ai_agent_availability: true,
      ai_copilot_availability: true,
      ai_sales_agent_availability: false,
      fin_availability: true,
      locale: "en",
      source_id: source.id,
      external_id: `legal-${i + 1}`,
      created_at: created,
      updated_at: synced,
      last_ingested_at: synced,
    }),
  );
  return { contentImportSources: [source], externalPages };
}
