import type { Emitter } from "../context.js";
import { bool } from "../tree.js";
import { connectionProps, fileProps, payloadProps, wsSampler } from "../ws.js";

export const emit: Emitter<"wsWrite"> = (el, ctx) =>
  wsSampler(
    "SingleWriteWebSocketSampler",
    el,
    [...connectionProps(el), ...payloadProps(el), bool("createNewConnection", el.createNewConnection), ...fileProps(el)],
    ctx.emit(el.children),
  );
