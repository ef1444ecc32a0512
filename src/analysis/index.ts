// the analysis entry points: samples (or JTL files) in, the report object out
import { defaultWorkers } from "../jtl/parallel.js";
import { readJtl, type ReadOptions } from "../jtl/read.js";
import type { Sample } from "../jtl/sample.js";
import { detectors } from "./detectors/index.js";
import { makeFacts } from "./facts.js";
import { foldAll } from "./fold.js";
import { inputFold } from "./folds/input.js";
import { labelsFold } from "./folds/labels.js";
import { retriesFold } from "./folds/retries.js";
import { sessionsFold } from "./folds/sessions.js";
import { threadsFold } from "./folds/threads.js";
import type { PlanProfile, SamplerRate } from "../profile/index.js";
import { comparePlan } from "./plan.js";
import { withRetryAfterColumn } from "./retry-column.js";
import type { Finding, Report } from "./report.js";
import { summarize } from "./summary.js";
import { timelineOf, type Timeline } from "./timeline.js";

export type { Finding, Report } from "./report.js";
export { FINDING_IDS } from "./detectors/index.js";

/** Options of {@link analyzeSamples} and {@link analyzeFiles}. */
export interface AnalyzeOptions {
  /** JMeter engines that ran the plan @default the number of input files */
  engines?: number;
  /** peak threads the plan asked for, over all engines @default what the file shows */
  plannedThreads?: number;
  /** what the timestamps mark @default detected by the reader, else "start" */
  timestamps?: "start" | "end";
  /** a sample_variables column that carries Retry-After @default a column named like retryAfter */
  retryAfterColumn?: string;
  /**
   * worker threads for large CSV files (src/jtl/parallel.ts) @default one on a machine with 2 CPUs or more: the
   * folds keep this thread busy, one worker parsing keeps up with them, and a second only competes for the CPUs
   */
  parallel?: ReadOptions["parallel"];
  /** called as the files are read (a progress bar: src/jtl/progress.ts) */
  onProgress?: ReadOptions["onProgress"];
  /** the plan's load profile (src/profile): compared with what happened; set by --plan */
  plan?: { file: string; profile: PlanProfile; samplers?: SamplerRate[] };
}

/** the report object, with the per-second series the HTML charts draw (not part of the JSON contract) */
export interface Analysis extends Report {
  timeline: Timeline;
}

export const FOLDS = { input: inputFold, labels: labelsFold, threads: threadsFold, retries: retriesFold, sessions: sessionsFold };

/** Analyse samples (any order; one pass, memory bounded by duration x labels). */
export async function analyzeSamples(samples: Iterable<Sample> | AsyncIterable<Sample>, options: AnalyzeOptions = {}): Promise<Analysis> {
  const run = foldAll(FOLDS);
  for await (const s of samples as AsyncIterable<Sample>) run.step(s);
  return finish(run.states, options);
}

function finish(st: ReturnType<typeof foldAll<typeof FOLDS>>["states"], options: AnalyzeOptions): Analysis {
  const f = makeFacts(st);
  const engines = options.engines ?? Math.max(1, st.input.byEngine.size);
  const ctx = { engines, plannedThreads: options.plannedThreads };
  const findings: Finding[] = detectors.flatMap((d) => d.detect(f, ctx));
  const summary = summarize(f);
  const plan = options.plan ? comparePlan(f, options.plan.profile, options.plan.file, options.plan.samplers) : undefined;
  const start = Number.isFinite(st.input.first) ? st.input.first : null;
  const end = Number.isFinite(st.input.last) ? st.input.last : null;
  return {
    schemaVersion: 1,
    input: {
      files: [...st.input.byEngine.entries()].sort((a, b) => a[0] - b[0]).map(([engine, n]) => ({ path: `engine ${engine}`, engine, samples: n, skippedLines: 0 })),
      samples: st.input.samples,
      excluded: { transaction: st.input.byKind.transaction, subresult: st.input.byKind.subresult },
      skippedLines: 0,
      startMs: start,
      endMs: end,
      durationSeconds: start === null || end === null ? 0 : Math.round((end - start) / 100) / 10,
      timestamps: options.timestamps ?? "start",
      warnings: [],
    },
    summary: plan ? { ...summary, plan } : summary,
    findings,
    timeline: timelineOf(f, findings),
  };
}

/** Read JTL files (one per engine, CSV or XML, .gz) and analyse them in one streaming pass. */
export async function analyzeFiles(paths: string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const run = foldAll(FOLDS);
  const readOpts: ReadOptions = { timestamps: options.timestamps, onProgress: options.onProgress, parallel: options.parallel ?? { workers: Math.min(1, defaultWorkers()) } };
  const col = options.retryAfterColumn;
  const inputs = col ? paths.map((p) => (p === "-" ? p : withRetryAfterColumn(p, col))) : paths;
  const stats = await readJtl(inputs, readOpts, run.step);
  const a = finish(run.states, { engines: options.engines ?? paths.length, ...options });
  const skipped = (i: (typeof stats.inputs)[number]) => Object.entries(i.problems).reduce((n, [code, p]) => (code === "unknown-column" || code === "out-of-order" ? n : n + (p?.count ?? 0)), 0);
  a.input.files = stats.inputs.map((i) => ({ path: i.name, engine: i.engine, samples: i.samples, skippedLines: skipped(i) }));
  a.input.skippedLines = a.input.files.reduce((n, x) => n + x.skippedLines, 0);
  a.input.timestamps = stats.inputs.some((i) => i.timestamps.used === "end") ? "end" : "start";
  for (const i of stats.inputs) {
    if (i.timestamps.detected !== "unknown" && i.timestamps.detected !== i.timestamps.used) a.input.warnings.push(`${i.name}: the rows look stamped at sample ${i.timestamps.detected} but were read as ${i.timestamps.used} (${i.timestamps.source}); pass --timestamps ${i.timestamps.detected} if that is wrong`);
    for (const [code, p] of Object.entries(i.problems)) if (p && code !== "unknown-column") a.input.warnings.push(`${i.name}: ${code} × ${p.count} (first at line ${p.lines.join(", ")})`);
  }
  return a;
}
