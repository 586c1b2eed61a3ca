/** The bank's customers (users) and prospects (leads), and how conversation activity is reflected on them. */
import { kindSalt, objectId } from "./ids.js";
import { FIRST_NAMES, LAST_NAMES, LOCATIONS, PERSONAL_DOMAINS } from "./names.js";
import type { Rng } from "./prng.js";
import type { AddressableList, Company, Contact, Conversation, TagBasic } from "./types.js";

const PLANS = ["standard", "plus", "premium"] as const;
const DEVICES = [
  { os: "iOS 17.5", ios: "iPhone 14", browser: null },
  { os: "Android 14", android: "Pixel 8", browser: null },
  { os: "Mac OS X", browser: "Chrome" },
  { os: "Windows 11", browser: "Edge" },
  { os: "Android 13", android: "Galaxy S22", browser: null },
] as const;

const list = (url: string, data: AddressableList["data"] = []): AddressableList => ({
  type: "list",
  data,
  url,
  total_count: data.length,
  has_more: false,
});

export function isVip(contact: Contact): boolean {
  return contact.custom_attributes.plan === "vip";
}

export interface ContactBuildInput {
  rng: Rng;
  seed: number;
  now: number;
  /** Contacts exist before this time, so every conversation starts after its contact was created. */
  createdBefore: number;
  workspaceId: string;
  count: number;
  companies: Company[];
  vipTag: TagBasic;
}

export function buildContacts({ rng, seed, now, createdBefore, workspaceId, count, companies, vipTag }: ContactBuildInput): Contact[] {
  const salt = kindSalt(seed, "contact");
  const contacts: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const lead = rng.chance(0.22);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const anonymousLead = lead && rng.chance(0.5);
    const company = !lead && companies.length > 0 && rng.chance(0.3) ? rng.pick(companies) : null;
    const domain = company ? company.website.replace("https://", "") : rng.pick(PERSONAL_DOMAINS);
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    const email = `${local}${i}@${domain}`;
    const created = lead ? createdBefore - rng.int(1, 90) * 86400 - rng.int(0, 86399) : createdBefore - rng.int(1, 900) * 86400 - rng.int(0, 86399);
    const id = objectId(created, salt, i);
    const location = rng.pick(LOCATIONS);
    const device = rng.pick(DEVICES);
    const vip = !lead && rng.chance(0.03);
    const plan = vip ? "vip" : rng.pick(PLANS);
    const lastSeen = Math.min(now, createdBefore + rng.int(0, Math.max(0, now - createdBefore)));
    const customAttributes: Contact["custom_attributes"] = lead
      ? { lead_source: rng.pick(["website", "referral", "app_store", "campaign"]) }
      : {
          plan,
          tier: vip ? "vip" : plan === "premium" ? "gold" : "standard",
          kyc_status: rng.chance(0.95) ? "verified" : "pending",
          monthly_card_spend: rng.int(50, vip ? 25000 : 3000),
          account_opened_at: created,
        };
    const tagData = vip ? [{ type: "tag", id: vipTag.id, url: `/tags/${vipTag.id}` }] : [];
    const companyData = company ? [{ type: "company", id: company.id, url: `/companies/${company.id}` }] : [];
    if (company) company.user_count++;
    contacts.push({
      type: "contact",
      id,
      external_id: lead ? null : `cus_${String(100000 + i)}`,
      workspace_id: workspaceId,
      role: lead ? "lead" : "user",
      email,
      email_domain: domain,
      phone: rng.chance(0.6) ? `+447700900${String(i % 1000).padStart(3, "0")}` : null,
      name: anonymousLead ? null : `${first} ${last}`,
      owner_id: null,
      has_hard_bounced: false,
      marked_email_as_spam: false,
      unsubscribed_from_emails: rng.chance(0.1),
      created_at: created,
      updated_at: lastSeen,
      signed_up_at: lead ? null : created,
      last_seen_at: lastSeen,
      last_replied_at: null,
      last_contacted_at: null,
      last_email_opened_at: null,
      last_email_clicked_at: null,
      language_override: null,
      browser: device.browser,
      browser_version: device.browser ? "126.0" : null,
      browser_language: device.browser ? "en-GB" : null,
      os: device.os,
      android_app_name: "android" in device ? "Kestrel" : null,
      android_app_version: "android" in device ? "8.14.0" : null,
      android_device: "android" in device ? device.android : null,
      android_os_version: "android" in device ? device.os.replace("Android ", "") : null,
      android_sdk_version: "android" in device ? "34" : null,
      android_last_seen_at: "android" in device ? lastSeen : null,
      ios_app_name: "ios" in device ? "Kestrel" : null,
      ios_app_version: "ios" in device ? "8.14.0" : null,
      ios_device: "ios" in device ? device.ios : null,
      ios_os_version: "ios" in device ? device.os.replace("iOS ", "") : null,
      ios_sdk_version: "ios" in device ? "17.5" : null,
      ios_last_seen_at: "ios" in device ? lastSeen : null,
      custom_attributes: customAttributes,
      avatar: { type: "avatar", image_url: null },
      tags: list(`/contacts/${id}/tags`, tagData),
      notes: list(`/contacts/${id}/notes`),
      companies: list(`/contacts/${id}/companies`, companyData),
      location: { type: "location", ...location },
      social_profiles: { type: "list", data: [] },
    });
  }
  return contacts;
}

/** Stamps each contact with its latest reply and latest admin contact, so contact timestamps agree with the inbox. */
export function applyConversationActivity(contacts: Contact[], contactIndexById: Map<string, number>, conversations: Conversation[]): void {
  for (const conversation of conversations) {
    const index = contactIndexById.get(conversation.contacts.contacts[0].id);
    if (index === undefined) continue;
    const contact = contacts[index];
    const stats = conversation.statistics;
    const replied = stats.last_contact_reply_at ?? conversation.created_at;
    if (contact.last_replied_at === null || replied > contact.last_replied_at) contact.last_replied_at = replied;
    const contacted = stats.last_admin_reply_at;
    if (contacted !== undefined && (contact.last_contacted_at === null || contacted > contact.last_contacted_at)) contact.last_contacted_at = contacted;
    if (contact.last_seen_at === null || replied > contact.last_seen_at) contact.last_seen_at = replied;
    if (replied > contact.updated_at) contact.updated_at = replied;
  }
}
