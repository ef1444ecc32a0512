// scenarios with known limits: what the analysis must find in each, and what it must not
import { concurrencyCap, fixedWindow, tokenBucket } from "./limiters.js";
import type { Group, Scenario } from "./sim.js";

const api = (over: Partial<Group> = {}): Group => ({
  name: "API users",
  threads: 40,
  rampUpS: 20,
  durationS: 180,
  steps: [
    { label: "GET /items", serviceMs: [40, 120] },
    { label: "POST /orders", serviceMs: [80, 200] },
  ],
  thinkMs: [100, 400],
  retry: { mode: "respect", maxRetries: 5 },
  ...over,
});

/** the truth each scenario was built with */
export interface Truth {
  requestsPerSecond?: number;
  burst?: number;
  windowSeconds?: number;
  concurrent?: number;
  labels?: string[];
}

export const scenarios = {
  /** API-wide token bucket 20/s, burst 40 */
  tokenBucket: { truth: { requestsPerSecond: 20, burst: 40 }, scenario: { seed: 1, groups: [api()], limiters: () => [tokenBucket({ rate: 20, burst: 40 })] } },
  /** GET and POST limited separately at 10/s each: two limits, no shared quota */
  twoLimits: { truth: { requestsPerSecond: 10 }, scenario: { seed: 14, groups: [api()], limiters: () => [tokenBucket({ rate: 10, burst: 20, labels: ["GET /items"] }), tokenBucket({ rate: 10, burst: 20, labels: ["POST /orders"] })] } },
  /** API-wide fixed window: 100 per 10 s */
  fixedWindow: { truth: { requestsPerSecond: 10, windowSeconds: 10 }, scenario: { seed: 2, groups: [api({ threads: 30 })], limiters: () => [fixedWindow({ limit: 100, windowSeconds: 10 })] } },
  /** session starts limited to 4/s (burst 8) while reads flow far faster */
  secondaryBurst: {
    truth: { requestsPerSecond: 4, burst: 8, labels: ["POST /sessions"] },
    scenario: {
      seed: 3,
      groups: [api({ threads: 100, rampUpS: 50, durationS: 200, steps: [{ label: "POST /sessions", serviceMs: [60, 150] }, { label: "GET /items", serviceMs: [30, 80], repeat: [8, 14] }], thinkMs: [200, 600], pauseMs: [50, 150] })],
      limiters: () => [tokenBucket({ rate: 4, burst: 8, labels: ["POST /sessions"] })],
    },
  },
  /** at most 20 reports generated at once */
  concurrency: {
    truth: { concurrent: 20, labels: ["GET /report"] },
    scenario: { seed: 4, groups: [api({ threads: 40, steps: [{ label: "GET /report", serviceMs: [2000, 8000] }, { label: "GET /items", serviceMs: [30, 80] }], thinkMs: [100, 500] })], limiters: () => [concurrencyCap({ max: 20, labels: ["GET /report"], retryAfter: 1 })] },
  },
  /** a REST create and a WebSocket upgrade spend one pool of 6/s; the mix shifts as groups come and go */
  sharedPool: {
    truth: { requestsPerSecond: 6, labels: ["POST /recordings", "WS connect"] },
    scenario: {
      seed: 5,
      groups: [
        { name: "creators", threads: 30, rampUpS: 20, durationS: 120, steps: [{ label: "POST /recordings", serviceMs: [50, 150] }], thinkMs: [300, 900], retry: { mode: "respect" } },
        { name: "streamers", threads: 40, rampUpS: 30, delayS: 40, durationS: 160, steps: [{ label: "WS connect", kind: "ws-open", serviceMs: [20, 60] }, { label: "WS frame", kind: "ws-frame", serviceMs: [100, 300], repeat: [3, 8] }, { label: "WS close", kind: "ws-close", serviceMs: [2, 10] }], thinkMs: [200, 800], retry: { mode: "constant", waitMs: 1000 } },
      ],
      limiters: () => [tokenBucket({ rate: 6, burst: 10, labels: ["POST /recordings", "WS connect"] })],
    },
  },
  /** threads retry at once although Retry-After says 2 s */
  retryIgnored: { truth: { requestsPerSecond: 10 }, scenario: { seed: 6, groups: [api({ threads: 30, retry: { mode: "constant", waitMs: 200, maxRetries: 5 } })], limiters: () => [tokenBucket({ rate: 10, burst: 10, retryAfter: 2 })] } },
  /** Retry-After says 2 s, the window is 10 s: waiting as told is not enough */
  retryInsufficient: { truth: { requestsPerSecond: 3, windowSeconds: 10 }, scenario: { seed: 7, groups: [api({ threads: 25, retry: { mode: "respect", maxRetries: 8 } })], limiters: () => [fixedWindow({ limit: 30, windowSeconds: 10, retryAfter: 2 })] } },
  /** half the rejections are held 2–5 s upstream before the 429 */
  heldRejections: { truth: { requestsPerSecond: 15 }, scenario: { seed: 8, groups: [api({ threads: 40 })], limiters: () => [tokenBucket({ rate: 15, burst: 20, holdMs: [2000, 5000], holdShare: 0.5 })] } },
  /** no limit at all */
  unlimited: { truth: {}, scenario: { seed: 9, groups: [api()], limiters: () => [] } },
  /** a flaky backend: 5% 500s, no limit */
  flaky: { truth: {}, scenario: { seed: 10, groups: [api()], limiters: () => [], errorRate: 0.05 } },
  /** the generator runs out of sockets above 60 threads */
  saturatedGenerator: { truth: {}, scenario: { seed: 11, groups: [api({ threads: 120, rampUpS: 60 })], limiters: () => [], client: { socketLimit: 60, timeoutMs: 5000 } } },
  /** two engines share an API-wide 20/s bucket; each writes its own file */
  twoEngines: { truth: { requestsPerSecond: 20 }, scenario: { seed: 12, engines: 2, groups: [api({ threads: 25 })], limiters: () => [tokenBucket({ rate: 20, burst: 30 })] } },
  /** at most 30 open WebSocket streams; sessions last 10-20 s; no rate limit */
  wsStreams: {
    truth: { concurrent: 30, labels: ["WS connect"] },
    scenario: {
      seed: 15,
      groups: [{ name: "viewers", threads: 50, rampUpS: 25, durationS: 180, steps: [{ label: "WS connect", kind: "ws-open", serviceMs: [20, 60] }, { label: "WS frame", kind: "ws-frame", serviceMs: [400, 600], repeat: [20, 40] }, { label: "WS close", kind: "ws-close", serviceMs: [2, 10] }], thinkMs: [200, 800], retry: { mode: "constant", waitMs: 1000, maxRetries: 20 } }],
      limiters: () => [concurrencyCap({ max: 30, labels: ["WS connect"], sessions: true })],
    },
  },
  /**
   * the user's case as the lab's genesys-screen-recording profile has it: an initiation bucket of 20 at 0.5/s shared by
   * the create POST and the stream upgrade (40% of refusals held 2-5 s, Retry-After exact), at most 100 open streams,
   * 300/min API-wide; 200 agents ramping 50 -> 100 -> 200 with a 2 s constant timer
   */
  screenRecording: {
    truth: { requestsPerSecond: 0.5, burst: 20, labels: ["POST /screen-recordings", "WS connect"] },
    scenario: {
      seed: 13,
      groups: [0, 1, 2].map((stage): Group => ({
        name: `agents ${stage + 1}`,
        threads: stage === 2 ? 100 : 50,
        rampUpS: 20,
        delayS: stage * 90,
        durationS: 360 - stage * 90,
        steps: [
          { label: "POST /screen-recordings", serviceMs: [20, 60] },
          { label: "WS connect", kind: "ws-open", serviceMs: [10, 40] },
          { label: "WS stream", kind: "ws-frame", serviceMs: [900, 1100], repeat: [60, 120] },
          { label: "WS close", kind: "ws-close", serviceMs: [2, 10] },
        ],
        thinkMs: [500, 1500],
        pauseMs: [20, 80],
        retry: { mode: "constant", waitMs: 2000, maxRetries: 1000 },
      })),
      limiters: () => [
        tokenBucket({ rate: 0.5, burst: 20, labels: ["POST /screen-recordings", "WS connect"], holdMs: [2000, 5000], holdShare: 0.4, noRetryAfterFor: ["WS connect"] }),
        concurrencyCap({ max: 100, labels: ["WS connect"], sessions: true, retryAfter: 2 }),
        fixedWindow({ limit: 300, windowSeconds: 60, labels: ["POST /screen-recordings", "WS connect"] }),
      ],
    },
  },
} satisfies Record<string, { truth: Truth; scenario: Scenario }>;

export type ScenarioName = keyof typeof scenarios;
