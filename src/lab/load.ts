// profiles from a built-in name, a JSON file or a TypeScript module; every problem reported with its path
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import type { z } from "zod";
import { UserError } from "../util/errors.js";
import { profile, type Profile } from "./profile.js";
import { builtinProfiles } from "./profiles/index.js";

const shown = (file: string) => relative(process.cwd(), resolve(file)) || file;

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "(profile)";

function issueText(i: z.core.$ZodIssue): string {
  if (i.code === "unrecognized_keys") return `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  return i.message;
}

/** Validate a profile object; throws a UserError listing every problem as `where: path: message`. */
export function parseProfile(raw: unknown, where = "profile"): Profile {
  const r = profile.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${where}: ${pathOf(i.path)}: ${issueText(i)}`);
  throw new UserError(`${lines.join("\n")}\n${where}: ${lines.length} problem${lines.length > 1 ? "s" : ""}`, 2, "E_PROFILE");
}

async function importFile(abs: string, where: string): Promise<unknown> {
  if (abs.endsWith(".json")) {
    try {
      return JSON.parse(readFileSync(abs, "utf8"));
    } catch (e) {
      throw new UserError(`${where}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`, 2, "E_PROFILE");
    }
  }
  let mod: { default?: unknown };
  try {
    mod = /\.[cm]?ts$/.test(abs) ? await tsImport(pathToFileURL(abs).href, import.meta.url) : await import(pathToFileURL(abs).href);
  } catch (e) {
    throw new UserError(`${where}: the profile could not be loaded: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, 2, "E_PROFILE");
  }
  const d = mod.default;
  const raw = d && typeof d === "object" && "default" in d ? (d as { default: unknown }).default : d;
  if (raw === undefined) throw new UserError(`${where}: expected a default export (a profile object), found none`, 2, "E_PROFILE");
  return raw;
}

/** A profile from a built-in name (see `builtinProfiles`), a .json file or a .ts/.js module's default export. */
export async function loadProfile(ref: string): Promise<Profile> {
  const builtin = builtinProfiles[ref];
  if (builtin) return parseProfile(builtin, ref);
  const abs = resolve(ref);
  if (!existsSync(abs)) {
    throw new UserError(`${ref}: no such profile file or built-in profile; built-in profiles are ${Object.keys(builtinProfiles).join(", ")}`, 2, "E_PROFILE");
  }
  return parseProfile(await importFile(abs, shown(ref)), shown(ref));
}
