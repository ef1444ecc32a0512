// a progress bar on stderr for long reads: bytes, rows/s, time left; only on a terminal, never when quiet
import type { ReadProgress } from "./read.js";

/** Options of {@link progressBar}. */
export interface ProgressOptions {
  /** no bar at all @default false */
  quiet?: boolean;
  /** where the bar goes @default process.stderr */
  stream?: NodeJS.WriteStream;
  /** inputs smaller than this get no bar @default 64 MiB */
  minBytes?: number;
  /** redraw at most this often @default 200 */
  intervalMs?: number;
  now?: () => number;
}

/** A progress callback for `readJtl({ onProgress })` and `done()` to clear the bar; inert unless the stream is a TTY. */
export function progressBar(opts: ProgressOptions = {}): { onProgress: (p: ReadProgress) => void; done: () => void } {
  const out = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const active = !opts.quiet && out.isTTY === true;
  const t0 = now();
  let lastDraw = 0;
  let drawn = false;
  const onProgress = (p: ReadProgress) => {
    if (!active) return;
    const t = now();
    if (t - lastDraw < (opts.intervalMs ?? 200)) return;
    if (!(p.totalBytes >= (opts.minBytes ?? 64 * 1024 * 1024)) && !(p.totalBytes !== p.totalBytes && p.bytes >= (opts.minBytes ?? 64 * 1024 * 1024))) return;
    lastDraw = t;
    drawn = true;
    out.write(`\r${formatProgress(p, (t - t0) / 1000, out.columns || 80)}\x1b[K`);
  };
  const done = () => { if (drawn) out.write("\r\x1b[K"); drawn = false; };
  return { onProgress, done };
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MiB`;
}

function clock(s: number): string {
  if (!Number.isFinite(s)) return "--:--";
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
}

/** One line of progress text: bar, bytes, rows/s and time left, fitted to `width` columns. */
export function formatProgress(p: ReadProgress, seconds: number, width: number): string {
  const rate = seconds > 0 ? p.samples / seconds : 0;
  const known = p.totalBytes === p.totalBytes && p.totalBytes > 0;
  const frac = known ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const left = known && p.bytes > 0 ? (seconds * (p.totalBytes - p.bytes)) / p.bytes : NaN;
  const text = known
    ? ` ${mib(p.bytes)}/${mib(p.totalBytes)}  ${Math.round(rate).toLocaleString("en-US")} rows/s  ${clock(left)} left`
    : ` ${mib(p.bytes)}  ${Math.round(rate).toLocaleString("en-US")} rows/s`;
  const barWidth = Math.max(0, Math.min(30, width - text.length - 3));
  if (!known || barWidth < 5) return text.trimStart().slice(0, width - 1);
  const fill = Math.round(frac * barWidth);
  return `[${"#".repeat(fill)}${"-".repeat(barWidth - fill)}]${text}`.slice(0, width - 1);
}
