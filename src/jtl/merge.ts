// several inputs (one per engine) merged by start time: a k-way merge through a bounded reorder window
import type { InputStats } from "./core.js";
import { addProblem } from "./problems.js";
import type { Sample } from "./sample.js";

function before(a: Sample, b: Sample): boolean {
  return a.start < b.start || (a.start === b.start && (a.engine < b.engine || (a.engine === b.engine && a.line < b.line)));
}

/** A binary min-heap of samples by (start, engine, line). */
class Heap {
  private a: Sample[] = [];
  get size(): number { return this.a.length; }
  peek(): Sample | undefined { return this.a[0]; }
  push(s: Sample): void {
    const a = this.a;
    let i = a.push(s) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(s, a[p]!)) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = s;
  }
  pop(): Sample {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && before(a[r]!, a[l]!) ? r : l;
        if (!before(a[c]!, last)) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** samples held at most, whatever the window: beyond, the earliest go out early */
export const MAX_HELD = 200_000;

/**
 * Emit the samples of several batch iterators in start order. Reads from the input that lags most, and lets a
 * sample out once every unfinished input has reached `windowMs` past it; a sample arriving later than that is
 * emitted anyway and counted as `out-of-order`. Samples without a start go out as they come.
 */
export async function mergeByStart(
  sources: AsyncIterator<Sample[]>[],
  stats: InputStats[],
  windowMs: number,
  onSample: (s: Sample) => void,
): Promise<void> {
  const heap = new Heap();
  const high = sources.map(() => -Infinity);
  const done = sources.map(() => false);
  let last = -Infinity;
  const out = (s: Sample) => {
    if (s.start < last) addProblem(stats[s.engine]!.problems, "out-of-order", s.line);
    else last = s.start;
    onSample(s);
  };
  for (;;) {
    let pick = -1;
    for (let i = 0; i < sources.length; i++) if (!done[i] && (pick < 0 || high[i]! < high[pick]!)) pick = i;
    if (pick < 0) break;
    const r = await sources[pick]!.next();
    if (r.done) done[pick] = true;
    else {
      for (const s of r.value) {
        if (s.start !== s.start) { onSample(s); continue; }
        heap.push(s);
        if (s.start > high[pick]!) high[pick] = s.start;
      }
    }
    let low = Infinity;
    for (let i = 0; i < sources.length; i++) if (!done[i] && high[i]! < low) low = high[i]!;
    const limit = low - windowMs;
    while (heap.size && (heap.peek()!.start <= limit || heap.size > MAX_HELD)) out(heap.pop());
  }
  while (heap.size) out(heap.pop());
}
