// the fold framework: each fold keeps bounded state and sees every sample once, in file order

import type { Sample } from "../jtl/sample.js";

/** a pure fold: `step` updates its own state in place; memory must not grow with the sample count */
export interface Fold<S> {
  init(): S;
  step(state: S, s: Sample): void;
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
  const steps = keys.map((k) => [folds[k]!, states[k]] as const);
  return {
    step(s) {
      for (const [f, st] of steps) f.step(st, s);
    },
    states: states as States<F>,
  };
}
