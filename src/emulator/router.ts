/** Compiles the route table (method + path pattern → handler) into matchers; literal segments win over params. */
import type { HttpMethod, RouteDef } from "./types.js";

interface CompiledRoute {
  def: RouteDef;
  segments: string[];
  literalCount: number;
}

export interface RouteMatch {
  def: RouteDef;
  params: Record<string, string>;
}

export class Router {
  private readonly byMethod = new Map<HttpMethod, CompiledRoute[]>();

  constructor(routes: readonly RouteDef[]) {
    for (const def of routes) {
      const segments = def.path.split("/").filter(Boolean);
      const list = this.byMethod.get(def.method) ?? [];
      list.push({ def, segments, literalCount: segments.filter((s) => !s.startsWith("{")).length });
      this.byMethod.set(def.method, list);
    }
    // More literal segments first, so /contacts/search beats /contacts/{contact_id}.
    for (const list of this.byMethod.values()) list.sort((a, b) => b.literalCount - a.literalCount);
  }

  match(method: string, pathname: string): RouteMatch | "method_not_allowed" | undefined {
    const parts = pathname.split("/").filter(Boolean);
    const found = this.find(this.byMethod.get(method as HttpMethod) ?? [], parts);
    if (found) return found;
    for (const [other, list] of this.byMethod) if (other !== method && this.find(list, parts)) return "method_not_allowed";
    return undefined;
  }

  /** The methods some route answers on this path (for a helpful message when the method is wrong). */
  methodsFor(pathname: string): string[] {
    const parts = pathname.split("/").filter(Boolean);
    return [...this.byMethod].filter(([, list]) => this.find(list, parts)).map(([method]) => method);
  }

  private find(list: CompiledRoute[], parts: string[]): RouteMatch | undefined {
    outer: for (const route of list) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        const segment = route.segments[i];
        if (segment.startsWith("{")) params[segment.slice(1, -1)] = safeDecode(parts[i]);
        else if (segment !== parts[i]) continue outer;
      }
      return { def: route.def, params };
    }
    return undefined;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
