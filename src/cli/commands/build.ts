import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildJmx } from "../../jmx/build.js";
import { loadPlan, shown } from "../../plan/load.js";
import { writeAtomic } from "../../util/atomic.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

/** every plans/*.plan.ts under the working directory, sorted */
export function defaultPlans(dir = "plans"): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".plan.ts"))
    .sort()
    .map((f) => join(dir, f));
}

export const jmxPathFor = (plan: string, outDir?: string) => join(outDir ?? dirname(plan), `${basename(plan).replace(/\.plan\.[cm]?[jt]s$/, "")}.jmx`);

export const build: Command = {
  command: "build [plans..]",
  describe: "build .jmx files from plans (default: every plans/*.plan.ts, next to its source)",
  builder: (y) =>
    y
      .positional("plans", { type: "string", array: true, describe: "plan files (*.plan.ts)" })
      .option("out-dir", { type: "string", describe: "write the .jmx files here instead of next to each plan" })
      .option("check", { type: "boolean", default: false, describe: "write nothing; exit 1 if a .jmx is missing or differs from its plan" }),
  async run(args) {
    const given = (args.plans as string[] | undefined) ?? [];
    const plans = given.length ? given : defaultPlans();
    if (!plans.length) throw new UserError("no plans given and none found in plans/*.plan.ts");
    const outDir = args["out-dir"] as string | undefined;
    const stale: string[] = [];
    const failures: string[] = [];
    for (const plan of plans) {
      try {
        const xml = buildJmx(await loadPlan(plan), shown(plan));
        const out = jmxPathFor(plan, outDir);
        if (args.check) {
          const cur = existsSync(out) ? readFileSync(out, "utf8") : undefined;
          if (cur !== xml) stale.push(`${shown(out)}: ${cur === undefined ? "missing, build it from" : "differs from what"} ${shown(plan)}${cur === undefined ? "" : " builds"}`);
        } else {
          writeAtomic(out, xml);
          process.stdout.write(`wrote ${shown(out)} (${xml.length} bytes) from ${shown(plan)}\n`);
        }
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        failures.push(e.message);
      }
    }
    if (failures.length) throw new UserError(failures.join("\n"), 2, "E_PLAN");
    if (stale.length) {
      process.stderr.write(`${stale.join("\n")}\nrun jmxplan build to update ${stale.length} file${stale.length > 1 ? "s" : ""}\n`);
      return 1;
    }
    if (args.check) process.stdout.write(`${plans.length} .jmx file${plans.length > 1 ? "s" : ""} up to date\n`);
    return 0;
  },
};
