import { z } from "zod";
import { element, node, PLUGINS, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";
import { readTimeout } from "../ws.js";

export const WsPingPong = element("wsPingPong", "WebSocket Ping/Pong", {
  /** "pingPong" sends a ping and waits for the pong; "pong" sends an unsolicited pong @default "pingPong" */
  type: z.enum(["pingPong", "pong"]).default("pingPong"),
  readTimeout,
});

export const def = { schema: WsPingPong, category: "sampler", contains: SAMPLER_CHILDREN, plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsPingPongProps = Omit<z.input<typeof WsPingPong>, "kind">;

/** Ping the server on the thread's WebSocket connection and wait for the pong. */
export function wsPingPong(props: WsPingPongProps = {}, ...children: Node[]) {
  return node("wsPingPong", props, children);
}
