// one emitter per element kind, mirroring src/dsl/elements
import type { EmitterTable } from "../context.js";
import * as testPlan from "./test-plan.js";
import * as threadGroup from "./thread-group.js";
import * as httpRequest from "./http-request.js";

export const emitters = {
  testPlan: testPlan.emit,
  threadGroup: threadGroup.emit,
  httpRequest: httpRequest.emit,
} satisfies EmitterTable;
