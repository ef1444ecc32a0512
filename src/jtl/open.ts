// one input's pipeline, still I/O-free: sniff CSV or XML, then core -> kinds -> start/end stamps -> sink
import type { InputStats, JtlCore, SampleSink } from "./core.js";
import { CsvCore, type CsvOptions } from "./csv.js";
import { JtlError } from "./problems.js";
import { CsvKinds } from "./kind.js";
import type { SaveConfig } from "./properties.js";
import { Stamps } from "./stamps.js";
import { XmlCore } from "./xml.js";

/** Options that shape how one file is read. */
export interface CoreOptions {
  /** "start" or "end": what the timestamps mark; detected from the file when absent */
  timestamps?: "start" | "end";
  /** CSV delimiter; detected when absent */
  delimiter?: string;
  /** "ms" or a SimpleDateFormat pattern; from the properties, else "ms" */
  timestampFormat?: string;
  /** what the given jmeter.properties / user.properties say */
  saveConfig?: SaveConfig;
  /** @internal CSV: the general parser only (tests compare it with the fast path) */
  generalOnly?: boolean;
}

/** The CSV core's options that the given options and properties imply. */
export function csvOptions(opts: CoreOptions): CsvOptions {
  const cfg = opts.saveConfig;
  return {
    delimiter: opts.delimiter ?? (cfg && !cfg.header ? cfg.delimiter : undefined),
    columns: cfg?.columns,
    timestampFormat: opts.timestampFormat ?? cfg?.timestampFormat,
    generalOnly: opts.generalOnly,
  };
}

/** What follows a core: start/end stamps, and for CSV the marking of transactions and sub-results first. */
export function stagesOf(stats: InputStats, opts: CoreOptions, csv: boolean, sink: SampleSink): { push: SampleSink; flush(): void } {
  const cfg = opts.saveConfig;
  const mode = opts.timestamps ?? (cfg?.timestampStart === undefined ? undefined : cfg.timestampStart ? "start" : "end");
  const stamps = new Stamps(stats, mode, opts.timestamps ? "option" : "properties", sink);
  if (!csv) return { push: (s) => stamps.push(s), flush: () => stamps.flush() };
  const kinds = new CsvKinds((s) => stamps.push(s));
  return { push: (s) => kinds.push(s), flush: () => { kinds.flush(); stamps.flush(); } };
}

/** A core for one file that sniffs its format on the first bytes (`<` means XML), then reads it. */
export function createCore(stats: InputStats, opts: CoreOptions, sink: SampleSink): JtlCore {
  let inner: JtlCore | undefined;
  let stages: ReturnType<typeof stagesOf> | undefined;
  const choose = (xml: boolean): JtlCore => {
    stats.format = xml ? "xml" : "csv";
    const st = (stages = stagesOf(stats, opts, !xml, sink));
    if (xml) return new XmlCore({ timestampFormat: csvOptions(opts).timestampFormat }, stats, st.push);
    return new CsvCore(csvOptions(opts), stats, st.push);
  };
  let head: Buffer | undefined;
  return {
    push(chunk) {
      if (inner) return inner.push(chunk);
      const buf = head ? Buffer.concat([head, chunk]) : Buffer.from(chunk);
      const first = firstSignificant(buf);
      if (first < 0) { head = buf; return; }
      head = undefined;
      inner = choose(buf[first] === 0x3c);
      inner.push(buf);
    },
    end() {
      if (!inner) throw new JtlError("E_JTL_EMPTY", stats.name, `the file is ${head?.length ? "only white space" : "empty"}; expected a JMeter CSV or XML result file`);
      inner.end();
      stages!.flush();
    },
  };
}

/** index of the first byte that is not a BOM or white space, -1 when none yet */
export function firstSignificant(b: Buffer): number {
  let i = 0;
  if (b[0] === 0xef) {
    if (b.length < 3) return -1;
    if (b[1] === 0xbb && b[2] === 0xbf) i = 3;
  }
  while (i < b.length && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  return i < b.length ? i : -1;
}
