import type { Command } from "../command.js";
import { analyze } from "./analyze.js";
import { build } from "./build.js";

/** the bundled result of a real JMeter 5.4.3 run of plans/screen-recording.plan.ts against the lab */
export const EXAMPLE_JTL = "examples/screen-recording.jtl";

/** the README's first command: the main job on the bundled examples */
export const start: Command = {
  command: "start",
  describe: "run the main job on the bundled examples (build every plan, analyse the bundled result file)",
  builder: (y) => y,
  async run() {
    const built = await build.run({ plans: [], check: false });
    if (built) return built;
    process.stdout.write(`\njmxplan analyze ${EXAMPLE_JTL}  (real JMeter 5.4.3, plans/screen-recording.plan.ts against the lab's genesys-screen-recording profile)\n\n`);
    await analyze.run({ jtl: [EXAMPLE_JTL], format: "text" });
    return 0;
  },
};
