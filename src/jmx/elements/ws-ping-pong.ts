import type { Emitter } from "../context.js";
import { str, text } from "../tree.js";
import { wsSampler } from "../ws.js";

export const emit: Emitter<"wsPingPong"> = (el, ctx) =>
  wsSampler("PingPongSampler", el, [str("type", el.type === "pong" ? "Pong" : "PingPong"), str("readTimeout", text(el.readTimeout))], ctx.emit(el.children));
