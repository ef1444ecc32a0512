// what a review shows, as plain data the templates render
import { shown } from "../plan/load.js";
import type { Finding } from "../lint/index.js";
import type { El } from "../profile/groups.js";
import { breakpoints, end, peak, valueAt, type PlanProfile, type Series } from "../profile/index.js";
import { sparkline, svgChart } from "./chart.js";
import type { Inspected } from "./input.js";
import { knobsOf, type Knob } from "./knobs.js";
import { outlineOfPlan, outlineOfTree } from "./outline.js";
import { pluginsOf, type RequiredPlugin } from "./plugins.js";

export interface ProfileRow {
  t: string;
  cells: string[];
}

export interface Review {
  title: string;
  file: string;
  fromJmx: boolean;
  engines: number;
  outline: string;
  profile?: {
    duration: string;
    columns: string[];
    rows: ProfileRow[];
    sparklines: string;
    peaks: { label: string; overall: string; perEngine: string }[];
    svgThreads: string;
    svgRate: string;
    notes: string[];
  };
  noProfile?: string;
  knobs: Knob[];
  command: string;
  requiredFlags: string[];
  plugins: RequiredPlugin[];
  unknownPlugins: string[];
  findings: Finding[];
  errors: number;
  warnings: number;
  changes?: Change[];
  base?: string;
}

export interface Change {
  what: string;
  before: string;
  after: string;
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, ""));
const clock = (t: number) => (t >= 60 ? `${Math.floor(t / 60)}m${t % 60 ? `${n(t % 60)}s` : ""}` : `${n(t)}s`);

/** the times worth a table row: where something changes, at most `max` of them */
function times(list: Series[], duration: number, max = 14): number[] {
  const all = breakpoints(list).filter((t) => t <= duration);
  if (all.length <= max) return all;
  return Array.from({ length: max }, (_, i) => Math.round((duration * i) / (max - 1)));
}

function profileSection(p: PlanProfile) {
  const duration = p.duration || Math.max(1, end(p.total.threads));
  const series: { label: string; s: Series; perEngine: Series }[] = [];
  for (const g of p.groups) {
    series.push({ label: `${g.name} threads${g.adaptive ? " (max)" : ""}`, s: g.threads, perEngine: g.threads.map((x) => ({ t: x.t, v: x.v / p.engines })) });
    if (g.rate) series.push({ label: `${g.name} req/s`, s: g.rate, perEngine: g.rate.map((x) => ({ t: x.t, v: x.v / p.engines })) });
  }
  if (p.groups.length > 1 || p.planRate) {
    series.push({ label: "total threads", s: p.total.threads, perEngine: p.perEngine.threads });
    if (p.total.rate) series.push({ label: "total req/s", s: p.total.rate, perEngine: p.perEngine.rate! });
  }
  const ts = times(series.map((x) => x.s), duration);
  const perEngine = p.engines > 1;
  const columns = ["time", ...series.flatMap((x) => (perEngine ? [x.label, `${x.label} / engine`] : [x.label]))];
  const rows = ts.map((t) => ({ t: clock(t), cells: series.flatMap((x) => (perEngine ? [n(valueAt(x.s, t)), n(valueAt(x.perEngine, t))] : [n(valueAt(x.s, t))])) }));
  const width = Math.max(...series.map((x) => x.label.length));
  const sparklines = series.map((x) => `${x.label.padEnd(width)}  ${sparkline(x.s, duration)}  peak ${n(peak(x.s))}`).join("\n");
  const peaks = series.map((x) => ({ label: x.label, overall: n(peak(x.s)), perEngine: n(peak(x.perEngine)) }));
  const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
  const threadLines = series.filter((x) => x.label.includes("threads")).map((x, i) => ({ label: x.label, series: x.s, color: colors[i % colors.length]! }));
  const rateLines = series.filter((x) => x.label.includes("req/s")).map((x, i) => ({ label: x.label, series: x.s, color: colors[(i + 3) % colors.length]! }));
  const notes = [...p.notes, ...p.groups.flatMap((g) => [...g.notes.map((m) => `${g.name}: ${m}`), ...g.unknowns.map((u) => `${g.name}: ${u} could not be evaluated; the profile uses a guess`)])];
  return {
    duration: clock(duration),
    columns,
    rows,
    sparklines,
    peaks,
    svgThreads: svgChart("threads over time (overall)", "threads", threadLines, duration),
    svgRate: rateLines.length ? svgChart("target requests per second (overall)", "req/s", rateLines, duration) : "",
    notes,
  };
}

