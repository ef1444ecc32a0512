// CSV JTL core: fed byte chunks, no I/O; detects delimiter and header, decodes fields from bytes
import { decodeNumber, Interner, isFalse, isTrue } from "./bytes.js";
import { DEFAULT_COLUMNS, F, fieldOf, isJmeterColumn } from "./columns.js";
import type { InputStats, JtlCore, SampleSink } from "./core.js";
import { makeSample } from "./kind.js";
import type { RowWriter } from "./rows.js";
import { addProblem, JtlError, type ProblemCode } from "./problems.js";
import { compileTimestampFormat, parseGenericTimestamp } from "./timestamp.js";
import { parseRetryAfter } from "./headers.js";

/** Options of the CSV core. */
export interface CsvOptions {
  /** field delimiter; detected from the first line when absent */
  delimiter?: string;
  /** columns of a file without a header line @default JMeter 5.4.3's default columns */
  columns?: readonly string[];
  /** "ms" (epoch milliseconds) or a SimpleDateFormat pattern @default "ms" */
  timestampFormat?: string;
  /** @internal read every record with the general parser, not the fast path (tests compare the two) */
  generalOnly?: boolean;
  /** start mid-file, at a record boundary, with the layout the file's first line gave (parallel reading) */
  resume?: CsvLayout;
  /** interners of label, code, message, thread, dataType, failureMessage and URL to share (a worker's segments of one file) */
  interners?: readonly Interner[];
}

/** What the first line of a CSV file decided. */
export interface CsvLayout {
  delimiter: string;
  columns: string[];
  header: boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** a record longer than this is garbage (an unterminated quote, a binary file) */
export const MAX_RECORD = 1 << 20;
const MAX_FIELDS = 512;
const DELIMITERS = [",", ";", "\t", "|"];
const NUMBER_FIELDS = new Set([F.elapsed, F.bytes, F.sentBytes, F.grpThreads, F.allThreads, F.latency, F.idleTime, F.connect]);
/** per field, 1 when the fast path reads it as plain digits (a Retry-After column too: an HTTP date falls back) */
const NUMERIC = new Uint8Array(32);
for (const f of [...NUMBER_FIELDS, F.timeStamp, F.retryAfter]) NUMERIC[f] = 1;

/** Reads a CSV JTL: one instance per file. */
export class CsvCore implements JtlCore {
  private carry: Buffer | undefined;
  private started = false;
  private skipping = false;
  private line = 1;
  private delim = 44;
  private ncols = 0;
  private cols = new Uint8Array(0);
  private tsCol = 0;
  private readonly fs = new Int32Array(MAX_FIELDS);
  private readonly fe = new Int32Array(MAX_FIELDS);
  private readonly fq = new Uint8Array(MAX_FIELDS);
  /** per field, the number decoded while scanning (NaN: decode again from the bytes) */
  private readonly fv = new Float64Array(MAX_FIELDS + 1);
  /** per field, 1 for a number column */
  private isNum = new Uint8Array(MAX_FIELDS + 1);
  private readonly labels: Interner;
  private readonly codes: Interner;
  private readonly messages: Interner;
  private readonly threads: Interner;
  private readonly types: Interner;
  private readonly failures: Interner;
  private readonly urls: Interner;
  private readonly other = new Interner();
  private readonly parseTs: ((text: string) => number) | undefined;
  private firstLine = "";
  /** the buffer the fast path reads, and a view of it for reading four bytes at once */
  private buf: Buffer | undefined;
  private dv: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /** the fast path applies: epoch-ms timestamps */
  private fastOk = false;
  private bad = false;

