import type { z } from "zod";
import { int } from "../expr.js";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { readTimeout } from "../ws.js";

export const WsClose = element("wsClose", "WebSocket Close", {
  /** close status sent @default 1000 */
  statusCode: int(1000).default(1000),
  readTimeout,
});

export const def = { schema: WsClose, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsCloseProps = Omit<z.input<typeof WsClose>, "kind">;

/** Close the thread's WebSocket connection and wait for the server's close frame. */
export function wsClose(props: WsCloseProps = {}, ...children: Node[]) {
  return node("wsClose", props, children);
}