/** Everything a review shows for one plan. */
export function reviewModel(i: Inspected, findings: Finding[], flags: string[] = []): Review {
  const plan = i.plan as unknown as El | undefined;
  const title = String(plan?.name ?? i.tree[0]?.attrs.testname ?? shown(i.file));
  const knobs = knobsOf(i.tree, (plan?.knobs as Record<string, string> | undefined) ?? {});
  const { plugins, unknown } = pluginsOf(i.tree);
  const jmx = shown(i.file).replace(/\.plan\.[cm]?[jt]s$/, ".jmx");
  const command = ["jmeter -n -t", jmx, ...flags, ...knobs.filter((k) => k.uses && k.default).map((k) => k.flag), "-l results.jtl"].join(" ");
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    title,
    file: shown(i.file),
    fromJmx: i.fromJmx,
    engines: i.engines,
    outline: (plan ? outlineOfPlan(plan) : outlineOfTree(i.tree)).join("\n"),
    ...(i.profile ? { profile: profileSection(i.profile) } : { noProfile: i.noPlan ?? "no thread groups" }),
    knobs,
    command,
    requiredFlags: flags,
    plugins,
    unknownPlugins: unknown,
    findings,
    errors,
    warnings: findings.length - errors,
  };
}

/** What changed between two versions of a plan, in its load profile and knobs. */
export function changesBetween(before: Review, after: Review): Change[] {
  const out: Change[] = [];
  const peaks = (r: Review) => new Map((r.profile?.peaks ?? []).map((p) => [p.label, p]));
  const [a, b] = [peaks(before), peaks(after)];
  for (const label of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(label);
    const y = b.get(label);
    const fmt = (p?: { overall: string; perEngine: string }, r?: Review) => (p ? `${p.overall}${r && r.engines > 1 ? ` (${p.perEngine}/engine)` : ""}` : "—");
    if (x?.overall !== y?.overall || x?.perEngine !== y?.perEngine) out.push({ what: `peak ${label}`, before: fmt(x, before), after: fmt(y, after) });
  }
  if (before.profile?.duration !== after.profile?.duration) out.push({ what: "duration", before: before.profile?.duration ?? "—", after: after.profile?.duration ?? "—" });
  if (before.engines !== after.engines) out.push({ what: "engines", before: String(before.engines), after: String(after.engines) });
  const knobs = (r: Review) => new Map(r.knobs.map((k) => [k.name, k]));
  const [ka, kb] = [knobs(before), knobs(after)];
  for (const name of [...new Set([...ka.keys(), ...kb.keys()])].sort()) {
    const x = ka.get(name);
    const y = kb.get(name);
    if (!x) out.push({ what: `knob ${name}`, before: "—", after: `added, default ${y!.default || "(none)"}` });
    else if (!y) out.push({ what: `knob ${name}`, before: `default ${x.default || "(none)"}`, after: "removed" });
    else if (x.default !== y.default) out.push({ what: `knob ${name} default`, before: x.default, after: y.default });
  }
  const rows = (r: Review) => (r.profile?.rows ?? []).map((row) => `${row.t}: ${row.cells.join(" | ")}`).join("\n");
  if (!out.length && rows(before) !== rows(after)) out.push({ what: "load profile over time", before: "see the base revision", after: "changed (same peaks)" });
  return out;
}