  constructor(
    private readonly opts: CsvOptions,
    private readonly stats: InputStats,
    private readonly emit: SampleSink,
  ) {
    const shared = opts.interners;
    const it = (k: number): Interner => shared?.[k] ?? new Interner();
    this.labels = it(0);
    this.codes = it(1);
    this.messages = it(2);
    this.threads = it(3);
    this.types = it(4);
    this.failures = it(5);
    this.urls = it(6);
    const fmt = opts.timestampFormat ?? "ms";
    if (fmt !== "ms") {
      this.parseTs = compileTimestampFormat(fmt);
      if (!this.parseTs) throw new JtlError("E_JTL_OPTION", stats.name, `timestamp format "${fmt}" uses pattern letters jmxplan cannot read; expected a SimpleDateFormat pattern with y M d H h m s S a Z X`);
    }
    if (opts.delimiter !== undefined && opts.delimiter.length !== 1) {
      throw new JtlError("E_JTL_OPTION", stats.name, `delimiter ${JSON.stringify(opts.delimiter)} must be one character`);
    }
    const r = opts.resume;
    if (r) {
      this.started = true;
      this.delim = r.delimiter.charCodeAt(0);
      this.setColumns([...r.columns], 0);
      this.describe(r.delimiter, r.header);
    }
  }

  /** the layout in force now (a repeated header may have changed the columns) */
  layout(): CsvLayout | undefined {
    const csv = this.stats.csv;
    return this.started && csv ? { delimiter: csv.delimiter, columns: [...csv.columns], header: csv.header } : undefined;
  }

  /** where the records begin in the first pushed chunk (after BOM and header), when that chunk held the header; else -1 */
  bodyStart = -1;
  private pushes = 0;

  /** the next line's number: lines consumed so far + 1 */
  get nextLine(): number {
    return this.line;
  }

  /** true while a record is cut off at the end of what was pushed (or a garbage line is being skipped) */
  pending(): boolean {
    return this.carry !== undefined || this.skipping;
  }

  private readonly ids = new Int32Array(7);
  /** when set, records go here as columns instead of to the sink as samples (a worker's segment) */
  rows: RowWriter | undefined;

  /** the interners of label, code, message, thread, dataType, failureMessage and URL, in that order */
  interners(): readonly Interner[] {
    return [this.labels, this.codes, this.messages, this.threads, this.types, this.failures, this.urls];
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const firstPush = this.pushes++ === 0;
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry && this.started && !this.skipping) {
      // finish the carried record with the chunk's first line, so the chunk itself is not copied
      const lf = buf.indexOf(LF);
      if (lf >= 0) {
        const small = Buffer.concat([this.carry, buf.subarray(0, lf + 1)]);
        this.carry = undefined;
        const used = this.parse(small, 0, false);
        buf = used === small.length ? buf.subarray(lf + 1) : Buffer.concat([small.subarray(used), buf.subarray(lf + 1)]);
      }
    }
    if (this.carry) {
      buf = Buffer.concat([this.carry, buf]);
      this.carry = undefined;
    }
    let pos = 0;
    if (this.skipping) {
      const lf = buf.indexOf(LF);
      if (lf < 0) return;
      this.skipping = false;
      this.line++;
      pos = lf + 1;
    }
    if (!this.started) {
      pos = this.start(buf, pos, false);
      if (!this.started) return this.keep(buf, pos);
      if (firstPush) this.bodyStart = pos;
    }
    for (;;) {
      pos = this.parse(buf, pos, false);
      if (buf.length - pos <= MAX_RECORD) return this.keep(buf, pos);
      const lf = buf.indexOf(LF, pos);
      const quoted = buf.indexOf(QUOTE, pos) >= 0 && buf.indexOf(QUOTE, pos) < (lf < 0 ? buf.length : lf);
      this.problem(quoted ? "unterminated-quote" : "garbage-line", this.line);
      if (lf < 0) { this.skipping = true; return; }
      this.line++;
      pos = lf + 1;
    }
  }

  end(): void {
    this.drain();
    if (this.stats.samples === 0) throw this.nothingUsable();
  }

  /** no more bytes: read the last record, without judging whether anything was usable */
  drain(): void {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    let pos = 0;
    if (!this.skipping) {
      if (!this.started) pos = this.start(buf, pos, true);
      if (this.started) this.parse(buf, pos, true);
    }
  }

  private keep(buf: Buffer, pos: number): void {
    if (pos < buf.length) this.carry = Buffer.from(buf.subarray(pos));
  }

  private problem(code: ProblemCode, line: number): void {
    addProblem(this.stats.problems, code, line);
  }

