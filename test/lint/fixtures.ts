// lint examples: for every rule, a plan it flags and one it passes (.jmx text or plan source)
// a .jmx with one thread group around `inner`; `group` replaces the thread group's own properties
export const jmx = (inner: string, group = LOOP_ONCE) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.4.3">
<hashTree>
<TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="Plan" enabled="true"></TestPlan>
<hashTree>
<ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="Users" enabled="true">${group}</ThreadGroup>
<hashTree>
${inner}
</hashTree>
</hashTree>
</hashTree>
</jmeterTestPlan>
`;
export const loops = (n: number, scheduler = "") =>
  `<elementProp name="ThreadGroup.main_controller" elementType="LoopController"><boolProp name="LoopController.continue_forever">false</boolProp><stringProp name="LoopController.loops">${n}</stringProp></elementProp><stringProp name="ThreadGroup.num_threads">2</stringProp>${scheduler}`;
export const LOOP_ONCE = loops(1);
export const FOREVER = `<elementProp name="ThreadGroup.main_controller" elementType="LoopController"><boolProp name="LoopController.continue_forever">false</boolProp><intProp name="LoopController.loops">-1</intProp></elementProp>`;
export const SCHEDULED = `<boolProp name="ThreadGroup.scheduler">true</boolProp><stringProp name="ThreadGroup.duration">60</stringProp>`;

export const http = (name = "POST /x", timeouts = true, kids = "") =>
  `<HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="${name}" enabled="true"><stringProp name="HTTPSampler.path">/x</stringProp><stringProp name="HTTPSampler.connect_timeout">${timeouts ? 5000 : ""}</stringProp><stringProp name="HTTPSampler.response_timeout">${timeouts ? 30000 : ""}</stringProp></HTTPSamplerProxy><hashTree>${kids}</hashTree>`;
export const constant = (name: string, delay: string) => `<ConstantTimer guiclass="ConstantTimerGui" testclass="ConstantTimer" testname="${name}" enabled="true"><stringProp name="ConstantTimer.delay">${delay}</stringProp></ConstantTimer><hashTree/>`;
export const jitterTimer = `<JSR223Timer guiclass="TestBeanGUI" testclass="JSR223Timer" testname="Jitter" enabled="true"><stringProp name="parameters">\${__Random(0,1000)}</stringProp><stringProp name="script">return Long.parseLong(Parameters.trim())</stringProp></JSR223Timer><hashTree/>`;
export const retryAfterHandler = (script: string) => `<JSR223PostProcessor guiclass="TestBeanGUI" testclass="JSR223PostProcessor" testname="Retry-After" enabled="true"><stringProp name="script">${script}</stringProp></JSR223PostProcessor><hashTree/>`;


const wsOpen = `<eu.luminis.jmeter.wssampler.OpenWebSocketSampler guiclass="eu.luminis.jmeter.wssampler.OpenWebSocketSamplerGui" testclass="eu.luminis.jmeter.wssampler.OpenWebSocketSampler" testname="open" enabled="true"><stringProp name="server">h</stringProp></eu.luminis.jmeter.wssampler.OpenWebSocketSampler><hashTree/>`;
const wsWrite = `<eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler guiclass="x" testclass="eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler" testname="write" enabled="true"><boolProp name="createNewConnection">false</boolProp></eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler><hashTree/>`;
const once = (inner: string) => `<OnceOnlyController guiclass="OnceOnlyControllerGui" testclass="OnceOnlyController" testname="once" enabled="true"/><hashTree>${inner}</hashTree>`;
const writer = (fields: string) => `<ResultCollector guiclass="SimpleDataWriter" testclass="ResultCollector" testname="writer" enabled="true"><objProp><name>saveConfig</name><value class="SampleSaveConfiguration">${fields}</value></objProp><stringProp name="filename">out.jtl</stringProp></ResultCollector><hashTree/>`;
const ALL = ["timestamp", "time", "label", "code", "success", "threadName", "threadCounts", "latency", "connectTime", "idleTime"].map((f) => `<${f}>true</${f}>`).join("");
const tst = (start: string) => `<kg.apc.jmeter.timers.VariableThroughputTimer guiclass="kg.apc.jmeter.timers.VariableThroughputTimerGui" testclass="kg.apc.jmeter.timers.VariableThroughputTimer" testname="tst" enabled="true"><collectionProp name="load_profile"><collectionProp name="1"><stringProp name="1">${start}</stringProp><stringProp name="2">${start}</stringProp><stringProp name="3">60</stringProp></collectionProp></collectionProp></kg.apc.jmeter.timers.VariableThroughputTimer><hashTree/>`;
const ctt = (value: string) => `<ConstantThroughputTimer guiclass="TestBeanGUI" testclass="ConstantThroughputTimer" testname="ctt" enabled="true"><intProp name="calcMode">0</intProp>${value}</ConstantThroughputTimer><hashTree/>`;
const retryWhile = (inner: string) => `<WhileController guiclass="WhileControllerGui" testclass="WhileController" testname="retry while 429" enabled="true"><stringProp name="WhileController.condition">\${__jexl3("\${code}" == "429")}</stringProp></WhileController><hashTree>${inner}</hashTree>`;

/** a plan in the DSL, for the rules that need its declared limits or load profile */
const planSource = (body: string) => `import { concurrencyThreadGroup, http, stage, testPlan, throughputShapingTimer, tstFeedback } from "jmxplan";\nvoid tstFeedback;\nexport default ${body};\n`;
const limitPlan = (rps: number) =>
  planSource(`testPlan(
  { name: "P", declaredLimits: [{ labels: ["POST /recordings"], requestsPerSecond: 5, source: "vendor docs" }] },
  concurrencyThreadGroup({ name: "Agents", target: 200, rampUp: 60, hold: 60 },
    http.post("/recordings", { name: "POST /recordings", connectTimeout: "5s", responseTimeout: "30s" }, throughputShapingTimer({ name: "starts", stages: [stage.const(${rps}, 120)] })),
  ),
)`);
const tstPlan = (target: string) =>
  planSource(`testPlan({ name: "P" },
  concurrencyThreadGroup({ name: "Agents", target: ${target}, hold: 60 },
    throughputShapingTimer({ name: "tst", stages: [stage.const(50, 60)] }),
    http.get("/", { connectTimeout: "5s", responseTimeout: "30s" }),
  ),
)`);

export interface Example {
  /** file extension: ".jmx" or ".plan.ts" */
  ext: ".jmx" | ".plan.ts";
  text: string;
  /** lint --engines */
  engines?: number;
}

/** for every rule: a file it flags and one it passes */
export const examples: Record<string, { fail: Example; pass: Example }> = {
  "constant-timer-backoff": { fail: { ext: ".jmx", text: jmx(http("POST /x", true, constant("Respect Retry-After", "2000"))) }, pass: { ext: ".jmx", text: jmx(http("POST /x", true, constant("think time", "2000"))) } },
  "retry-after-missing": {
    fail: { ext: ".jmx", text: jmx(http("POST /x", true, constant("wait on 429", "2000"))) },
    pass: { ext: ".jmx", text: jmx(http("POST /x", true, constant("wait on 429", "2000") + retryAfterHandler("def s = prev.getResponseHeaders() =~ /Retry-After: (\\d+)/; jitter = 0.3"))) },
  },
  "retry-without-jitter": { fail: { ext: ".jmx", text: jmx(retryWhile(http() + constant("pause", "1000"))) }, pass: { ext: ".jmx", text: jmx(retryWhile(http() + jitterTimer)) } },
  "declared-limit": { fail: { ext: ".plan.ts", text: limitPlan(10) }, pass: { ext: ".plan.ts", text: limitPlan(4) } },
  "shaping-timer-threads": { fail: { ext: ".plan.ts", text: tstPlan("10") }, pass: { ext: ".plan.ts", text: tstPlan('tstFeedback("tst", 10, 100, 0.1)') } },
  "shaping-timer-feedback": { fail: { ext: ".plan.ts", text: tstPlan("100") }, pass: { ext: ".plan.ts", text: tstPlan('tstFeedback("tst", 10, 100, 0.1)') } },
  "websocket-reopen": { fail: { ext: ".jmx", text: jmx(wsOpen + wsWrite, loops(10)) }, pass: { ext: ".jmx", text: jmx(once(wsOpen) + wsWrite, loops(10)) } },
  "random-bounds": { fail: { ext: ".jmx", text: jmx(constant("t", "${__Random(900,100)}")) }, pass: { ext: ".jmx", text: jmx(jitterTimer) } },
  "random-once-per-iteration": { fail: { ext: ".jmx", text: jmx(constant("t", "${__Random(100,900)}")) }, pass: { ext: ".jmx", text: jmx(jitterTimer + constant("t", "500")) } },
  "results-columns": { fail: { ext: ".jmx", text: jmx(writer("<time>true</time><label>true</label>")) }, pass: { ext: ".jmx", text: jmx(writer(ALL)) } },
  "engines-not-divided": { fail: { ext: ".jmx", text: jmx(tst("100")), engines: 4 }, pass: { ext: ".jmx", text: jmx(tst("${__jexl3(${__P(rps,100)} / 4.0)}")), engines: 4 } },
  "numeric-expression": {
    fail: { ext: ".jmx", text: jmx(ctt("<doubleProp><name>throughput</name><value>${__P(tpm,60)}</value><savedValue>0.0</savedValue></doubleProp>")) },
    pass: { ext: ".jmx", text: jmx(ctt('<stringProp name="throughput">${__P(tpm,60)}</stringProp>')) },
  },
  "http-timeouts": { fail: { ext: ".jmx", text: jmx(http("GET /", false)) }, pass: { ext: ".jmx", text: jmx(http("GET /", true)) } },
  "endless-loop": { fail: { ext: ".jmx", text: jmx(http(), FOREVER) }, pass: { ext: ".jmx", text: jmx(http(), FOREVER + SCHEDULED) } },
};
