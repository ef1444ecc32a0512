import type { z } from "zod";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { connection, createNewConnection, payload } from "../ws.js";

export const WsWrite = element("wsWrite", "WebSocket Single Write Sampler", { ...connection, ...payload, createNewConnection });

export const def = { schema: WsWrite, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsWriteProps = Omit<z.input<typeof WsWrite>, "kind">;

/** Send one frame on the thread's WebSocket connection without waiting for an answer. */
export function wsWrite(props: WsWriteProps, ...children: Node[]) {
  return node("wsWrite", props, children);
}
