// the one Handlebars environment: helpers are registered here, once
import Handlebars from "handlebars";

export const hbs = Handlebars.create();

/** a value as a Groovy literal: single-quoted strings, numbers, booleans, lists, maps */
export function groovyLiteral(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\$/g, "\\$")}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(groovyLiteral).join(", ")}]`;
  if (typeof v === "object") {
    const e = Object.entries(v as Record<string, unknown>);
    return e.length ? `[${e.map(([k, x]) => `${groovyLiteral(k)}: ${groovyLiteral(x)}`).join(", ")}]` : "[:]";
  }
  throw new TypeError(`no Groovy literal for ${typeof v}`);
}

hbs.registerHelper("json", (v: unknown) => JSON.stringify(v));
hbs.registerHelper("groovy", (v: unknown) => groovyLiteral(v));
