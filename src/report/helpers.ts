// the report helpers, registered once on the shared Handlebars environment
import { hbs } from "../util/handlebars.js";
import { num } from "../analysis/detector.js";

const ANSI: Record<string, string> = { red: "31", yellow: "33", green: "32", cyan: "36", dim: "2", bold: "1" };
const SEVERITY_COLOR: Record<string, string> = { error: "red", warning: "yellow", info: "cyan" };

type Opts = { data?: { root?: { color?: boolean; width?: number } } };

/** colour text when the report is for a colour terminal */
hbs.registerHelper("paint", (color: string, text: unknown, options: Opts) => {
  const code = ANSI[SEVERITY_COLOR[color] ?? color];
  const s = String(text ?? "");
  return options.data?.root?.color && code ? `\u001b[${code}m${s}\u001b[0m` : s;
});
/** cut text to the terminal width less `indent` columns */
hbs.registerHelper("fit", (indent: number, text: unknown, options: Opts) => {
  const w = Math.max(40, (options.data?.root?.width ?? 100) - indent);
  const s = String(text ?? "").replace(/\s+/g, " ");
  return s.length > w ? `${s.slice(0, w - 1)}…` : s;
});
hbs.registerHelper("pad", (width: number, text: unknown) => String(text ?? "").slice(0, width).padEnd(width));
hbs.registerHelper("padStart", (width: number, text: unknown) => String(text ?? "").slice(0, width).padStart(width));
hbs.registerHelper("fmt", (n: unknown) => (typeof n === "number" ? num(n) : String(n ?? "")));
hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
/** a Markdown table cell: pipes escaped, one line */
hbs.registerHelper("cell", (text: unknown) => String(text ?? "").replace(/\|/g, "\\|").replace(/\r?\n/g, " "));
/** an XML attribute or text value */
hbs.registerHelper("xml", (text: unknown) => String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""));
hbs.registerHelper("severityIcon", (s: string) => ({ error: "🔴", warning: "🟠", info: "🔵" })[s] ?? "");
