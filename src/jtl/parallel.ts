// one large plain CSV file read by worker threads, a segment each, and put back in file order: the same
// samples, line numbers and problems as reading it in one pass (test/jtl/parallel.test.ts holds them equal)
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { newStats, type InputStats } from "./core.js";
import { CsvCore, type CsvLayout } from "./csv.js";
import { csvOptions, firstSignificant, stagesOf, type CoreOptions } from "./open.js";
import { JtlError, mergeProblems } from "./problems.js";
import { buffersOf, readRows, Tables, type RowArrays } from "./rows.js";
import type { Sample } from "./sample.js";
import { newSegmentState, readSegment, type SegmentResult, type SegmentTask } from "./segment.js";

/** How a file is split. */
export interface ParallelOptions {
  /** worker threads @default 2 when the machine has 2 CPUs or more, else 0 (read in one pass) */
  workers?: number;
  /** bytes per segment @default 4 MiB */
  segmentBytes?: number;
  /** files smaller than this are read in one pass @default 32 MiB */
  minBytes?: number;
}

const PROBE = 1 << 20;

export const defaultWorkers = (): number => (availableParallelism() >= 2 ? 2 : 0);

/** the layout the file's first line gives, when the file is a CSV whose first MiB holds its header; else undefined */
function probe(path: string, opts: CoreOptions): CsvLayout | undefined {
  const fd = openSync(path, "r");
  const head = Buffer.allocUnsafe(PROBE);
  let n: number;
  try {
    n = readSync(fd, head, 0, PROBE, 0);
  } finally {
    closeSync(fd);
  }
  const b = head.subarray(0, n);
  const first = firstSignificant(b);
  if (first < 0 || b[first] === 0x3c || (b[0] === 0x1f && b[1] === 0x8b)) return undefined;
  const core = new CsvCore(csvOptions(opts), newStats(path, 0, "csv"), () => {});
  // the first line decides; parsing the rest of the MiB here would only run cold code
  const lf = b.indexOf(10, first);
  try {
    core.push(lf < 0 ? b : b.subarray(0, lf + 1));
  } catch {
    return undefined;
  }
  return core.bodyStart >= 0 ? core.layout() : undefined;
}

const sameLayout = (a: CsvLayout | undefined, b: CsvLayout | undefined) =>
  !!a && !!b && a.delimiter === b.delimiter && a.header === b.header && a.columns.join("\u0000") === b.columns.join("\u0000");

/** Node's options without module loaders and preloads (`--import tsx`, `--loader x`, `-r x`) */
export function withoutLoaders(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^(--import|--loader|--experimental-loader|--require|-r)$/.test(a)) i++;
    else if (!/^(--import|--loader|--experimental-loader|--require)=/.test(a)) out.push(a);
  }
  return out;
}

/** The segment worker; run from the TypeScript sources (tests, `npm run bench`), it first registers tsx. */
function newWorker(): Worker {
  // a worker allocates little but its rows' typed arrays: a small young generation keeps its memory small
  const resourceLimits = { maxYoungGenerationSizeMb: 4 };
  // the compiled worker needs no loader: one inherited from `node --import tsx` costs each worker ~0.4 CPU-s to start
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./segment-worker.js", import.meta.url), { resourceLimits, execArgv: withoutLoaders(process.execArgv) });
  const api = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./segment-worker.ts", import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, resourceLimits });
}

