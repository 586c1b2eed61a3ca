/** Intercom-Version handling: "2.16" style strings compared numerically, "Unstable"/"Preview" above all. */
export const CURRENT_VERSION = "2.16";

export function compareVersions(a: string, b: string): number {
  const rank = (v: string): number[] => {
    if (/^(unstable|preview)$/i.test(v)) return [Number.MAX_SAFE_INTEGER, 0];
    const [major, minor] = v.split(".").map((part) => Number.parseInt(part, 10));
    return [Number.isFinite(major) ? major : 0, Number.isFinite(minor) ? minor : 0];
  };
  const [aMajor, aMinor] = rank(a);
  const [bMajor, bMinor] = rank(b);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

export function isKnownVersion(v: string): boolean {
  return /^(\d+\.\d+|unstable|preview)$/i.test(v);
}
