import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { UserError } from "../util/errors.js";
import { commands } from "./commands/index.js";

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // -Jname=value as JMeter spells it (for run), not the short flags -J -n -a ...
  argv = argv.flatMap((a) => (/^-J[^=\s]+=/.test(a) ? ["-J", a.slice(2)] : [a]));
  let code = 0;
  const cli = yargs(hideBin(["node", "jmxplan", ...argv]))
    .scriptName("jmxplan")
    .strict()
    .demandCommand(1, "name a command; see jmxplan --help")
    .recommendCommands()
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw err ?? new UserError(msg ?? "invalid usage", 2, "E_USAGE");
    });
  for (const c of commands) {
    cli.command({ ...c, handler: async (args: Record<string, unknown>) => { code = (await c.run(args)) ?? 0; } } as never);
  }
  try {
    await cli.parseAsync();
    return code;
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`jmxplan: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`jmxplan: internal error: ${e instanceof Error ? e.message : String(e)}\n(set JMXPLAN_DEBUG=1 for details)\n`);
    if (process.env.JMXPLAN_DEBUG) console.error(e);
    return 3;
  }
}
