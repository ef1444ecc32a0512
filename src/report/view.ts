// the report as the templates see it: formatted strings, rows and charts, computed once from the analysis
import type { Analysis } from "../analysis/index.js";
import type { Finding } from "../analysis/report.js";
import { FINDING_IDS } from "../analysis/index.js";
import { detectors } from "../analysis/detectors/index.js";
import { num, pct } from "../analysis/detector.js";
import { codeColor, lineChart, PALETTE } from "./svg.js";

const clock = (ms: number | null) => (ms === null ? "n/a" : new Date(ms).toISOString().slice(11, 19));
const day = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString().slice(0, 10));

export function estimateText(e: Finding["estimate"]): string {
  const parts: string[] = [];
  if (e.requestsPerSecond !== undefined) parts.push(`${num(e.requestsPerSecond)}/s`);
  if (e.burst !== undefined) parts.push(`burst ${num(e.burst)}`);
  if (e.windowSeconds !== undefined) parts.push(`window ${num(e.windowSeconds)} s`);
  if (e.concurrent !== undefined) parts.push(`${num(e.concurrent)} at once`);
  return parts.join(", ") || "–";
}

export interface ViewOptions {
  color?: boolean;
  /** terminal width for the text report */
  width?: number;
}

export function viewOf(a: Analysis, opts: ViewOptions = {}) {
  const s = a.summary;
  const findings = a.findings.map((f) => ({
    ...f,
    severityUpper: f.severity.toUpperCase(),
    estimateText: estimateText(f.estimate),
    windowText: `${clock(f.window.startMs)}–${clock(f.window.endMs)}`,
    labelsText: f.labels.join(", "),
  }));
  const kinds = FINDING_IDS.map((id) => {
    const fs = findings.filter((f) => f.id === id);
    const failing = fs.filter((f) => f.severity !== "info");
    return { id, title: detectors.find((d) => d.id === id)!.title, findings: fs, failing, more: Math.max(0, failing.length - 1), passed: failing.length === 0 };
  });
  const labels = s.labels.map((l) => ({
    ...l,
    rejectedPct: pct(l.rejected, l.samples),
    codesText: Object.entries(l.codes).map(([c, n]) => `${c.length > 12 ? "non-HTTP" : c}: ${num(n)}`).join(", "),
    p50: l.elapsedMs.p50 ?? "–",
    p95: l.elapsedMs.p95 ?? "–",
    rejP50: l.rejectedElapsedMs.p50 ?? "–",
  }));
  const t = a.timeline;
  const stepMs = t.step * 1000;
  const charts = [
    lineChart({ id: "codes", title: "requests per second by response code", yLabel: "requests/s", t0: t.t0, stepMs, lines: t.codes.map((c, i) => ({ name: c.code, values: c.values, color: codeColor(c.code, i) })) }),
    lineChart({ id: "threads", title: "active threads", yLabel: "threads", t0: t.t0, stepMs, lines: t.threads.map((e, i) => ({ name: `engine ${e.engine}`, values: e.values, color: PALETTE[i % PALETTE.length]! })) }),
    lineChart({
      id: "limits",
      title: "accepted rate against each estimated limit",
      yLabel: "accepted/s",
      t0: t.t0,
      stepMs,
      lines: t.limits.length
        ? t.limits.flatMap((l, i) => [
            { name: `${l.labels.join(" + ")} accepted`, values: l.accepted, color: PALETTE[i % PALETTE.length]! },
            ...(l.kind === "rate" ? [{ name: `limit ${num(l.limit)}/s`, values: l.accepted.map(() => l.limit), color: PALETTE[i % PALETTE.length]!, dashed: true }] : []),
          ])
        : [{ name: "accepted (no limit found)", values: t.codes.filter((c) => /^[123]/.test(c.code)).reduce<number[]>((acc, c) => c.values.map((v, i) => v + (acc[i] ?? 0)), []), color: PALETTE[0]! }],
    }),
    lineChart({ id: "failures", title: `rejections per second: fast (< ${t.failures.thresholdMs} ms) and slow`, yLabel: "rejections/s", t0: t.t0, stepMs, lines: [{ name: "fast", values: t.failures.fast, color: "#e8590c" }, { name: `slow (≥ ${t.failures.thresholdMs} ms)`, values: t.failures.slow, color: "#862e9c" }] }),
  ];
  return {
    color: opts.color ?? false,
    /** the text report keeps to one screen: two lines a finding when there are many */
    compact: findings.length > 6,
    width: opts.width ?? 100,
    input: a.input,
    summary: s,
    files: a.input.files.map((f) => f.path).join(", "),
    range: `${day(a.input.startMs)} ${clock(a.input.startMs)}–${clock(a.input.endMs)} UTC`,
    rejectedPct: pct(s.rejected, s.samples),
    errorsPct: pct(s.errors, s.samples),
    findings,
    counts: { error: findings.filter((f) => f.severity === "error").length, warning: findings.filter((f) => f.severity === "warning").length, info: findings.filter((f) => f.severity === "info").length },
    kinds,
    failingKinds: kinds.filter((k) => !k.passed).length,
    labels,
    charts,
    plan: s.plan && { ...s.plan, windows: s.plan.windows.map((w) => ({ ...w, startText: clock(w.startMs), endText: clock(w.endMs) })) },
  };
}

export type View = ReturnType<typeof viewOf>;
