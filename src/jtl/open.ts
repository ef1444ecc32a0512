// one input's pipeline, still I/O-free: sniff CSV or XML, then core -> kinds -> start/end stamps -> sink
import type { InputStats, JtlCore, SampleSink } from "./core.js";
import { CsvCore } from "./csv.js";
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

/** A core for one file that sniffs its format on the first bytes (`<` means XML), then reads it. */
export function createCore(stats: InputStats, opts: CoreOptions, sink: SampleSink): JtlCore {
  const cfg = opts.saveConfig;
  const mode = opts.timestamps ?? (cfg?.timestampStart === undefined ? undefined : cfg.timestampStart ? "start" : "end");
  const stamps = new Stamps(stats, mode, opts.timestamps ? "option" : "properties", sink);
  const toStamps = (s: Parameters<SampleSink>[0]) => stamps.push(s);
  const timestampFormat = opts.timestampFormat ?? cfg?.timestampFormat;
  let inner: JtlCore | undefined;
  let kinds: CsvKinds | undefined;
  const choose = (xml: boolean): JtlCore => {
    stats.format = xml ? "xml" : "csv";
    if (xml) return new XmlCore({ timestampFormat }, stats, toStamps);
    kinds = new CsvKinds(toStamps);
    const k = kinds;
    return new CsvCore({
      delimiter: opts.delimiter ?? (cfg && !cfg.header ? cfg.delimiter : undefined),
      columns: cfg?.columns,
      timestampFormat,
      generalOnly: opts.generalOnly,
    }, stats, (s) => k.push(s));
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
      kinds?.flush();
      stamps.flush();
    },
  };
}

/** index of the first byte that is not a BOM or white space, -1 when none yet */
function firstSignificant(b: Buffer): number {
  let i = 0;
  if (b[0] === 0xef) {
    if (b.length < 3) return -1;
    if (b[1] === 0xbb && b[2] === 0xbf) i = 3;
  }
  while (i < b.length && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  return i < b.length ? i : -1;
}
