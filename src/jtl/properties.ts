// jmeter.properties / user.properties -> the CSV layout JMeter writes with them
import { DEFAULT_COLUMNS } from "./columns.js";

/** What a JMeter's properties say about the result files it writes. */
export interface SaveConfig {
  format: "csv" | "xml";
  /** CSV columns in the order JMeter writes them */
  columns: string[];
  delimiter: string;
  header: boolean;
  /** "ms" or a SimpleDateFormat pattern */
  timestampFormat: string;
  /** `sampleresult.timestamp.start` when set: true when timestamps are sample starts */
  timestampStart?: boolean;
}

/** Parse Java properties text (comments, `=`/`:`/space separators, continuations, escapes). */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/^[ \t\f]+/, "");
    if (!line || line[0] === "#" || line[0] === "!") continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i]!.replace(/^[ \t\f]+/, "");
    }
    const m = /^((?:\\.|[^=:\s\\])*)[ \t\f]*[=:]?[ \t\f]*(.*)$/s.exec(line);
    if (m) out.set(unescape(m[1]!), unescape(m[2]!));
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e[0] === "u" && e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16))
      : e === "t" ? "\t" : e === "n" ? "\n" : e === "r" ? "\r" : e === "f" ? "\f" : e,
  );
}

const P = "jmeter.save.saveservice.";

/** The save configuration of several properties sources, later ones overriding earlier ones. */
export function saveConfigOf(sources: Map<string, string>[]): SaveConfig {
  const props = new Map<string, string>();
  for (const s of sources) for (const [k, v] of s) props.set(k, v);
  const flag = (name: string, dflt: boolean) => {
    const v = props.get(P + name);
    return v === undefined ? dflt : v.trim().toLowerCase() === "true";
  };
  let timestampFormat = (props.get(P + "timestamp_format") ?? "ms").trim() || "ms";
  const columns: string[] = [];
  const add = (on: boolean, ...names: string[]) => { if (on) columns.push(...names); };
  add(flag("timestamp", true) && timestampFormat.toLowerCase() !== "none", "timeStamp");
  if (timestampFormat.toLowerCase() === "none") timestampFormat = "ms";
  add(flag("time", true), "elapsed");
  add(flag("label", true), "label");
  add(flag("response_code", true), "responseCode");
  add(flag("response_message", true), "responseMessage");
  add(flag("thread_name", true), "threadName");
  add(flag("data_type", true), "dataType");
  add(flag("successful", true), "success");
  add(flag("assertion_results_failure_message", true), "failureMessage");
  add(flag("bytes", true), "bytes");
  add(flag("sent_bytes", true), "sentBytes");
  add(flag("thread_counts", true), "grpThreads", "allThreads");
  add(flag("url", true), "URL");
  add(flag("filename", false), "Filename");
  add(flag("latency", true), "Latency");
  add(flag("encoding", false), "Encoding");
  add(flag("sample_count", false), "SampleCount", "ErrorCount");
  add(flag("hostname", false), "Hostname");
  add(flag("idle_time", true), "IdleTime");
  add(flag("connect_time", true), "Connect");
  const vars = props.get("sample_variables");
  if (vars) columns.push(...vars.split(",").map((v) => v.trim()).filter(Boolean));
  let delimiter = props.get(P + "default_delimiter") ?? ",";
  if (delimiter === "\\t") delimiter = "\t";
  return {
    format: (props.get(P + "output_format") ?? "csv").trim().toLowerCase() === "xml" ? "xml" : "csv",
    columns,
    delimiter: delimiter || ",",
    header: flag("print_field_names", true),
    timestampFormat,
    timestampStart: props.has("sampleresult.timestamp.start")
      ? props.get("sampleresult.timestamp.start")!.trim().toLowerCase() === "true" : undefined,
  };
}

/** JMeter 5.4.3 with its shipped bin/jmeter.properties. */
export const DEFAULT_SAVE_CONFIG: SaveConfig = {
  format: "csv", columns: [...DEFAULT_COLUMNS], delimiter: ",", header: true, timestampFormat: "ms",
};
