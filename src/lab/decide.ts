// the limiters' decision for one request: every limiter of the route is checked, the first "no" decides,
// and only an accepted request spends (tokens, window counts, concurrency slots)
import type { IncomingHttpHeaders } from "node:http";
import { createGate, type Gate, type LimiterSpec, type Verdict } from "./limiters/index.js";
import type { Profile } from "./profile.js";
import { retryAfterSeconds } from "./reject.js";
import { shortKey } from "./limiters/gate.js";

export interface Policy {
  spec: LimiterSpec;
  gate: Gate;
}

export type Decision =
  | { ok: true; taken: Array<{ policy: Policy; key: string }>; first?: { policy: Policy; verdict: Verdict } }
  | { ok: false; policy: Policy; verdict: Verdict; retryAfter: number | null };

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

export class Limits {
  readonly policies: Policy[];
  private byRoute = new Map<string, Policy[]>();

  constructor(private profile: Profile) {
    this.policies = profile.limiters.map((spec) => ({ spec, gate: createGate(spec, profile.maxTenants) }));
    for (const r of profile.routes) {
      this.byRoute.set(r.name, this.policies.filter((p) => p.spec.routes === "*" || p.spec.routes.includes(r.name)));
    }
  }

  /** the tenant a request belongs to, as logged and keyed; null when the header is absent */
  tenant(h: IncomingHttpHeaders): string | null {
    const v = header(h, this.profile.tenantHeader);
    return v === undefined ? null : shortKey(v);
  }

  private key(p: Policy, h: IncomingHttpHeaders, tenant: string | null): string {
    const k = p.spec.key;
    if (k === "global") return "*";
    if (k === "tenant") return tenant ?? "";
    const v = header(h, k.header.toLowerCase());
    return v === undefined ? "" : shortKey(v);
  }

  decide(route: string, method: string, h: IncomingHttpHeaders, tenant: string | null, now: number): Decision {
    const ps = this.byRoute.get(route) ?? [];
    const keys: string[] = [];
    let first: { policy: Policy; verdict: Verdict } | undefined;
    for (const p of ps) {
      const key = this.key(p, h, tenant);
      const verdict = p.gate.check(key, now, p.spec.cost[method] ?? 1);
      if (!verdict.ok) return { ok: false, policy: p, verdict, retryAfter: retryAfterSeconds(p.spec.reject.retryAfter, verdict.waitMs) };
      first ??= { policy: p, verdict };
      keys.push(key);
    }
    const taken = ps.map((policy, i) => ({ policy, key: keys[i]! }));
    for (const t of taken) t.policy.gate.take(t.key, now, t.policy.spec.cost[method] ?? 1);
    return first ? { ok: true, taken, first } : { ok: true, taken };
  }

  /** tenants' state held, summed over limiters */
  keysHeld(): number {
    return this.policies.reduce((n, p) => n + p.gate.size(), 0);
  }
}
