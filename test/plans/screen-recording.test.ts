// the user's case: what the issue says the plan must contain, in the .jmx it builds (plans import dist)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadPlan } from "../../src/plan/load.js";
import { buildJmx } from "../../src/jmx/build.js";
import { requiredProperties } from "../../src/jmx/properties.js";

const PLAN = "plans/screen-recording.plan.ts";
const plan = await loadPlan(PLAN);
const xml = buildJmx(plan, PLAN);
const has = (s: string | RegExp, what: string) => assert.ok(typeof s === "string" ? xml.includes(s) : s.test(xml), `the plan should contain ${what}`);
const WS = "eu.luminis.jmeter.wssampler.";

test("the committed .jmx is what the plan builds", () => assert.equal(readFileSync("plans/screen-recording.jmx", "utf8"), xml));

test("200 agents ramped in steps by a Concurrency Thread Group", () => {
  has('<com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup guiclass="com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroupGui"', "a Concurrency Thread Group");
  has('<stringProp name="TargetLevel">${__P(agents,200)}</stringProp>', "200 agents as a property");
  has('<stringProp name="Steps">${__P(ramp_steps,4)}</stringProp>', "a stepped ramp");
});

test("session starts paced by a Throughput Shaping Timer, with __Random jitter", () => {
  has("<kg.apc.jmeter.timers.VariableThroughputTimer ", "a Throughput Shaping Timer");
  has('<collectionProp name="load_profile">', "its profile (which -Jload_profile replaces)");
  has("${__Random(", "__Random( jitter");
});

test("an HTTP POST with a JSON body and an Authorization header from a property", () => {
  has(/<HTTPSamplerProxy [^>]*testname="POST screen-recordings"[\s\S]*?<boolProp name="HTTPSampler.postBodyRaw">true<\/boolProp>[\s\S]*?<stringProp name="Argument.value">\{&quot;agentId&quot;/, "a raw JSON body");
  has('<stringProp name="HTTPSampler.path">/api/v2/interactions/screen-recordings</stringProp>', "the create endpoint");
  has('<stringProp name="HTTPSampler.method">POST</stringProp>', "POST");
  has('<stringProp name="Header.value">application/json</stringProp>', "Content-Type: application/json");
  has('<stringProp name="Header.value">Bearer ${__P(token,test-token)}</stringProp>', "the token property");
  has('<stringProp name="JSONPostProcessor.jsonPathExprs">$.id</stringProp>', "the recording id extractor");
});

test("Retry-After handling around the POST and the WebSocket open", () => {
  assert.equal((xml.match(/<WhileController [^>]*testname="Retry-After: /g) ?? []).length, 2);
  assert.equal((xml.match(/testname="Retry-After check"/g) ?? []).length, 2);
  has("headers[&apos;retry-after&apos;]", "the Retry-After header read");
  assert.deepEqual(requiredProperties(plan), { sample_variables: "retryAfter" });
  has(/^<!-- .*Run JMeter with -Jsample_variables=retryAfter -->\n/, "the property in the first line");
});

test("one WebSocket stream per session: open, write and read frames in a loop, close", () => {
  for (const s of ["OpenWebSocketSampler", "SingleWriteWebSocketSampler", "SingleReadWebSocketSampler", "CloseWebSocketSampler"]) has(`<${WS}${s} `, s);
  has('<stringProp name="path">/api/v2/interactions/screen-recordings/${recordingId}/stream</stringProp>', "the stream path with the id");
  assert.ok(!xml.includes('<boolProp name="createNewConnection">true</boolProp>'), "writes and reads reuse the open connection");
  const loop = xml.indexOf('testname="frames"');
  assert.ok(loop > xml.indexOf(`<${WS}OpenWebSocketSampler `) && loop < xml.indexOf(`<${WS}SingleWriteWebSocketSampler `) && xml.indexOf(`<${WS}CloseWebSocketSampler `) > xml.indexOf(`<${WS}SingleReadWebSocketSampler `));
});

test("scheme, host and port are properties defaulting to http://127.0.0.1:8080; results carry the analyser's columns", () => {
  has('<stringProp name="HTTPSampler.domain">${__P(host,127.0.0.1)}</stringProp>', "the host property");
  has('<stringProp name="HTTPSampler.port">${__P(port,8080)}</stringProp>', "the port property");
  has('<stringProp name="HTTPSampler.protocol">${__P(scheme,http)}</stringProp>', "the scheme property");
  for (const f of ["threadCounts", "idleTime", "connectTime", "latency", "sentBytes"]) has(`<${f}>true</${f}>`, f);
});
