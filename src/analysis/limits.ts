// limiter pools: which labels are rejected, which of them spend one quota, and what each pool's limit is
import { estimateRate, flatness, type RateEstimate } from "./arrival.js";
import { correlation, meanSd, total, type Facts } from "./facts.js";
import { spanSeconds, spansOf, windowsIn, type Span } from "./spans.js";
import { measureConcurrency, type ConcurrencyMeasure } from "./sweep.js";

/** a label counts as rejected from this many rejections and this share of its attempts */
export const MIN_REJECTIONS = 5;
export const MIN_REJECTED_SHARE = 0.005;

/** share of rejections at the open-count ceiling that makes a pool a concurrency limit */
export const PINNED = 0.85;

export interface SharedTest {
  windows: number;
  windowSeconds: number;
  cvSum: number;
  cvEach: number[];
  correlation: number;
  /** correlation of the labels' rejected shares in the same 500 ms: one empty bucket rejects both */
  coRejection: number;
  coBins: number;
  /** the accepted counts trade off with a flat sum */
  tradeOff: boolean;
  /** the rejected shares go together */
  together: boolean;
  shared: boolean;
}

const significant = (n: number) => Math.max(0.3, 3 / Math.sqrt(n));

/** fine bins per co-rejection bin (10 x 50 ms) */
const CO_BINS = 10;

function coRejection(f: Facts, a: string[], b: string[], spans: Span[]): { corr: number; n: number } {
  const A = f.fine(a);
  const B = f.fine(b);
  const per = 1000 / 50;
  const xa: number[] = [];
  const xb: number[] = [];
  for (const s of spans)
    for (let i = s.from * per; i + CO_BINS <= s.to * per; i += CO_BINS) {
      let aa = 0;
      let ar = 0;
      let ba = 0;
      let br = 0;
      for (let j = i; j < i + CO_BINS; j++) {
        aa += A.accepted[j]!;
        ar += A.rejected[j]!;
        ba += B.accepted[j]!;
        br += B.rejected[j]!;
      }
      if (aa + ar && ba + br) {
        xa.push(ar / (aa + ar));
        xb.push(br / (ba + br));
      }
    }
  return { corr: correlation(xa, xb), n: xa.length };
}

export interface Pool {
  labels: string[];
  spans: Span[];
  saturatedSeconds: number;
  attempts: number;
  accepted: number;
  rejected: number;
  /** inside the spans */
  attemptsInSpans: number;
  acceptedInSpans: number;
  rejectedInSpans: number;
  /** every label's accepted rate inside this pool's spans */
  overallAcceptedPerSecond: number;
  /** share of all attempts inside the spans that were this pool's */
  coverage: number;
  rate: RateEstimate;
  /** accepted per 5 s window inside the spans */
  flat: { mean: number; cv: number; offeredMin: number; offeredMax: number };
  concurrency: ConcurrencyMeasure;
  kind: "rate" | "concurrency";
  shared?: SharedTest;
  onset: { second: number; threads: number; offeredPerSecond: number };
}

export function rejectingLabels(f: Facts): string[] {
  return f.labels.filter((l) => l.state.counts.rejected >= MIN_REJECTIONS && l.state.counts.rejected >= MIN_REJECTED_SHARE * total(l.second.attempts)).map((l) => l.label);
}

function unionSpans(f: Facts, labels: string[]): Span[] {
  return spansOf(f.sum(labels, "rejected"));
}

/** do two label sets spend one quota? their accepted counts move against each other while the sum stays flat */
export function sharedTest(f: Facts, a: string[], b: string[]): SharedTest {
  const spans = unionSpans(f, [...a, ...b]);
  const secs = spanSeconds(spans);
  const w = secs >= 60 ? 5 : 2;
  const wins = windowsIn(spans, w);
  const accA = f.sum(a, "accepted");
  const accB = f.sum(b, "accepted");
  const sumWin = (arr: Float64Array) => wins.map((s) => total(arr, s.from, s.to));
  const xa = sumWin(accA);
  const xb = sumWin(accB);
  const xs = xa.map((v, i) => v + xb[i]!);
  const cvSum = meanSd(xs).cv;
  const cvEach = [meanSd(xa).cv, meanSd(xb).cv];
  const corr = correlation(xa, xb);
  const ra = spansOf(f.sum(a, "rejected"));
  const rb = spansOf(f.sum(b, "rejected"));
  const overlap = spanSeconds(intersect(ra, rb)) / Math.max(1, Math.min(spanSeconds(ra), spanSeconds(rb)));
  const co = coRejection(f, a, b, spans);
  // they trade off: accepted counts move against each other and their sum is flatter than either alone
  // correlations must clear chance: 3 standard errors (1/sqrt(n)) and at least 0.3, since many pairs are tried
  const tradeOff = wins.length >= 6 && corr <= -significant(wins.length) && cvSum < Math.min(...cvEach);
  const together = co.n >= 30 && co.corr >= significant(co.n);
  const shared = overlap >= 0.5 && (tradeOff || together);
  return { windows: wins.length, windowSeconds: w, cvSum, cvEach, correlation: corr, coRejection: co.corr, coBins: co.n, tradeOff, together, shared };
}

