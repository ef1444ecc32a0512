// the report object and its JSON contract (schemaVersion 1); the only declaration of its shape
import { z } from "zod";

export const SEVERITIES = ["error", "warning", "info"] as const;

export const Estimate = z.object({
  requestsPerSecond: z.number().optional(),
  burst: z.number().optional(),
  windowSeconds: z.number().optional(),
  concurrent: z.number().optional(),
});

/** one checkable fact: a sentence for people and the numbers in it for machines */
export const Evidence = z.object({ text: z.string(), values: z.record(z.string(), z.number()) });

export const Finding = z.object({
  id: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  labels: z.array(z.string()),
  window: z.object({ startMs: z.number(), endMs: z.number() }),
  estimate: Estimate,
  evidence: z.array(Evidence),
  recommendation: z.string(),
});

const Quantiles = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() });

export const LabelSummary = z.object({
  label: z.string(),
  samples: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  errors: z.number(),
  clientFailures: z.number(),
  codes: z.record(z.string(), z.number()),
  attemptsPerSecond: z.number(),
  acceptedPerSecond: z.number(),
  peakAcceptedPerSecond: z.number(),
  elapsedMs: Quantiles,
  rejectedElapsedMs: Quantiles,
});

export const PlanEngine = z.object({
  engine: z.number(),
  plannedThreads: z.number(),
  observedThreads: z.number(),
  plannedRequestsPerSecond: z.number().nullable(),
  observedRequestsPerSecond: z.number(),
  acceptedRequestsPerSecond: z.number(),
});

export const PlanComparison = z.object({
  file: z.string(),
  engines: z.number(),
  /** the labels whose rates were compared with the plan's targets */
  labels: z.array(z.string()),
  windows: z.array(
    z.object({
      startMs: z.number(),
      endMs: z.number(),
      plannedThreads: z.number(),
      observedThreads: z.number(),
      plannedRequestsPerSecond: z.number().nullable(),
      observedRequestsPerSecond: z.number(),
      acceptedRequestsPerSecond: z.number(),
      /** threads the target rate needs by Little's law: rate x thread time per attempt, less the time the limits held threads */
      threadsNeeded: z.number().nullable(),
      shortfall: z.enum(["none", "rejections", "generator", "both"]),
    }),
  ),
  perEngine: z.array(PlanEngine),
  verdict: z.string(),
});

export const Report = z.object({
  schemaVersion: z.literal(1),
  input: z.object({
    files: z.array(z.object({ path: z.string(), engine: z.number(), samples: z.number(), skippedLines: z.number() })),
    samples: z.number(),
    excluded: z.object({ transaction: z.number(), subresult: z.number() }),
    skippedLines: z.number(),
    startMs: z.number().nullable(),
    endMs: z.number().nullable(),
    durationSeconds: z.number(),
    timestamps: z.enum(["start", "end"]),
    warnings: z.array(z.string()),
  }),
  summary: z.object({
    samples: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    errors: z.number(),
    clientFailures: z.number(),
    engines: z.number(),
    peakThreads: z.number(),
    attemptsPerSecond: z.number(),
    acceptedPerSecond: z.number(),
    codes: z.record(z.string(), z.number()),
    labels: z.array(LabelSummary),
    plan: PlanComparison.optional(),
  }),
  findings: z.array(Finding),
});

export type Severity = (typeof SEVERITIES)[number];
export type Finding = z.output<typeof Finding>;
export type Evidence = z.output<typeof Evidence>;
export type Report = z.output<typeof Report>;
export type PlanComparison = z.output<typeof PlanComparison>;
export type LabelSummary = z.output<typeof LabelSummary>;
