// the lab server: HTTP/1.1 and WebSocket upgrades on loopback, every decision logged
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { acceptedHeaders, bodyTemplate, refusal, type Answer } from "./answer.js";
import { Limits, type Decision } from "./decide.js";
import { JsonlLog } from "./log.js";
import { record, type LogRecord } from "./log-record.js";
import type { Profile, Route } from "./profile.js";
import { matcher, type Matcher } from "./routes.js";
import { openSession, type Session } from "./session.js";
import { clock, sample, seeded } from "./values.js";

/** what the lab has decided so far */
export interface Counts {
  requests: number;
  accepted: number;
  /** refusals by limiter name */
  rejected: Record<string, number>;
  errors: number;
  openStreams: number;
  /** refusals being held right now */
  held: number;
}

type Base = Pick<LogRecord, "id" | "t0" | "method" | "path" | "tenant"> & { route?: string };

/** what a request's log line will say, filled in as it is decided and answered */
interface Pending {
  extra: Partial<LogRecord> & Pick<LogRecord, "decision">;
  status: number;
  t1: number;
  release?: () => void;
}

/** an upgrade request on its way to becoming a session */
interface Upgrade {
  b: Base;
  x: Pending;
  log: (status: number, aborted?: boolean, t1?: number) => void;
  route: Extract<Route, { kind: "websocket" }>;
  params: Record<string, string>;
  d: Extract<Decision, { ok: true }>;
}

const once = (fn: () => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
};

const KEY = /^[+/0-9A-Za-z]{22}==$/;
const pathOf = (url: string | undefined) => (url ?? "/").split("?")[0]!.slice(0, 2048);

export class Lab {
  readonly server: Server;
  private wss: WebSocketServer;
  private limits: Limits;
  private match: Matcher;
  private rand: () => number;
  private bodies = new Map<string, ReturnType<typeof bodyTemplate>>();
  private sockets = new Set<Duplex>();
  private sessions = new Set<Session>();
  private holds = new Set<() => void>();
  private pendingUpgrades = new Map<Duplex, () => void>();
  private seq = 0;
  private c: Counts;
  /** requests and upgrades whose log line is not written yet */
  private unlogged = 0;
  private drained: (() => void) | undefined;

