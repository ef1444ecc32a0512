import type { Command } from "../command.js";
import { build } from "./build.js";

/** the README's first command: the main job on the bundled examples */
export const start: Command = {
  command: "start",
  describe: "run the main job on the bundled examples (build every plan)",
  builder: (y) => y,
  async run() {
    return build.run({ plans: [], check: false });
  },
};
