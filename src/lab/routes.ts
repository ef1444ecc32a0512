// route matching: "/items/{id}" binds one segment per name, a trailing "/*" matches the rest
import type { Route } from "./profile.js";

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export type Matcher = (kind: Route["kind"], method: string, path: string) => Match | undefined;

function compile(path: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const rest = path.endsWith("/*");
  const body = (rest ? path.slice(0, -2) : path)
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => {
      const m = /^\{(.+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(m[1]!);
      return "([^/]+)";
    })
    .join("");
  return { re: new RegExp(`^${body}${rest ? "(?:/.*)?" : "/?"}$`), names };
}

/** a matcher over the profile's routes, first match wins */
export function matcher(routes: Route[]): Matcher {
  const table = routes.map((route) => ({ route, ...compile(route.path) }));
  return (kind, method, path) => {
    for (const t of table) {
      if (t.route.kind !== kind) continue;
      if (t.route.kind === "http" && t.route.method !== "*" && t.route.method !== method) continue;
      const m = t.re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      t.names.forEach((n, i) => (params[n] = safeDecode(m[i + 1]!)));
      return { route: t.route, params };
    }
    return undefined;
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