/** A few workers that each read one segment at a time. */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: SegmentTask; done: (r: SegmentResult | Error) => void }[] = [];
  private readonly waiting = new Map<Worker, (r: SegmentResult | Error) => void>();
  private readonly all: Worker[] = [];

  get size(): number {
    return this.all.length;
  }

  constructor(n: number) {
    for (let i = 0; i < n; i++) {
      const w = newWorker();
      w.on("message", (m: SegmentResult | { error: string }) => this.answer(w, "error" in m ? new Error(m.error) : m));
      // a worker that dies (out of memory, killed) fails its segment and is not given another
      w.on("error", (e) => this.lost(w, e));
      w.on("exit", (code) => this.lost(w, new Error(`a reading thread stopped (exit code ${code})`)));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** each worker's interner tables, extended as its batches arrive */
  readonly tables = new Tables();
  /** arrays of emitted batches, sent back with the next tasks so workers refill them */
  readonly spare: RowArrays[] = [];

  run(task: SegmentTask): Promise<SegmentResult | Error> {
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const { task, done } = this.queue.shift()!;
      this.waiting.set(w, done);
      const reuse = this.spare.pop();
      w.postMessage(reuse ? { ...task, reuse } : task, reuse ? buffersOf(reuse) : []);
    }
  }

  private answer(w: Worker, r: SegmentResult | Error): void {
    if (!(r instanceof Error)) {
      r.worker = this.all.indexOf(w);
      try {
        this.tables.extend(r.worker, r.rows);
      } catch (e) {
        r = e as Error;
      }
    }
    const done = this.waiting.get(w);
    this.waiting.delete(w);
    if (!this.dead.has(w)) this.idle.push(w);
    done?.(r);
    this.next();
  }

  private lost(w: Worker, e: Error): void {
    if (this.dead.has(w)) return;
    this.dead.add(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    const done = this.waiting.get(w);
    this.waiting.delete(w);
    done?.(e);
    // no thread left to read what is queued: fail it rather than wait for ever
    if (this.dead.size === this.all.length) for (const q of this.queue.splice(0)) q.done(e);
  }

  private readonly dead = new Set<Worker>();

  async close(): Promise<void> {
    for (const w of this.all) this.dead.add(w);
    const stop = new Error("reading stopped");
    for (const done of this.waiting.values()) done(stop);
    this.waiting.clear();
    for (const q of this.queue.splice(0)) q.done(stop);
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

/**
 * Read `path` with worker threads when it is a plain CSV file of at least `minBytes`: segments are read side by
 * side and their samples emitted in file order through the usual stages. Returns false, with nothing emitted and
 * `stats` as it was, when the file is not for this (XML, gzip, small, a header beyond the first MiB, no usable
 * sample): the caller then reads it in one pass, which also gives the precise errors.
 */
export async function readParallel(
  path: string,
  stats: InputStats,
  opts: CoreOptions,
  par: ParallelOptions,
  tick: ((bytes: number) => void) | undefined,
  onSample: (s: Sample) => void,
): Promise<boolean> {
  const workers = par.workers ?? defaultWorkers();
  const size = statSync(path).size;
  if (workers < 1 || size < (par.minBytes ?? 32 << 20)) return false;
  const layout = probe(path, opts);
  if (!layout) return false;
  const seg = Math.max(1, par.segmentBytes ?? 4 << 20);
  // this thread reads the first segment itself while the workers start (~0.1 s); theirs are small at first,
  // so rows flow soon, and small again at the end, so neither is left with a long tail alone; `seg` between
  const starts: number[] = [0];
  for (let at = Math.min(seg, 1 << 20), k = 0; at < size; k++) {
    starts.push(at);
    at += Math.min(seg, 262_144 * 2 ** Math.min(k, 30), Math.max(262_144, Math.ceil((size - at) / 4)));
  }
  const count = starts.length;
  const options = csvOptions(opts);
  const nominalEnd = (k: number) => (k + 1 < count ? starts[k + 1]! : size);
  const task = (k: number, start: number, exact: boolean, resume: CsvLayout | undefined): SegmentTask =>
    ({ id: k, path, start, end: nominalEnd(k), exact, resume, options });
  const before = structuredClone(stats);
  stats.format = "csv";
  const stages = stagesOf(stats, opts, true, onSample);
  let lineOffset = 0;
  let to = 0;
  let end: CsvLayout | undefined = layout;
  let segments = 0;

  const emit = (r: SegmentResult) => {
    readRows(r.rows, pool.tables.of(r.worker!), stats.engine, lineOffset, stages.push);
    mergeProblems(stats.problems, r.stats.problems, lineOffset);
    stats.samples += r.stats.samples;
    if (r.stats.lines) stats.lines = r.stats.lines + lineOffset;
    const c = r.stats.csv;
    if (c && !stats.csv) stats.csv = { ...c, columns: [...c.columns], unknownColumns: [...c.unknownColumns] };
    else if (c && stats.csv) {
      for (const u of c.unknownColumns) if (!stats.csv.unknownColumns.includes(u)) stats.csv.unknownColumns.push(u);
      if (c.timestampFormat === "date") stats.csv.timestampFormat = "date";
      if (r.layoutEnd) stats.csv.columns = [...r.layoutEnd.columns];
    }
    stats.bytes += r.to - to;
    tick?.(r.to - to);
    lineOffset += r.lines;
    to = r.to;
    end = r.layoutEnd;
  };

  const pool = new Pool(Math.min(workers, count));
  // segments in flight: one per worker and the next, so memory holds a few segments' rows
  const ahead = new Map<number, Promise<SegmentResult | Error>>();
  let dispatched = 1;
  const fill = (upTo: number) => {
    for (; dispatched < Math.min(count, upTo); dispatched++) {
      ahead.set(dispatched, pool.run(task(dispatched, starts[dispatched]!, false, layout)));
    }
  };
  const unreadable = (e: Error) => new JtlError("E_JTL_OPEN", path, `cannot read: ${e.message}; expected a JMeter result file (.jtl, .csv, .xml, or .gz)`);
  const first = (): SegmentResult | Error => {
    try {
      const r = readSegment(task(0, 0, true, undefined), newSegmentState());
      r.worker = pool.size;
      pool.tables.extend(r.worker, r.rows);
      return r;
    } catch (e) {
      return e as Error;
    }
  };
  try {
    for (let k = 0; k < count; k++) {
      fill(k + 2 + workers);
      let r = k === 0 ? first() : await ahead.get(k)!;
      ahead.delete(k);
      if (r instanceof Error) throw unreadable(r);
      if (k > 0) {
        // the previous segment read on past this one's end (a record open across it): nothing of it is left
        if (to >= nominalEnd(k)) continue;
        // it began elsewhere than where the previous one stopped, or with other columns: read it again from there
        if (r.from !== to || !sameLayout(r.layoutStart, end)) {
          r = await pool.run(task(k, to, true, end));
          if (r instanceof Error) throw unreadable(r);
        }
      }
      emit(r);
      pool.spare.push({ nums: r.rows.nums, strs: r.rows.strs, success: r.rows.success });
      segments++;
      if (r.eof) break;
    }
  } finally {
    // segments still in flight (the file ended early, or reading failed) are not waited for
    await pool.close();
    await Promise.allSettled(ahead.values());
  }
  if (stats.samples === 0) {
    Object.assign(stats, before);
    return false;
  }
  stages.flush();
  stats.segments = segments;
  return true;
}
