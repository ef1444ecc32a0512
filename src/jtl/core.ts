// what the CSV and XML cores share: the interface adapters feed, and the per-input statistics they fill
import type { Problems } from "./problems.js";
import type { Sample } from "./sample.js";

/** An I/O-free reader: fed chunks of one file's bytes in order, it emits samples through its sink. */
export interface JtlCore {
  push(chunk: Uint8Array): void;
  /** no more bytes: flush the last record; throws a JtlError when nothing in the file was usable */
  end(): void;
}

export type SampleSink = (s: Sample) => void;

/** What reading one input found. */
export interface InputStats {
  /** the input as named: a path, "-" for stdin, or a stream's name */
  name: string;
  engine: number;
  format: "csv" | "xml";
  /** bytes read from the input (compressed bytes for .gz) */
  bytes: number;
  /** lines seen */
  lines: number;
  /** samples emitted, sub-results and transactions included */
  samples: number;
  problems: Problems;
  /** segments worker threads read this file in (absent when it was read in one pass) */
  segments?: number;
  /** what the XML parser said where the XML stopped being readable */
  xmlError?: string;
  /** CSV layout as detected (or configured) */
  csv?: {
    delimiter: string;
    header: boolean;
    columns: string[];
    /** columns whose values were ignored (sample_variables jmxplan does not use) */
    unknownColumns: string[];
    /** "ms", a SimpleDateFormat pattern, or "date" when date-times were recognised without a pattern */
    timestampFormat: string;
  };
  timestamps: {
    /** how timestamps were read: sample start, or sample end (then start = timestamp - elapsed) */
    used: "start" | "end";
    /** what the first samples' order suggests: rows in completion order stamped at start or at end */
    detected: "start" | "end" | "unknown";
    /** what decided `used` */
    source: "option" | "properties" | "detected" | "default";
    /** of the first samples looked at, how many would overlap the previous sample of their thread under each reading */
    evidence?: { samples: number; overlapsIfStart: number; overlapsIfEnd: number };
  };
}

export function newStats(name: string, engine: number, format: "csv" | "xml"): InputStats {
  return {
    name, engine, format, bytes: 0, lines: 0, samples: 0, problems: {},
    timestamps: { used: "start", detected: "unknown", source: "default" },
  };
}
