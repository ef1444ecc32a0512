// mappers for samplers, extractors, assertions and scripts (see mappers.ts)
import { RULE, TEST_FIELD } from "../dsl/elements/response-assertion.js";
import { USE_FIELD } from "../dsl/fields.js";
import type { JmxNode } from "../jmx/read.js";
import { b, base, numOrText, s } from "./fields.js";
import type { Mapper } from "./mappers.js";

const WS = "eu.luminis.jmeter.wssampler.";

const flag = (n: JmxNode, name: string) => {
  const v = s(n, name);
  return v === undefined ? undefined : /^(true|false)$/.test(v) ? v === "true" : v;
};

const connection = (n: JmxNode) => ({
  tls: flag(n, "TLS"),
  server: s(n, "server"),
  port: numOrText(s(n, "port")),
  path: s(n, "path"),
  connectTimeout: numOrText(s(n, "connectTimeout")),
});

const payload = (n: JmxNode) => ({
  data: s(n, "requestData"),
  binary: b(n, "binaryPayload"),
  ...(b(n, "loadDataFromFile") ? { file: s(n, "dataFile") ?? "" } : {}),
});

const scope = (n: JmxNode) => {
  const v = s(n, "Sample.scope");
  if (v === undefined) return {};
  return { scope: v === "variable" ? { variable: s(n, "Scope.variable") ?? "" } : v };
};

const script: Mapper = (n) => ({
  ...base(n),
  script: s(n, "script") ?? "",
  ...(s(n, "filename") ? { file: s(n, "filename"), script: undefined } : {}),
  parameters: s(n, "parameters") ?? "",
  cache: (s(n, "cacheKey") ?? "true") === "true",
  language: s(n, "scriptLanguage") ?? "",
});

const fieldOf = (v: string | undefined) => Object.entries(TEST_FIELD).find(([, p]) => p === v)?.[0];
const ruleOf = (t: number) => Object.entries(RULE).find(([, bit]) => (t & 27) === bit)?.[0];

const fieldFrom = (v: string | undefined) => Object.entries(USE_FIELD).find(([, x]) => x === (v ?? "false"))?.[0];

export const moreMappers: Record<string, [kind: string, map: Mapper][]> = {
  [`${WS}OpenWebSocketSampler`]: [["wsOpen", (n) => ({ ...base(n), ...connection(n), readTimeout: numOrText(s(n, "readTimeout")) })]],
  [`${WS}SingleWriteWebSocketSampler`]: [["wsWrite", (n) => ({ ...base(n), ...connection(n), ...payload(n), createNewConnection: b(n, "createNewConnection") })]],
  [`${WS}SingleReadWebSocketSampler`]: [
    ["wsRead", (n) => ({ ...base(n), ...connection(n), createNewConnection: b(n, "createNewConnection"), readTimeout: numOrText(s(n, "readTimeout")), optional: b(n, "optional"), dataType: (s(n, "dataType") ?? "Text").toLowerCase() })],
  ],
  [`${WS}RequestResponseWebSocketSampler`]: [["wsRequestResponse", (n) => ({ ...base(n), ...connection(n), ...payload(n), createNewConnection: b(n, "createNewConnection", true), readTimeout: numOrText(s(n, "readTimeout")) })]],
  [`${WS}CloseWebSocketSampler`]: [["wsClose", (n) => ({ ...base(n), statusCode: numOrText(s(n, "statusCode")), readTimeout: numOrText(s(n, "readTimeout")) })]],
  [`${WS}PingPongSampler`]: [["wsPingPong", (n) => ({ ...base(n), type: s(n, "type") === "pong" ? "pong" : "pingPong", readTimeout: numOrText(s(n, "readTimeout")) })]],
  JSONPostProcessor: [
    ["jsonExtractor", (n) => ({ ...base(n), ...scope(n), variable: s(n, "JSONPostProcessor.referenceNames"), path: s(n, "JSONPostProcessor.jsonPathExprs"), match: numOrText(s(n, "JSONPostProcessor.match_numbers") || "0"), defaultValue: s(n, "JSONPostProcessor.defaultValues") ?? "", concat: b(n, "JSONPostProcessor.compute_concat") })],
  ],
  RegexExtractor: [
    ["regexExtractor", (n) => ({
      ...base(n),
      ...scope(n),
      field: fieldFrom(s(n, "RegexExtractor.useHeaders")),
      variable: s(n, "RegexExtractor.refname"),
      regex: s(n, "RegexExtractor.regex"),
      template: s(n, "RegexExtractor.template"),
      defaultValue: s(n, "RegexExtractor.default") ?? "",
      emptyDefault: b(n, "RegexExtractor.default_empty_value"),
      match: numOrText(s(n, "RegexExtractor.match_number")),
    })],
  ],
  BoundaryExtractor: [
    ["boundaryExtractor", (n) => ({
      ...base(n),
      ...scope(n),
      field: fieldFrom(s(n, "BoundaryExtractor.useHeaders")),
      variable: s(n, "BoundaryExtractor.refname"),
      left: s(n, "BoundaryExtractor.lboundary") ?? "",
      right: s(n, "BoundaryExtractor.rboundary") ?? "",
      defaultValue: s(n, "BoundaryExtractor.default") ?? "",
      emptyDefault: b(n, "BoundaryExtractor.default_empty_value"),
      match: numOrText(s(n, "BoundaryExtractor.match_number")),
    })],
  ],
  ResponseAssertion: [
    ["responseAssertion", (n) => {
      const t = Number(s(n, "Assertion.test_type") ?? "8");
      const patterns = n.props.find((p) => p.attrs.name === "Asserion.test_strings")?.children.map((c) => c.text) ?? [];
      return { ...base(n), ...scope(n), field: fieldOf(s(n, "Assertion.test_field")), rule: ruleOf(t), patterns, not: (t & 4) !== 0, any: (t & 32) !== 0, assumeSuccess: b(n, "Assertion.assume_success"), message: s(n, "Assertion.custom_message") ?? "" };
    }],
  ],
  DurationAssertion: [["durationAssertion", (n) => ({ ...base(n), ...scope(n), max: numOrText(s(n, "DurationAssertion.duration")) })]],
  JSR223Sampler: [["jsr223Sampler", script]],
  JSR223PreProcessor: [["jsr223PreProcessor", script]],
  JSR223PostProcessor: [["jsr223PostProcessor", script]],
};
