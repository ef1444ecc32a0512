// start or end timestamps: a JMeter thread runs one sample at a time, so only the right reading of the
// timestamps keeps each thread's samples from overlapping
import type { InputStats } from "./core.js";
import type { Sample } from "./sample.js";

/** samples looked at before deciding */
export const DETECT_WINDOW = 2000;

/**
 * Passes samples on with `start` set to the sample start. With no mode given it holds the first
 * {@link DETECT_WINDOW} samples, decides from their order, then corrects and releases them.
 */
export class Stamps {
  private held: Sample[] | undefined;
  private readonly last = new Map<string, { start: number; elapsed: number }>();
  /** per thread, a sample that began before the previous one ended if timestamps were starts */
  private startBreaks = 0;
  /** the same if timestamps were ends */
  private endBreaks = 0;
  private seen = 0;
  private end: boolean;

  constructor(
    private readonly stats: InputStats,
    mode: "start" | "end" | undefined,
    source: "option" | "properties" | undefined,
    private readonly emit: (s: Sample) => void,
  ) {
    this.end = mode === "end";
    stats.timestamps.used = mode ?? "start";
    stats.timestamps.source = mode ? source! : "default";
    if (!mode) this.held = [];
  }

  push(s: Sample): void {
    if (this.seen < DETECT_WINDOW && s.kind === "sample" && s.start === s.start && s.elapsed === s.elapsed) this.observe(s);
    if (this.held) {
      this.held.push(s);
      if (this.seen >= DETECT_WINDOW) this.release();
      return;
    }
    if (this.end && s.elapsed === s.elapsed) s.start -= s.elapsed;
    this.emit(s);
  }

  flush(): void {
    if (this.held) this.release();
    else this.decide();
  }

  /** a thread runs one sample at a time: only one reading of the timestamps keeps its samples from overlapping */
  private observe(s: Sample): void {
    this.seen++;
    const prev = this.last.get(s.thread);
    this.last.set(s.thread, { start: s.start, elapsed: s.elapsed });
    if (!prev) return;
    if (s.start < prev.start + prev.elapsed) this.startBreaks++;
    if (s.start - s.elapsed < prev.start) this.endBreaks++;
  }

  private decide(): void {
    const { startBreaks, endBreaks } = this;
    const t = this.stats.timestamps;
    t.evidence = { samples: this.seen, overlapsIfStart: startBreaks, overlapsIfEnd: endBreaks };
    if (startBreaks + endBreaks < 2) t.detected = "unknown";
    else if (startBreaks * 10 <= endBreaks) t.detected = "start";
    else if (endBreaks * 10 <= startBreaks) t.detected = "end";
    else t.detected = "unknown";
  }
  private release(): void {
    this.decide();
    const t = this.stats.timestamps;
    if (t.detected === "end") {
      t.used = "end";
      t.source = "detected";
      this.end = true;
    } else if (t.detected === "start") {
      t.source = "detected";
    }
    const held = this.held!;
    this.held = undefined;
    for (const s of held) {
      if (this.end && s.elapsed === s.elapsed) s.start -= s.elapsed;
      this.emit(s);
    }
  }
}
