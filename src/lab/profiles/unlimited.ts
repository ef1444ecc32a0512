import type { ProfileInput } from "../profile.js";

/** no limits: any method on any path answers 200, and /ws (or any path's upgrade) echoes */
export const unlimited: ProfileInput = {
  name: "unlimited",
  description: "No limiter: every request is accepted. For calibrating a plan and the load generator.",
  routes: [
    { name: "ws", kind: "websocket", path: "/*" },
    { name: "any", method: "*", path: "/*", body: { ok: true, seq: "{{seq}}" } },
  ],
};
