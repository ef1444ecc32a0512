// writes simulated samples as the CSV JTL JMeter 5.4.3 writes (default columns plus sample_variables=retryAfter)
import type { Sample } from "../../../src/jtl/sample.js";

export const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect,"retryAfter"';

const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text of one engine's samples, in completion order; `timestamps: "end"` stamps sample ends */
export function toCsv(samples: Sample[], opts: { engine?: number; timestamps?: "start" | "end"; retryAfter?: boolean } = {}): string {
  const rows = [opts.retryAfter === false ? HEADER.replace(',"retryAfter"', "") : HEADER];
  for (const s of samples) {
    if (opts.engine !== undefined && s.engine !== opts.engine) continue;
    const ts = opts.timestamps === "end" ? s.start + s.elapsed : s.start;
    const cols = [String(ts), String(s.elapsed), field(s.label), field(s.code), field(s.message), field(s.thread), s.dataType, String(s.success), field(s.failureMessage), String(s.bytes), String(s.sentBytes), String(s.grpThreads), String(s.allThreads), field(s.url), String(s.latency), String(s.idle), String(s.connect)];
    if (opts.retryAfter !== false) cols.push(Number.isNaN(s.retryAfter) ? "" : String(s.retryAfter));
    rows.push(cols.join(","));
  }
  return rows.join("\n") + "\n";
}
