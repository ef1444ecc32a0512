// every report format from one analysis: text, md, html and junit from templates/report.*.hbs, json directly
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Analysis } from "../analysis/index.js";
import { hbs } from "../util/handlebars.js";
import "./helpers.js";
import { viewOf, type ViewOptions } from "./view.js";

export const FORMATS = ["text", "md", "json", "html", "junit"] as const;
export type Format = (typeof FORMATS)[number];

const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function template(format: Exclude<Format, "json">): HandlebarsTemplateDelegate {
  let t = compiled.get(format);
  if (!t) {
    const source = readFileSync(`${TEMPLATES}report.${format}.hbs`, "utf8");
    // html and junit escape for markup; text and markdown are written as they are
    t = hbs.compile(source, { noEscape: format === "text" || format === "md", strict: false });
    compiled.set(format, t);
  }
  return t;
}

/** the JSON contract: exactly these four keys, in this order */
export function toJson(a: Analysis): string {
  const { schemaVersion, input, summary, findings } = a;
  return `${JSON.stringify({ schemaVersion, input, summary, findings }, null, 2)}\n`;
}

/** Render an analysis in one format. */
export function render(a: Analysis, format: Format, opts: ViewOptions = {}): string {
  if (format === "json") return toJson(a);
  let out = template(format)(viewOf(a, format === "text" ? opts : { ...opts, color: false }));
  // the JUnit template's block tags leave blank lines between elements
  if (format === "junit") out = out.replace(/^[ \t]*\n/gm, "");
  return out.endsWith("\n") ? out : `${out}\n`;
}
