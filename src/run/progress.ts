// JMeter's summariser lines, read as progress: "summary +  482 in 00:00:10 = 48.2/s Avg: ... Err: 0 (0.00%) Active: 10 ..."

export interface Summary {
  /** "+" for the last interval, "=" for the run so far */
  kind: "+" | "=";
  samples: number;
  /** seconds the line covers */
  seconds: number;
  rate: number;
  avg: number;
  min: number;
  max: number;
  errors: number;
  errorPct: number;
  active?: number;
  started?: number;
  finished?: number;
}

const LINE =
  /^summary ([+=])\s+(\d+) in (\d+):(\d\d):(\d\d) =\s+([\d.]+)\/s Avg:\s+(\d+) Min:\s+(\d+) Max:\s+(\d+) Err:\s+(\d+) \(([\d.]+)%\)(?: Active: (\d+) Started: (\d+) Finished: (\d+))?/;

/** Parse one summariser line; undefined for any other line. */
export function parseSummary(line: string): Summary | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i]);
  const s: Summary = {
    kind: m[1] as "+" | "=",
    samples: n(2),
    seconds: n(3) * 3600 + n(4) * 60 + n(5),
    rate: n(6),
    avg: n(7),
    min: n(8),
    max: n(9),
    errors: n(10),
    errorPct: n(11),
  };
  if (m[12] !== undefined) Object.assign(s, { active: n(12), started: n(13), finished: n(14) });
  return s;
}

/** One progress line for the user. */
export function formatProgress(s: Summary, elapsedS: number, total: number): string {
  const clock = new Date(elapsedS * 1000).toISOString().slice(11, 19);
  const threads = s.active === undefined ? "" : `, ${s.active} threads active`;
  return `jmxplan: ${clock}  ${total} samples, last ${s.seconds} s at ${s.rate}/s, ${s.errorPct}% errors${threads}`;
}

/** the UDP port JMeter listens on for Shutdown / StopTestNow, from its start-up line */
export function shutdownPort(line: string): number | undefined {
  const m = /Waiting for possible Shutdown\/StopTestNow\/HeapDump\/ThreadDump message on port (\d+)/.exec(line);
  return m ? Number(m[1]) : undefined;
}
