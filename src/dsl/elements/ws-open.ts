import type { z } from "zod";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { connection, readTimeout } from "../ws.js";

export const WsOpen = element("wsOpen", "WebSocket Open Connection", { ...connection, readTimeout });

export const def = { schema: WsOpen, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsOpenProps = Omit<z.input<typeof WsOpen>, "kind">;

/** Open a WebSocket connection for this thread, closing any it had; later WebSocket samplers reuse it. */
export function wsOpen(props: WsOpenProps, ...children: Node[]) {
  return node("wsOpen", props, children);
}
