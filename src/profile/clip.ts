import { simplify, valueAt, type Series } from "./series.js";

/** keep a series within [0, until] */
export function clip(s: Series, until: number): Series {
  const out: Series = [];
  for (const p of s) {
    if (p.t < until) out.push(p);
    else {
      out.push({ t: until, v: valueAt(s, until, "before") }, { t: until, v: 0 });
      break;
    }
  }
  return simplify(out);
}
