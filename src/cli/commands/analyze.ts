import { existsSync } from "node:fs";
import { analyzeFiles, FINDING_IDS, type Analysis } from "../../analysis/index.js";
import { SEVERITIES, type Severity } from "../../analysis/report.js";
import { peak, samplerRates, type PlanProfile, type SamplerRate } from "../../profile/index.js";
import { progressBar } from "../../jtl/progress.js";
import { FORMATS, render, type Format } from "../../report/render.js";
import { inspect, isSampler } from "../../review/input.js";
import { writeAtomic } from "../../util/atomic.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `--fail-on`: severities (that one or worse) and finding ids (a trailing `*` matches a prefix), comma-separated */
export function failMatcher(spec: string | undefined): (a: Analysis) => string[] {
  if (!spec) return () => [];
  const parts = spec.split(",").map((p) => p.trim()).filter(Boolean);
  const bad = parts.filter((p) => !(SEVERITIES as readonly string[]).includes(p) && !(p.endsWith("*") ? FINDING_IDS.some((id) => id.startsWith(p.slice(0, -1))) : FINDING_IDS.includes(p)));
  if (bad.length) throw new UserError(`--fail-on: unknown ${bad.map((b) => `"${b}"`).join(", ")}; expected error, warning, info or finding ids (${FINDING_IDS.join(", ")}), "rate-limit.*" for a prefix`, 2, "E_USAGE");
  return (a) =>
    a.findings
      .filter((f) => parts.some((p) => ((SEVERITIES as readonly string[]).includes(p) ? RANK[f.severity] <= RANK[p as Severity] : p.endsWith("*") ? f.id.startsWith(p.slice(0, -1)) : f.id === p)))
      .map((f) => f.id);
}

export const analyze: Command = {
  command: "analyze <jtl..>",
  describe: "tell primary from secondary rate limits in JTL result files, with evidence and a fix in plan terms",
  builder: (y) =>
    y
      .positional("jtl", { type: "string", array: true, describe: "JTL files (CSV or XML, .gz, - for stdin); one per engine" })
      .option("format", { choices: FORMATS, default: "text" as Format, describe: "report format" })
      .option("out", { type: "string", describe: "write the report to FILE (atomically) instead of stdout" })
      .option("fail-on", { type: "string", describe: "exit 1 when a finding matches: error|warning|info (that severity or worse) or finding ids, comma-separated" })
      .option("plan", { type: "string", describe: "compare with what this plan (.plan.ts or .jmx) intended" })
      .option("timestamps", { choices: ["start", "end"] as const, describe: "what the timestamps mark (default: detected, else start)" })
      .option("retry-after-column", { type: "string", describe: "the sample_variables column that holds Retry-After" })
      .option("quiet", { type: "boolean", default: false, describe: "no progress bar on stderr (there is none when stderr is not a terminal)" }),
  async run(args) {
    const files = (args.jtl as string[] | undefined) ?? [];
    if (!files.length) throw new UserError("name at least one JTL file", 2, "E_USAGE");
    for (const f of files) if (f !== "-" && !existsSync(f)) throw new UserError(`${f}: no such file`, 2, "E_JTL_MISSING");
    const failing = failMatcher(args["fail-on"] as string | undefined);
    const format = args.format as Format;
    let plan: { file: string; profile: PlanProfile; samplers: SamplerRate[] } | undefined;
    if (args.plan) {
      const inspected = await inspect(args.plan as string);
      if (!inspected.profile) throw new UserError(`${args.plan}: no load profile could be read from the plan${inspected.noPlan ? `: ${inspected.noPlan}` : ""}`, 2, "E_PLAN");
      plan = { file: args.plan as string, profile: inspected.profile, samplers: inspected.plan ? samplerRates(inspected.plan as never, { isSampler }) : [] };
    }
    const bar = progressBar({ quiet: args.quiet as boolean });
    const analysis = await analyzeFiles(files, {
      onProgress: bar.onProgress,
      timestamps: args.timestamps as "start" | "end" | undefined,
      retryAfterColumn: args["retry-after-column"] as string | undefined,
      ...(plan ? { plan, engines: plan.profile.engines, plannedThreads: peak(plan.profile.total.threads) } : {}),
    }).finally(bar.done);
    if (!analysis.input.samples) throw new UserError(`${files.join(", ")}: no samples to analyse`, 2, "E_JTL_EMPTY");
    const out = args.out as string | undefined;
    const color = !out && format === "text" && !!process.stdout.isTTY && !process.env.NO_COLOR;
    const text = render(analysis, format, { color, width: process.stdout.columns || 100 });
    if (out) writeAtomic(out, text);
    else process.stdout.write(text);
    const matched = failing(analysis);
    if (matched.length) {
      process.stderr.write(`jmxplan: --fail-on matched ${[...new Set(matched)].join(", ")}\n`);
      return 1;
    }
    return 0;
  },
};
