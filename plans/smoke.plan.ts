import { testPlan, threadGroup, http, prop } from "jmxplan";

export default testPlan(
  { name: "Smoke", variables: { host: prop("host", "127.0.0.1") } },
  threadGroup({ name: "Users", threads: prop("users", 2), rampUp: "10s", loops: 3 },
    http.post("/api/x", { host: "${host}", port: 8080, body: { type: "json", value: { a: "b&<'\"" } }, connectTimeout: "5s" }),
  ),
);
