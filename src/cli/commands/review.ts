import { review, renderReview } from "../../review/index.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

export const reviewCommand: Command = {
  command: "review <file>",
  describe: "show a plan (*.plan.ts) or .jmx for code review: outline, load profile, knobs, plugins, lint (Markdown for a PR comment, or HTML)",
  builder: (y) =>
    y
      .positional("file", { type: "string", describe: "plan file or .jmx file" })
      .option("format", { choices: ["md", "html"] as const, default: "md" as const, describe: "output format" })
      .option("engines", { type: "number", describe: "engines the plan runs on (default: the plan's; 1 for a .jmx)" })
      .option("base", { type: "string", describe: "a git revision: also show what changed in the load profile and knobs since then" }),
  async run(args) {
    const engines = args.engines as number | undefined;
    if (engines !== undefined && (!Number.isInteger(engines) || engines < 1)) throw new UserError(`--engines: expected a whole number >= 1, got ${String(args.engines)}`);
    const r = await review(args.file as string, { ...(engines === undefined ? {} : { engines }), ...(args.base ? { base: args.base as string } : {}) });
    process.stdout.write(renderReview(r, args.format as "md" | "html"));
    return 0;
  },
};
