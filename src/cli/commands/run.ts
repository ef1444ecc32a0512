import { run } from "../../run/index.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

/** `-J name=value` and `-Jname=value` as a record; later ones win */
export function parseProperties(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf("=");
    if (i <= 0) throw new UserError(`-J ${v}: expected name=value`, 2, "E_USAGE");
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

export const runCommand: Command = {
  command: "run <input>",
  describe: "build a plan (or take a .jmx) and run it in JMeter non-GUI, with progress and a summary",
  builder: (y) =>
    y
      .positional("input", { type: "string", describe: "a plan (*.plan.ts) or a .jmx file" })
      .option("J", { type: "string", array: true, default: [], describe: "JMeter property name=value (repeatable); wins over the plan's" })
      .option("jmeter-home", { type: "string", describe: "JMeter home to run (default: $JMETER_HOME, else jmeter on PATH); auto assembles JMeter 5.4.3 with the plugins" })
      .option("out", { type: "string", describe: "directory for the .jmx, results.jtl and jmeter.log (default: results/<name>)" })
      .option("remote", { type: "string", describe: "run on these JMeter server engines (host[:port],...) in JMeter's distributed mode" }),
  async run(args) {
    const props = parseProperties((args.J as string[]).flatMap((v) => String(v)));
    const remote = args.remote ? String(args.remote).split(",").map((h) => h.trim()).filter(Boolean) : undefined;
    const r = await run({
      input: String(args.input),
      properties: props,
      jmeterHome: args["jmeter-home"] as string | undefined,
      out: args.out as string | undefined,
      remote,
    });
    return r.code;
  },
};
