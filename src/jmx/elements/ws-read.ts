import type { Emitter } from "../context.js";
import { bool, str, text } from "../tree.js";
import { connectionProps, wsSampler } from "../ws.js";

const DATA_TYPE = { text: "Text", binary: "Binary", any: "Any" } as const;

export const emit: Emitter<"wsRead"> = (el, ctx) =>
  wsSampler(
    "SingleReadWebSocketSampler",
    el,
    [
      ...connectionProps(el),
      bool("createNewConnection", el.createNewConnection),
      str("readTimeout", text(el.readTimeout)),
      bool("optional", el.optional),
      str("dataType", DATA_TYPE[el.dataType]),
    ],
    ctx.emit(el.children),
  );
