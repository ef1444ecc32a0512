import { test } from "node:test";
import assert from "node:assert/strict";
import type { Node } from "../../src/dsl/node.js";
import { prop } from "../../src/dsl/expr.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { http, httpRequest } from "../../src/dsl/elements/http-request.js";
import { httpDefaults } from "../../src/dsl/elements/http-defaults.js";
import { headerManager } from "../../src/dsl/elements/header-manager.js";
import { cookieManager } from "../../src/dsl/elements/cookie-manager.js";
import { cacheManager } from "../../src/dsl/elements/cache-manager.js";
import { wsOpen } from "../../src/dsl/elements/ws-open.js";
import { wsRequestResponse } from "../../src/dsl/elements/ws-request-response.js";
import { wsWrite } from "../../src/dsl/elements/ws-write.js";
import { wsRead } from "../../src/dsl/elements/ws-read.js";
import { wsPingPong } from "../../src/dsl/elements/ws-ping-pong.js";
import { wsClose } from "../../src/dsl/elements/ws-close.js";
import { wsTextFrameFilter } from "../../src/dsl/elements/ws-text-frame-filter.js";
import { retryAfter } from "../../src/dsl/elements/retry-after.js";
import { loopController } from "../../src/dsl/elements/loop-controller.js";
import { jsonExtractor } from "../../src/dsl/elements/json-extractor.js";
import { regexExtractor } from "../../src/dsl/elements/regex-extractor.js";
import { boundaryExtractor } from "../../src/dsl/elements/boundary-extractor.js";
import { responseAssertion } from "../../src/dsl/elements/response-assertion.js";
import { durationAssertion } from "../../src/dsl/elements/duration-assertion.js";
import { jsr223Sampler } from "../../src/dsl/elements/jsr223-sampler.js";
import { jsr223PreProcessor } from "../../src/dsl/elements/jsr223-pre-processor.js";
import { jsr223PostProcessor } from "../../src/dsl/elements/jsr223-post-processor.js";
import { resultsWriter } from "../../src/dsl/elements/results-writer.js";
import { accepts, rejects } from "./validate-helpers.js";

const inTg = (...c: Node[]) => testPlan({}, threadGroup({}, ...c));
const at = "children[0].children[0]";

test("httpRequest: methods, bodies, timeouts and redirects", () => {
  accepts(inTg(http.patch("/x", { port: prop("port", 8080), body: { type: "raw", value: "a", contentType: "text/plain" }, connectTimeout: "${t}", responseTimeout: "30s" })));
  accepts(inTg(httpRequest({ method: "${method}", body: { type: "form", fields: { a: 1 } } })));
  rejects(inTg(httpRequest({ method: "get" })), `${at}.method`, /upper-case HTTP method/);
  rejects(inTg(http.get("/x", { port: 0 })), `${at}.port`, /integer >= 1/);
  rejects(inTg(http.get("/x", { connectTimeout: "soon" })), `${at}.connectTimeout`, /expected a duration/);
  rejects(inTg(http.get("/x", { autoRedirects: true })), `${at}.autoRedirects`, /exclude each other/);
  rejects(inTg(http.get("/x", { body: { type: "yaml" } as never })), `${at}.body.type`, /./);
});

test("HTTP config elements", () => {
  accepts(testPlan({}, httpDefaults({ protocol: "https", host: "${host}", port: "${port}", connectTimeout: "5s" }), headerManager({ headers: { A: "b" } }), cookieManager({ policy: "netscape" }), cacheManager({ maxSize: "${n}" })));
  rejects(testPlan({}, headerManager({ headers: { "": "b" } })), "children[0].headers", /expected header names/);
  rejects(testPlan({}, cookieManager({ policy: "chocolate" as never })), "children[0].policy", /./);
  rejects(testPlan({}, cacheManager({ maxSize: 0 })), "children[0].maxSize", /integer >= 1/);
  rejects(testPlan({}, httpDefaults({ hots: "x" } as never)), "children[0]", /unknown field "hots"/);
});

test("WebSocket samplers: timeouts, TLS, payloads", () => {
  accepts(inTg(wsOpen({ tls: "${__P(tls,false)}", server: "h", port: 443, path: "/s", connectTimeout: "5s", readTimeout: "10s" }), wsWrite({ data: "62 69", binary: true }), wsRead({ optional: true, dataType: "binary" }), wsRequestResponse({ data: "x", createNewConnection: true }), wsPingPong({ type: "pong" }), wsClose({ statusCode: 1001 })));
  rejects(inTg(wsOpen({ tls: "yes" })), `${at}.tls`, /true, false or "\$\{\.\.\.\}"/);
  rejects(inTg(wsRead({ readTimeout: "-1s" })), `${at}.readTimeout`, /expected a duration/);
  rejects(inTg(wsRead({ dataType: "json" as never })), `${at}.dataType`, /./);
  rejects(inTg(wsClose({ statusCode: 999 })), `${at}.statusCode`, /integer >= 1000/);
  rejects(inTg(wsOpen({}, wsClose())), `${at}.children[0]`, /cannot be placed inside wsOpen/);
  accepts(inTg(wsClose({}, wsTextFrameFilter()), wsRead({}, wsTextFrameFilter({ comparison: "notContains", value: "seq" }))));
  rejects(inTg(wsRead({}, wsTextFrameFilter({ comparison: "contains" }))), `${at}.children[0].value`, /expected a value/);
});

