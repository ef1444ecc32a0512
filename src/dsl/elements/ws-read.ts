import { z } from "zod";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { connection, createNewConnection, readTimeout } from "../ws.js";

export const WsRead = element("wsRead", "WebSocket Single Read Sampler", {
  ...connection,
  createNewConnection,
  readTimeout,
  /** a read timeout is not an error (response code "No response") @default false */
  optional: z.boolean().default(false),
  /** frame type expected @default "text" */
  dataType: z.enum(["text", "binary", "any"]).default("text"),
});

export const def = { schema: WsRead, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsReadProps = Omit<z.input<typeof WsRead>, "kind">;

/** Wait for one frame on the thread's WebSocket connection. */
export function wsRead(props: WsReadProps = {}, ...children: Node[]) {
  return node("wsRead", props, children);
}
