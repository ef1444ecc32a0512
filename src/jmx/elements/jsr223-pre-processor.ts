import type { Emitter } from "../context.js";
import { jsr223Entry } from "../script.js";

export const emit: Emitter<"jsr223PreProcessor"> = (el) => [jsr223Entry("JSR223PreProcessor", el)];
