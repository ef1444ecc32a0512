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
import * as httpDefaults from "./http-defaults.js";
import * as headerManager from "./header-manager.js";
import * as cookieManager from "./cookie-manager.js";
import * as cacheManager from "./cache-manager.js";
import * as wsOpen from "./ws-open.js";
import * as wsRequestResponse from "./ws-request-response.js";
import * as wsWrite from "./ws-write.js";
import * as wsRead from "./ws-read.js";
import * as wsPingPong from "./ws-ping-pong.js";
import * as wsClose from "./ws-close.js";
import * as retryAfter from "./retry-after.js";
import * as jsonExtractor from "./json-extractor.js";
import * as regexExtractor from "./regex-extractor.js";
import * as boundaryExtractor from "./boundary-extractor.js";
import * as responseAssertion from "./response-assertion.js";
import * as durationAssertion from "./duration-assertion.js";
import * as jsr223Sampler from "./jsr223-sampler.js";
import * as jsr223PreProcessor from "./jsr223-pre-processor.js";
import * as jsr223PostProcessor from "./jsr223-post-processor.js";
import * as resultsWriter from "./results-writer.js";
import * as wsTextFrameFilter from "./ws-text-frame-filter.js";

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
  httpDefaults: httpDefaults.emit,
  headerManager: headerManager.emit,
  cookieManager: cookieManager.emit,
  cacheManager: cacheManager.emit,
  wsOpen: wsOpen.emit,
  wsRequestResponse: wsRequestResponse.emit,
  wsWrite: wsWrite.emit,
  wsRead: wsRead.emit,
  wsPingPong: wsPingPong.emit,
  wsClose: wsClose.emit,
  retryAfter: retryAfter.emit,
  jsonExtractor: jsonExtractor.emit,
  regexExtractor: regexExtractor.emit,
  boundaryExtractor: boundaryExtractor.emit,
  responseAssertion: responseAssertion.emit,
  durationAssertion: durationAssertion.emit,
  jsr223Sampler: jsr223Sampler.emit,
  jsr223PreProcessor: jsr223PreProcessor.emit,
  jsr223PostProcessor: jsr223PostProcessor.emit,
  resultsWriter: resultsWriter.emit,
  wsTextFrameFilter: wsTextFrameFilter.emit,
} satisfies EmitterTable;
