import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";

export const Jsr223Timer = element("jsr223Timer", "JSR223 Timer", {
  /** script whose result is the delay in ms; run before every sampler in scope @default "" */
  script: z.string().default(""),
  /** script file; takes precedence over `script` @default "" */
  filename: z.string().default(""),
  /** text the script sees as `Parameters` and `args`; re-evaluated per sample @default "" */
  parameters: z.string().default(""),
  /** @default "groovy" */
  language: z.string().default("groovy"),
  /** cache the compiled script (keyed by its text) @default true */
  cacheKey: z.boolean().default(true),
});

export const def = { schema: Jsr223Timer, category: "timer" } satisfies ElementDef;

export type Jsr223TimerProps = Omit<z.input<typeof Jsr223Timer>, "kind">;

/** A JSR223 Timer: a (Groovy) script computes each delay. */
export function jsr223Timer(props: Jsr223TimerProps) {
  return node("jsr223Timer", props);
}
