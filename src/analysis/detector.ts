// what a detector is, and the small helpers every detector formats its evidence with
import type { Facts } from "./facts.js";
import type { Finding, Evidence, Severity } from "./report.js";
import type { Span } from "./spans.js";

export interface DetectContext {
  /** JMeter engines that ran the plan (from --plan, else the number of input files) */
  engines: number;
  /** the plan's peak thread count over all engines, when a plan was given */
  plannedThreads?: number;
}

/** A detector: one finding kind, a pure function of the facts. */
export interface Detector {
  id: string;
  /** the kind's name in JUnit and in the text report */
  title: string;
  detect(f: Facts, ctx: DetectContext): Finding[];
}

/** a number as people read it: 3 significant digits, no trailing zeros */
export function num(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return "n/a";
  if (n === 0) return "0";
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString("en-US");
  return String(Number(n.toPrecision(digits)));
}

export const pct = (part: number, whole: number) => (whole ? `${num((100 * part) / whole, 2)}%` : "0%");

export const ms = (v: number) => (!Number.isFinite(v) ? "n/a" : v >= 1000 ? `${num(v / 1000)} s` : `${Math.round(v)} ms`);

export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : 0);

export const quote = (labels: string[]) => labels.map((l) => `"${l}"`).join(" + ");

export function windowOf(f: Facts, spans: Span[]): Finding["window"] {
  if (!spans.length) return { startMs: f.t0, endMs: f.t0 + f.n * 1000 };
  return { startMs: f.t0 + spans[0]!.from * 1000, endMs: f.t0 + spans[spans.length - 1]!.to * 1000 };
}

export const evidence = (text: string, values: Record<string, number>): Evidence => ({ text, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v, 3)])) });

export const severityFor = (rejected: number, attempts: number): Severity => (attempts && rejected / attempts >= 0.05 ? "error" : "warning");

/** pace below an estimated limit: 90% of it, two significant digits, rounded down */
export function paceFor(rate: number): number {
  const v = rate * 0.9;
  if (!(v > 0)) return 0.01;
  const p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
  return Number((Math.floor(v / p) * p).toPrecision(2));
}

/** clock time of a facts second, for evidence: "02:00:31" UTC */
export const clock = (f: Facts, second: number) => new Date(f.t0 + second * 1000).toISOString().slice(11, 19);
