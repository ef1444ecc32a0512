// one emitter per element kind, mirroring src/dsl/elements
import type { EmitterTable } from "../context.js";
import * as testPlan from "./test-plan.js";
import * as threadGroup from "./thread-group.js";
import * as httpRequest from "./http-request.js";
import * as setUpThreadGroup from "./setup-thread-group.js";
import * as tearDownThreadGroup from "./teardown-thread-group.js";
import * as concurrencyThreadGroup from "./concurrency-thread-group.js";
import * as ultimateThreadGroup from "./ultimate-thread-group.js";
import * as arrivalsThreadGroup from "./arrivals-thread-group.js";
import * as constantTimer from "./constant-timer.js";
import * as uniformRandomTimer from "./uniform-random-timer.js";
import * as gaussianRandomTimer from "./gaussian-random-timer.js";
import * as constantThroughputTimer from "./constant-throughput-timer.js";
import * as preciseThroughputTimer from "./precise-throughput-timer.js";
import * as jsr223Timer from "./jsr223-timer.js";
import * as throughputShapingTimer from "./throughput-shaping-timer.js";
import * as jitter from "./jitter.js";
import * as transactionController from "./transaction-controller.js";
import * as loopController from "./loop-controller.js";
import * as whileController from "./while-controller.js";
import * as ifController from "./if-controller.js";
import * as onceOnlyController from "./once-only-controller.js";
import * as runtimeController from "./runtime-controller.js";
import * as throughputController from "./throughput-controller.js";
import * as simpleController from "./simple-controller.js";
import * as userDefinedVariables from "./user-defined-variables.js";
import * as raw from "./raw.js";

export const emitters = {
  testPlan: testPlan.emit,
  threadGroup: threadGroup.emit,
  httpRequest: httpRequest.emit,
  setUpThreadGroup: setUpThreadGroup.emit,
  tearDownThreadGroup: tearDownThreadGroup.emit,
  concurrencyThreadGroup: concurrencyThreadGroup.emit,
  ultimateThreadGroup: ultimateThreadGroup.emit,
  arrivalsThreadGroup: arrivalsThreadGroup.emit,
  constantTimer: constantTimer.emit,
  uniformRandomTimer: uniformRandomTimer.emit,
  gaussianRandomTimer: gaussianRandomTimer.emit,
  constantThroughputTimer: constantThroughputTimer.emit,
  preciseThroughputTimer: preciseThroughputTimer.emit,
  jsr223Timer: jsr223Timer.emit,
  throughputShapingTimer: throughputShapingTimer.emit,
  jitter: jitter.emit,
  transactionController: transactionController.emit,
  loopController: loopController.emit,
  whileController: whileController.emit,
  ifController: ifController.emit,
  onceOnlyController: onceOnlyController.emit,
  runtimeController: runtimeController.emit,
  throughputController: throughputController.emit,
  simpleController: simpleController.emit,
  userDefinedVariables: userDefinedVariables.emit,
  raw: raw.emit,
} satisfies EmitterTable;
