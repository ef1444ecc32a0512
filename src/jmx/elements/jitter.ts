import { embedArg } from "../../dsl/expr.js";
import type { Emitter } from "../context.js";
import { text } from "../tree.js";
import { jsr223TimerEntry } from "./jsr223-timer.js";

// A Constant Timer reads its delay once per iteration of the enclosing controller, so
// ${__Random()} there repeats one value for every sampler in that iteration. A JSR223 Timer is a
// TestBean: JMeter re-prepares its properties before each delay, so `parameters` (the __Random
// call) is evaluated per sample, while the script text stays constant and its compiled form cached.
const SCRIPT = "return Long.parseLong(Parameters.trim())";

export const emit: Emitter<"jitter"> = (el) => {
  const args = [text(el.min), text(el.max), ...(el.variable ? [el.variable] : [])].map(embedArg);
  return [jsr223TimerEntry({ ...el, script: SCRIPT, filename: "", parameters: `\${__Random(${args.join(",")})}`, language: "groovy", cacheKey: true })];
};
