// one module per command; this list is the CLI
import type { Command } from "../command.js";
import { analyze } from "./analyze.js";
import { build } from "./build.js";
import { lab } from "./lab.js";
import { start } from "./start.js";
import { importCommand } from "./import.js";
import { lintCommand } from "./lint.js";
import { reviewCommand } from "./review.js";
import { runCommand } from "./run.js";

export const commands: Command[] = [build, start, lab, lintCommand, importCommand, reviewCommand, analyze, runCommand];
