import { test } from "node:test";
import { assertGolden } from "../golden.js";
import { fragmentOf } from "./fragment.js";
import type { Node } from "../../src/dsl/node.js";
import { prop } from "../../src/dsl/expr.js";
import { http } from "../../src/dsl/elements/http-request.js";
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
import { jsonExtractor } from "../../src/dsl/elements/json-extractor.js";
import { regexExtractor } from "../../src/dsl/elements/regex-extractor.js";
import { boundaryExtractor } from "../../src/dsl/elements/boundary-extractor.js";
import { responseAssertion } from "../../src/dsl/elements/response-assertion.js";
import { durationAssertion } from "../../src/dsl/elements/duration-assertion.js";
import { jsr223Sampler } from "../../src/dsl/elements/jsr223-sampler.js";
import { jsr223PreProcessor } from "../../src/dsl/elements/jsr223-pre-processor.js";
import { jsr223PostProcessor } from "../../src/dsl/elements/jsr223-post-processor.js";
import { resultsWriter } from "../../src/dsl/elements/results-writer.js";

// inputs reproduce the JMeter-saved XML of the reference (§5, §7, §9, §10), which seeded these goldens;
// jsr223Sampler, jsr223PostProcessor and retryAfter have no saved original and were reviewed by hand
const cases: Record<string, Node> = {
  httpRequest: http.post("/api/orders", { protocol: "https", host: "${host}", body: { type: "raw", value: '{"sku":"${sku}","qty":1}' } }),
  httpDefaults: httpDefaults({ protocol: "http", host: "localhost", port: 8080 }),
  headerManager: headerManager({ headers: { "Content-Type": "application/json", Authorization: "Bearer ${token}" } }),
  cookieManager: cookieManager(),
  cacheManager: cacheManager(),
  wsOpen: wsOpen({ server: "echo.websocket.org", path: "/" }),
  wsRequestResponse: wsRequestResponse({ name: "WS request-response", tls: true, server: "ws.example.com", port: 443, path: "/socket?token=${token}", data: '{"op":"ping"}' }),
  wsWrite: wsWrite({ data: "text will be echoed" }),
  wsRead: wsRead({ dataType: "any" }),
  wsPingPong: wsPingPong(),
  wsClose: wsClose(),
  wsTextFrameFilter: wsTextFrameFilter({ comparison: "startsWith", value: "{\"type\":\"heartbeat\"" }),
  regexExtractor: regexExtractor({ variable: "token", regex: '"token":"(.+?)"', defaultValue: "TOKEN_NOT_FOUND" }),
  jsonExtractor: jsonExtractor({ variable: "orderId", path: "$.id", defaultValue: "NOT_FOUND" }),
  boundaryExtractor: boundaryExtractor({ variable: "sessionId", left: "sid=", right: ";", defaultValue: "NOT_FOUND" }),
  responseAssertion: responseAssertion({ patterns: [200] }),
  durationAssertion: durationAssertion({ max: "2s" }),
  jsr223PreProcessor: jsr223PreProcessor({ script: 'vars.put("ts", String.valueOf(System.currentTimeMillis()))' }),
  jsr223PostProcessor: jsr223PostProcessor({ template: "set-vars", data: { vars: { phase: "ramp", note: "it's \"quoted\" ${not} a ref" } } }),
  jsr223Sampler: jsr223Sampler({ name: "think", script: "SampleResult.setResponseData('ok', 'UTF-8')", parameters: "${__P(x,1)}", cache: false }),
  resultsWriter: resultsWriter({ file: "results/results.jtl" }),
  retryAfter: retryAfter(
    { maxRetries: prop("retries", 3), fallback: "2s", cap: "30s", jitter: { max: "500ms" } },
    http.post("/api/v2/interactions/screen-recordings", { body: { type: "json", value: { agent: "${__threadNum}" } } }),
  ),
};

for (const [kind, el] of Object.entries(cases)) {
  test(`${kind} matches its golden fragment`, () => assertGolden(`elements/${kind}.xml`, fragmentOf(el)));
}

test("resultsWriter in XML with response headers", () => assertGolden("elements/resultsWriter-xml.xml", fragmentOf(resultsWriter({ format: "xml", responseHeaders: true, hostname: true }))));
test("httpRequest with query, headers, form body and timeouts", () =>
  assertGolden(
    "elements/httpRequest-form.xml",
    fragmentOf(http.put("/p?a=1", { query: { q: "x y", v: "${v}" }, headers: { Authorization: "Bearer ${token}" }, body: { type: "form", fields: { n: 1, m: "a&b" } }, connectTimeout: "5s", responseTimeout: 30000, keepAlive: false, comment: "note" })),
  ));
