import { z } from "zod";

/** A JMeter expression: any text holding `${...}` (a variable or a function call). */
export type JMeterExpr = `${string}\${${string}}${string}`;

const EXPR = /\$\{[^}]+\}/;

export function isExpr(v: unknown): boolean {
  return typeof v === "string" && EXPR.test(v);
}

const describe = (v: unknown): string =>
  typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : JSON.stringify(v) ?? String(v);

/** an integer, or a JMeter expression passed through as text */
export const int = (min = 0) =>
  z.union([z.number(), z.string()]).transform((v, ctx): number | string => {
    if (typeof v === "number" && Number.isInteger(v) && v >= min) return v;
    if (typeof v === "string" && isExpr(v)) return v;
    if (typeof v === "string" && /^-?\d+$/.test(v.trim()) && Number(v) >= min) return Number(v);
    ctx.addIssue({ code: "custom", message: `expected an integer >= ${min} or "\${...}", got ${describe(v)}` });
    return z.NEVER;
  });

/** an iteration count: an integer, "forever", or a JMeter expression */
export const loops = (min = 0) =>
  z.union([z.number(), z.string()]).transform((v, ctx): number | string => {
    if (v === "forever") return v;
    const r = int(min).safeParse(v);
    if (r.success) return r.data;
    ctx.addIssue({ code: "custom", message: `expected an integer >= ${min}, "forever" or "\${...}", got ${describe(v)}` });
    return z.NEVER;
  });

/** a number, or a JMeter expression */
export const num = (min = 0) =>
  z.union([z.number(), z.string()]).transform((v, ctx): number | string => {
    if (typeof v === "number" && Number.isFinite(v) && v >= min) return v;
    if (typeof v === "string" && isExpr(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) && Number(v) >= min) return Number(v);
    ctx.addIssue({ code: "custom", message: `expected a number >= ${min} or "\${...}", got ${describe(v)}` });
    return z.NEVER;
  });

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/;

/** milliseconds in a duration literal like "250ms", "30s", "2m", "1h"; undefined when it is not one */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/**
 * A duration written in a field whose JMeter unit is `unit`: a bare number is taken in that unit,
 * "250ms" / "30s" / "2m" / "1h" are converted, and "${...}" is passed through (in that unit).
 * The output is a whole number in `unit`, or the expression.
 */
export const duration = (unit: "ms" | "s") =>
  z.union([z.number(), z.string()]).transform((v, ctx): number | string => {
    const hint = `expected a duration like "30s", "250ms", a number of ${unit === "s" ? "seconds" : "milliseconds"} or "\${...}", got ${describe(v)}`;
    if (typeof v === "number") {
      if (Number.isInteger(v) && v >= 0) return v;
      ctx.addIssue({ code: "custom", message: hint });
      return z.NEVER;
    }
    if (isExpr(v)) return v;
    const ms = parseDuration(v);
    if (ms === undefined) {
      ctx.addIssue({ code: "custom", message: hint });
      return z.NEVER;
    }
    const inUnit = ms / UNIT_MS[unit];
    if (!Number.isInteger(inUnit)) {
      ctx.addIssue({ code: "custom", message: `expected a whole number of ${unit === "s" ? "seconds" : "milliseconds"}, got ${describe(v)} (${inUnit} ${unit})` });
      return z.NEVER;
    }
    return inUnit;
  });

/** fields every element has: its name in the tree, whether it is enabled, a comment */
export const base = (defaultName: string) => ({
  /** the element's name (`testname`); samplers use it as their label @default the JMeter GUI's name */
  name: z.string().default(defaultName),
  /** @default true */
  enabled: z.boolean().default(true),
  /** @default "" */
  comment: z.string().default(""),
});

/** escape text for use as one argument of a JMeter function call */
export function fnArg(v: string | number): string {
  return String(v).replace(/\\/g, "\\\\").replace(/,/g, "\\,");
}

/**
 * A JMeter property with a default: `prop("agents", 200)` is `${__P(agents,200)}`, which
 * `-Jagents=50` overrides at run time. Every `__P` in a plan is listed among its knobs.
 */
export function prop(name: string, defaultValue: string | number): JMeterExpr {
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new TypeError(`prop(): invalid property name ${JSON.stringify(name)}`);
  return `\${__P(${name},${fnArg(defaultValue)})}` as JMeterExpr;
}

/** `${name}`: a JMeter variable reference */
export function v(name: string): JMeterExpr {
  return `\${${name}}` as JMeterExpr;
}

/** whether parentheses outside `${...}` balance, as JMeter's function parser needs inside a call */
export function parensBalance(text: string): boolean {
  let depth = 0;
  let fn = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{" && text[i - 1] === "$") fn++;
    else if (c === "}" && fn > 0) fn--;
    else if (fn === 0 && c === "(") depth++;
    else if (fn === 0 && c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** escape outside `${...}` with `outside`; nested references are copied as they are */
function outsideRefs(text: string, outside: (c: string) => string, keepEscapes: boolean): string {
  let out = "";
  let fn = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (keepEscapes && c === "\\") {
      out += c + (text[i + 1] ?? "");
      i++;
    } else if (c === "$" && text[i + 1] === "{") {
      fn++;
      out += "${";
      i++;
    } else if (fn > 0) {
      if (c === "}") fn--;
      out += c;
    } else out += outside(c);
  }
  return out;
}

const commaOnly = (c: string) => (c === "," ? "\\," : c);
const commaAndBackslash = (c: string) => (c === "," ? "\\," : c === "\\" ? "\\\\" : c);

/** a field's text (already JMeter text) placed as one function argument: top-level commas escaped */
export const embedArg = (text: string): string => outsideRefs(text, commaOnly, true);

/** literal script text, which may hold `${...}` references, placed as one function argument */
export const scriptArg = (text: string): string => outsideRefs(text, commaAndBackslash, false);

/** `${__jexl3(script,)}` (as the function helper writes it): the script is literal text apart from its `${...}` references */
export const jexl = (script: string): JMeterExpr => `\${__jexl3(${scriptArg(script)},)}` as JMeterExpr;
/** `${__groovy(script,)}` (as the function helper writes it): the script is literal text apart from its `${...}` references */
export const groovy = (script: string): JMeterExpr => `\${__groovy(${scriptArg(script)},)}` as JMeterExpr;
