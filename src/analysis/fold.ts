// the fold framework: each fold keeps bounded state and sees every sample once, in file order

import type { Sample } from "../jtl/sample.js";
import { outcome, type Outcome } from "./classify.js";

/** a pure fold: `step` updates its own state in place; memory must not grow with the sample count */
export interface Fold<S> {
  init(): S;
  /** `o` is `outcome(s)`, classified once for all folds */
  step(state: S, s: Sample, o: Outcome): void;
}

/** width of the fine bins used for in-flight sweeps and sub-second structure, ms */
export const FINE_MS = 50;

/** a rejection this slow (ms) was held before the answer; used for per-second fast/slow counts */
export const SLOW_MS = 1000;

type States<F> = { [K in keyof F]: F[K] extends Fold<infer S> ? S : never };

/** Several folds stepped together: feed samples one at a time (a reader's callback), then take the states. */
export function foldAll<F extends Record<string, Fold<unknown>>>(folds: F): { step(s: Sample): void; states: States<F> } {
  const keys = Object.keys(folds) as (keyof F)[];
  const states = Object.fromEntries(keys.map((k) => [k, folds[k]!.init()])) as Record<keyof F, unknown>;
  const fs = keys.map((k) => folds[k]!);
  const sts = keys.map((k) => states[k]);
  const n = fs.length;
  return {
    step(s) {
      const o = outcome(s);
      for (let k = 0; k < n; k++) fs[k]!.step(sts[k], s, o);
    },
    states: states as States<F>,
  };
}
