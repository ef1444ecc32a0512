import type { ProfileInput } from "../profile.js";

const recordings = "/api/v2/interactions/screen-recordings";

/**
 * The user's case (shared/seed-scenario.md), per OAuth token:
 * - `screen-recording.initiation`: a token bucket of 20, refilled at 0.5/s (30/min), shared by the create
 *   POST and the stream upgrade. A plan of 200 agents ramping 50 -> 100 -> 200, each POSTing then
 *   upgrading, sends 100 initiations in its first stage: the 21st is refused within seconds, while the
 *   sustained limit has seen 20 requests of its 300. Once empty, the bucket advertises `Retry-After: 2`
 *   (the exact wait for one token), which is why a fixed 2000 ms timer on every thread keeps failing:
 *   one token per 2 s serves one of the waiting threads. 40% of these refusals are held 2-5 s first.
 * - `screen-recording.streams`: at most 100 open streams; the 101st upgrade is refused with
 *   `Retry-After: 2` (a cap has no exact wait). Reached when the 200-agent stage keeps sessions open.
 * - `token.rate.per.minute`: 300 per minute across the whole API (Genesys Cloud's documented
 *   sustained limit), in fixed windows aligned on the minute. Only accepted requests spend it.
 * Every answer carries `inin-ratelimit-count/allowed/reset`; refusals have the Genesys 429 body.
 */
export const genesysScreenRecording: ProfileInput = {
  name: "genesys-screen-recording",
  description:
    "Genesys Cloud screen recordings: 300/min per token sustained, a secondary initiation limit (burst 20, 30/min) shared by the create POST and the stream upgrade, at most 100 open streams, 40% of initiation refusals held 2-5 s.",
  style: "genesys",
  tenantHeader: "authorization",
  routes: [
    {
      name: "create",
      method: "POST",
      path: recordings,
      latency: { kind: "uniform", min: 20, max: 60 },
      body: { id: "{{uuid}}", state: "created", selfUri: `${recordings}/{{uuid}}` },
    },
    { name: "stream", kind: "websocket", path: `${recordings}/{id}/stream`, echo: true, pushEvery: "1s", push: '{"recordingId":"{{param.id}}","seq":{{seq}}}' },
    { name: "get", method: "GET", path: `${recordings}/{id}`, latency: { kind: "uniform", min: 10, max: 30 }, body: { id: "{{param.id}}", state: "active" } },
    { name: "api", method: "*", path: "/api/v2/*", latency: { kind: "uniform", min: 10, max: 30 }, body: { entities: [] } },
  ],
  limiters: [
    {
      name: "screen-recording.initiation",
      kind: "tokenBucket",
      rate: "30/min",
      burst: 20,
      routes: ["create", "stream"],
      reject: { status: 429, retryAfter: { policy: "exact" }, hold: { share: 0.4, delay: { kind: "uniform", min: "2s", max: "5s" } } },
    },
    { name: "screen-recording.streams", kind: "concurrency", max: 100, routes: ["stream"], reject: { status: 429, retryAfter: { policy: "fixed", seconds: 2 } } },
    { name: "token.rate.per.minute", kind: "fixedWindow", limit: 300, window: "60s", routes: "*" },
  ],
};
