import type { Emitter } from "../context.js";
import { jsr223Entry } from "../script.js";

export const emit: Emitter<"jsr223Sampler"> = (el, ctx) => [jsr223Entry("JSR223Sampler", el, ctx.emit(el.children))];
