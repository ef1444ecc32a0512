import type { JmxNode } from "../../jmx/read.js";
import { cls, groupOf, text, type Rule } from "../rule.js";

const FRAME = /^(SingleWriteWebSocketSampler|SingleReadWebSocketSampler|RequestResponseWebSocketSampler|PingPongSampler)$/;

/** does the group run more than one iteration per thread? */
function iterates(g: JmxNode): boolean {
  if (!/^(ThreadGroup|SetupThreadGroup|PostThreadGroup)$/.test(cls(g))) return true;
  const mc = g.props.find((p) => p.attrs.name === "ThreadGroup.main_controller");
  const loops = mc?.children.find((p) => p.attrs.name === "LoopController.loops")?.text.trim();
  return loops !== "1";
}

const opens = (n: JmxNode) => cls(n) === "OpenWebSocketSampler" || (FRAME.test(cls(n)) && text(n, "createNewConnection") === "true");
const LOOP = /^(LoopController|WhileController|RunTime|ForeachController)$/;

/** enabled elements under `g` in document order, with their ancestors inside it */
function flatten(g: JmxNode): { node: JmxNode; ancestors: JmxNode[] }[] {
  const out: { node: JmxNode; ancestors: JmxNode[] }[] = [];
  const walk = (n: JmxNode, anc: JmxNode[]) => {
    for (const c of n.children) {
      if (c.attrs.enabled === "false") continue;
      out.push({ node: c, ancestors: anc });
      walk(c, [...anc, c]);
    }
  };
  walk(g, []);
  return out;
}

export const websocketReopen: Rule = {
  id: "websocket-reopen",
  severity: "warning",
  title: "a WebSocket connection re-opened every iteration instead of kept",
  check: (ctx) =>
    ctx.elements
      .filter((l) => opens(l.node) && !l.ancestors.some((a) => a.tag === "OnceOnlyController"))
      .filter((l) => {
        const g = groupOf(l);
        if (!g || !iterates(g)) return false;
        // what the iteration does on this connection: the group's elements after the open, up to a close
        const order = flatten(g);
        const from = order.findIndex((x) => x.node === l.node);
        const rest: { node: JmxNode; ancestors: JmxNode[] }[] = [];
        for (const x of order.slice(from + 1)) {
          if (cls(x.node) === "CloseWebSocketSampler" || opens(x.node)) break;
          rest.push(x);
        }
        const frames = rest.filter((x) => FRAME.test(cls(x.node)));
        const looped = frames.some((x) => x.ancestors.some((a) => LOOP.test(a.tag) && !l.ancestors.includes(a)));
        // a request-response (or write) that opens the connection sends a frame itself
        const own = FRAME.test(cls(l.node)) ? 1 : 0;
        return !looped && frames.length + own <= 1;
      })
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "every iteration opens a new WebSocket connection (a new upgrade handshake against the connection limit) and uses it for at most one frame",
        fix: "open the connection once per thread (wsOpen inside onceOnly(...)) and keep it: loop over the frames, close it at the end",
      })),
};
