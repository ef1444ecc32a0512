import type { Emitter } from "../context.js";
import { str, text } from "../tree.js";
import { connectionProps, wsSampler } from "../ws.js";

export const emit: Emitter<"wsOpen"> = (el, ctx) =>
  wsSampler("OpenWebSocketSampler", el, [...connectionProps(el), str("readTimeout", text(el.readTimeout))], ctx.emit(el.children));
