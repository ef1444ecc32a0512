import { z } from "zod";
import { duration, num } from "../expr.js";
import { element, node, PLUGINS, type ElementDef } from "../node.js";

const whole = z.number().int("expected a whole number (the plugin steps in integers)").min(0);

/** one stage of the profile, as the plugin's `load_profile` syntax has them; rates per second, durations in seconds */
export const Stage = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("const"), rps: num(0), duration: duration("s") }),
  z.strictObject({ type: z.literal("line"), from: num(0), to: num(0), duration: duration("s") }),
  z.strictObject({ type: z.literal("step"), from: whole, to: whole, by: whole.min(1), duration: duration("s") }),
]);
export type StageIn = z.input<typeof Stage>;
export type StageOut = z.output<typeof Stage>;

type Dur = number | string;
/** `const(N,T) line(N,K,T) step(N,K,S,T)` */
export const stage = {
  /** hold `rps` for `duration` */
  const: (rps: number | string, duration: Dur): StageIn => ({ type: "const", rps, duration }),
  /** go linearly from `from` to `to` rps over `duration` */
  line: (from: number | string, to: number | string, duration: Dur): StageIn => ({ type: "line", from, to, duration }),
  /** from `from` to `to` rps in steps of `by`, each held for `duration` */
  step: (from: number, to: number, by: number, duration: Dur): StageIn => ({ type: "step", from, to, by, duration }),
};

export interface ProfileRow {
  from: number | string;
  to: number | string;
  duration: number | string;
}

/** the table rows of a profile; `step` expands exactly as the plugin's parser does (down-steps stop short of `to`) */
export function profileRows(stages: StageOut[]): ProfileRow[] {
  return stages.flatMap((s): ProfileRow[] => {
    if (s.type === "const") return [{ from: s.rps, to: s.rps, duration: s.duration }];
    if (s.type === "line") return [{ from: s.from, to: s.to, duration: s.duration }];
    const inc = s.by * (s.from > s.to ? -1 : 1);
    const rows: ProfileRow[] = [];
    for (let n = s.from; inc > 0 ? n <= s.to : n > s.to; n += inc) rows.push({ from: n, to: n, duration: s.duration });
    return rows;
  });
}

/** The profile as a `-Jload_profile=` value (one engine's share), which replaces the timer's table at run time. */
export function loadProfileString(stages: StageIn[], engines = 1): string {
  const parsed = z.array(Stage).parse(stages);
  const n = (v: number | string) => {
    const x = typeof v === "number" ? v / engines : NaN;
    if (!Number.isInteger(x)) throw new TypeError(`loadProfileString(): load_profile takes whole rps, got ${String(v)}${engines > 1 ? ` / ${engines} engines` : ""}`);
    return x;
  };
  const t = (d: number | string) => {
    if (typeof d !== "number") throw new TypeError(`loadProfileString(): load_profile takes literal durations, got ${d}`);
    return `${d}s`;
  };
  return parsed
    .map((s) => (s.type === "const" ? `const(${n(s.rps)},${t(s.duration)})` : s.type === "line" ? `line(${n(s.from)},${n(s.to)},${t(s.duration)})` : `step(${n(s.from)},${n(s.to)},${n(s.by)},${t(s.duration)})`))
    .join(" ");
}

export const ThroughputShapingTimer = element("throughputShapingTimer", "jp@gc - Throughput Shaping Timer", {
  /** the profile, in order; the plan's totals, divided per engine; `-Jload_profile=...` overrides it at run time */
  stages: z.array(Stage).min(1, "expected at least one stage"),
});

export const def = { schema: ThroughputShapingTimer, category: "timer", plugin: PLUGINS.tst } satisfies ElementDef;

export type ThroughputShapingTimerProps = Omit<z.input<typeof ThroughputShapingTimer>, "kind">;

/** jmeter-plugins Throughput Shaping Timer: paces samplers in scope to a requests-per-second profile. */
export function throughputShapingTimer(props: ThroughputShapingTimerProps) {
  return node("throughputShapingTimer", props);
}
