// samples as columns, to cross from a worker thread cheaply: numbers in one Float64Array, text as ids
// into the segment's interner tables (strings are cloned once per table entry, not once per row)
import type { Interner } from "./bytes.js";
import { makeSample } from "./kind.js";
import type { Sample } from "./sample.js";

/** numbers per row: start, elapsed, bytes, sentBytes, grpThreads, allThreads, latency, idle, connect, retryAfter, line */
const NUM = 11;
/** text per row: label, code, message, thread, dataType, failureMessage, url (the CSV core's interner order) */
const STR = 7;

/** The typed arrays rows are kept in; they travel between threads and back to be filled again. */
export interface RowArrays {
  nums: Float64Array;
  /** per row and text column: an id into `tables[column]`, or -1 - k for `extra[k]` */
  strs: Int32Array;
  success: Uint8Array;
}

/** the buffers of a batch's arrays, for postMessage's transfer list */
export const buffersOf = (a: RowArrays): ArrayBuffer[] => [a.nums.buffer, a.strs.buffer, a.success.buffer] as ArrayBuffer[];

/** Rows of one segment, ready for postMessage (the typed arrays' buffers can be transferred). */
export interface RowBatch extends RowArrays {
  n: number;
  /** the strings the worker's interners kept since its previous batch: table c continues at index base[c] */
  base: number[];
  tables: string[][];
  extra: string[];
}

/** Collects a CSV core's samples as columns; the core's interners give the ids. */
export class RowWriter {
  private n = 0;
  private nums: Float64Array;
  private strs: Int32Array;
  private success: Uint8Array;
  private readonly extra: string[] = [];

  /** `reuse`: the arrays of a batch already read, sent back (the writer grows them as needed) */
  constructor(private readonly interners: readonly Interner[], expectedRows = 4096, reuse?: RowArrays) {
    const cap = Math.max(64, expectedRows);
    if (reuse && reuse.success.length >= cap) {
      this.nums = reuse.nums;
      this.strs = reuse.strs;
      this.success = reuse.success;
    } else {
      this.nums = new Float64Array(NUM * cap);
      this.strs = new Int32Array(STR * cap);
      this.success = new Uint8Array(cap);
    }
  }

  /** one record, field by field as the CSV core decoded it */
  put(start: number, elapsed: number, label: string, code: string, message: string, thread: string, success: boolean,
    failureMessage: string, dataType: string, bytes: number, sentBytes: number, grpThreads: number, allThreads: number,
    url: string, latency: number, idle: number, connect: number, retryAfter: number, line: number, ids?: Int32Array): void {
    if (this.n === this.success.length) this.grow();
    const r = this.n++;
    const nums = this.nums;
    let k = r * NUM;
    nums[k] = start;
    nums[k + 1] = elapsed;
    nums[k + 2] = bytes;
    nums[k + 3] = sentBytes;
    nums[k + 4] = grpThreads;
    nums[k + 5] = allThreads;
    nums[k + 6] = latency;
    nums[k + 7] = idle;
    nums[k + 8] = connect;
    nums[k + 9] = retryAfter;
    nums[k + 10] = line;
    k = r * STR;
    this.text(k, 0, label, ids);
    this.text(k, 1, code, ids);
    this.text(k, 2, message, ids);
    this.text(k, 3, thread, ids);
    this.text(k, 4, dataType, ids);
    this.text(k, 5, failureMessage, ids);
    this.text(k, 6, url, ids);
    this.success[r] = success ? 1 : 0;
  }

  /**
   * The text's id: the fast path's `ids` are the interners' for exactly this text; otherwise the interner's last
   * id counts only when it returned this very string (a column absent, or unquoted differently). -1: kept in extra.
   */
  private text(k: number, c: number, v: string, ids: Int32Array | undefined): void {
    let id: number;
    if (ids) id = ids[c]!;
    else {
      const it = this.interners[c]!;
      id = v === "" ? 0 : it.id;
      if (id >= 0 && it.strs[id] !== v) id = -1;
    }
    this.strs[k + c] = id >= 0 ? id : -this.extra.push(v);
  }

  private grow(): void {
    const cap = this.success.length * 2;
    const nums = new Float64Array(NUM * cap);
    nums.set(this.nums);
    const strs = new Int32Array(STR * cap);
    strs.set(this.strs);
    const success = new Uint8Array(cap);
    success.set(this.success);
    this.nums = nums;
    this.strs = strs;
    this.success = success;
  }

  /** `sent`: per column, how many of the interner's strings the reader already has (updated) */
  finish(sent: number[]): RowBatch {
    const n = this.n;
    const base = sent.slice();
    this.interners.forEach((it, c) => { sent[c] = it.strs.length; });
    // whole buffers, transferred rather than copied; n says how much is used
    return {
      n,
      nums: this.nums,
      strs: this.strs,
      success: this.success,
      base,
      tables: this.interners.map((it, c) => it.strs.slice(base[c])),
      extra: this.extra,
    };
  }
}

/**
 * One worker's interner tables as this thread holds them, extended by each batch in the order the worker sent
 * them; equal text from different workers is made the same string object, so later Map lookups compare pointers.
 */
export class Tables {
  private readonly byWorker: string[][][] = [];
  private readonly canon = Array.from({ length: STR }, () => new Map<string, string>());

  extend(worker: number, b: RowBatch): void {
    const tabs = (this.byWorker[worker] ??= Array.from({ length: STR }, () => []));
    b.tables.forEach((add, c) => {
      const t = tabs[c]!;
      if (t.length !== b.base[c]) throw new Error(`worker ${worker}: table ${c} at ${t.length}, batch continues at ${b.base[c]}`);
      const m = this.canon[c]!;
      for (const v of add) {
        let kept = m.get(v);
        if (kept === undefined) m.set(v, (kept = v));
        t.push(kept);
      }
    });
  }

  of(worker: number): string[][] {
    return this.byWorker[worker]!;
  }
}

/** Rebuild the batch's samples in order from its worker's tables; `lineOffset` turns the segment's line numbers into the file's. */
export function readRows(b: RowBatch, tabs: string[][], engine: number, lineOffset: number, emit: (s: Sample) => void): void {
  const { nums, strs, success, extra } = b;
  const text = (k: number, c: number): string => {
    const id = strs[k + c]!;
    return id >= 0 ? tabs[c]![id]! : extra[-1 - id]!;
  };
  for (let r = 0; r < b.n; r++) {
    const k = r * NUM;
    const j = r * STR;
    emit(makeSample(nums[k]!, nums[k + 1]!, text(j, 0), text(j, 1), text(j, 2), text(j, 3), success[r] === 1, text(j, 5), text(j, 4),
      nums[k + 2]!, nums[k + 3]!, nums[k + 4]!, nums[k + 5]!, text(j, 6), nums[k + 6]!, nums[k + 7]!, nums[k + 8]!, nums[k + 9]!,
      undefined, "sample", engine, nums[k + 10]! + lineOffset));
  }
}
