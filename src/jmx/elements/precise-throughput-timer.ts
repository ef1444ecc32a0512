import type { Emitter } from "../context.js";
import { attrs, intp, longp, str, type Prop } from "../tree.js";
import { beanDouble } from "./constant-throughput-timer.js";

const beanInt = (name: string, v: number | string, long = false): Prop => (typeof v === "string" ? str(name, v) : long ? longp(name, v) : intp(name, v));

// TestBean properties in the alphabetical order GUI-saved files show
export const emit: Emitter<"preciseThroughputTimer"> = (el, ctx) => [
  {
    element: {
      tag: "PreciseThroughputTimer",
      attrs: attrs("PreciseThroughputTimer", "TestBeanGUI", el),
      props: [
        beanDouble("allowedThroughputSurplus", el.allowedSurplus),
        beanInt("batchSize", el.batchSize),
        beanInt("batchThreadDelay", el.batchThreadDelay),
        beanInt("duration", el.duration, true),
        beanInt("exactLimit", el.exactLimit),
        beanInt("randomSeed", el.randomSeed, true),
        beanDouble("throughput", ctx.perEngine(el.throughput)),
        beanInt("throughputPeriod", el.period),
      ],
    },
    tree: [],
  },
];
