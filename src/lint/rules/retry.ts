// what retry handling looks like in a .jmx: shared by the retry rules
import type { JmxNode } from "../../jmx/read.js";
import { cls, leaves, text, type Located } from "../rule.js";

const RETRY_WORDS = /retry|back.?off|\b429\b|\b503\b|rate.?limit|too.?many/i;
const CONDITION = ["WhileController.condition", "IfController.condition"];

/** a controller that loops or branches on a rate-limit answer */
export function isRetryController(n: JmxNode): boolean {
  if (!/^(WhileController|IfController|LoopController)$/.test(n.tag)) return false;
  const cond = CONDITION.map((c) => text(n, c) ?? "").join(" ");
  return RETRY_WORDS.test(n.attrs.testname ?? "") || /\b(429|503)\b|retry/i.test(cond);
}

/** an element that reads the Retry-After header (jmxplan's retry handling, or a hand-written script) */
export function readsRetryAfter(n: JmxNode): boolean {
  return leaves(n).some((l) => /retry-after/i.test(l.value));
}

/** a timer that draws a fresh random delay: random timers, or a JSR223 timer on __Random */
export function isRandomTimer(n: JmxNode): boolean {
  const c = cls(n);
  if (/^(UniformRandomTimer|GaussianRandomTimer|PoissonRandomTimer)$/.test(c)) return true;
  if (c === "JSR223Timer" || c === "BeanShellTimer") return leaves(n).some((l) => /__Random\(|Random|nextInt|nextDouble|jitter/i.test(l.value));
  return false;
}

/** does this element (a retry handler) add a random wait of its own? jmxplan's retryAfter passes "codes retries fallback cap jitterMin jitterMax" */
export function ownJitter(n: JmxNode): boolean {
  const all = leaves(n);
  const script = all.find((l) => l.name === "script")?.value ?? "";
  if (/jmxplan retryAfter/.test(script)) {
    const args = (all.find((l) => l.name === "parameters")?.value ?? "").trim().split(/\s+(?![^{]*\})/);
    const [min, max] = [args[4] ?? "0", args[5] ?? "0"];
    return /\$\{/.test(max) || Number(max) > Number(min);
  }
  return all.some((l) => /__Random\(|Random|jitter/i.test(l.value));
}

/** the elements in scope of `l`: its own children and its ancestors' direct children (JMeter's scoping rule) */
export function inScope(l: Located): JmxNode[] {
  return [...l.node.children, ...l.ancestors.flatMap((a) => a.children)];
}

export const names = (n: JmxNode) => `${n.attrs.testname ?? n.tag}`;
export { RETRY_WORDS };
