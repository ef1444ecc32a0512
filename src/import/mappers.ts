// JMX element -> DSL factory props, one candidate per kind; import keeps a candidate only when it builds back the same element
import type { JmxNode } from "../jmx/read.js";
import { argumentsOf, b, base, dur, items, numOrText, s, sub } from "./fields.js";

export type Mapper = (n: JmxNode) => Record<string, unknown> | undefined;

const CALC_MODES = ["thisThread", "allThreads", "allThreadsInGroup", "allThreadsShared", "allThreadsInGroupShared"];

function mainLoops(n: JmxNode): number | string | undefined {
  const loops = s(sub(n, "ThreadGroup.main_controller"), "LoopController.loops");
  if (loops === undefined) return undefined;
  return loops.trim() === "-1" ? "forever" : numOrText(loops);
}

const core: Mapper = (n) => {
  const scheduler = b(n, "ThreadGroup.scheduler");
  return {
    ...base(n),
    threads: numOrText(s(n, "ThreadGroup.num_threads")),
    rampUp: numOrText(s(n, "ThreadGroup.ramp_time")),
    loops: mainLoops(n),
    ...(scheduler ? { duration: dur(s(n, "ThreadGroup.duration")), delay: dur(s(n, "ThreadGroup.delay")) } : {}),
    onError: s(n, "ThreadGroup.on_sample_error"),
    ...(n.tag === "ThreadGroup" ? { delayedStart: b(n, "ThreadGroup.delayedStart") } : {}),
    sameUserOnNextIteration: b(n, "ThreadGroup.same_user_on_next_iteration", true),
  };
};

const inSeconds = (v: string | undefined, unit: string) => {
  const x = numOrText(v ?? "");
  return typeof x === "number" && unit === "M" ? x * 60 : x === "" ? 0 : x;
};

const dynamic = (n: JmxNode) => {
  const unit = s(n, "Unit") ?? "S";
  const iterations = s(n, "Iterations");
  return {
    ...base(n),
    rampUp: inSeconds(s(n, "RampUp"), unit),
    steps: numOrText(s(n, "Steps") || "0"),
    hold: inSeconds(s(n, "Hold"), unit),
    ...(iterations ? { iterations: numOrText(iterations) } : {}),
    logFilename: s(n, "LogFilename") ?? "",
    onError: s(n, "ThreadGroup.on_sample_error"),
    unit,
  };
};

const concurrency: Mapper = (n) => ({ ...dynamic(n), target: numOrText(s(n, "TargetLevel")) });

const arrivals: Mapper = (n) => {
  const level = numOrText(s(n, "TargetLevel"));
  const unit = s(n, "Unit") ?? "M";
  return { ...dynamic(n), rate: typeof level === "number" && unit === "M" ? level / 60 : level, concurrencyLimit: numOrText(s(n, "ConcurrencyLimit") || "0") };
};

const ultimate: Mapper = (n) => ({
  ...base(n),
  rows: items(n, "ultimatethreadgroupdata").map((row) => {
    const [threads, initialDelay, startup, hold, shutdown] = row.children.map((c) => numOrText(c.text));
    return { threads, initialDelay, startup, hold, shutdown };
  }),
  onError: s(n, "ThreadGroup.on_sample_error"),
});

const shaping: Mapper = (n) => ({
  ...base(n),
  stages: items(n, "load_profile").map((row) => {
    const [from, to, duration] = row.children.map((c) => numOrText(c.text));
    return from === to ? { type: "const", rps: from, duration } : { type: "line", from, to, duration };
  }),
});

const testPlan: Mapper = (n) => {
  const variables = argumentsOf(items(sub(n, "TestPlan.user_defined_variables"), "Arguments.arguments"));
  if (!variables) return undefined;
  return {
    ...base(n),
    variables,
    functionalMode: b(n, "TestPlan.functional_mode"),
    tearDownOnShutdown: b(n, "TestPlan.tearDown_on_shutdown"),
    serializeThreadGroups: b(n, "TestPlan.serialize_threadgroups"),
  };
};