function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) for (const y of b) {
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (to > from) out.push({ from, to });
  }
  return out;
}

function measurePool(f: Facts, labels: string[], shared?: SharedTest): Pool {
  const rejected = f.sum(labels, "rejected");
  const accepted = f.sum(labels, "accepted");
  const attempts = f.sum(labels, "attempts");
  const spans = spansOf(rejected);
  const saturatedSeconds = spanSeconds(spans);
  let attemptsInSpans = 0;
  let acceptedInSpans = 0;
  let rejectedInSpans = 0;
  let allAccepted = 0;
  let allAttempts = 0;
  const everyLabel = f.labels.map((l) => l.label);
  const allAcc = f.sum(everyLabel, "accepted");
  const allAtt = f.sum(everyLabel, "attempts");
  for (const s of spans) {
    attemptsInSpans += total(attempts, s.from, s.to);
    acceptedInSpans += total(accepted, s.from, s.to);
    rejectedInSpans += total(rejected, s.from, s.to);
    allAccepted += total(allAcc, s.from, s.to);
    allAttempts += total(allAtt, s.from, s.to);
  }
  const fine = f.fine(labels);
  const rate = estimateRate(fine, spans, saturatedSeconds, acceptedInSpans);
  // a fixed window is flat only per window: judge it over whole windows of the limited region
  const region = rate.windowSeconds && spans.length ? [{ from: spans[0]!.from, to: spans[spans.length - 1]!.to }] : spans;
  const wins = windowsIn(region, rate.windowSeconds ? Math.max(5, rate.windowSeconds) : 5);
  const fl = flatness(accepted, wins);
  const offered = flatness(attempts, wins).values;
  const concurrency = measureConcurrency(fine);
  // a ceiling that (nearly) every rejection sits at is a concurrency limit, however flat the accepted rate
  const kind = concurrency.max >= 3 && concurrency.pinned >= PINNED ? "concurrency" : "rate";
  const on = spans[0]?.from ?? 0;
  const onOffered = total(attempts, Math.max(0, on - 2), Math.min(f.n, on + 3)) / Math.max(1, Math.min(f.n, on + 3) - Math.max(0, on - 2));
  return {
    labels,
    spans,
    saturatedSeconds,
    attempts: total(attempts),
    accepted: total(accepted),
    rejected: total(rejected),
    attemptsInSpans,
    acceptedInSpans,
    rejectedInSpans,
    overallAcceptedPerSecond: allAccepted / Math.max(1, saturatedSeconds),
    coverage: allAttempts ? attemptsInSpans / allAttempts : 1,
    rate,
    flat: { mean: fl.mean, cv: fl.cv, offeredMin: offered.length ? Math.min(...offered) : NaN, offeredMax: offered.length ? Math.max(...offered) : NaN },
    concurrency,
    kind,
    shared,
    onset: { second: on, threads: f.threads.total[on] ?? 0, offeredPerSecond: onOffered },
  };
}

/** Group the rejected labels into pools (greedy, most rejected first) and measure each; memoised per facts. */
export function pools(f: Facts): Pool[] {
  const hit = f.memo.get("pools") as Pool[] | undefined;
  if (hit) return hit;
  const left = rejectingLabels(f).sort((a, b) => f.byLabel.get(b)!.state.counts.rejected - f.byLabel.get(a)!.state.counts.rejected || (a < b ? -1 : 1));
  const out: Pool[] = [];
  while (left.length) {
    const group = [left.shift()!];
    let test: SharedTest | undefined;
    for (let i = 0; i < left.length; ) {
      const t = sharedTest(f, group, [left[i]!]);
      if (t.shared) {
        group.push(...left.splice(i, 1));
        test = t;
      } else i++;
    }
    out.push(measurePool(f, group.sort(), test));
  }
  f.memo.set("pools", out);
  return out;
}