  /** Detect BOM, delimiter and header on the first line; returns where records start. */
  private start(buf: Buffer, pos: number, final: boolean): number {
    if (this.line === 1 && pos === 0) {
      if (buf.length < 3 && !final && buf[0] === 0xef) return pos;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    for (;;) {
      let lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        if (!final && buf.length - pos <= MAX_RECORD) return pos;
        lf = buf.length;
      }
      let e = lf;
      if (e > pos && buf[e - 1] === CR) e--;
      if (e === pos && lf < buf.length) { this.line++; pos = lf + 1; continue; }
      if (e === pos) return pos;
      const text = buf.toString("utf8", pos, Math.min(e, pos + 64 * 1024));
      this.firstLine = text;
      this.started = true;
      if (this.detect(text)) {
        this.line++;
        return Math.min(lf + 1, buf.length);
      }
      return pos;
    }
  }

  /** Choose the delimiter and columns from the first line; true when that line is a header. */
  private detect(text: string): boolean {
    const candidates = this.opts.delimiter !== undefined ? [this.opts.delimiter] : DELIMITERS;
    let best = candidates[0]!;
    let bestKnown = -1;
    let bestCells: string[] = [];
    for (const d of candidates) {
      const cells = splitLine(text, d);
      const known = cells.filter((c) => fieldOf(c) !== undefined).length;
      if (known > bestKnown) { best = d; bestKnown = known; bestCells = cells; }
    }
    const header = bestKnown >= 2 || (bestKnown === 1 && isJmeterColumn(bestCells[0] ?? ""));
    if (header) {
      this.setColumns(bestCells, this.line);
      this.delim = best.charCodeAt(0);
      this.describe(best, true);
      return true;
    }
    const columns = this.opts.columns ?? DEFAULT_COLUMNS;
    let d = candidates[0]!;
    if (this.opts.delimiter === undefined) {
      const counts = DELIMITERS.map((c) => splitLine(text, c).length);
      const exact = counts.indexOf(columns.length);
      d = DELIMITERS[exact >= 0 ? exact : counts.indexOf(Math.max(...counts))]!;
    }
    this.delim = d.charCodeAt(0);
    this.setColumns([...columns], 0);
    this.describe(d, false);
    return false;
  }

  private describe(delimiter: string, header: boolean): void {
    const csv = this.stats.csv!;
    csv.delimiter = delimiter;
    csv.header = header;
  }

  private setColumns(names: string[], headerLine: number): void {
    if (!names.some((n) => fieldOf(n) === F.timeStamp)) {
      throw new JtlError("E_JTL_COLUMNS", this.stats.name, `the header has no timeStamp column; expected JMeter's CSV columns (${DEFAULT_COLUMNS.slice(0, 4).join(",")},...), got ${names.slice(0, 6).join(",")}`, headerLine || undefined);
    }
    this.ncols = names.length;
    this.cols = new Uint8Array(names.map((n) => fieldOf(n) ?? F.ignore));
    this.tsCol = this.cols.indexOf(F.timeStamp);
    this.fastOk = !this.parseTs && !this.opts.generalOnly && this.ncols < MAX_FIELDS;
    this.isNum = new Uint8Array(MAX_FIELDS + 1);
    this.cols.forEach((f, c) => { if (NUMBER_FIELDS.has(f) || (f === F.timeStamp && !this.parseTs)) this.isNum[c] = 1; });
    const unknown = names.filter((n) => fieldOf(n) === undefined);
    const csv = this.stats.csv ??= { delimiter: ",", header: false, columns: [], unknownColumns: [], timestampFormat: this.opts.timestampFormat ?? "ms" };
    csv.columns = names;
    for (const n of unknown) {
      if (!csv.unknownColumns.includes(n)) csv.unknownColumns.push(n);
      if (headerLine) this.problem("unknown-column", headerLine);
    }
  }

