// the adapters: paths, .gz, "-" for stdin, streams; several inputs merged by start
import { createReadStream, promises as fsp, statSync } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { newStats, type InputStats } from "./core.js";
import { mergeByStart } from "./merge.js";
import { readParallel, type ParallelOptions } from "./parallel.js";
import { createCore, type CoreOptions } from "./open.js";
import { addProblem, JtlError, mergeProblems, type Problems } from "./problems.js";
import { parseProperties, saveConfigOf, type SaveConfig } from "./properties.js";
import type { Sample } from "./sample.js";

/** A file path, "-" for standard input, or a named stream of bytes. */
export type JtlInput = string | { name: string; stream: AsyncIterable<Uint8Array>; size?: number };

/** How far reading has got, for a progress bar. */
export interface ReadProgress {
  bytes: number;
  /** total bytes of the inputs, when known (NaN for stdin and streams) */
  totalBytes: number;
  samples: number;
}

/** Options of {@link readJtl}. */
export interface ReadOptions extends Omit<CoreOptions, "saveConfig"> {
  /** jmeter.properties / user.properties paths (later ones win): columns of header-less CSV, timestamp format, start/end */
  jmeterProperties?: string | string[];
  /** "file": each input's samples in file order; "start": merged by start time @default "file" for one input, "start" for several */
  order?: "file" | "start";
  /** how far out of start order a file's samples may be, for merging @default 60000 */
  reorderWindowMs?: number;
  /** called as bytes are read */
  onProgress?: (p: ReadProgress) => void;
  /** the stream "-" reads @default process.stdin */
  stdin?: AsyncIterable<Uint8Array>;
  /** worker threads for a large plain CSV file read in file order (src/jtl/parallel.ts) */
  parallel?: ParallelOptions;
}

/** What reading found: per input and summed. */
export interface ReadStats {
  samples: number;
  /** problems of all inputs together */
  problems: Problems;
  inputs: InputStats[];
}

const CHUNK = 256 * 1024;

/**
 * Read JTL files (CSV or XML, plain or .gz, "-" for stdin) and call `onSample` for every sample; with several
 * inputs the samples arrive merged by start time and `engine` is the input's index. Resolves to what was read
 * and which problems were read past; rejects with a {@link JtlError} only for an input with nothing usable.
 */
export async function readJtl(
  inputs: JtlInput | JtlInput[],
  options: ReadOptions,
  onSample: (s: Sample) => void,
): Promise<ReadStats> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) throw new JtlError("E_JTL_OPTION", "jmxplan", "no input given; expected JTL file paths or - for stdin");
  const saveConfig = await loadProperties(options.jmeterProperties);
  const coreOpts: CoreOptions = { timestamps: options.timestamps, delimiter: options.delimiter, timestampFormat: options.timestampFormat, saveConfig };
  const stats = list.map((inp, i) => newStats(typeof inp === "string" ? inp : inp.name, i, "csv"));
  const progress = options.onProgress ? await progressOf(list, stats, options.onProgress) : undefined;
  const order = options.order ?? (list.length > 1 ? "start" : "file");
  if (order === "file") {
    for (let i = 0; i < list.length; i++) {
      const inp = list[i]!;
      if (typeof inp === "string" && inp !== "-" && (await parallel(inp, stats[i]!, coreOpts, options.parallel ?? {}, progress, onSample))) continue;
      await pump(inp, stats[i]!, coreOpts, options.stdin, progress, onSample);
    }
  } else {
    const sources = list.map((inp, i) => batches(inp, stats[i]!, coreOpts, options.stdin, progress));
    await mergeByStart(sources, stats, options.reorderWindowMs ?? 60_000, onSample);
  }
  progress?.(0, true);
  const problems: Problems = {};
  for (const s of stats) mergeProblems(problems, s.problems);
  return { samples: stats.reduce((n, s) => n + s.samples, 0), problems, inputs: stats };
}

async function loadProperties(paths: string | string[] | undefined): Promise<SaveConfig | undefined> {
  if (paths === undefined) return undefined;
  const list = Array.isArray(paths) ? paths : [paths];
  const maps = [];
  for (const p of list) {
    try {
      maps.push(parseProperties(await fsp.readFile(p, "utf8")));
    } catch (e) {
      throw new JtlError("E_JTL_PROPERTIES", p, `cannot read the properties file (${(e as NodeJS.ErrnoException).code ?? "unreadable"}); expected a jmeter.properties or user.properties file`);
    }
  }
  return saveConfigOf(maps);
}

type Tick = (bytes: number, final?: boolean) => void;

