import { z } from "zod";

/** which samples an extractor or assertion looks at: the main sample, its sub-samples, both, or a variable */
export const scope = z
  .union([z.enum(["main", "children", "all"]), z.strictObject({ variable: z.string().min(1) })])
  .default("main");

export type Scope = z.output<typeof scope>;
