// feeding the I/O-free cores from tests: whole, in given chunks, one byte at a time
import { fileURLToPath } from "node:url";
import { createCore, newStats, type CoreOptions, type InputStats, type Sample } from "../../src/jtl/index.js";

export const CORPUS = fileURLToPath(new URL("../../../shared/corpus/jtl/", import.meta.url));

export interface Read { samples: Sample[]; stats: InputStats }

/** Feed `bytes` to a fresh core cut at `cuts` (sorted offsets), or in `step`-byte pieces. */
export function feed(bytes: Uint8Array | string, opts: CoreOptions = {}, cuts: number[] | number = bytes.length || 1): Read {
  const b = typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes);
  const stats = newStats("test.jtl", 0, "csv");
  const samples: Sample[] = [];
  const core = createCore(stats, opts, (s) => samples.push(s));
  const points = typeof cuts === "number" ? range(0, b.length, cuts) : cuts;
  let prev = 0;
  for (const p of [...points, b.length]) {
    if (p > prev) core.push(b.subarray(prev, p));
    prev = Math.max(prev, p);
  }
  core.end();
  return { samples, stats };
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = from + step; i < to; i += step) out.push(i);
  return out;
}

/** the fields of samples that matter for comparing two reads (drops nothing, normalises NaN) */
export function plain(samples: Sample[]): string {
  return JSON.stringify(samples, (_, v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v));
}

export const HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

/** a default-columns CSV row */
export function row(ts: number, elapsed: number, label = "GET /a", code = "200", thread = "T 1-1", extra: Partial<Record<"message" | "success" | "url" | "dataType", string>> = {}): string {
  const ok = extra.success ?? (code.startsWith("2") ? "true" : "false");
  return `${ts},${elapsed},${label},${code},${extra.message ?? "OK"},${thread},${extra.dataType ?? "text"},${ok},,100,50,1,1,${extra.url ?? "http://x/a"},${Math.max(0, elapsed - 1)},0,0`;
}
