// The user's case (shared/seed-scenario.md): agents start screen recordings with a POST, then stream
// frames over a WebSocket. Runs unchanged against the lab server on 127.0.0.1:8080.
import {
  concurrencyThreadGroup,
  constantTimer,
  headerManager,
  http,
  httpDefaults,
  ifController,
  jexl,
  jitter,
  jsonExtractor,
  loopController,
  prop,
  resultsWriter,
  retryAfter,
  stage,
  testPlan,
  throughputShapingTimer,
  wsClose,
  wsOpen,
  wsRead,
  wsTextFrameFilter,
  wsWrite,
} from "jmxplan";

const recordings = "/api/v2/interactions/screen-recordings";
const retry = { codes: [429, 503], maxRetries: prop("retries", 3), fallback: "2s", cap: "60s", jitter: { min: "0ms", max: "500ms" } };
const ws = { tls: jexl(`"${prop("scheme", "http")}" == "https"`), server: prop("host", "127.0.0.1"), port: prop("port", 8080), connectTimeout: "10s" };

export default testPlan(
  {
    name: "Screen recordings: 200 agents, POST then WebSocket stream",
    knobs: {
      scheme: "http or https (the WebSocket uses wss with https)",
      host: "server under test",
      port: "its port",
      token: "OAuth bearer token sent as Authorization",
      agents: "concurrent agents at the top of the ramp",
      ramp_steps: "ramp steps of agents/steps each: 4 gives 50 -> 100 -> 150 -> 200",
      rampup: "seconds to reach all agents",
      hold: "seconds to hold all agents",
      sessions: "recording sessions per agent; empty runs them back to back until the end",
      load_profile: "session starts per second, e.g. line(1,5,240s) const(5,300s); replaces the timer's profile",
      start_jitter_ms: "most random delay before an agent creates its recording",
      retries: "retries of a 429/503 after the first attempt",
      frames: "frames each agent writes and reads per session",
      frame_interval_ms: "pause before each frame",
      results: "result file (CSV)",
    },
  },
  httpDefaults({ protocol: prop("scheme", "http"), host: prop("host", "127.0.0.1"), port: prop("port", 8080), connectTimeout: "10s", responseTimeout: "30s" }),
  concurrencyThreadGroup(
    { name: "Agents", target: prop("agents", 200), steps: prop("ramp_steps", 4), rampUp: prop("rampup", 240), hold: prop("hold", 300), iterations: prop("sessions", ""), unit: "S" },
    retryAfter(
      retry,
      http.post(
        recordings,
        {
          name: "POST screen-recordings",
          headers: { Authorization: `Bearer ${prop("token", "test-token")}` },
          body: { type: "json", value: { agentId: "agent-${__threadNum}", conversationId: "${__UUID()}", mediaType: "screen" } },
        },
        jitter({ name: "start jitter", min: 0, max: prop("start_jitter_ms", 2000) }),
        throughputShapingTimer({ name: "session starts", stages: [stage.line(1, 5, "4m"), stage.const(5, "5m")] }),
        jsonExtractor({ name: "recording id", variable: "recordingId", path: "$.id", defaultValue: "NOT_FOUND" }),
      ),
    ),
    ifController(
      { name: "if the recording was created", groovy: 'vars.get("recordingId") != "NOT_FOUND"' },
      retryAfter(retry, wsOpen({ name: "WS open stream", ...ws, path: `${recordings}/\${recordingId}/stream`, readTimeout: "10s" }, headerManager({ name: "token on the upgrade", headers: { Authorization: `Bearer ${prop("token", "test-token")}` } }))),
      ifController(
        { name: "if the stream is open", condition: "${JMeterThread.last_sample_ok}" },
        loopController(
          { name: "frames", loops: prop("frames", 30) },
          wsWrite({ name: "WS write frame", data: '{"type":"frame","recordingId":"${recordingId}","seq":${__counter(TRUE,)}}' }, constantTimer({ name: "frame interval", delay: prop("frame_interval_ms", 1000) })),
          wsRead({ name: "WS read frame", readTimeout: "5s" }),
        ),
        // the stream keeps pushing text frames; the close sampler must pass over them to see the close frame
        wsClose({ name: "WS close stream", statusCode: 1000 }, wsTextFrameFilter({ name: "skip pushed frames" })),
      ),
    ),
  ),
  resultsWriter({ name: "results for jmxplan analyse", file: prop("results", "results/screen-recording.jtl") }),
);
