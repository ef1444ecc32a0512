// one accepted WebSocket session: echo, server-pushed frames, a time limit
import type { WebSocket } from "ws";
import { template, type Fill } from "./answer.js";
import type { Route } from "./profile.js";

const MAX_BUFFERED = 1 << 20;

export interface Session {
  /** close with 1001 and wait up to `ms` for the close handshake, then cut the connection */
  shutdown(ms: number): Promise<void>;
}

export function openSession(
  ws: WebSocket,
  route: Extract<Route, { kind: "websocket" }>,
  fill: Fill,
  onClose: (framesIn: number, framesOut: number, code: number) => void,
): Session {
  let framesIn = 0;
  let framesOut = 0;
  const push = template(route.push);
  const timers: NodeJS.Timeout[] = [];
  // the code the server closed with after a bad frame (ws reports 1006 for its own abrupt close)
  let sent: number | undefined;
  ws.on("error", (e: Error & { code?: string }) => {
    sent ??= e.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? 1009 : e.code === "WS_ERR_INVALID_UTF8" ? 1007 : 1002;
  });
  ws.on("message", (data, isBinary) => {
    framesIn++;
    if (!route.echo || ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_BUFFERED) return;
    ws.send(data, { binary: isBinary });
    framesOut++;
  });
  if (route.pushEvery !== undefined && route.pushEvery > 0) {
    let n = 0;
    timers.push(
      setInterval(() => {
        // a client that does not read gets no more frames until it catches up: memory stays bounded
        if (ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_BUFFERED) return;
        ws.send(push({ seq: ++n, params: fill.params }));
        framesOut++;
      }, route.pushEvery),
    );
  }
  if (route.closeAfter !== undefined) timers.push(setTimeout(() => ws.close(1000, "session time limit"), route.closeAfter));
  const closed = new Promise<void>((resolve) =>
    ws.once("close", (code) => {
      for (const t of timers) clearTimeout(t);
      onClose(framesIn, framesOut, sent ?? code);
      resolve();
    }),
  );
  return {
    async shutdown(ms) {
      if (ws.readyState === ws.OPEN) ws.close(1001, "lab stopping");
      const t = setTimeout(() => ws.terminate(), ms);
      await closed;
      clearTimeout(t);
    },
  };
}