  /** Parse whole records from pos; returns where the first incomplete record starts. */
  private parse(buf: Buffer, pos: number, final: boolean): number {
    const len = buf.length;
    const d = this.delim;
    const fs = this.fs;
    const fe = this.fe;
    const fq = this.fq;
    const fv = this.fv;
    const isNum = this.isNum;
    let i = pos;
    // records that end before the last line feed can take the fast path: every scan there stops at a LF
    const lastLf = this.fastOk ? buf.lastIndexOf(LF) : -1;
    while (i < len) {
      if (i < lastLf) {
        const next = this.fast(buf, i);
        if (next >= 0) { i = next; continue; }
      }
      const recStart = i;
      let eol = buf.indexOf(LF, i);
      if (eol < 0) eol = len;
      let nf = 0;
      let lines = 0;
      let terminated = false;
      let truncated = false;
      for (;;) {
        let s = i;
        let e: number;
        let q = 0;
        if (buf[i] === QUOTE) {
          const open = i;
          let j = i + 1;
          let close = -1;
          for (;;) {
            const k = buf.indexOf(QUOTE, j);
            if (k < 0) break;
            if (k + 1 < len) {
              if (buf[k + 1] === QUOTE) { q = 2; j = k + 2; continue; }
            } else if (!final) break;
            close = k;
            break;
          }
          if (close < 0) {
            if (!final) return recStart;
            truncated = true;
            break;
          }
          for (let t = i + 1; t < close; t++) if (buf[t] === LF) lines++;
          s = i + 1;
          e = close;
          q ||= 1;
          fv[nf < MAX_FIELDS ? nf : MAX_FIELDS] = NaN;
          i = close + 1;
          if (i < len && buf[i] === CR && i + 1 < len && buf[i + 1] === LF) i++;
          if (close > eol) {
            eol = buf.indexOf(LF, i);
            if (eol < 0) eol = len;
          }
          if (i < len && buf[i] !== d && buf[i] !== LF) {
            while (i < eol && buf[i] !== d) i++;
            s = open;
            e = i;
            q = 0;
          }
        } else if (isNum[nf] === 1) {
          // numbers decoded while scanning; anything but digits is left to decodeNumber
          let v = 0;
          // an empty field is absent (NaN), not 0
          let ok = i < eol && buf[i] !== d && buf[i] !== CR;
          while (i < eol) {
            const c = buf[i]!;
            if (c === d) break;
            const dg = c - 48;
            if (dg >= 0 && dg <= 9) v = v * 10 + dg;
            else ok = false;
            i++;
          }
          fv[nf] = ok ? v : NaN;
          e = i;
        } else {
          while (i < eol && buf[i] !== d) i++;
          e = i;
        }
        if (i >= len) {
          if (!final) return recStart;
          if (q === 0 && e > s && buf[e - 1] === CR) e--;
          if (nf < MAX_FIELDS) { fs[nf] = s; fe[nf] = e; fq[nf] = q; }
          nf++;
          break;
        }
        if (buf[i] === d) {
          if (nf < MAX_FIELDS) { fs[nf] = s; fe[nf] = e; fq[nf] = q; }
          nf++;
          i++;
          continue;
        }
        if (q === 0 && e > s && buf[e - 1] === CR) e--;
        if (nf < MAX_FIELDS) { fs[nf] = s; fe[nf] = e; fq[nf] = q; }
        nf++;
        i++;
        lines++;
        terminated = true;
        break;
      }
      const line = this.line;
      if (truncated) {
        this.problem("truncated-record", line);
        const lf = buf.indexOf(LF, recStart);
        if (lf < 0) return len;
        this.line++;
        i = lf + 1;
        continue;
      }
      this.line += lines;
      this.record(buf, nf, line, terminated);
    }
    return len;
  }

