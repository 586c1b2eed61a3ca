/** Intercom names are sometimes an email, whole or in part; what Slack shows says who asked, never their address. */
export function withoutEmail(name: string | undefined): string | undefined {
  const kept = name
    ?.replace(/[^\s<>|@]+@[^\s<>|@]+\.[^\s<>|@]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return kept || undefined;
}
