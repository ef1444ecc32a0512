// thread counts and rates scaled at build time; expressions become a __jexl3 script JMeter evaluates
import { embedArg } from "../dsl/expr.js";

/**
 * `v * mul / div`: numbers are computed here (integers rounded, at least 1); an expression is
 * wrapped in a JEXL script. JMeter's __jexl3 has no `Math` namespace and divides integers as
 * integers, so rounding is `(2xm + d) / 2d` in integer arithmetic and `.intValue()` when the
 * expression turned out fractional; rates divide by a double literal.
 */
export function scale(v: number | string, mul: number, div: number, integer: boolean): number | string {
  if (mul === div) return v;
  if (typeof v === "number") {
    const x = (v * mul) / div;
    return integer ? Math.max(1, Math.round(x)) : Number(x.toFixed(6));
  }
  const x = `(${embedArg(v)})`;
  const times = mul === 1 ? x : `${x} * ${mul}`;
  if (!integer) return `\${__jexl3(${times} / ${div}.0)}`;
  return `\${__jexl3(var n = (${x} * ${2 * mul} + ${div}) / ${2 * div}; n < 1 ? 1 : n.intValue())}`;
}
