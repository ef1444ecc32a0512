// reading JTL files: the entry points other modules use
export { readJtl, type JtlInput, type ReadOptions, type ReadStats, type ReadProgress } from "./read.js";
export type { InputStats, JtlCore, SampleSink } from "./core.js";
export { newStats } from "./core.js";
export { createCore, type CoreOptions } from "./open.js";
export { JtlError, type JtlErrorCode, type Problem, type ProblemCode, type Problems } from "./problems.js";
export { progressBar, formatProgress, type ProgressOptions } from "./progress.js";
export { parseProperties, saveConfigOf, type SaveConfig } from "./properties.js";
export { parseRateLimitHeaders, parseRetryAfter } from "./headers.js";
export type { Sample, SampleKind, RateLimitHeaders } from "./sample.js";
