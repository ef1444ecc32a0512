// what a reader could not read: counted per code with the first few lines, and the one error it throws
import { UserError } from "../util/errors.js";

/** Problems a reader counts and reads past. */
export type ProblemCode =
  /** the last record was cut off mid-write (JMeter killed) */
  | "truncated-record"
  /** a record with more or fewer fields than the header */
  | "field-count"
  /** a line that is no record: no timestamp where one belongs */
  | "garbage-line"
  /** a header line again mid-file (concatenated files); its columns apply from there on */
  | "repeated-header"
  /** a number column holding something else; the value reads as NaN */
  | "bad-number"
  /** a success column holding neither true nor false; the sample reads as failed */
  | "bad-boolean"
  /** a column jmxplan does not know (sample_variables); its values are ignored */
  | "unknown-column"
  /** bytes that are not UTF-8; the field is decoded as Latin-1 */
  | "invalid-utf8"
  /** a quoted field that never closed within the record size limit; skipped to the next line */
  | "unterminated-quote"
  /** an XML file that ends before `</testResults>`; read up to the last complete sample */
  | "truncated-xml"
  /** XML that is not well formed past some point; read up to the last complete sample before it */
  | "xml-error"
  /** a .gz input that ends before its gzip trailer; read up to where it stops */
  | "truncated-gzip"
  /** an XML sample without a `ts` attribute (timestamps not saved); it is read with start NaN */
  | "no-timestamp"
  /** a sample that reached the merge after later ones were emitted (outside the reorder window) */
  | "out-of-order";

/** How many times a problem occurred, and the first lines where it did. */
export interface Problem {
  count: number;
  /** 1-based line numbers of the first occurrences (at most {@link MAX_LINES}) */
  lines: number[];
}

export type Problems = Partial<Record<ProblemCode, Problem>>;

export const MAX_LINES = 5;

export function addProblem(problems: Problems, code: ProblemCode, line: number): void {
  const p = (problems[code] ??= { count: 0, lines: [] });
  p.count++;
  if (p.lines.length < MAX_LINES) p.lines.push(line);
}

/** Sum of per-input problems, in a stable order. */
export function mergeProblems(into: Problems, from: Problems, lineOffset = 0): void {
  for (const [code, p] of Object.entries(from) as [ProblemCode, Problem][]) {
    const q = (into[code] ??= { count: 0, lines: [] });
    q.count += p.count;
    for (const l of p.lines) if (q.lines.length < MAX_LINES) q.lines.push(l + lineOffset);
  }
}

/** Stable codes of the errors that stop reading a file. */
export type JtlErrorCode =
  /** the file cannot be opened or read */
  | "E_JTL_OPEN"
  /** the file is empty */
  | "E_JTL_EMPTY"
  /** neither an XML JTL nor a CSV JTL */
  | "E_JTL_FORMAT"
  /** a CSV JTL whose columns lack a timestamp */
  | "E_JTL_COLUMNS"
  /** a readable file in which no record was usable */
  | "E_JTL_NO_SAMPLES"
  /** an XML file with a DOCTYPE (entity expansion is off; JMeter never writes one) */
  | "E_JTL_DOCTYPE"
  /** a .gz file that does not decompress */
  | "E_JTL_GZIP"
  /** a jmeter.properties / user.properties file that cannot be used */
  | "E_JTL_PROPERTIES"
  /** an option value the reader cannot use */
  | "E_JTL_OPTION";

/** A JTL that cannot be read at all; the message names the file and what was expected. */
export class JtlError extends UserError {
  constructor(
    public override code: JtlErrorCode,
    /** the input as the user named it */
    public file: string,
    message: string,
    public line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`, 2, code);
    this.name = "JtlError";
  }
}
