import type { Emitter } from "../context.js";
import { attrs, str, type Entry } from "../tree.js";

/** a JSR223 Timer entry; properties in the alphabetical order of GUI-saved files */
export function jsr223TimerEntry(el: { name: string; enabled: boolean; script: string; filename: string; parameters: string; language: string; cacheKey: boolean }): Entry {
  return {
    element: {
      tag: "JSR223Timer",
      attrs: attrs("JSR223Timer", "TestBeanGUI", el),
      props: [str("cacheKey", String(el.cacheKey)), str("filename", el.filename), str("parameters", el.parameters), str("script", el.script), str("scriptLanguage", el.language)],
    },
    tree: [],
  };
}

export const emit: Emitter<"jsr223Timer"> = (el) => [jsr223TimerEntry(el)];