test("retryAfter: codes, limits, jitter, variable, and samplers only", () => {
  accepts(inTg(retryAfter({ codes: [429], maxRetries: prop("retries", 3), fallback: "2s", cap: "1m", jitter: { min: "0ms", max: "500ms" }, variable: "ra" }, http.get("/x"), wsOpen({ server: "h" }))));
  rejects(inTg(retryAfter({ codes: [42] }, http.get("/x"))), `${at}.codes[0]`, />=100/);
  rejects(inTg(retryAfter({ codes: [] }, http.get("/x"))), `${at}.codes`, />=1/);
  rejects(inTg(retryAfter({ jitter: { min: 500, max: 100 } }, http.get("/x"))), `${at}.jitter.max`, /expected max >= min/);
  rejects(inTg(retryAfter({ variable: "retry-after" }, http.get("/x"))), `${at}.variable`, /letters, digits and _/);
  rejects(inTg(retryAfter({ fallback: "later" }, http.get("/x"))), `${at}.fallback`, /expected a duration/);
  rejects(testPlan({}, threadGroup({ onError: "startnextloop" }, retryAfter({}, http.get("/x")))), at, /needs its thread group's onError: "continue"; with "startnextloop"/);
  rejects(testPlan({}, threadGroup({}), threadGroup({ onError: "stopthread" }, loopController({}, retryAfter({}, http.get("/x"))))), "children[1].children[0].children[0]", /onError: "continue"/);
  rejects(inTg(retryAfter({}, retryAfter({}, http.get("/x")))), `${at}.children[0]`, /a controller \(retryAfter\) cannot be placed inside retryAfter; it takes sampler/);
});

test("extractors and assertions", () => {
  accepts(inTg(http.get("/x", {}, jsonExtractor({ variable: "id", path: "$.id", match: -1, concat: true, scope: "all" }), regexExtractor({ variable: "t", regex: "t=(\\w+)", field: "responseHeaders", scope: { variable: "body" } }), boundaryExtractor({ variable: "b", left: "<", right: ">", match: "${n}" }), responseAssertion({ field: "responseData", rule: "contains", patterns: ["ok"], not: true, any: true }), durationAssertion({ max: prop("slo", 2000) }))));
  rejects(inTg(jsonExtractor({ variable: "a;b", path: "$.a" })), `${at}.variable`, /one variable name/);
  rejects(inTg(jsonExtractor({ variable: "a", path: "$.a", match: -2 })), `${at}.match`, /integer >= -1/);
  rejects(inTg(regexExtractor({ variable: "a", regex: "x", field: "cookies" as never })), `${at}.field`, /./);
  rejects(inTg(regexExtractor({ variable: "a", regex: "x", scope: "parent" as never })), `${at}.scope`, /./);
  rejects(inTg(responseAssertion({ patterns: [] })), `${at}.patterns`, /at least one pattern/);
  rejects(inTg(durationAssertion({ max: "fast" })), `${at}.max`, /expected a duration/);
});

test("JSR223: exactly one of script, template, file", () => {
  accepts(inTg(jsr223Sampler({ script: "1" }), jsr223PreProcessor({ template: "set-vars", data: { vars: {} } }), jsr223PostProcessor({ file: "x.groovy" })));
  rejects(inTg(jsr223Sampler({})), `${at}.script`, /exactly one of script, template or file/);
  rejects(inTg(jsr223PreProcessor({ script: "1", file: "x.groovy" })), `${at}.script`, /exactly one/);
  rejects(inTg(jsr223PostProcessor({ template: "../etc/passwd" })), `${at}.template`, /a template name/);
});

test("resultsWriter: headers need XML", () => {
  accepts(testPlan({}, resultsWriter({ format: "xml", responseHeaders: true, file: "${__P(jtl,out.jtl)}" })));
  rejects(testPlan({}, resultsWriter({ responseHeaders: true })), "children[0].format", /only be saved with format: "xml"/);
  rejects(testPlan({}, resultsWriter({ errorsOnly: true, successesOnly: true })), "children[0].successesOnly", /exclude each other/);
  rejects(testPlan({}, resultsWriter({ file: "" })), "children[0].file", /./);
});