  /**
   * One record with no quote, exactly the header's field count, plain digits in number columns and a readable
   * timestamp, decoded in a single scan. Anything else returns -1 before a sample is emitted, and the general
   * parser reads the record (with its problems counted) instead.
   */
  private fast(buf: Buffer, start: number): number {
    const d = this.delim;
    const dm = Math.imul(d, 0x01010101);
    const len = buf.length;
    if (buf !== this.buf) { this.buf = buf; this.dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
    const dv = this.dv;
    const cols = this.cols;
    const n = this.ncols;
    let i = start;
    let ts = NaN, elapsed = NaN, bytes = NaN, sent = NaN, grp = NaN, all = NaN, latency = NaN, idle = NaN, connect = NaN;
    let retryAfter = NaN;
    let label = "", code = "", message = "", thread = "", dataType = "", failure = "", url = "";
    // the interners' ids of the text, for a worker's rows (0 is "", the value of an absent column)
    const ids = this.ids;
    ids.fill(0);
    let success = false;
    this.bad = false;
    for (let c = 0; c < n; c++) {
      const s = i;
      const f = cols[c]!;
      let ch = buf[i]!;
      if (ch === QUOTE) return -1;
      if (NUMERIC[f] === 1) {
        let v = 0;
        while (ch !== d && ch !== LF) {
          const dg = ch - 48;
          if (dg < 0 || dg > 9) {
            if (ch === CR && buf[i + 1] === LF) break;
            return -1;
          }
          v = v * 10 + dg;
          ch = buf[++i]!;
        }
        if (i === s) v = NaN;
        switch (f) {
          case F.timeStamp: ts = v; break;
          case F.elapsed: elapsed = v; break;
          case F.bytes: bytes = v; break;
          case F.sentBytes: sent = v; break;
          case F.grpThreads: grp = v; break;
          case F.allThreads: all = v; break;
          case F.latency: latency = v; break;
          case F.idleTime: idle = v; break;
          case F.connect: connect = v; break;
          default: retryAfter = v;
        }
      } else {
        // four bytes at a time while none is the delimiter or a LF (the zero-byte test of "Bit Twiddling Hacks";
        // its lowest flagged byte is exact, so stopping at any flag never skips one), then byte by byte
        let hi = 0;
        while (i + 4 <= len) {
          const w = dv.getInt32(i, true);
          const x = w ^ dm;
          const y = w ^ 0x0a0a0a0a;
          if ((((x - 0x01010101) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) break;
          hi |= w;
          i += 4;
        }
        ch = buf[i]!;
        while (ch !== d && ch !== LF) { hi |= ch; ch = buf[++i]!; }
        let e = i;
        if (ch === LF && e > s && buf[e - 1] === CR) e--;
        switch (f) {
          case F.label: label = this.s(this.labels, buf, s, e, 0); ids[0] = this.labels.id; break;
          case F.responseCode: code = this.s(this.codes, buf, s, e, 0); ids[1] = this.codes.id; break;
          case F.responseMessage: message = this.s(this.messages, buf, s, e, 0); ids[2] = this.messages.id; break;
          case F.threadName: thread = this.s(this.threads, buf, s, e, 0); ids[3] = this.threads.id; break;
          case F.dataType: dataType = this.s(this.types, buf, s, e, 0); ids[4] = this.types.id; break;
          case F.failureMessage: failure = this.s(this.failures, buf, s, e, 0); ids[5] = this.failures.id; break;
          case F.url: url = this.s(this.urls, buf, s, e, 0); ids[6] = this.urls.id; break;
          case F.success:
            if (isTrue(buf, s, e)) success = true;
            else if (!isFalse(buf, s, e)) return -1;
            break;
          default:
            if (hi & 0x80808080) return -1;
        }
      }
      // a line ending before the last column, or a delimiter after it: the general parser counts the problem
      if ((ch === LF) !== (c === n - 1)) return -1;
      i++;
    }
    if (ts !== ts) return -1;
    const line = this.line++;
    this.stats.lines = line;
    if (this.bad) this.problem("invalid-utf8", line);
    this.stats.samples++;
    if (this.rows) this.rows.put(ts, elapsed, label, code, message, thread, success, failure, dataType, bytes, sent, grp, all, url, latency, idle, connect, retryAfter, line, ids);
    else this.emit(makeSample(ts, elapsed, label, code, message, thread, success, failure, dataType, bytes, sent, grp, all,
      url, latency, idle, connect, retryAfter, undefined, "sample", this.stats.engine, line));
    return i;
  }

  private record(buf: Buffer, nf: number, line: number, terminated: boolean): void {
    const fs = this.fs;
    const fe = this.fe;
    if (nf === 1 && fe[0] === fs[0]) return;
    this.stats.lines = line;
    if (nf !== this.ncols) {
      if (this.isHeader(buf, nf)) return this.repeatedHeader(buf, nf, line);
      this.problem(!terminated && nf < this.ncols ? "truncated-record" : "field-count", line);
      return;
    }
    const cols = this.cols;
    const fq = this.fq;
    const fv = this.fv;
    let ts = NaN, elapsed = NaN, bytes = NaN, sent = NaN, grp = NaN, all = NaN, latency = NaN, idle = NaN, connect = NaN;
    let retryAfter = NaN;
    let label = "", code = "", message = "", thread = "", dataType = "", failure = "", url = "";
    let success = false;
    let badNumber = false;
    this.bad = false;
    const tc = this.tsCol;
    ts = this.parseTs ? this.parseTs(this.text(buf, tc)) : this.fv[tc]!;
    if (ts !== ts && !this.parseTs) ts = decodeNumber(buf, fs[tc]!, fe[tc]!);
    if (ts !== ts && !this.parseTs && fe[tc]! > fs[tc]!) ts = this.dateTimestamp(this.text(buf, tc));
    if (ts !== ts) {
      if (this.isHeader(buf, nf)) return this.repeatedHeader(buf, nf, line);
      this.problem("garbage-line", line);
      return;
    }
    for (let c = 0; c < nf; c++) {
      const s = fs[c]!;
      const e = fe[c]!;
      switch (cols[c]) {
        case F.timeStamp: break;
        case F.elapsed: elapsed = fv[c]!; if (elapsed !== elapsed && e > s && (elapsed = decodeNumber(buf, s, e)) !== elapsed) badNumber = true; break;
        case F.label: label = this.s(this.labels, buf, s, e, fq[c]!); break;
        case F.responseCode: code = this.s(this.codes, buf, s, e, fq[c]!); break;
        case F.responseMessage: message = this.s(this.messages, buf, s, e, fq[c]!); break;
        case F.threadName: thread = this.s(this.threads, buf, s, e, fq[c]!); break;
        case F.dataType: dataType = this.s(this.types, buf, s, e, fq[c]!); break;
        case F.success:
          if (isTrue(buf, s, e)) success = true;
          else if (!isFalse(buf, s, e)) this.problem("bad-boolean", line);
          break;
        case F.failureMessage: failure = this.s(this.failures, buf, s, e, fq[c]!); break;
        case F.bytes: bytes = fv[c]!; if (bytes !== bytes && e > s && (bytes = decodeNumber(buf, s, e)) !== bytes) badNumber = true; break;
        case F.sentBytes: sent = fv[c]!; if (sent !== sent && e > s && (sent = decodeNumber(buf, s, e)) !== sent) badNumber = true; break;
        case F.grpThreads: grp = fv[c]!; if (grp !== grp && e > s && (grp = decodeNumber(buf, s, e)) !== grp) badNumber = true; break;
        case F.allThreads: all = fv[c]!; if (all !== all && e > s && (all = decodeNumber(buf, s, e)) !== all) badNumber = true; break;
        case F.url: url = this.s(this.urls, buf, s, e, fq[c]!); break;
        case F.latency: latency = fv[c]!; if (latency !== latency && e > s && (latency = decodeNumber(buf, s, e)) !== latency) badNumber = true; break;
        case F.idleTime: idle = fv[c]!; if (idle !== idle && e > s && (idle = decodeNumber(buf, s, e)) !== idle) badNumber = true; break;
        case F.connect: connect = fv[c]!; if (connect !== connect && e > s && (connect = decodeNumber(buf, s, e)) !== connect) badNumber = true; break;
        case F.retryAfter:
          if (e > s) {
            retryAfter = decodeNumber(buf, s, e);
            if (retryAfter !== retryAfter) retryAfter = parseRetryAfter(this.str(this.other, buf, c), ts + (elapsed || 0));
          }
          break;
        default:
          if (fq[c] === 0) for (let k = s; k < e; k++) if (buf[k]! > 127) { this.s(this.other, buf, s, e, 0); break; }
      }
    }
    if (badNumber) this.problem("bad-number", line);
    if (this.bad) this.problem("invalid-utf8", line);
    this.stats.samples++;
    if (this.rows) this.rows.put(ts, elapsed, label, code, message, thread, success, failure, dataType, bytes, sent, grp, all, url, latency, idle, connect, retryAfter, line);
    else this.emit(makeSample(ts, elapsed, label, code, message, thread, success, failure, dataType, bytes, sent, grp, all,
      url, latency, idle, connect, retryAfter, undefined, "sample", this.stats.engine, line));
  }

  private str(intern: Interner, buf: Buffer, c: number): string {
    const v = intern.get(buf, this.fs[c]!, this.fe[c]!);
    return this.fq[c] === 2 ? v.replaceAll('""', '"') : v;
  }

  /** str() for the hot columns: bytes given, quotes checked only when the field was quoted */
  private s(intern: Interner, buf: Buffer, s: number, e: number, q: number): string {
    const v = intern.get(buf, s, e);
    if (intern.bad) this.bad = true;
    return q === 2 ? v.replaceAll('""', '"') : v;
  }

  private text(buf: Buffer, c: number): string {
    return this.str(this.other, buf, c);
  }

  private dateTimestamp(text: string): number {
    const t = parseGenericTimestamp(text);
    if (t === t) this.stats.csv!.timestampFormat = "date";
    return t;
  }

  private fieldNames(buf: Buffer, nf: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < Math.min(nf, MAX_FIELDS); c++) out.push(this.text(buf, c));
    return out;
  }

  private isHeader(buf: Buffer, nf: number): boolean {
    const first = this.text(buf, 0);
    if (!isJmeterColumn(first) && fieldOf(first) === undefined) return false;
    return this.fieldNames(buf, nf).filter((n) => fieldOf(n) !== undefined).length >= Math.min(2, nf);
  }

  private repeatedHeader(buf: Buffer, nf: number, line: number): void {
    this.problem("repeated-header", line);
    const names = this.fieldNames(buf, nf);
    const csv = this.stats.csv!;
    if (names.join("\u0000") !== csv.columns.join("\u0000")) this.setColumns(names, line);
  }

  private nothingUsable(): JtlError {
    const name = this.stats.name;
    if (!this.started) return new JtlError("E_JTL_EMPTY", name, "the file is empty; expected a JMeter CSV or XML result file");
    const csv = this.stats.csv!;
    const seen = splitLine(this.firstLine, csv.delimiter).length;
    const d = csv.delimiter === "\t" ? "tab" : `'${csv.delimiter}'`;
    const expected = csv.header
      ? `rows of ${csv.columns.length} ${d}-separated fields under its header`
      : `a header line (timeStamp,elapsed,label,...) or rows of the ${csv.columns.length} columns ${this.opts.columns ? "the given properties imply" : "of JMeter 5.4.3's defaults (pass --jmeter-properties FILE for others)"}`;
    const first = csv.header ? "" : `; line 1 has ${seen} fields: ${JSON.stringify(this.firstLine.slice(0, 60))}`;
    return new JtlError("E_JTL_NO_SAMPLES", name, `no usable sample; expected ${expected}${first}`);
  }
}

/** Split one line on a delimiter, honouring double quotes (for detection and messages). */
export function splitLine(text: string, d: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) { v += text.slice(j); j = text.length; break; }
        if (text[k + 1] === '"') { v += text.slice(j, k + 1); j = k + 2; continue; }
        v += text.slice(j, k);
        j = k + 1;
        break;
      }
      const next = text.indexOf(d, j);
      out.push(next < 0 ? v + text.slice(j) : v + text.slice(j, next));
      if (next < 0) return out;
      i = next + 1;
    } else {
      const next = text.indexOf(d, i);
      out.push(next < 0 ? text.slice(i) : text.slice(i, next));
      if (next < 0) return out;
      i = next + 1;
    }
  }
}
