// timestamps written with jmeter.save.saveservice.timestamp_format: a SimpleDateFormat subset, read as UTC
// unless the pattern carries a zone

type Part = { re: string; set?: (v: string, d: DateParts) => void };
interface DateParts { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; pm: number; tz: number }

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function zone(v: string): number {
  if (v === "Z" || v === "z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(v);
  if (!m) return NaN;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const LETTERS: Record<string, (n: number) => Part> = {
  y: (n) => ({ re: n === 2 ? "(\\d{2})" : "(\\d{4})", set: (v, d) => { d.y = n === 2 ? 2000 + Number(v) : Number(v); } }),
  M: (n) => n >= 3
    ? { re: "([A-Za-z]{3,9})", set: (v, d) => { d.mo = MONTHS.indexOf(v.slice(0, 3).toLowerCase()) + 1 || NaN; } }
    : { re: "(\\d{1,2})", set: (v, d) => { d.mo = Number(v); } },
  d: () => ({ re: "(\\d{1,2})", set: (v, d) => { d.d = Number(v); } }),
  H: () => ({ re: "(\\d{1,2})", set: (v, d) => { d.h = Number(v); } }),
  h: () => ({ re: "(\\d{1,2})", set: (v, d) => { d.h = Number(v) % 12; } }),
  m: () => ({ re: "(\\d{1,2})", set: (v, d) => { d.mi = Number(v); } }),
  s: () => ({ re: "(\\d{1,2})", set: (v, d) => { d.s = Number(v); } }),
  S: (n) => ({ re: `(\\d{1,${Math.max(n, 3)}})`, set: (v, d) => { d.ms = Math.round(Number(v) * 10 ** (3 - v.length)); } }),
  a: () => ({ re: "([AaPp][Mm])", set: (v, d) => { d.pm = /^p/i.test(v) ? 12 : 0; } }),
  Z: () => ({ re: "([+-]\\d{4}|Z)", set: (v, d) => { d.tz = zone(v); } }),
  X: () => ({ re: "(Z|[+-]\\d{2}(?::?\\d{2})?)", set: (v, d) => { d.tz = zone(v); } }),
  z: () => ({ re: "([A-Za-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?)", set: (v, d) => { d.tz = /^(UTC|GMT|Z)$/i.test(v) ? 0 : zone(v.replace(/^[A-Za-z]+/, "")); } }),
  E: () => ({ re: "[A-Za-z]+" }),
};

/** Compile a SimpleDateFormat pattern into a parser returning epoch ms, NaN when a value does not match; undefined when the pattern uses letters jmxplan cannot read. */
export function compileTimestampFormat(pattern: string): ((text: string) => number) | undefined {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const j = pattern.indexOf("'", i + 1);
      const lit = j < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, j);
      parts.push({ re: lit ? escapeRe(lit) : "'" });
      i = j < 0 ? pattern.length : j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      const make = LETTERS[c];
      if (!make) return undefined;
      parts.push(make(n));
      i += n;
    } else {
      parts.push({ re: escapeRe(c) });
      i++;
    }
  }
  const re = new RegExp(`^\\s*${parts.map((p) => p.re).join("")}\\s*$`);
  const setters = parts.filter((p) => p.set).map((p) => p.set!);
  return (text) => {
    const m = re.exec(text);
    if (!m) return NaN;
    const d: DateParts = { y: 1970, mo: 1, d: 1, h: 0, mi: 0, s: 0, ms: 0, pm: 0, tz: 0 };
    for (let k = 0; k < setters.length; k++) setters[k]!(m[k + 1]!, d);
    return Date.UTC(d.y, d.mo - 1, d.d, d.h + d.pm, d.mi, d.s, d.ms) - d.tz * 60_000;
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const GENERIC = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;

/** Epoch ms of a date-time written in a common layout (yyyy-MM-dd HH:mm:ss.SSS and kin), NaN otherwise. */
export function parseGenericTimestamp(text: string): number {
  const m = GENERIC.exec(text);
  if (!m) return NaN;
  const frac = m[7] ?? "0";
  const ms = Math.round(Number(frac) * 10 ** (3 - frac.length));
  const tz = m[8] ? zone(m[8]) : 0;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms) - tz * 60_000;
}
