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
const frameCount = (nodes: JmxNode[]): number => nodes.reduce((a, n) => a + (FRAME.test(cls(n)) ? 1 : 0) + frameCount(n.children), 0);
const loopsInside = (nodes: JmxNode[]): boolean => nodes.some((n) => /^(LoopController|WhileController|RunTime|ForeachController)$/.test(n.tag) || loopsInside(n.children));

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
        // the iteration's own container: frames sent on this connection before the iteration ends
        const container = l.ancestors.at(-1)!;
        const after = container.children.slice(container.children.indexOf(l.node));
        return !loopsInside(after) && frameCount(after) <= 1;
      })
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "every iteration opens a new WebSocket connection (a new upgrade handshake against the connection limit) and uses it for at most one frame",
        fix: "open the connection once per thread (wsOpen inside onceOnly(...)) and keep it: loop over the frames, close it at the end",
      })),
};
