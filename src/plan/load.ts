import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import type { Out } from "../dsl/elements/index.js";
import { validatePlan, type Issue } from "../dsl/validate.js";
import { UserError } from "../util/errors.js";

/** a plan file's path as it is shown to the user: relative to the working directory */
export const shown = (file: string) => relative(process.cwd(), resolve(file)) || file;

/** Import a plan file (TypeScript or JavaScript) and return its default export, unvalidated. */
export async function importPlan(file: string): Promise<unknown> {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new UserError(`${shown(file)}: no such plan file`);
  let mod: { default?: unknown };
  try {
    mod = abs.endsWith(".ts") || abs.endsWith(".mts") ? await tsImport(pathToFileURL(abs).href, import.meta.url) : await import(pathToFileURL(abs).href);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new UserError(`${shown(file)}: the plan could not be loaded: ${msg}`);
  }
  const plan = mod.default && typeof mod.default === "object" && "default" in (mod.default as object) ? (mod.default as { default: unknown }).default : mod.default;
  if (plan === undefined) throw new UserError(`${shown(file)}: expected a default export made with testPlan(...), found none`);
  return plan;
}

export function formatIssues(file: string, issues: Issue[]): string {
  return issues.map((i) => `${shown(file)}: ${i.path}: ${i.message}`).join("\n");
}

/** Load and validate a plan; every problem is reported at once. */
export async function loadPlan(file: string): Promise<Out<"testPlan">> {
  const raw = await importPlan(file);
  const v = validatePlan(raw);
  if (!v.ok) throw new UserError(`${formatIssues(file, v.issues)}\n${shown(file)}: ${v.issues.length} problem${v.issues.length > 1 ? "s" : ""}; nothing was written`);
  return v.plan;
}
