import type { Emitter } from "../context.js";
import { str, text } from "../tree.js";
import { wsSampler } from "../ws.js";

export const emit: Emitter<"wsClose"> = (el, ctx) =>
  wsSampler("CloseWebSocketSampler", el, [str("statusCode", text(el.statusCode)), str("readTimeout", text(el.readTimeout))], ctx.emit(el.children));
