/**
 * A theme is a knowledge-base gap when most of its messages find no good article. The KB search is handed
 * in (`kbMatch` returns the best article's score in 0..1, or undefined when nothing matches).
 */
export type KbMatch = (text: string) => Promise<number | undefined>;

export interface KbGap {
  theme: number;
  /** Share of sampled messages with no good match, 0..1. */
  unanswered: number;
  sampled: number;
}

export async function findKbGaps(
  themes: { id: number; members: { opening: string }[] }[],
  kbMatch: KbMatch,
  options: { goodScore?: number; sample?: number; gapShare?: number } = {},
): Promise<KbGap[]> {
  const goodScore = options.goodScore ?? 0.5;
  const sample = options.sample ?? 10;
  const gapShare = options.gapShare ?? 0.5;
  const gaps: KbGap[] = [];
  for (const theme of themes) {
    const picked = theme.members.slice(0, sample);
    let misses = 0;
    for (const member of picked) {
      const score = await kbMatch(member.opening);
      if (score === undefined || score < goodScore) misses++;
    }
    const unanswered = picked.length === 0 ? 0 : misses / picked.length;
    if (unanswered > gapShare) gaps.push({ theme: theme.id, unanswered, sampled: picked.length });
  }
  return gaps;
}
