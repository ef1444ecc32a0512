// log-bucketed latency histogram: 8 buckets per octave, so quantiles are approximate within ~9%

const PER_OCTAVE = 8;
const SIZE = PER_OCTAVE * 28;

export interface Histogram {
  counts: Float64Array;
  n: number;
  sum: number;
  min: number;
  max: number;
}

export const histogram = (): Histogram => ({ counts: new Float64Array(SIZE), n: 0, sum: 0, min: Infinity, max: -Infinity });

const bucketOfAny = (ms: number) => Math.min(SIZE - 1, Math.max(0, Math.floor(Math.log2(Math.max(0, ms) + 1) * PER_OCTAVE)));
/** buckets of whole milliseconds below 2^16, computed once each (elapsed times are whole ms) */
const SMALL = new Uint8Array(1 << 16).fill(255);
export const bucketOf = (ms: number): number => {
  if (ms >= 0 && ms < 65536 && (ms | 0) === ms) {
    const b = SMALL[ms]!;
    return b !== 255 ? b : (SMALL[ms] = bucketOfAny(ms));
  }
  return bucketOfAny(ms);
};
/** the bucket's representative value (geometric middle) */
export const valueOf = (i: number) => Math.pow(2, (i + 0.5) / PER_OCTAVE) - 1;

export function record(h: Histogram, ms: number): void {
  if (!Number.isFinite(ms)) return;
  h.counts[bucketOf(ms)]! += 1;
  h.n++;
  h.sum += ms;
  if (ms < h.min) h.min = ms;
  if (ms > h.max) h.max = ms;
}

/** approximate quantile q in [0, 1]; NaN when empty */
export function quantile(h: Histogram, q: number): number {
  if (!h.n) return NaN;
  const target = q * h.n;
  let acc = 0;
  for (let i = 0; i < SIZE; i++) {
    acc += h.counts[i]!;
    if (acc >= target && h.counts[i]! > 0) return Math.min(h.max, Math.max(h.min, valueOf(i)));
  }
  return h.max;
}

export function merge(into: Histogram, h: Histogram): void {
  for (let i = 0; i < SIZE; i++) into.counts[i]! += h.counts[i]!;
  into.n += h.n;
  into.sum += h.sum;
  into.min = Math.min(into.min, h.min);
  into.max = Math.max(into.max, h.max);
}

/** Otsu's threshold on log latency: the split that best separates two modes; with the two modes' weights */
export function split(h: Histogram): { threshold: number; low: Histogram; high: Histogram; separation: number } | undefined {
  if (h.n < 2) return undefined;
  let best = -1;
  let cut = -1;
  const total = h.n;
  let sumAll = 0;
  for (let i = 0; i < SIZE; i++) sumAll += i * h.counts[i]!;
  let w0 = 0;
  let s0 = 0;
  for (let i = 0; i < SIZE - 1; i++) {
    w0 += h.counts[i]!;
    s0 += i * h.counts[i]!;
    const w1 = total - w0;
    if (!w0 || !w1) continue;
    const m0 = s0 / w0;
    const m1 = (sumAll - s0) / w1;
    const between = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (between > best) {
      best = between;
      cut = i;
    }
  }
  if (cut < 0) return undefined;
  const low = histogram();
  const high = histogram();
  for (let i = 0; i < SIZE; i++) {
    const c = h.counts[i]!;
    if (!c) continue;
    const into = i <= cut ? low : high;
    into.counts[i] = c;
    into.n += c;
    into.sum += c * valueOf(i);
    into.min = Math.min(into.min, valueOf(i));
    into.max = Math.max(into.max, valueOf(i));
  }
  return { threshold: Math.pow(2, (cut + 1) / PER_OCTAVE) - 1, low, high, separation: quantile(high, 0.5) / Math.max(1, quantile(low, 0.5)) };
}
