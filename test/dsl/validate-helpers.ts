// accept/reject helpers shared by the schema tests: a plan validates cleanly, or fails at a path with a message
import assert from "node:assert/strict";
import type { Node } from "../../src/dsl/node.js";
import { validatePlan, type Issue } from "../../src/dsl/validate.js";

export const issues = (plan: Node): Issue[] => {
  const v = validatePlan(plan);
  return v.ok ? [] : v.issues;
};

export const accepts = (plan: Node) => assert.deepEqual(issues(plan), []);

export function rejects(plan: Node, path: string, message: RegExp) {
  const found = issues(plan);
  assert.ok(found.some((i) => i.path === path && message.test(i.message)), `expected ${path}: ${message}, got ${JSON.stringify(found)}`);
}
