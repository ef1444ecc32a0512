import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";

export const ResultsWriter = element("resultsWriter", "Simple Data Writer", {
  /** result file, relative to JMeter's working directory; appended to when it exists @default "results.jtl" */
  file: z.string().min(1).default("results.jtl"),
  /** CSV has every column the analyser reads; XML can also carry headers @default "csv" */
  format: z.enum(["csv", "xml"]).default("csv"),
  /** XML only: response headers (Retry-After, RateLimit-*) per sample @default false */
  responseHeaders: z.boolean().default(false),
  /** XML only @default false */
  requestHeaders: z.boolean().default(false),
  /** XML only: response bodies of failed samples @default false */
  responseDataOnError: z.boolean().default(false),
  /** a Hostname column, to tell engines apart in distributed runs @default false */
  hostname: z.boolean().default(false),
  /** write failed samples only @default false */
  errorsOnly: z.boolean().default(false),
  /** write successful samples only @default false */
  successesOnly: z.boolean().default(false),
})
  .refine((el) => el.format === "xml" || !(el.responseHeaders || el.requestHeaders || el.responseDataOnError), {
    message: 'headers and response data can only be saved with format: "xml"; CSV has no column for them',
    path: ["format"],
  })
  .refine((el) => !(el.errorsOnly && el.successesOnly), { message: "errorsOnly and successesOnly exclude each other", path: ["successesOnly"] });

export const def = { schema: ResultsWriter, category: "listener" } satisfies ElementDef;

export type ResultsWriterProps = Omit<z.input<typeof ResultsWriter>, "kind">;

/** A Simple Data Writer (ResultCollector): every sample in scope to a CSV or XML result file, with the analyser's columns. */
export function resultsWriter(props: ResultsWriterProps = {}) {
  return node("resultsWriter", props);
}
