import { lint, type Finding } from "../../lint/index.js";
import { shown } from "../../plan/load.js";
import { inspect } from "../../review/input.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

export interface FileFindings {
  file: string;
  findings: Finding[];
}

function text(results: FileFindings[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      lines.push(`${shown(r.file)}${f.line ? `:${f.line}` : ""}: ${f.severity} ${f.rule}: ${f.message}`, `  at ${f.path}`, `  fix: ${f.fix}`);
    }
  }
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === "error").length;
  lines.push(`${results.length} file${results.length === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${all.length - errors} warning${all.length - errors === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}

export const lintCommand: Command = {
  command: "lint <files..>",
  describe: "check plans (*.plan.ts) and .jmx files for mistakes that cause rate-limit storms; exit 1 on errors",
  builder: (y) =>
    y
      .positional("files", { type: "string", array: true, describe: "plan files or .jmx files" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "output format" })
      .option("engines", { type: "number", describe: "engines the plan runs on (default: the plan's; 1 for a .jmx)" })
      .option("response-time", { type: "number", default: 1, describe: "seconds a request is assumed to take, for Little's law" }),
  async run(args) {
    const files = (args.files as string[] | undefined) ?? [];
    if (!files.length) throw new UserError("name at least one plan or .jmx file");
    const engines = args.engines as number | undefined;
    if (engines !== undefined && (!Number.isInteger(engines) || engines < 1)) throw new UserError(`--engines: expected a whole number >= 1, got ${String(args.engines)}`);
    const rt = args["response-time"] as number;
    if (!(rt > 0)) throw new UserError(`--response-time: expected seconds > 0, got ${String(rt)}`);
    const results: FileFindings[] = [];
    for (const file of files) {
      const i = await inspect(file, engines === undefined ? {} : { engines });
      const findings = lint({ file, tree: i.tree, ...(i.plan ? { plan: i.plan as never } : {}), ...(i.profile ? { profile: i.profile } : {}), engines: i.engines, fromJmx: i.fromJmx, responseTime: rt });
      results.push({ file, findings });
    }
    if (args.format === "json") process.stdout.write(`${JSON.stringify(results.map((r) => ({ file: shown(r.file), findings: r.findings })), null, 2)}\n`);
    else process.stdout.write(text(results));
    return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
  },
};
