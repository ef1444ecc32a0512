// WebSocket samplers (eu.luminis) in real JMeter 5.4.3 against a `ws` server that records what it sees:
// the upgrade, the frames written, answers the read samplers record, the close; one connection per thread
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { http, testPlan, threadGroup, wsClose, wsOpen, wsRead, wsRequestResponse, wsWrite } from "../../src/index.js";
import { runJmeter, type RunResult } from "./harness.js";

interface Conn {
  id: number;
  path: string;
  headers: IncomingHttpHeaders;
  frames: string[];
  close?: number;
}

let httpServer: Server;
let port = 0;
const conns: Conn[] = [];
let run: RunResult;

before(async () => {
  httpServer = createServer((_q, s) => s.end("ok"));
  const wss = new WebSocketServer({ server: httpServer });
  wss.on("connection", (ws, req) => {
    const c: Conn = { id: conns.length + 1, path: req.url ?? "", headers: req.headers, frames: [] };
    conns.push(c);
    ws.on("message", (data) => {
      const text = String(data);
      c.frames.push(text);
      ws.send(`echo ${c.id}: ${text}`);
    });
    ws.on("close", (code) => (c.close = code));
  });
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  port = (httpServer.address() as AddressInfo).port;
  const at = { server: "127.0.0.1", port };
  run = await runJmeter(
    testPlan(
      { name: "ws" },
      threadGroup(
        { name: "agents", threads: 2, loops: 1, rampUp: 0 },
        http.get("/warm", { host: "127.0.0.1", port }),
        wsOpen({ name: "open", ...at, path: "/api/v2/stream?agent=${__threadNum}", connectTimeout: 5000, readTimeout: 5000 }),
        wsWrite({ name: "write 1", data: "frame 1 of ${__threadNum}" }),
        wsRead({ name: "read 1", readTimeout: 5000 }),
        wsWrite({ name: "write 2", data: "frame 2 of ${__threadNum}" }),
        wsRead({ name: "read 2", readTimeout: 5000 }),
        wsRequestResponse({ name: "ask", data: "question of ${__threadNum}", readTimeout: 5000 }),
        wsClose({ name: "close", statusCode: 1000, readTimeout: 5000 }),
      ),
    ),
    // an XML -l file keeps the read samplers' response data
    { props: { "jmeter.save.saveservice.output_format": "xml", "jmeter.save.saveservice.response_data": "true" }, timeoutMs: 60_000 },
  );
});
after(() => new Promise<void>((r) => httpServer.close(() => r())));

interface XmlSample {
  lb: string;
  rc: string;
  tn: string;
  s: string;
  data: string;
}

function xmlSamples(file: string): XmlSample[] {
  const xml = readFileSync(file, "utf8");
  return [...xml.matchAll(/<(sample|httpSample) ([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[2] ?? "")?.[1] ?? "";
    const data = /<responseData class="java.lang.String">([\s\S]*?)<\/responseData>/.exec(m[3] ?? "")?.[1] ?? "";
    return { lb: attr("lb"), rc: attr("rc"), tn: attr("tn"), s: attr("s"), data: data.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">") };
  });
}

test("the run itself succeeded", () => {
  assert.equal(run.code, 0, run.stdout);
});

test("WebSocket: one upgrade per thread, on the declared path, reused by every sampler", () => {
  assert.equal(conns.length, 2, "one connection per thread");
  assert.deepEqual(conns.map((c) => c.path).sort(), ["/api/v2/stream?agent=1", "/api/v2/stream?agent=2"]);
  for (const c of conns) {
    assert.equal(c.headers.upgrade?.toLowerCase(), "websocket");
    const agent = c.path.slice(-1);
    assert.deepEqual(c.frames, [`frame 1 of ${agent}`, `frame 2 of ${agent}`, `question of ${agent}`], "every frame on the one connection, in order");
  }
});

test("WebSocket: the read samplers record the server's answers, and results say what the reference says", () => {
  const samples = xmlSamples(run.jtl);
  for (const agent of ["1", "2"]) {
    const c = conns.find((x) => x.path.endsWith(agent))!;
    const mine = samples.filter((s) => s.tn === `agents 1-${agent}`);
    const by = (lb: string) => mine.find((s) => s.lb === lb);
    assert.equal(by("open")?.rc, "101");
    assert.equal(by("write 1")?.rc, "200");
    assert.equal(by("read 1")?.data, `echo ${c.id}: frame 1 of ${agent}`);
    assert.equal(by("read 2")?.data, `echo ${c.id}: frame 2 of ${agent}`);
    assert.equal(by("ask")?.data, `echo ${c.id}: question of ${agent}`);
    assert.equal(by("close")?.rc, "1000");
    assert.ok(mine.every((s) => s.s === "true"), mine.filter((s) => s.s !== "true").map((s) => `${s.lb}: ${s.rc}`).join(", "));
  }
});

test("WebSocket: the close sampler closes the connection with its status code", async () => {
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(conns.map((c) => c.close), [1000, 1000]);
});
