// saturated spans: runs of seconds with rejections, short gaps bridged (threads waiting out a Retry-After)

export interface Span {
  /** first second (index on the facts axis) */
  from: number;
  /** one past the last second */
  to: number;
}

/** gaps up to this many seconds without a rejection do not end a span */
export const BRIDGE_SECONDS = 5;

export function spansOf(rejected: Float64Array, bridge = BRIDGE_SECONDS): Span[] {
  const out: Span[] = [];
  let cur: Span | undefined;
  for (let i = 0; i < rejected.length; i++) {
    if (!rejected[i]) continue;
    if (cur && i - cur.to <= bridge) cur.to = i + 1;
    else {
      if (cur) out.push(cur);
      cur = { from: i, to: i + 1 };
    }
  }
  if (cur) out.push(cur);
  return out;
}

export const spanSeconds = (spans: Span[]) => spans.reduce((a, s) => a + s.to - s.from, 0);

/** consecutive windows of `w` seconds inside the spans (partial windows dropped) */
export function windowsIn(spans: Span[], w: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) for (let a = s.from; a + w <= s.to; a += w) out.push({ from: a, to: a + w });
  return out;
}
