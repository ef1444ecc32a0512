// answers as plain data: status, headers and body, for accepted requests and refusals
import { randomUUID } from "node:crypto";
import type { Decision, Policy } from "./decide.js";
import type { Verdict } from "./limiters/index.js";
import type { Profile } from "./profile.js";
import { styles } from "./styles.js";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Fill {
  seq: number;
  params: Record<string, string>;
}

const SLOT = /\{\{(uuid|seq|param\.[A-Za-z0-9_]+)\}\}/g;

/** a body template: "{{uuid}}" (one per answer), "{{seq}}" and "{{param.NAME}}" filled in */
export function template(text: string): (f: Fill) => string {
  if (!text.includes("{{")) return () => text;
  return (f) => {
    let uuid: string | undefined;
    return text.replace(SLOT, (_, name: string) =>
      name === "uuid" ? (uuid ??= randomUUID()) : name === "seq" ? String(f.seq) : (f.params[name.slice(6)] ?? ""),
    );
  };
}

/** a route's body as a template, and the content type it implies */
export function bodyTemplate(body: unknown): { type: string; fill: (f: Fill) => string } {
  if (typeof body === "string") return { type: "text/plain; charset=utf-8", fill: template(body) };
  return { type: "application/json", fill: template(JSON.stringify(body) ?? "null") };
}

/** the rate-limit headers an accepted answer carries: those of the route's first limiter, in the profile's style */
export function acceptedHeaders(profile: Profile, d: Extract<Decision, { ok: true }>, now: number): Record<string, string> {
  if (!d.first) return {};
  const { policy, verdict } = d.first;
  return styles[profile.style].headers({ limiter: policy.spec.name, verdict, status: 200, retryAfter: null, now });
}

/** the refusal a limiter sends */
export function refusal(profile: Profile, policy: Policy, verdict: Verdict, retryAfter: number | null, now: number): Answer {
  const status = policy.spec.reject.status;
  const style = styles[policy.spec.reject.style ?? profile.style];
  const info = { limiter: policy.spec.name, verdict, status, retryAfter, now };
  const body = style.body(info);
  const headers: Record<string, string> = { "Content-Type": body.type, ...style.headers(info) };
  if (retryAfter !== null) headers["Retry-After"] = String(retryAfter);
  return { status, headers, body: body.text };
}
