// growable counters indexed by time bin; memory grows with the test's duration, never with sample count

/** counts per fixed-width time bin, re-based when an earlier time arrives (files are in completion order) */
export class Bins {
  private data: Float64Array;
  /** epoch ms of bin 0 */
  origin = NaN;
  constructor(readonly widthMs: number) {
    this.data = new Float64Array(64);
  }

  /** bins allocated: what memory this series holds */
  get capacity(): number {
    return this.data.length;
  }

  add(t: number, v = 1): void {
    if (!Number.isFinite(t)) return;
    if (Number.isNaN(this.origin)) this.origin = Math.floor(t / this.widthMs) * this.widthMs - 16 * this.widthMs;
    let i = Math.floor((t - this.origin) / this.widthMs);
    if (i < 0) {
      const shift = Math.max(-i, this.data.length >> 1);
      const next = new Float64Array(this.data.length + shift);
      next.set(this.data, shift);
      this.data = next;
      this.origin -= shift * this.widthMs;
      i += shift;
    }
    if (i >= this.data.length) {
      const next = new Float64Array(Math.max(i + 1, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[i]! += v;
  }

  /** the count in the bin holding `t` (0 outside what was recorded) */
  get(t: number): number {
    if (Number.isNaN(this.origin)) return 0;
    const i = Math.floor((t - this.origin) / this.widthMs);
    return i >= 0 && i < this.data.length ? this.data[i]! : 0;
  }

  /** the counts on the grid [from, from + n·width), zero outside what was recorded */
  slice(from: number, n: number): Float64Array {
    const out = new Float64Array(n);
    if (Number.isNaN(this.origin)) return out;
    const off = Math.round((from - this.origin) / this.widthMs);
    for (let i = 0; i < n; i++) {
      const j = i + off;
      if (j >= 0 && j < this.data.length) out[i] = this.data[j]!;
    }
    return out;
  }
}

/** per-bin maximum of a level (active threads), same growth rules */
export class MaxBins {
  private readonly bins: Bins;
  constructor(widthMs: number) {
    this.bins = new Bins(widthMs);
  }
  set(t: number, v: number): void {
    const cur = this.bins.get(t);
    if (v > cur) this.bins.add(t, v - cur);
  }
  slice(from: number, n: number): Float64Array {
    return this.bins.slice(from, n);
  }
}
