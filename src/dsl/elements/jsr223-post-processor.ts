import type { z } from "zod";
import { element, node, type ElementDef } from "../node.js";
import { scriptFields, scriptSource } from "../script.js";

export const Jsr223PostProcessor = element("jsr223PostProcessor", "JSR223 PostProcessor", scriptFields).refine(...scriptSource);

export const def = { schema: Jsr223PostProcessor, category: "postProcessor" } satisfies ElementDef;

export type Jsr223PostProcessorProps = Omit<z.input<typeof Jsr223PostProcessor>, "kind">;

/** A JSR223 PostProcessor: a Groovy script run after each sampler in scope (`prev` is its result). */
export function jsr223PostProcessor(props: Jsr223PostProcessorProps) {
  return node("jsr223PostProcessor", props);
}
