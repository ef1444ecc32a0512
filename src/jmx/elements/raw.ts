import type { Emitter } from "../context.js";
import type { Prop } from "../tree.js";

// the XML is written as given; only `enabled: false` is applied on top, so a disabled raw stays disabled
export const emit: Emitter<"raw"> = (el, ctx) => {
  const a = el.xml.attrs;
  const rawAttrs = el.enabled ? a : { ...a, enabled: "false" };
  const attrs = { guiclass: a.guiclass ?? "", testclass: a.testclass ?? el.xml.tag, testname: a.testname ?? el.name, enabled: el.enabled && a.enabled !== "false" };
  const props: Prop[] = (el.xml.children ?? []).map((xml) => ({ t: "raw", xml }));
  return [{ element: { tag: el.xml.tag, attrs, rawAttrs, props }, tree: ctx.emit(el.children) }];
};
