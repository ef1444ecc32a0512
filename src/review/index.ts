// jmxplan review: a plan (or .jmx) as a pull-request comment, optionally against a git revision
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { propertyFlags, requiredProperties } from "../jmx/properties.js";
import { lint } from "../lint/index.js";
import { UserError } from "../util/errors.js";
import { inspect, type Inspected } from "./input.js";
import { changesBetween, reviewModel, type Review } from "./model.js";
import { renderReview } from "./render.js";

export { renderReview } from "./render.js";
export { reviewModel, changesBetween, type Review } from "./model.js";
export { inspect, type Inspected } from "./input.js";

export interface ReviewOptions {
  engines?: number;
  /** a git revision to compare with */
  base?: string;
}

function lintOf(i: Inspected) {
  return lint({ file: i.file, tree: i.tree, ...(i.plan ? { plan: i.plan as never } : {}), ...(i.profile ? { profile: i.profile } : {}), engines: i.engines, fromJmx: i.fromJmx });
}

async function reviewOf(file: string, opts: ReviewOptions): Promise<Review> {
  const i = await inspect(file, opts.engines === undefined ? {} : { engines: opts.engines });
  const flags = i.plan && !i.fromJmx ? propertyFlags(requiredProperties(i.plan)) : [];
  return reviewModel(i, lintOf(i), flags);
}

/** the file as it was at `ref`, written next to it (so its imports resolve) for as long as `use` runs */
async function atRevision<T>(file: string, ref: string, use: (path: string) => Promise<T>): Promise<T> {
  let text: string;
  try {
    text = execFileSync("git", ["show", `${ref}:./${basename(file)}`], { cwd: dirname(file) || ".", encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const msg = (e as { stderr?: string }).stderr?.trim().split("\n")[0] ?? String(e);
    throw new UserError(`--base ${ref}: cannot read ${file} at that revision: ${msg}`);
  }
  const ext = /\.jmx$/i.test(file) ? ".jmx" : ".plan.ts";
  const tmp = join(dirname(file), `.${basename(file).replace(/\.(plan\.[cm]?[jt]s|jmx)$/i, "")}.base-${process.pid}${ext}`);
  writeFileSync(tmp, text);
  try {
    return await use(tmp);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Review one plan or .jmx; with `base`, also what changed since that revision. */
export async function review(file: string, opts: ReviewOptions = {}): Promise<Review> {
  const r = await reviewOf(file, opts);
  if (!opts.base) return r;
  const before = await atRevision(file, opts.base, (p) => reviewOf(p, opts));
  return { ...r, base: opts.base, changes: changesBetween(before, r) };
}
