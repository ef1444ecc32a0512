import type { ProfileInput } from "../profile.js";

/**
 * GitHub's documented secondary limits (shared/reference §3), per token: 100 concurrent requests;
 * 900 points per minute per endpoint (GET 1, writes 5); 80 content-creating requests per minute and
 * 500 per hour. Refusals are 403 with GitHub's body; the concurrency refusal has no Retry-After (clients
 * must fall back to x-ratelimit-reset or a 60 s wait), the creation limits advertise 60 s. Accepted
 * answers carry the x-ratelimit-* headers of the endpoint's points limiter.
 */
export const githubSecondary: ProfileInput = {
  name: "github-secondary",
  description: "GitHub REST secondary limits: 100 concurrent, 900 points/min per endpoint, 80 creations/min and 500/h; 403 answers.",
  style: "github",
  routes: [
    { name: "list-issues", method: "GET", path: "/repos/{owner}/{repo}/issues", latency: { kind: "uniform", min: 5, max: 20 }, body: [] },
    { name: "create-issue", method: "POST", path: "/repos/{owner}/{repo}/issues", status: 201, latency: { kind: "uniform", min: 20, max: 80 }, body: { id: "{{seq}}", node_id: "{{uuid}}" } },
    { name: "other", method: "*", path: "/*", latency: { kind: "uniform", min: 5, max: 20 }, body: {} },
  ],
  limiters: [
    { name: "points.list-issues", kind: "fixedWindow", limit: 900, window: "60s", routes: ["list-issues"], reject: { status: 403, retryAfter: { policy: "exact" } } },
    { name: "points.create-issue", kind: "fixedWindow", limit: 900, window: "60s", cost: { POST: 5 }, routes: ["create-issue"], reject: { status: 403, retryAfter: { policy: "exact" } } },
    { name: "points.other", kind: "fixedWindow", limit: 900, window: "60s", cost: { POST: 5, PUT: 5, PATCH: 5, DELETE: 5 }, routes: ["other"], reject: { status: 403, retryAfter: { policy: "exact" } } },
    { name: "content-creation.minute", kind: "slidingLog", limit: 80, window: "60s", routes: ["create-issue"], reject: { status: 403, retryAfter: { policy: "fixed", seconds: 60 } } },
    { name: "content-creation.hour", kind: "slidingLog", limit: 500, window: "1h", routes: ["create-issue"], reject: { status: 403, retryAfter: { policy: "fixed", seconds: 60 } } },
    { name: "concurrent-requests", kind: "concurrency", max: 100, reject: { status: 403, retryAfter: { policy: "absent" } } },
  ],
};
