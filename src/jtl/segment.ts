// one byte range of a large CSV file read by a worker thread: from the first record boundary at or after
// its start to the first at or after its end (reading on while a record is still open there)
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { newStats, type InputStats } from "./core.js";
import { CsvCore, type CsvLayout, type CsvOptions } from "./csv.js";
import { Interner } from "./bytes.js";
import { RowWriter, type RowArrays, type RowBatch } from "./rows.js";

/** What a worker is asked to read. */
export interface SegmentTask {
  id: number;
  path: string;
  /** nominal byte range; the segment really starts after the first LF at or after start - 1 (0 stays 0) */
  start: number;
  end: number;
  /** start exactly at `start` (a record boundary the previous segment reported) */
  exact: boolean;
  /** the layout to read with; absent for the segment at byte 0, which reads its header itself */
  resume?: CsvLayout;
  options: CsvOptions;
  /** arrays of a batch already read, to fill again instead of allocating */
  reuse?: RowArrays;
}

/** What it read: rows with segment-relative line numbers, and where it really began and stopped. */
export interface SegmentResult {
  id: number;
  /** the record boundaries it read between */
  from: number;
  to: number;
  eof: boolean;
  /** lines consumed in [from, to) */
  lines: number;
  layoutStart: CsvLayout | undefined;
  layoutEnd: CsvLayout | undefined;
  stats: Pick<InputStats, "samples" | "lines" | "problems" | "csv">;
  rows: RowBatch;
  /** the worker that read it (set by the reading thread) */
  worker?: number;
}

const CHUNK = 1 << 20;
/** What carries over between the segments of one file read by one thread: interners, and how much of them was sent. */
export interface SegmentState {
  interners: Interner[];
  sent: number[];
}

export const newSegmentState = (): SegmentState => ({ interners: Array.from({ length: 7 }, () => new Interner()), sent: Array<number>(7).fill(0) });

/** a worker reads segments of one file: its interners carry over, and only what they add is sent */
const WORKER_STATE = newSegmentState();
/** one read buffer per worker, reused by every segment: fresh ones pile up outside the heap until a full GC */
const READ = Buffer.allocUnsafeSlow(CHUNK);

/** the first record boundary at or after `pos`: just after the first LF at or after pos - 1 */
function boundary(fd: number, pos: number, size: number): number {
  if (pos <= 0) return 0;
  const buf = READ.subarray(0, 64 * 1024);
  for (let at = pos - 1; at < size; at += buf.length) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, size - at), at);
    const lf = buf.subarray(0, n).indexOf(10);
    if (lf >= 0) return at + lf + 1;
  }
  return size;
}

export function readSegment(task: SegmentTask, state: SegmentState = WORKER_STATE): SegmentResult {
  const fd = openSync(task.path, "r");
  try {
    const size = fstatSync(fd).size;
    const from = task.exact ? task.start : boundary(fd, task.start, size);
    const until = task.end >= size ? size : Math.max(from, boundary(fd, task.end, size));
    const stats = newStats(task.path, 0, "csv");
    const core = new CsvCore({ ...task.options, resume: task.resume, interners: state.interners }, stats, () => {});
    // rows of JMeter's default columns run 100-200 bytes
    const writer = new RowWriter(core.interners(), Math.ceil((until - from) / 96), task.reuse);
    core.rows = writer;
    const layoutStart = task.resume;
    const buf = READ;
    let at = from;
    while (at < until) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, until - at), at);
      if (n <= 0) break;
      core.push(buf.subarray(0, n));
      at += n;
    }
    // a record still open at the boundary (a quoted field holding newlines): read on a line at a time until it closes
    while (core.pending() && at < size) {
      const n = readSync(fd, buf, 0, Math.min(64 * 1024, size - at), at);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      let i = 0;
      while (i < n && core.pending()) {
        const lf = chunk.indexOf(10, i);
        const e = lf < 0 ? n : lf + 1;
        core.push(chunk.subarray(i, e));
        i = e;
      }
      at += i;
    }
    const eof = at >= size;
    if (eof) core.drain();
    return {
      id: task.id, from, to: at, eof, lines: core.nextLine - 1,
      layoutStart: layoutStart ?? core.layout(), layoutEnd: core.layout(),
      stats: { samples: stats.samples, lines: stats.lines, problems: stats.problems, csv: stats.csv },
      rows: writer.finish(state.sent),
    };
  } finally {
    closeSync(fd);
  }
}
