// every lint rule, by id; the order is the order findings are reported in
import type { Rule } from "../rule.js";
import { constantTimerBackoff } from "./constant-timer-backoff.js";
import { retryAfterMissing } from "./retry-after-missing.js";
import { retryWithoutJitter } from "./retry-without-jitter.js";
import { declaredLimit } from "./declared-limit.js";
import { shapingTimerThreads } from "./shaping-timer-threads.js";
import { shapingTimerFeedback } from "./shaping-timer-feedback.js";
import { websocketReopen } from "./websocket-reopen.js";
import { randomBounds } from "./random-bounds.js";
import { randomOncePerIteration } from "./random-once-per-iteration.js";
import { resultsColumns } from "./results-columns.js";
import { enginesNotDivided } from "./engines-not-divided.js";
import { numericExpression } from "./numeric-expression.js";
import { httpTimeouts } from "./http-timeouts.js";
import { endlessLoop } from "./endless-loop.js";

export const rules: readonly Rule[] = [
  constantTimerBackoff,
  retryAfterMissing,
  retryWithoutJitter,
  declaredLimit,
  shapingTimerThreads,
  shapingTimerFeedback,
  websocketReopen,
  randomBounds,
  randomOncePerIteration,
  resultsColumns,
  enginesNotDivided,
  numericExpression,
  httpTimeouts,
  endlessLoop,
];
