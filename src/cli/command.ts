import type { Argv } from "yargs";

/** A CLI command: options declared once, a handler that calls library functions and returns the exit code. */
export interface Command {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (args: Record<string, unknown>) => Promise<number | void>;
}