const httpRequest: Mapper = (n) => {
  const args = items(sub(n, "HTTPsampler.Arguments"), "Arguments.arguments");
  let body: Record<string, unknown> | undefined;
  if (b(n, "HTTPSampler.postBodyRaw")) {
    if (args.length !== 1) return undefined;
    body = { type: "raw", value: s(args[0], "Argument.value") ?? "" };
  } else if (args.length) {
    const fields: Record<string, string> = {};
    for (const a of args) fields[s(a, "Argument.name") ?? ""] = s(a, "Argument.value") ?? "";
    body = { type: "form", fields };
  }
  return {
    ...base(n),
    method: s(n, "HTTPSampler.method") ?? "GET",
    protocol: s(n, "HTTPSampler.protocol") ?? "",
    host: s(n, "HTTPSampler.domain") ?? "",
    port: numOrText(s(n, "HTTPSampler.port") ?? ""),
    path: s(n, "HTTPSampler.path") ?? "",
    ...(body ? { body } : {}),
    connectTimeout: dur(s(n, "HTTPSampler.connect_timeout")),
    responseTimeout: dur(s(n, "HTTPSampler.response_timeout")),
    keepAlive: b(n, "HTTPSampler.use_keepalive"),
    followRedirects: b(n, "HTTPSampler.follow_redirects"),
    autoRedirects: b(n, "HTTPSampler.auto_redirects"),
    contentEncoding: s(n, "HTTPSampler.contentEncoding") ?? "",
  };
};

const httpDefaults: Mapper = (n) =>
  n.attrs.guiclass !== "HttpDefaultsGui"
    ? undefined
    : {
        ...base(n),
        protocol: s(n, "HTTPSampler.protocol") ?? "",
        host: s(n, "HTTPSampler.domain") ?? "",
        port: numOrText(s(n, "HTTPSampler.port") ?? ""),
        path: s(n, "HTTPSampler.path") ?? "",
        contentEncoding: s(n, "HTTPSampler.contentEncoding") ?? "",
        connectTimeout: dur(s(n, "HTTPSampler.connect_timeout")),
        responseTimeout: dur(s(n, "HTTPSampler.response_timeout")),
      };

const headerManager: Mapper = (n) => {
  const headers: Record<string, string> = {};
  for (const h of items(n, "HeaderManager.headers")) {
    const k = s(h, "Header.name") ?? "";
    if (Object.hasOwn(headers, k)) return undefined;
    headers[k] = s(h, "Header.value") ?? "";
  }
  return { ...base(n), headers };
};

const condition = (text: string | undefined) => ({ condition: text ?? "" });

const ms = (v: string | undefined) => numOrText((v ?? "").replace(/\.0$/, ""));