  constructor(
    readonly profile: Profile,
    private log: JsonlLog,
  ) {
    const s = profile.server;
    this.limits = new Limits(profile);
    this.match = matcher(profile.routes);
    this.rand = seeded(profile.seed);
    this.c = { requests: 0, accepted: 0, rejected: Object.fromEntries(profile.limiters.map((l) => [l.name, 0])), errors: 0, openStreams: 0, held: 0 };
    for (const r of profile.routes) if (r.kind === "http") this.bodies.set(r.name, bodyTemplate(r.body));
    this.server = createServer({
      maxHeaderSize: s.maxHeaderBytes,
      headersTimeout: s.headersTimeout,
      requestTimeout: Math.max(s.headersTimeout, 30_000),
      keepAliveTimeout: s.keepAliveTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, s.headersTimeout / 4)),
      noDelay: true,
    });
    this.server.maxConnections = s.maxConnections;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: s.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    // ws found the handshake invalid after our checks (a bad subprotocol or extension list): answer 400;
    // these come after the limiters, so unlike the lab's own checks they have spent
    this.wss.on("wsClientError", (_err, socket) => {
      const fail = this.pendingUpgrades.get(socket);
      this.pendingUpgrades.delete(socket);
      if (fail) fail();
      else socket.destroy();
    });
    this.server.on("connection", (sock: Socket) => this.track(sock));
    this.server.on("request", (req, res) => this.onRequest(req, res));
    this.server.on("upgrade", (req, sock, head) => this.onUpgrade(req, sock, head));
    this.server.on("clientError", (err: NodeJS.ErrnoException, sock: Duplex) => this.onClientError(err, sock));
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.removeListener("error", reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  counts(): Counts {
    return { ...this.c, rejected: { ...this.c.rejected } };
  }

  /** limiter state entries held (bounded by maxTenants per limiter) */
  keysHeld(): number {
    return this.limits.keysHeld();
  }

  private track(sock: Duplex) {
    if (this.sockets.has(sock)) return;
    this.sockets.add(sock);
    sock.on("error", () => {});
    sock.once("close", () => {
      this.sockets.delete(sock);
      this.pendingUpgrades.delete(sock);
    });
  }

  private base(req: IncomingMessage, t0: number): Base {
    return { id: ++this.seq, t0, method: req.method ?? null, path: pathOf(req.url), tenant: this.limits.tenant(req.headers) };
  }

  private settle() {
    if (--this.unlogged === 0) this.drained?.();
  }

  private write(r: LogRecord) {
    this.c.requests += r.event === "close" ? 0 : 1;
    if (r.decision === "accepted" && r.event !== "close") this.c.accepted++;
    else if (r.decision === "rejected" && r.limiter) this.c.rejected[r.limiter] = (this.c.rejected[r.limiter] ?? 0) + 1;
    else if (r.decision === "error") this.c.errors++;
    this.log.write(r);
  }

  /** hold a refusal when its limiter says so; returns the delay chosen */
  private holdFor(d: Extract<Decision, { ok: false }>): number {
    const h = d.policy.spec.reject.hold;
    return h && this.rand() < h.share ? sample(h.delay, this.rand) : 0;
  }

  /** run `fn` no sooner than `ms` from now by the wall clock (a busy loop's timers can fire early) */
  private later(ms: number, fn: () => void, onCancel: (cancel: () => void) => void) {
    if (ms <= 0) return fn();
    const due = clock() + ms;
    const cancel = () => {
      clearTimeout(t);
      this.holds.delete(cancel);
    };
    const fire = () => {
      const left = due - clock();
      if (left > 0) {
        t = setTimeout(fire, Math.max(1, Math.ceil(left)));
        return;
      }
      this.holds.delete(cancel);
      fn();
    };
    let t = setTimeout(fire, ms);
    this.holds.add(cancel);
    onCancel(cancel);
  }

  // plain HTTP: every request is logged once, when its response closes (finished or cut off)

  private onRequest(req: IncomingMessage, res: ServerResponse) {
    const b = this.base(req, clock());
    const x: Pending = { extra: { decision: "error" }, status: 0, t1: 0 };
    res.once("finish", () => (x.t1 = clock()));
    this.unlogged++;
    res.once("close", () => {
      x.release?.();
      const done = res.writableFinished;
      const t1 = done ? x.t1 : clock();
      const heldMs = !done && x.extra.heldMs ? { heldMs: t1 - b.t0 } : {};
      this.write(record({ event: "request", ...b, t1, status: done ? x.status : 0, aborted: !done, ...x.extra, ...heldMs }));
      this.settle();
    });
    const method = b.method ?? "GET";
    const m = this.match("http", method, b.path!);
    if (!m) {
      const ws = this.match("websocket", method, b.path!);
      return this.httpFail(req, res, x, ws ? 426 : 404, ws ? "E_UPGRADE_REQUIRED" : "E_NO_ROUTE");
    }
    b.route = m.route.name;
    const max = this.profile.server.maxBodyBytes;
    if (Number(req.headers["content-length"] ?? 0) > max) return this.httpFail(req, res, x, 413, "E_BODY_TOO_LARGE");
    const d = this.limits.decide(m.route.name, method, req.headers, b.tenant, b.t0);
    if (!d.ok) return this.httpReject(req, res, b, x, d);
    x.release = once(() => d.taken.forEach((t) => t.policy.gate.release(t.key)));
    x.extra = { decision: "accepted" };
    const route = m.route as Extract<Route, { kind: "http" }>;
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max || res.headersSent) return;
      this.httpFail(req, res, x, 413, "E_BODY_TOO_LARGE");
      req.destroy();
    });
    const body = this.bodies.get(route.name)!;
    let pending = 2;
    const go = () => {
      if (--pending > 0 || res.headersSent) return;
      const headers = { "Content-Type": body.type, ...acceptedHeaders(this.profile, d, clock()), ...route.headers };
      this.answer(res, x, { status: route.status, headers, body: body.fill({ seq: b.id, params: m.params }) });
    };
    if (req.complete) go();
    else req.once("end", go);
    this.later(sample(route.latency, this.rand), go, (cancel) => res.once("close", cancel));
  }

  private httpReject(req: IncomingMessage, res: ServerResponse, b: Base, x: Pending, d: Extract<Decision, { ok: false }>) {
    req.resume();
    const held = this.holdFor(d);
    x.extra = { decision: "rejected", limiter: d.policy.spec.name, retryAfter: d.retryAfter, heldMs: held };
    const a = refusal(this.profile, d.policy, d.verdict, d.retryAfter, b.t0);
    this.held(held, () => this.answer(res, x, a), (abort) => res.once("close", abort));
  }

  private httpFail(req: IncomingMessage, res: ServerResponse, x: Pending, status: number, error: string) {
    req.resume();
    x.extra = { decision: "error", error };
    this.answer(res, x, { status, headers: { "Content-Type": "application/json", Connection: "close" }, body: JSON.stringify({ error: STATUS_CODES[status], status }) });
  }

  private answer(res: ServerResponse, x: Pending, a: Answer) {
    if (res.headersSent || res.destroyed) return;
    x.status = a.status;
    res.writeHead(a.status, { ...a.headers, "Content-Length": Buffer.byteLength(a.body) });
    res.end(a.body);
  }

  /** run `fire` after `ms` (a held refusal, counted while it waits); `onAbort` registers the cancel */
  private held(ms: number, fire: () => void, onAbort: (abort: () => void) => void) {
    if (ms <= 0) return fire();
    this.c.held++;
    let done = false;
    const end = () => {
      if (done) return false;
      done = true;
      this.c.held--;
      return true;
    };
    this.later(ms, () => end() && fire(), (cancel) => onAbort(() => end() && cancel()));
  }

  // WebSocket upgrades: logged when answered (101 or a refusal), or when the client leaves first

  private onUpgrade(req: IncomingMessage, sock: Duplex, head: Buffer) {
    this.track(sock);
    const b = this.base(req, clock());
    const x: Pending = { extra: { decision: "error" }, status: 0, t1: 0 };
    let logged = false;
    this.unlogged++;
    const log = (status: number, aborted = false, t1 = clock()) => {
      if (logged) return;
      logged = true;
      const heldMs = aborted && x.extra.heldMs ? { heldMs: t1 - b.t0 } : {};
      this.write(record({ event: "upgrade", ...b, t1, status, aborted, ...x.extra, ...heldMs }));
      this.settle();
    };
    sock.once("close", () => {
      x.release?.();
      log(0, true);
    });
    const h = req.headers;
    const bad =
      req.method !== "GET" ||
      (h.upgrade ?? "").toLowerCase() !== "websocket" ||
      !KEY.test(h["sec-websocket-key"] ?? "") ||
      !["13", "8"].includes(h["sec-websocket-version"] ?? "");
    const m = bad ? undefined : this.match("websocket", "GET", b.path!);
    if (!m) return this.rawFail(sock, x, log, bad ? 400 : 404, bad ? "E_BAD_UPGRADE" : "E_NO_ROUTE");
    b.route = m.route.name;
    const route = m.route as Extract<Route, { kind: "websocket" }>;
    const d = this.limits.decide(route.name, "GET", h, b.tenant, b.t0);
    if (!d.ok) {
      const held = this.holdFor(d);
      x.extra = { decision: "rejected", limiter: d.policy.spec.name, retryAfter: d.retryAfter, heldMs: held };
      const a = refusal(this.profile, d.policy, d.verdict, d.retryAfter, b.t0);
      return this.held(held, () => this.rawAnswer(sock, a, log), (abort) => sock.once("close", abort));
    }
    this.accept(req, sock, head, { b, x, log, route, params: m.params, d });
  }

  /** an accepted upgrade: the 101 after the route's latency, then the session until it closes */
  private accept(req: IncomingMessage, sock: Duplex, head: Buffer, u: Upgrade) {
    const { b, x, log, route, d } = u;
    x.release = once(() => d.taken.forEach((t) => t.policy.gate.release(t.key)));
    x.extra = { decision: "accepted" };
    this.pendingUpgrades.set(sock, () => this.rawFail(sock, x, log, 400, "E_BAD_UPGRADE"));
    const up = () => {
      if (sock.destroyed) return;
      this.wss.handleUpgrade(req, sock, head, (ws) => {
        this.pendingUpgrades.delete(sock);
        const t1 = clock();
        log(101, false, t1);
        this.c.openStreams++;
        this.unlogged++;
        const s = openSession(ws, route, { seq: b.id, params: u.params }, (framesIn, framesOut, code) => {
          this.sessions.delete(s);
          this.c.openStreams--;
          this.write(record({ event: "close", ...b, t0: t1, t1: clock(), decision: "accepted", status: code, framesIn, framesOut }));
          x.release?.();
          this.settle();
        });
        this.sessions.add(s);
      });
    };
    this.later(sample(route.latency, this.rand), up, (cancel) => sock.once("close", cancel));
  }

  private rawAnswer(sock: Duplex, a: Answer, log: (status: number) => void) {
    if (!sock.writable) return sock.destroy();
    const headers = { ...a.headers, "Content-Length": String(Buffer.byteLength(a.body)), Connection: "close" };
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
    sock.end(`HTTP/1.1 ${a.status} ${STATUS_CODES[a.status] ?? ""}\r\n${lines.join("")}\r\n${a.body}`);
    log(a.status);
  }

  private rawFail(sock: Duplex, x: Pending, log: (status: number) => void, status: number, error: string) {
    x.extra = { decision: "error", error };
    this.rawAnswer(sock, { status, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error: STATUS_CODES[status], status }) }, log);
  }

  // bytes that never became a request

  private onClientError(err: NodeJS.ErrnoException, sock: Duplex) {
    if (err.code === "ECONNRESET" || !sock.writable) return sock.destroy();
    const [status, error] =
      err.code === "HPE_HEADER_OVERFLOW" ? [431, "E_HEADERS_TOO_LARGE"] : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "E_TIMEOUT"] : [400, "E_PARSE"];
    const t = clock();
    sock.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    this.write(record({ event: "error", id: ++this.seq, t0: t, t1: t, decision: "error", status, error }));
  }

  /** Stop listening, close sessions (1001) and connections, answer nothing more, flush the log. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    for (const cancel of [...this.holds]) cancel();
    await Promise.all([...this.sessions].map((s) => s.shutdown(300)));
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
    if (this.unlogged > 0) {
      await new Promise<void>((r) => {
        this.drained = r;
        setTimeout(r, 1000).unref();
      });
    }
    this.log.close();
  }
}
