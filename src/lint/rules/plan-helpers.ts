// the DSL plan seen by rules that need its load profile
import { elements, isKind } from "../../dsl/elements/index.js";
import type { El } from "../../profile/groups.js";

/** is this DSL element a sampler (raw elements say what they are) */
export const isSampler = (el: El): boolean => (el.kind === "raw" ? el.category === "sampler" : isKind(el.kind) && elements[el.kind].category === "sampler");

/** every element under `el` with its path, outermost first */
export function descend(el: El, path = ""): { el: El; path: string; ancestors: El[] }[] {
  const out: { el: El; path: string; ancestors: El[] }[] = [];
  const walk = (e: El, p: string, anc: El[]) =>
    (e.children ?? []).forEach((c, i) => {
      if (c.enabled === false) return;
      const cp = `${p ? `${p}.` : ""}children[${i}]`;
      out.push({ el: c, path: cp, ancestors: anc });
      walk(c, cp, [...anc, c]);
    });
  walk(el, path, [el]);
  return out;
}

/** a DSL path shown with names: `Screen recording > Agents > starts` */
export const named = (ancestors: El[], el: El) => [...ancestors, el].map((a) => String(a.name ?? a.kind)).join(" > ");