/** candidates per tag, tried in order */
export const mappers: Record<string, [kind: string, map: Mapper][]> = {
  TestPlan: [["testPlan", testPlan]],
  ThreadGroup: [["threadGroup", core]],
  SetupThreadGroup: [["setUpThreadGroup", core]],
  PostThreadGroup: [["tearDownThreadGroup", core]],
  "com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup": [["concurrencyThreadGroup", concurrency]],
  "com.blazemeter.jmeter.threads.arrivals.ArrivalsThreadGroup": [["arrivalsThreadGroup", arrivals]],
  "kg.apc.jmeter.threads.UltimateThreadGroup": [["ultimateThreadGroup", ultimate]],
  "kg.apc.jmeter.timers.VariableThroughputTimer": [["throughputShapingTimer", shaping]],
  ConstantTimer: [["constantTimer", (n) => ({ ...base(n), delay: numOrText(s(n, "ConstantTimer.delay")) })]],
  UniformRandomTimer: [["uniformRandomTimer", (n) => ({ ...base(n), offset: numOrText(s(n, "ConstantTimer.delay")), range: ms(s(n, "RandomTimer.range")) })]],
  GaussianRandomTimer: [["gaussianRandomTimer", (n) => ({ ...base(n), offset: numOrText(s(n, "ConstantTimer.delay")), deviation: ms(s(n, "RandomTimer.range")) })]],
  ConstantThroughputTimer: [["constantThroughputTimer", (n) => ({ ...base(n), perMinute: numOrText(s(n, "throughput")), calcMode: CALC_MODES[Number(s(n, "calcMode") ?? 0)] })]],
  PreciseThroughputTimer: [
    ["preciseThroughputTimer", (n) => ({
      ...base(n),
      throughput: numOrText(s(n, "throughput")),
      period: numOrText(s(n, "throughputPeriod")),
      duration: numOrText(s(n, "duration")),
      batchSize: numOrText(s(n, "batchSize")),
      batchThreadDelay: numOrText(s(n, "batchThreadDelay")),
      exactLimit: numOrText(s(n, "exactLimit")),
      allowedSurplus: numOrText(s(n, "allowedThroughputSurplus")),
      randomSeed: numOrText(s(n, "randomSeed")),
    })],
  ],
  JSR223Timer: [
    ["jitter", (n) => {
      const m = /^\$\{__Random\(([^,()]+),([^,()]+)(?:,([A-Za-z_][\w.-]*))?\)\}$/.exec(s(n, "parameters") ?? "");
      if (!m || s(n, "script") !== "return Long.parseLong(Parameters.trim())") return undefined;
      return { ...base(n), min: numOrText(m[1]), max: numOrText(m[2]), ...(m[3] ? { variable: m[3] } : {}) };
    }],
    ["jsr223Timer", (n) => ({ ...base(n), script: s(n, "script") ?? "", filename: s(n, "filename") ?? "", parameters: s(n, "parameters") ?? "", language: s(n, "scriptLanguage") ?? "", cacheKey: b(n, "cacheKey") })],
  ],
  HTTPSamplerProxy: [["httpRequest", httpRequest]],
  ConfigTestElement: [["httpDefaults", httpDefaults]],
  HeaderManager: [["headerManager", headerManager]],
  CookieManager: [["cookieManager", (n) => ({ ...base(n), clearEachIteration: b(n, "CookieManager.clearEachIteration"), controlledByThreadGroup: b(n, "CookieManager.controlledByThreadGroup"), policy: s(n, "CookieManager.policy") ?? "standard" })]],
  CacheManager: [["cacheManager", (n) => ({ ...base(n), clearEachIteration: b(n, "clearEachIteration"), useExpires: b(n, "useExpires"), controlledByThreadGroup: b(n, "CacheManager.controlledByThread"), maxSize: numOrText(s(n, "maxSize") ?? "5000") })]],
  Arguments: [["userDefinedVariables", (n) => ({ ...base(n), variables: argumentsOf(items(n, "Arguments.arguments")) })]],
  TransactionController: [["transactionController", (n) => ({ ...base(n), parent: b(n, "TransactionController.parent"), includeTimers: b(n, "TransactionController.includeTimers", true) })]],
  LoopController: [["loopController", (n) => ({ ...base(n), loops: s(n, "LoopController.loops")?.trim() === "-1" ? "forever" : numOrText(s(n, "LoopController.loops")) })]],
  WhileController: [["whileController", (n) => ({ ...base(n), ...condition(s(n, "WhileController.condition")) })]],
  IfController: [["ifController", (n) => ({ ...base(n), ...condition(s(n, "IfController.condition")), evaluateAll: b(n, "IfController.evaluateAll") })]],
  OnceOnlyController: [["onceOnlyController", (n) => base(n)]],
  GenericController: [["simpleController", (n) => base(n)]],
  RunTime: [["runtimeController", (n) => ({ ...base(n), duration: numOrText(s(n, "RunTime.seconds")) })]],
  ThroughputController: [
    ["throughputController", (n) => {
      const style = s(n, "ThroughputController.style");
      const perThread = b(n, "ThroughputController.perThread");
      return style === "1" ? { ...base(n), percent: numOrText(s(n, "ThroughputController.percentThroughput")), perThread } : { ...base(n), total: numOrText(s(n, "ThroughputController.maxThroughput")), perThread };
    }],
  ],
};
