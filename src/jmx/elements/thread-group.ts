import type { Out } from "../../dsl/elements/index.js";
import type { Context, Emitter } from "../context.js";
import { attrs, bool, elem, intp, str, text, type Prop } from "../tree.js";

type Core = Out<"threadGroup">;

/** the properties of ThreadGroupGui, shared by setUp and tearDown groups */
export function coreProps(el: Omit<Core, "kind">, ctx: Context, delayedStart: boolean): Prop[] {
  const forever = el.loops === "forever";
  return [
    str("ThreadGroup.on_sample_error", el.onError),
    elem(
      "ThreadGroup.main_controller",
      "LoopController",
      [bool("LoopController.continue_forever", false), forever ? intp("LoopController.loops", -1) : str("LoopController.loops", text(el.loops))],
      { guiclass: "LoopControlPanel", testclass: "LoopController", testname: "Loop Controller", enabled: true },
    ),
    str("ThreadGroup.num_threads", text(ctx.perEngine(el.threads, true))),
    str("ThreadGroup.ramp_time", text(el.rampUp)),
    ...(delayedStart && el.delayedStart ? [bool("ThreadGroup.delayedStart", true)] : []),
    bool("ThreadGroup.scheduler", el.duration !== undefined || el.delay !== undefined),
    str("ThreadGroup.duration", el.duration === undefined ? "" : text(el.duration)),
    str("ThreadGroup.delay", el.delay === undefined ? "" : text(el.delay)),
    bool("ThreadGroup.same_user_on_next_iteration", el.sameUserOnNextIteration),
  ];
}

export const emit: Emitter<"threadGroup"> = (el, ctx) => [
  { element: { tag: "ThreadGroup", attrs: attrs("ThreadGroup", "ThreadGroupGui", el), props: coreProps(el, ctx, true) }, tree: ctx.emit(el.children) },
];
