import type { z } from "zod";
import { element, node, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { scriptFields, scriptSource } from "../script.js";

export const Jsr223Sampler = element("jsr223Sampler", "JSR223 Sampler", scriptFields).refine(...scriptSource);

export const def = { schema: Jsr223Sampler, category: "sampler", contains: SAMPLER_CHILDREN } satisfies ElementDef;

export type Jsr223SamplerProps = Omit<z.input<typeof Jsr223Sampler>, "kind">;

/** A JSR223 Sampler: a Groovy script whose run is the sample (`SampleResult` is bound). */
export function jsr223Sampler(props: Jsr223SamplerProps, ...children: Node[]) {
  return node("jsr223Sampler", props, children);
}