async function progressOf(list: JtlInput[], stats: InputStats[], cb: (p: ReadProgress) => void): Promise<Tick> {
  let total = 0;
  for (const inp of list) {
    if (typeof inp !== "string") total += inp.size ?? NaN;
    else if (inp === "-") total = NaN;
    else total += await fsp.stat(inp).then((s) => s.size, () => NaN);
  }
  let bytes = 0;
  return (n, final) => {
    bytes += n;
    cb({ bytes: final ? Math.max(bytes, total || 0) : bytes, totalBytes: total, samples: stats.reduce((k, s) => k + s.samples, 0) });
  };
}

/** one input's bytes, gunzipped when need be; a cut-off gzip ends them with a problem counted */
async function* chunksOf(inp: JtlInput, stats: InputStats, stdin: AsyncIterable<Uint8Array> | undefined, tick: Tick | undefined): AsyncGenerator<Uint8Array> {
  const gz = { on: false, out: 0 };
  try {
    yield* decompressed(counted(source(inp, stdin), stats, tick), gz);
  } catch (e) {
    if (!gz.on || e instanceof JtlError) throw toJtlError(e, stats.name);
    if (gz.out === 0) throw new JtlError("E_JTL_GZIP", stats.name, `does not decompress (${(e as Error).message}); expected a gzip file`);
    addProblem(stats.problems, "truncated-gzip", stats.lines + 1);
  }
}

/** a file read by worker threads when it is large plain CSV; false when it is not (or cannot be opened: pump says why) */
async function parallel(path: string, stats: InputStats, opts: CoreOptions, par: ParallelOptions, tick: Tick | undefined, sink: (s: Sample) => void): Promise<boolean> {
  try {
    statSync(path);
  } catch {
    return false;
  }
  return readParallel(path, stats, opts, par, tick, sink);
}

/** one input read straight into `sink` */
async function pump(inp: JtlInput, stats: InputStats, opts: CoreOptions, stdin: AsyncIterable<Uint8Array> | undefined, tick: Tick | undefined, sink: (s: Sample) => void): Promise<void> {
  const core = createCore(stats, opts, sink);
  for await (const chunk of chunksOf(inp, stats, stdin, tick)) core.push(chunk);
  core.end();
}

/** one input's samples, a batch per chunk read (for merging) */
async function* batches(inp: JtlInput, stats: InputStats, opts: CoreOptions, stdin: AsyncIterable<Uint8Array> | undefined, tick: Tick | undefined): AsyncGenerator<Sample[]> {
  let batch: Sample[] = [];
  const core = createCore(stats, opts, (s) => { batch.push(s); });
  for await (const chunk of chunksOf(inp, stats, stdin, tick)) {
    core.push(chunk);
    if (batch.length) { yield batch; batch = []; }
  }
  core.end();
  if (batch.length) yield batch;
}

async function* source(inp: JtlInput, stdin: AsyncIterable<Uint8Array> | undefined): AsyncIterable<Uint8Array> {
  if (typeof inp !== "string") return yield* inp.stream;
  if (inp === "-") return yield* (stdin ?? (process.stdin as Readable));
  const st = await fsp.stat(inp);
  if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  yield* createReadStream(inp, { highWaterMark: CHUNK });
}

async function* counted(src: AsyncIterable<Uint8Array>, stats: InputStats, tick: Tick | undefined): AsyncGenerator<Uint8Array> {
  for await (const c of src) {
    stats.bytes += c.length;
    tick?.(c.length);
    yield c;
  }
}

/** the bytes, gunzipped when they start with the gzip magic number */
async function* decompressed(src: AsyncGenerator<Uint8Array>, gz: { on: boolean; out: number }): AsyncGenerator<Uint8Array> {
  let head: Buffer = Buffer.alloc(0);
  let r = await src.next();
  while (!r.done && head.length + r.value.length < 2) { head = Buffer.concat([head, r.value]); r = await src.next(); }
  if (!r.done) head = head.length ? Buffer.concat([head, r.value]) : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
  const rest = async function* () {
    if (head.length) yield head;
    if (r.done) return;
    for (let n = await src.next(); !n.done; n = await src.next()) yield n.value;
  };
  if (!(head[0] === 0x1f && head[1] === 0x8b)) return yield* rest();
  gz.on = true;
  const out = pipeline(Readable.from(rest()), createGunzip(), () => {});
  for await (const c of out as AsyncIterable<Buffer>) {
    gz.out += c.length;
    yield c;
  }
}

function toJtlError(e: unknown, name: string): JtlError {
  if (e instanceof JtlError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
  return new JtlError("E_JTL_OPEN", name, `cannot read: ${why}; expected a JMeter result file (.jtl, .csv, .xml, or .gz)`);
}
