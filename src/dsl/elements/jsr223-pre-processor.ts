import type { z } from "zod";
import { element, node, type ElementDef } from "../node.js";
import { scriptFields, scriptSource } from "../script.js";

export const Jsr223PreProcessor = element("jsr223PreProcessor", "JSR223 PreProcessor", scriptFields).refine(...scriptSource);

export const def = { schema: Jsr223PreProcessor, category: "preProcessor" } satisfies ElementDef;

export type Jsr223PreProcessorProps = Omit<z.input<typeof Jsr223PreProcessor>, "kind">;

/** A JSR223 PreProcessor: a Groovy script run before each sampler in scope. */
export function jsr223PreProcessor(props: Jsr223PreProcessorProps) {
  return node("jsr223PreProcessor", props);
}
