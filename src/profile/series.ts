// piecewise-linear time series: the shape of threads and rates over a test

/** a value at `t` seconds after the test starts */
export interface Point {
  t: number;
  v: number;
}

/** piecewise linear between points sorted by time; two points at one time are a jump; 0 outside (series start and end at 0) */
export type Series = Point[];

/** the value at `t`; at a jump, `side` picks the value just before or just after it */
export function valueAt(s: Series, t: number, side: "before" | "after" = "after"): number {
  if (!s.length || t < s[0]!.t || t > s.at(-1)!.t) return 0;
  let lo = 0;
  let hi = s.length - 1;
  if (side === "after") {
    // the last point at or before t
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
  } else {
    // the first point at or after t, then step back one
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.t >= t) hi = mid;
      else lo = mid + 1;
    }
    if (s[lo]!.t === t) return s[lo]!.v;
    lo = Math.max(0, lo - 1);
  }
  const a = s[lo]!;
  const b = s[lo + 1];
  if (!b || b.t === a.t || a.t === t) return a.v;
  return a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
}

/** every time at which some series has a point */
export function breakpoints(list: Series[]): number[] {
  return [...new Set(list.flatMap((s) => s.map((p) => p.t)))].sort((a, b) => a - b);
}

/** the pointwise sum: exact, since a sum of piecewise-linear functions is piecewise linear on the union of breakpoints */
export function sum(list: Series[]): Series {
  const out: Series = [];
  for (const t of breakpoints(list)) {
    const before = list.reduce((a, s) => a + valueAt(s, t, "before"), 0);
    const after = list.reduce((a, s) => a + valueAt(s, t, "after"), 0);
    if (before !== after) out.push({ t, v: before });
    out.push({ t, v: after });
  }
  return simplify(out);
}

/** each value times `k` */
export const scale = (s: Series, k: number): Series => s.map((p) => ({ t: p.t, v: p.v * k }));

/** shifted later by `dt` seconds */
export const shift = (s: Series, dt: number): Series => s.map((p) => ({ t: p.t + dt, v: p.v }));

/** the largest value */
export const peak = (s: Series): number => s.reduce((m, p) => Math.max(m, p.v), 0);

/** when the last point is */
export const end = (s: Series): number => s.at(-1)?.t ?? 0;

/** drop points that lie on the line through their neighbours, and repeated points */
export function simplify(s: Series): Series {
  const out: Series = [];
  for (const p of s) {
    const a = out.at(-2);
    const b = out.at(-1);
    if (b && b.t === p.t && b.v === p.v) continue;
    if (a && b && a.t !== b.t && b.t !== p.t && Math.abs(a.v + ((p.v - a.v) * (b.t - a.t)) / (p.t - a.t) - b.v) < 1e-9) out.pop();
    out.push(p);
  }
  return out;
}

/** the integral over time: e.g. requests sent, from a rate in requests per second */
export function area(s: Series): number {
  let total = 0;
  for (let i = 1; i < s.length; i++) total += ((s[i]!.v + s[i - 1]!.v) / 2) * (s[i]!.t - s[i - 1]!.t);
  return total;
}

/** values at evenly spaced times from 0 to `until`, for sparklines and tables */
export function sample(s: Series, until: number, count: number): number[] {
  if (count < 2) return [valueAt(s, 0)];
  return Array.from({ length: count }, (_, i) => valueAt(s, (until * i) / (count - 1)));
}
