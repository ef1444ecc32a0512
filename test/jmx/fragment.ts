// builds one element inside a minimal plan and serializes just its entry, for element goldens
import { categoryOf, validatePlan } from "../../src/dsl/validate.js";
import type { Node } from "../../src/dsl/node.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { buildTree } from "../../src/jmx/build.js";
import { serializeFragment } from "../../src/jmx/serialize.js";
import type { Entry } from "../../src/jmx/tree.js";

const TOP = ["threadGroup", "config", "timer", "listener"];

/** the entry an element builds, in a plan of `engines` engines */
export function entryOf(el: Node, engines = 1): Entry {
  const top = TOP.includes(categoryOf(el as never));
  const v = validatePlan(testPlan({ engines }, top ? el : threadGroup({}, el)));
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  const root = buildTree(v.plan);
  const entry = top ? root.tree[0] : root.tree[0]?.tree[0];
  if (!entry) throw new Error("nothing built");
  return entry;
}

export const fragmentOf = (el: Node, engines = 1): string => serializeFragment([entryOf(el, engines)]);
