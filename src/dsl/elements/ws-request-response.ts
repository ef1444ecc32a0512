import type { z } from "zod";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { connection, createNewConnection, payload, readTimeout } from "../ws.js";

export const WsRequestResponse = element("wsRequestResponse", "WebSocket request-response Sampler", {
  ...connection,
  ...payload,
  createNewConnection,
  readTimeout,
});

export const def = { schema: WsRequestResponse, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsRequestResponseProps = Omit<z.input<typeof WsRequestResponse>, "kind">;

/** Send one frame on the thread's WebSocket connection and wait for the next frame back. */
export function wsRequestResponse(props: WsRequestResponseProps, ...children: Node[]) {
  return node("wsRequestResponse", props, children);
}
