import { readFileSync } from "node:fs";
import { importJmx, ImportError } from "../../import/index.js";
import { JmxReadError } from "../../jmx/read.js";
import { shown } from "../../plan/load.js";
import { writeAtomic } from "../../util/atomic.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

export const importCommand: Command = {
  command: "import <file>",
  describe: "turn a .jmx file into a plan (TypeScript using the DSL); unmodelled elements are kept with raw()",
  builder: (y) =>
    y
      .positional("file", { type: "string", describe: "the .jmx file" })
      .option("out", { alias: "o", type: "string", describe: "write the plan here (e.g. plans/x.plan.ts) instead of to standard output" }),
  async run(args) {
    const file = args.file as string;
    let xml: string;
    try {
      xml = readFileSync(file, "utf8");
    } catch {
      throw new UserError(`${shown(file)}: no such file`);
    }
    let imported;
    try {
      imported = importJmx(xml, shown(file));
    } catch (e) {
      if (e instanceof JmxReadError || e instanceof ImportError) throw new UserError(`${shown(file)}: ${e.message}; nothing was written`, 2, e.code);
      throw e;
    }
    for (const w of imported.warnings) process.stderr.write(`${shown(file)}:${w.line}: warning: ${w.message}\n`);
    const out = args.out as string | undefined;
    const summary = `${imported.stats.modelled} elements through factories, ${imported.stats.raw} kept verbatim with raw()`;
    if (out) {
      writeAtomic(out, imported.source);
      process.stderr.write(`wrote ${shown(out)} from ${shown(file)}: ${summary}\n`);
    } else {
      process.stdout.write(imported.source);
      process.stderr.write(`${shown(file)}: ${summary}\n`);
    }
    return 0;
  },
};
