// Shoppers arrive at a fixed rate whatever the response times; the order step is capped by a
// Precise Throughput Timer. Runs unchanged against the lab server on 127.0.0.1:8080.
import {
  arrivalsThreadGroup,
  http,
  httpDefaults,
  ifController,
  jitter,
  jsonExtractor,
  loopController,
  preciseThroughputTimer,
  prop,
  setUpThreadGroup,
  testPlan,
  transactionController,
  whileController,
} from "jmxplan";

export default testPlan(
  {
    name: "Checkout at a fixed arrival rate",
    variables: { scheme: prop("scheme", "http"), host: prop("host", "127.0.0.1"), port: prop("port", 8080) },
    knobs: {
      scheme: "http or https",
      host: "server under test",
      port: "its port",
      arrivals: "shopper sessions started per second (the whole plan's)",
      maxShoppers: "most sessions running at once",
      ordersPerHour: "cap on POST /api/orders for the thread group",
    },
  },
  httpDefaults({ protocol: "${scheme}", host: "${host}", port: "${port}", connectTimeout: "5s", responseTimeout: "30s" }),
  setUpThreadGroup({ name: "Warm-up" }, http.get("/api/products", { query: { page: 1 } })),
  arrivalsThreadGroup(
    { name: "Shoppers", rate: prop("arrivals", 5), rampUp: "1m", steps: 4, hold: "5m", concurrencyLimit: prop("maxShoppers", 200) },
    transactionController(
      { name: "TX browse", includeTimers: false },
      jitter({ min: "200ms", max: "1s" }),
      http.get("/api/products", { query: { page: "${__Random(1,5)}" } }),
      loopController({ name: "view items", loops: 3 }, http.get("/api/products/${__Random(1,100)}")),
    ),
    ifController(
      { name: "if the cart is worth ordering", jexl: '${__Random(1,100)} <= 30' },
      transactionController(
        { name: "TX order", parent: true },
        http.post("/api/orders", { body: { type: "json", value: { sku: "${__Random(1,100)}", qty: 1 } } }, jsonExtractor({ variable: "orderId", path: "$.id", defaultValue: "NONE" }), preciseThroughputTimer({ throughput: prop("ordersPerHour", 3600), period: "1h", duration: "1h" })),
        whileController(
          { name: "poll", groovy: 'vars.get("orderStatus") != "done" && (vars.get("__jm__poll__idx") ?: "0").toInteger() < 5' },
          jitter({ min: "500ms", max: "1500ms" }),
          http.get("/api/orders/${orderId}", { name: "GET /api/orders/{id}" }, jsonExtractor({ variable: "orderStatus", path: "$.status", defaultValue: "unknown" })),
        ),
      ),
    ),
  ),
);
