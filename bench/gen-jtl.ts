// deterministic JTL files for the benchmark: JMeter 5.4.3 default CSV columns (or XML), rows in completion
// order, a rate-limited API's mix of 200s, 429s with Retry-After, and timeouts
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { seeded as rng } from "../src/lab/values.js";

const LABELS = ["GET /orders", "POST /orders", "GET /orders/{id}", "PUT /orders/{id}", "GET /users/me", "GET /catalog",
  "GET /catalog/{id}", "POST /cart", "DELETE /cart/{id}", "GET /search", "WebSocket Open Connection", "WebSocket request-response"];
const OTHER_ERRORS: [string, string][] = [["503", "Service Unavailable"], ["500", "Internal Server Error"], ["502", "Bad Gateway"],
  ["Non HTTP response code: org.apache.http.NoHttpResponseException", "Non HTTP response message: api.example.com:443 failed to respond"], ["504", "Gateway Timeout"]];
const HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

interface Row { ts: number; elapsed: number; label: string; code: string; message: string; thread: string; ok: boolean; bytes: number; sent: number; threads: number; url: string; latency: number; connect: number; retryAfter: number }

/** rows of a 200-thread test at ~2,000 samples/s, a quarter of them throttled */
function* rows(n: number, seed: number): Generator<Row> {
  const r = rng(seed);
  let clock = 1_767_225_600_000;
  for (let i = 0; i < n; i++) {
    clock += r() < 0.5 ? 0 : 1;
    const li = Math.floor(r() * LABELS.length);
    const label = LABELS[li]!;
    const x = r();
    const throttled = x < 0.25;
    const timeout = x > 0.998;
    // at least five kinds of error per label: JMeter 5.4.3's report generator fails on Java 17 with fewer
    const other = !throttled && !timeout && x < 0.265 ? OTHER_ERRORS[Math.floor((x - 0.25) / 0.003)]! : undefined;
    const elapsed = timeout ? 30_000 : throttled ? 2 + Math.floor(r() * 8) : 20 + Math.floor(r() * r() * 900);
    const code = timeout ? "Non HTTP response code: java.net.SocketTimeoutException" : throttled ? "429" : other ? other[0] : li === 10 ? "101" : "200";
    const message = timeout ? "Non HTTP response message: Read timed out" : throttled ? "Too Many Requests" : other ? other[1] : li === 10 ? "Switching Protocols" : "OK";
    const id = 1000 + Math.floor(r() * 500);
    const url = li >= 10 ? "null" : `https://api.example.com/v1${label.slice(label.indexOf(" ") + 1).replace("{id}", String(id))}`;
    const connect = r() < 0.05 ? 1 + Math.floor(r() * 40) : 0;
    yield {
      ts: clock - elapsed, elapsed, label, code, message, thread: `Users 1-${1 + Math.floor(r() * 200)}`, ok: !throttled && !timeout && !other,
      bytes: throttled ? 312 : 800 + Math.floor(r() * 4000), sent: 180 + Math.floor(r() * 300), threads: 200, url,
      latency: Math.max(0, elapsed - Math.floor(r() * 5)), connect, retryAfter: throttled ? 1 + Math.floor(r() * 30) : 0,
    };
  }
}

function csvLine(w: Row): string {
  return `${w.ts},${w.elapsed},${w.label},${w.code},${w.message},${w.thread},text,${w.ok},,${w.bytes},${w.sent},${w.threads},${w.threads},${w.url},${w.latency},0,${w.connect}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function xmlSample(w: Row): string {
  const tag = w.url === "null" ? "sample" : "httpSample";
  const head = `<${tag} t="${w.elapsed}" it="0" lt="${w.latency}" ct="${w.connect}" ts="${w.ts}" s="${w.ok}" lb="${esc(w.label)}" rc="${esc(w.code)}" rm="${esc(w.message)}" tn="${w.thread}" dt="text" by="${w.bytes}" sby="${w.sent}" ng="${w.threads}" na="${w.threads}">\n`;
  const hdr = w.retryAfter
    ? `  <responseHeader class="java.lang.String">HTTP/1.1 429 Too Many Requests\nRetry-After: ${w.retryAfter}\nX-RateLimit-Limit: 100\nX-RateLimit-Remaining: 0\n</responseHeader>\n`
    : `  <responseHeader class="java.lang.String">HTTP/1.1 ${w.code} ${esc(w.message)}\nContent-Type: application/json\nX-RateLimit-Remaining: ${w.bytes % 100}\n</responseHeader>\n`;
  const data = `  <responseData class="java.lang.String">{"id":${w.bytes},"items":[1,2,3],"note":"${"x".repeat(w.bytes % 200)}"}</responseData>\n`;
  const url = w.url === "null" ? "" : `  <java.net.URL>${w.url}</java.net.URL>\n`;
  return head + hdr + data + url + `</${tag}>\n`;
}

/** Write `path` with `n` rows unless it already exists with content; returns its size in bytes. */
export async function generate(path: string, n: number, format: "csv" | "xml", seed = 42): Promise<number> {
  if (existsSync(path) && statSync(path).size > 0) return statSync(path).size;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s: string) => new Promise<void>((res) => (out.write(s) ? res() : out.once("drain", res)));
  await write(format === "csv" ? HEADER + "\n" : '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n');
  let buf = "";
  for (const w of rows(n, seed)) {
    buf += format === "csv" ? csvLine(w) : xmlSample(w);
    if (buf.length > 1 << 20) { await write(buf); buf = ""; }
  }
  await write(buf + (format === "xml" ? "</testResults>\n" : ""));
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  renameSync(tmp, path);
  return statSync(path).size;
}
