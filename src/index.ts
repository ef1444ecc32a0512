// the DSL users import as "jmxplan"
export { prop, v, parseDuration, isExpr, fnArg, type JMeterExpr } from "./dsl/expr.js";
export type { Node } from "./dsl/node.js";
export { testPlan } from "./dsl/elements/test-plan.js";
export { threadGroup } from "./dsl/elements/thread-group.js";
export { httpRequest, http } from "./dsl/elements/http-request.js";
export { validatePlan, type Issue } from "./dsl/validate.js";
export { buildJmx, buildTree } from "./jmx/build.js";
