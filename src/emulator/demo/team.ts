/** The support team of the demo bank: admins, teams and away-status reasons. */
import type { Admin, AwayStatusReason, Team } from "./types.js";

export const TEAM_NAMES = { frontline: "Frontline Support", payments: "Payments & Fraud", premium: "Premium Care" } as const;
export type TeamKey = keyof typeof TEAM_NAMES;

interface AdminSeed {
  name: string;
  jobTitle: string;
  role: string;
  primary: TeamKey;
  secondary?: TeamKey;
}

const ADMIN_SEEDS: readonly AdminSeed[] = [
  { name: "Maya Lindqvist", jobTitle: "Head of Support", role: "Admin", primary: "frontline", secondary: "premium" },
  { name: "Tom Okafor", jobTitle: "Support Specialist", role: "Support Agent", primary: "frontline" },
  { name: "Priya Raman", jobTitle: "Support Specialist", role: "Support Agent", primary: "frontline" },
  { name: "Lucas Moreau", jobTitle: "Support Specialist", role: "Support Agent", primary: "frontline", secondary: "payments" },
  { name: "Hannah Schultz", jobTitle: "Payments Specialist", role: "Support Agent", primary: "payments" },
  { name: "Diego Alvarez", jobTitle: "Fraud & Risk Analyst", role: "Support Agent", primary: "payments" },
  { name: "Aisha Bello", jobTitle: "Premium Care Manager", role: "Team Lead", primary: "premium" },
  { name: "Sven Karlsson", jobTitle: "Support Engineer", role: "Support Agent", primary: "frontline", secondary: "premium" },
];

const TEAM_IDS: Record<TeamKey, number> = { frontline: 9100001, payments: 9100002, premium: 9100003 };
const ROLE_IDS: Record<string, string> = { Admin: "1", "Team Lead": "2", "Support Agent": "3" };

export interface SupportTeam {
  admins: Admin[];
  teams: Team[];
  awayStatusReasons: AwayStatusReason[];
  /** Numeric admin ids per team, for routing conversations. */
  adminIdsByTeam: Record<TeamKey, number[]>;
  teamIds: Record<TeamKey, number>;
}

export function buildSupportTeam(workspaceDomain: string, now: number): SupportTeam {
  const createdAt = now - 400 * 86400;
  const awayStatusReasons: AwayStatusReason[] = [
    ["On a break", "☕"],
    ["In a meeting", "📅"],
    ["Out sick", "🤒"],
    ["On holiday", "🌴"],
  ].map(([label, emoji], i) => ({
    type: "away_status_reason",
    id: String(51 + i),
    label,
    emoji,
    order: i + 1,
    deleted: false,
    created_at: createdAt,
    updated_at: createdAt,
  }));

  const adminIdsByTeam: Record<TeamKey, number[]> = { frontline: [], payments: [], premium: [] };
  const admins: Admin[] = ADMIN_SEEDS.map((seed, i) => {
    const id = 7400101 + i * 17;
    const first = seed.name.split(" ")[0].toLowerCase();
    const secondary = seed.secondary ? [TEAM_IDS[seed.secondary]] : [];
    adminIdsByTeam[seed.primary].push(id);
    if (seed.secondary) adminIdsByTeam[seed.secondary].push(id);
    // One teammate is away, so away-mode handling has a case to show.
    const away = i === 4;
    return {
      type: "admin",
      id: String(id),
      name: seed.name,
      email: `${first}@${workspaceDomain}`,
      job_title: seed.jobTitle,
      away_mode_enabled: away,
      away_mode_reassign: away,
      away_status_reason_id: away ? Number(awayStatusReasons[3].id) : null,
      has_inbox_seat: true,
      team_ids: [TEAM_IDS[seed.primary], ...secondary],
      avatar: `https://static.${workspaceDomain}/avatars/${first}.png`,
      team_priority_level: { primary_team_ids: [TEAM_IDS[seed.primary]], secondary_team_ids: secondary },
      role: { type: "role", id: ROLE_IDS[seed.role], name: seed.role },
    };
  });

  const teams: Team[] = (Object.keys(TEAM_NAMES) as TeamKey[]).map((key) => {
    const primary = admins.filter((admin) => admin.team_priority_level.primary_team_ids.includes(TEAM_IDS[key])).map((admin) => Number(admin.id));
    const secondary = admins.filter((admin) => admin.team_priority_level.secondary_team_ids.includes(TEAM_IDS[key])).map((admin) => Number(admin.id));
    return {
      type: "team",
      id: String(TEAM_IDS[key]),
      name: TEAM_NAMES[key],
      admin_ids: [...primary, ...secondary],
      admin_priority_level: { primary_admin_ids: primary, secondary_admin_ids: secondary },
      assignment_limit: key === "premium" ? 15 : 25,
      distribution_method: key === "payments" ? "balanced" : "round_robin",
    };
  });

  return { admins, teams, awayStatusReasons, adminIdsByTeam, teamIds: { ...TEAM_IDS } };
}
