/**
 * Names the things a request was about, for error messages a person reads: /contacts/123 becomes
 * "contact 123". With the path template the ids are known exactly; without it, segments with digits count as ids.
 */

export interface NamedResource {
  kind: string;
  id: string;
}

function singular(word: string): string {
  const spaced = word.replace(/[_-]+/g, " ");
  if (/ies$/.test(spaced)) return spaced.replace(/ies$/, "y");
  if (/(ss|x|ch|sh|us)es$/.test(spaced)) return spaced.replace(/es$/, "");
  if (/[^s]s$/.test(spaced)) return spaced.replace(/s$/, "");
  return spaced;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function namedResources(path: string, template?: string): NamedResource[] {
  const segments = path.split("?")[0].split("/").filter(Boolean);
  const templateSegments = template?.split("/").filter(Boolean);
  const found: NamedResource[] = [];
  segments.forEach((segment, index) => {
    const isId = templateSegments ? /^\{.+\}$/.test(templateSegments[index] ?? "") : /\d/.test(segment) && index > 0;
    if (!isId) return;
    const previous = index > 0 ? segments[index - 1] : "";
    const previousIsId = templateSegments ? /^\{.+\}$/.test(templateSegments[index - 1] ?? "") : false;
    found.push({ kind: previous && !previousIsId ? singular(previous) : "item", id: decode(segment) });
  });
  return found;
}

/** "contact 123", or "contact 1 or tag 2" when a path names several things. */
export function describeResources(path: string, template?: string): string | undefined {
  const resources = namedResources(path, template);
  if (resources.length === 0) return undefined;
  return resources.map((r) => `${r.kind} ${r.id}`).join(" or ");
}
