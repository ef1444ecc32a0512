// a review as Markdown (a pull-request comment) or HTML, from templates/review.*.hbs
import { readFileSync } from "node:fs";
import { hbs } from "../util/handlebars.js";
import type { Review } from "./model.js";

const templates = new Map<string, HandlebarsTemplateDelegate>();

function template(format: "md" | "html"): HandlebarsTemplateDelegate {
  let t = templates.get(format);
  if (!t) {
    t = hbs.compile(readFileSync(new URL(`../../templates/review.${format}.hbs`, import.meta.url), "utf8"), { noEscape: format === "md" });
    templates.set(format, t);
  }
  return t;
}

// table cells: no pipes or line breaks
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** the view a template renders: the review plus display strings */
function view(r: Review, md: boolean) {
  const c = md ? cell : (s: string) => s;
  return {
    ...r,
    multiEngine: r.engines > 1,
    oneError: r.errors === 1,
    oneWarning: r.warnings === 1,
    hasKgApc: r.plugins.some((p) => p.maven.startsWith("kg.apc:")),
    changes: r.changes?.map((x) => ({ what: c(x.what), before: c(x.before), after: c(x.after) })),
    knobs: r.knobs.map((k) => ({ ...k, description: c(k.description), default: md ? k.default.replace(/`/g, "'") : k.default })),
    plugins: r.plugins.map((p) => ({ ...p, needsText: p.needs.join(", ") })),
    findings: r.findings.map((f) => ({ ...f, icon: f.severity === "error" ? "❌" : "⚠️", where: c(`${f.path}${f.line ? ` (line ${f.line})` : ""}`), message: c(f.message), fix: c(f.fix) })),
    ...(r.profile ? { profile: { ...r.profile, columns: r.profile.columns.map(c), peaks: r.profile.peaks.map((p) => ({ ...p, label: c(p.label) })), notes: r.profile.notes.map(c) } } : {}),
  };
}

/** Render a review; Markdown collapses runs of blank lines the template leaves. */
export function renderReview(r: Review, format: "md" | "html"): string {
  const out = template(format)(view(r, format === "md"));
  return format === "md" ? `${out.replace(/\n{3,}/g, "\n\n").trim()}\n` : out;
}
