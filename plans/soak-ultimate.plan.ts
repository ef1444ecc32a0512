// A soak test: an Ultimate Thread Group schedule, throughput held by a Constant Throughput Timer,
// think times from uniform and Gaussian timers. Runs unchanged against 127.0.0.1:8080.
import {
  constantThroughputTimer,
  gaussianRandomTimer,
  http,
  httpDefaults,
  onceOnlyController,
  prop,
  runtimeController,
  simpleController,
  tearDownThreadGroup,
  testPlan,
  throughputController,
  ultimateThreadGroup,
  uniformRandomTimer,
  userDefinedVariables,
} from "jmxplan";

export default testPlan(
  {
    name: "Soak with an Ultimate Thread Group",
    engines: 2,
    knobs: {
      scheme: "http or https",
      host: "server under test",
      port: "its port",
      baseUsers: "users of the first schedule row (the whole plan's)",
      peakUsers: "extra users of the peak row",
      requestsPerMinute: "requests a minute for all users together",
    },
  },
  userDefinedVariables({ name: "Target", variables: { scheme: prop("scheme", "http"), host: prop("host", "127.0.0.1"), port: prop("port", 8080) } }),
  httpDefaults({ protocol: "${scheme}", host: "${host}", port: "${port}", connectTimeout: "5s", responseTimeout: "30s" }),
  ultimateThreadGroup(
    {
      name: "Readers",
      rows: [
        { threads: prop("baseUsers", 40), startup: "2m", hold: "30m", shutdown: "1m" },
        { threads: prop("peakUsers", 20), initialDelay: "10m", startup: "1m", hold: "5m", shutdown: "1m" },
      ],
    },
    constantThroughputTimer({ perMinute: prop("requestsPerMinute", 600), calcMode: "allThreadsInGroupShared" }),
    onceOnlyController({ name: "log in once" }, http.post("/api/sessions", { body: { type: "form", fields: { user: "reader-${__threadNum}" } } })),
    simpleController(
      { name: "browse" },
      uniformRandomTimer({ offset: "500ms", range: "2s" }),
      http.get("/api/articles"),
      throughputController({ name: "10% open an article", percent: 10, perThread: false }, http.get("/api/articles/${__Random(1,500)}")),
      throughputController({ name: "twice per user: search", total: 2 }, gaussianRandomTimer({ offset: "1s", deviation: "300ms" }), http.get("/api/search", { query: { q: "rate limits" } })),
    ),
    runtimeController({ name: "short burst", duration: "10s" }, http.get("/api/articles", { name: "burst GET /api/articles" })),
  ),
  tearDownThreadGroup({ name: "Clean-up" }, http.delete("/api/sessions")),
);
