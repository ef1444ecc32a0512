import type { Emitter } from "../context.js";
import { bool, str, text } from "../tree.js";
import { connectionProps, fileProps, payloadProps, wsSampler } from "../ws.js";

// createNewConnection is always written: the sampler's constructor makes it true when absent
export const emit: Emitter<"wsRequestResponse"> = (el, ctx) =>
  wsSampler(
    "RequestResponseWebSocketSampler",
    el,
    [...connectionProps(el), ...payloadProps(el), bool("createNewConnection", el.createNewConnection), str("readTimeout", text(el.readTimeout)), ...fileProps(el)],
    ctx.emit(el.children),
  );
