/** About fifty business customers; some of the bank's users belong to one. */
import { kindSalt, objectId, slugify } from "./ids.js";
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, INDUSTRIES, LOCATIONS } from "./names.js";
import type { Rng } from "./prng.js";
import type { Company, TagBasic } from "./types.js";

const PLANS = [
  { type: "plan", id: "1", name: "Starter" },
  { type: "plan", id: "2", name: "Business" },
  { type: "plan", id: "3", name: "Enterprise" },
] as const;

export function buildCompanies(rng: Rng, seed: number, now: number, workspaceId: string, count: number, vipTag: TagBasic): Company[] {
  const salt = kindSalt(seed, "company");
  const companies: Company[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_SUFFIXES)}`;
    // 20 × 15 names: fall back to a numbered name rather than loop when the pool runs thin.
    if (used.has(name)) name = `${name} ${i + 1}`;
    used.add(name);
    const planIndex = rng.chance(0.15) ? 2 : rng.chance(0.4) ? 1 : 0;
    const created = now - rng.int(120, 1500) * 86400;
    const size = planIndex === 2 ? rng.int(200, 2000) : planIndex === 1 ? rng.int(20, 199) : rng.int(1, 19);
    const location = rng.pick(LOCATIONS);
    companies.push({
      type: "company",
      id: objectId(created, salt, i),
      name,
      app_id: workspaceId,
      plan: { ...PLANS[planIndex] },
      company_id: `cmp-${String(i + 1).padStart(4, "0")}`,
      remote_created_at: created,
      created_at: created,
      updated_at: now - rng.int(0, 60) * 86400,
      last_request_at: now - rng.int(0, 30) * 86400,
      size,
      website: `https://${slugify(name)}.example`,
      industry: rng.pick(INDUSTRIES),
      monthly_spend: planIndex === 2 ? rng.int(2000, 20000) : planIndex === 1 ? rng.int(200, 1999) : rng.int(0, 199),
      session_count: rng.int(10, 5000),
      user_count: 0,
      custom_attributes: { tier: PLANS[planIndex].name.toLowerCase(), region: location.country },
      tags: { type: "tag.list", tags: planIndex === 2 ? [{ ...vipTag }] : [] },
      segments: { type: "segment.list", segments: [] },
      notes: { type: "note.list", notes: [] },
    });
  }
  return companies;
}
