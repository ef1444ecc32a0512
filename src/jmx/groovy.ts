// Groovy from handlebars templates, rendered at build time
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hbs } from "../util/handlebars.js";
import { UserError } from "../util/errors.js";

/** the templates shipped with jmxplan */
export const BUILTIN_DIR = fileURLToPath(new URL("../../templates/groovy/", import.meta.url));

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** where template `name` is: the project's `templates/groovy/` first (unless `builtin`), then jmxplan's own */
export function templatePath(name: string, builtin = false): string | undefined {
  const file = `${name}.groovy.hbs`;
  return [...(builtin ? [] : [resolve("templates/groovy", file)]), join(BUILTIN_DIR, file)].find((p) => existsSync(p));
}

/** Render `templates/groovy/<name>.groovy.hbs`; a missing template or data key is an error. */
export function renderGroovy(name: string, data: Record<string, unknown>, builtin = false): string {
  const path = templatePath(name, builtin);
  if (!path) throw new UserError(`Groovy template "${name}" not found: looked for templates/groovy/${name}.groovy.hbs here and in jmxplan`, 2, "E_TEMPLATE");
  const source = readFileSync(path, "utf8");
  let tpl = compiled.get(source);
  if (!tpl) {
    tpl = hbs.compile(source, { noEscape: true, strict: true });
    compiled.set(source, tpl);
  }
  try {
    return tpl(data);
  } catch (e) {
    throw new UserError(`Groovy template "${name}": ${e instanceof Error ? e.message : String(e)}`, 2, "E_TEMPLATE");
  }
}
