// numbers in plan fields: literals, or JMeter expressions whose value is known from a __P default

/** a field's value for the profile, and the property knob it came from */
export interface Resolved {
  value: number;
  /** the `__P` property that sets it at run time */
  knob?: string;
  /** the expression could not be evaluated: `value` is a guess */
  unknown?: string;
}

const P = /^\$\{__P\(\s*([^,()]+?)\s*(?:,\s*([^()]*?)\s*)?\)\}$/;
const PROPERTY = /^\$\{__property\(\s*([^,()]+?)\s*(?:,[^,()]*)?(?:,\s*([^()]*?)\s*)?\)\}$/;

/** the number a field holds: literal, `"30"`, or `${__P(name,default)}` taken at its default */
export function resolve(v: unknown, fallback = 0): Resolved {
  if (typeof v === "number") return { value: v };
  if (typeof v !== "string") return { value: fallback };
  const t = v.trim();
  if (t === "") return { value: fallback };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  const m = P.exec(t) ?? PROPERTY.exec(t);
  if (m) {
    const d = m[2]?.replace(/\\(.)/g, "$1");
    const n = d === undefined || d === "" ? NaN : Number(d);
    return Number.isFinite(n) ? { value: n, knob: m[1]! } : { value: fallback, knob: m[1]!, unknown: t };
  }
  return { value: fallback, unknown: t };
}

/** collects the knobs and unknowns met while resolving one element's fields */
export class Resolver {
  knobs = new Set<string>();
  unknowns: string[] = [];
  num(v: unknown, fallback = 0): number {
    const r = resolve(v, fallback);
    if (r.knob) this.knobs.add(r.knob);
    if (r.unknown) this.unknowns.push(r.unknown);
    return r.value;
  }
}
