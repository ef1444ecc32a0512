// the short summary `jmxplan run` prints from the JTL it wrote
import { readJtl } from "../jtl/index.js";

export interface RunSummary {
  samples: number;
  errors: number;
  /** ms from the first sample's start to the last one's end */
  spanMs: number;
  /** response code -> samples, most frequent first */
  codes: [string, number][];
  /** samples that carry an advertised Retry-After */
  retryAfter: number;
}

/** Fold a JTL into a {@link RunSummary}; memory grows with the number of distinct response codes only. */
export async function summarize(jtl: string): Promise<RunSummary> {
  let samples = 0;
  let errors = 0;
  let retryAfter = 0;
  let first = Infinity;
  let last = -Infinity;
  const codes = new Map<string, number>();
  await readJtl(jtl, {}, (s) => {
    samples++;
    if (!s.success) errors++;
    if (!Number.isNaN(s.retryAfter)) retryAfter++;
    first = Math.min(first, s.start);
    last = Math.max(last, s.start + s.elapsed);
    const code = s.code || "(none)";
    codes.set(code, (codes.get(code) ?? 0) + 1);
  });
  return { samples, errors, spanMs: samples ? last - first : 0, codes: [...codes].sort((a, b) => b[1] - a[1]), retryAfter };
}

export function formatSummary(s: RunSummary): string {
  if (!s.samples) return "no samples were recorded";
  const secs = s.spanMs / 1000;
  const lines = [
    `${s.samples} samples in ${secs.toFixed(1)} s (${(s.samples / Math.max(secs, 0.001)).toFixed(1)}/s), ${s.errors} errors (${((100 * s.errors) / s.samples).toFixed(2)}%)`,
    `response codes: ${s.codes.slice(0, 6).map(([c, n]) => `${c} x${n}`).join(", ")}${s.codes.length > 6 ? ", ..." : ""}`,
  ];
  if (s.retryAfter) lines.push(`${s.retryAfter} samples carry an advertised Retry-After`);
  return lines.join("\n");
}
