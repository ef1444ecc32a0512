// the element table: one line per kind; emitters in src/jmx/elements mirror it
import type { z } from "zod";
import type { ElementDef } from "../node.js";
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

export const elements = {
  testPlan: testPlan.def,
  threadGroup: threadGroup.def,
  httpRequest: httpRequest.def,
  setUpThreadGroup: setUpThreadGroup.def,
  tearDownThreadGroup: tearDownThreadGroup.def,
  concurrencyThreadGroup: concurrencyThreadGroup.def,
  ultimateThreadGroup: ultimateThreadGroup.def,
  arrivalsThreadGroup: arrivalsThreadGroup.def,
  constantTimer: constantTimer.def,
  uniformRandomTimer: uniformRandomTimer.def,
  gaussianRandomTimer: gaussianRandomTimer.def,
  constantThroughputTimer: constantThroughputTimer.def,
  preciseThroughputTimer: preciseThroughputTimer.def,
  jsr223Timer: jsr223Timer.def,
  throughputShapingTimer: throughputShapingTimer.def,
  jitter: jitter.def,
  transactionController: transactionController.def,
  loopController: loopController.def,
  whileController: whileController.def,
  ifController: ifController.def,
  onceOnlyController: onceOnlyController.def,
  runtimeController: runtimeController.def,
  throughputController: throughputController.def,
  simpleController: simpleController.def,
  userDefinedVariables: userDefinedVariables.def,
  raw: raw.def,
  httpDefaults: httpDefaults.def,
  headerManager: headerManager.def,
  cookieManager: cookieManager.def,
  cacheManager: cacheManager.def,
  wsOpen: wsOpen.def,
  wsRequestResponse: wsRequestResponse.def,
  wsWrite: wsWrite.def,
  wsRead: wsRead.def,
  wsPingPong: wsPingPong.def,
  wsClose: wsClose.def,
  retryAfter: retryAfter.def,
  jsonExtractor: jsonExtractor.def,
  regexExtractor: regexExtractor.def,
  boundaryExtractor: boundaryExtractor.def,
  responseAssertion: responseAssertion.def,
  durationAssertion: durationAssertion.def,
  jsr223Sampler: jsr223Sampler.def,
  jsr223PreProcessor: jsr223PreProcessor.def,
  jsr223PostProcessor: jsr223PostProcessor.def,
  resultsWriter: resultsWriter.def,
  wsTextFrameFilter: wsTextFrameFilter.def,
} satisfies Record<string, ElementDef>;

export type Kind = keyof typeof elements;

/** a validated element of kind K, with defaults filled in and validated children */
export type Out<K extends Kind> = z.output<(typeof elements)[K]["schema"]> & WithChildren;

export interface WithChildren {
  children: Element[];
}

/** any validated element */
export type Element = { [K in Kind]: Out<K> }[Kind];

export function isKind(kind: string): kind is Kind {
  return Object.hasOwn(elements, kind);
}
