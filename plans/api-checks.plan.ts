// Functional checks of the screen-recording API: extractors, assertions, JSR223 scripts, managers,
// a WebSocket request-response and ping, and an XML result file with response headers.
// Runs unchanged against the lab server on 127.0.0.1:8080.
import {
  boundaryExtractor,
  cacheManager,
  cookieManager,
  durationAssertion,
  headerManager,
  http,
  httpDefaults,
  jsonExtractor,
  jsr223PreProcessor,
  jsr223Sampler,
  prop,
  regexExtractor,
  responseAssertion,
  resultsWriter,
  retryAfter,
  testPlan,
  threadGroup,
  wsClose,
  wsPingPong,
  wsRequestResponse,
} from "jmxplan";

const recordings = "/api/v2/interactions/screen-recordings";

export default testPlan(
  {
    name: "Screen-recording API checks",
    knobs: {
      scheme: "http or https",
      host: "server under test",
      port: "its port",
      token: "OAuth bearer token",
      users: "threads",
      loops: "iterations per thread",
      results: "result file (XML, with response headers)",
    },
  },
  httpDefaults({ protocol: prop("scheme", "http"), host: prop("host", "127.0.0.1"), port: prop("port", 8080), connectTimeout: "5s", responseTimeout: "10s" }),
  headerManager({ headers: { Authorization: `Bearer ${prop("token", "checks-token")}`, Accept: "application/json" } }),
  cookieManager({ clearEachIteration: true }),
  cacheManager({ clearEachIteration: true }),
  threadGroup(
    { name: "Checks", threads: prop("users", 2), rampUp: 2, loops: prop("loops", 3) },
    jsr223PreProcessor({ name: "client tag", template: "set-vars", data: { vars: { client: "jmxplan-api-checks" } } }),
    retryAfter(
      { maxRetries: 2, fallback: "1s" },
      http.post(
        recordings,
        { name: "create", body: { type: "json", value: { agentId: "checks-${__threadNum}", client: "${client}" } } },
        jsonExtractor({ variable: "recordingId", path: "$.id", defaultValue: "NOT_FOUND" }),
        responseAssertion({ name: "created", patterns: [200, 201], any: true }),
        durationAssertion({ max: "2s" }),
      ),
    ),
    http.get(
      `${recordings}/\${recordingId}`,
      { name: "get" },
      regexExtractor({ variable: "allowed", regex: "inin-ratelimit-allowed: (\\d+)", field: "responseHeaders", defaultValue: "none" }),
      boundaryExtractor({ variable: "state", left: '"state":"', right: '"', defaultValue: "unknown" }),
      responseAssertion({ name: "has the id", field: "responseData", rule: "contains", patterns: ["${recordingId}"] }),
    ),
    jsr223Sampler({
      name: "state is active",
      script: "SampleResult.setResponseData(vars.get('state') + ' allowed=' + vars.get('allowed'), 'UTF-8')\nSampleResult.setSuccessful(vars.get('state') == 'active')",
    }),
    wsRequestResponse(
      { name: "WS hello", server: prop("host", "127.0.0.1"), port: prop("port", 8080), path: `${recordings}/\${recordingId}/stream`, createNewConnection: true, data: '{"type":"hello"}', readTimeout: "5s" },
      responseAssertion({ name: "echo or push", field: "responseData", rule: "contains", patterns: ["recordingId", "hello"], any: true }),
    ),
    wsPingPong({ name: "WS ping", readTimeout: "5s" }),
    wsClose({ name: "WS close" }),
  ),
  resultsWriter({ name: "XML results with headers", format: "xml", responseHeaders: true, file: prop("results", "results/api-checks.xml") }),
);
