// property groups of the eu.luminis WebSocket samplers, in the order their GUIs write them (1.2.8)
import { PLUGIN_PREFIX } from "../dsl/ws.js";
import type { Entry, JmxElement, Prop } from "./tree.js";
import { attrs, bool, str, text } from "./tree.js";
import { comments } from "./common.js";

interface Conn {
  tls: boolean | string;
  server: string;
  port: number | string;
  path: string;
  connectTimeout: number | string;
}

/** TLS, server, port, path, connectTimeout; an expression TLS is a stringProp, read as a boolean at run time */
export const connectionProps = (el: Conn): Prop[] => [
  typeof el.tls === "boolean" ? bool("TLS", el.tls) : str("TLS", el.tls),
  str("server", el.server),
  str("port", text(el.port)),
  str("path", el.path),
  str("connectTimeout", text(el.connectTimeout)),
];

/** binaryPayload and requestData */
export const payloadProps = (el: { binary: boolean; data: string }): Prop[] => [bool("binaryPayload", el.binary), str("requestData", el.data)];

/** loadDataFromFile and dataFile */
export const fileProps = (el: { file?: string | undefined }): Prop[] => [bool("loadDataFromFile", el.file !== undefined), str("dataFile", el.file ?? "")];

/** a WebSocket sampler element: tag, gui and test class from the plugin's class name */
export function wsSampler(cls: string, el: { name: string; enabled: boolean; comment: string }, props: Prop[], tree: Entry[]): Entry[] {
  const fq = PLUGIN_PREFIX + cls;
  const element: JmxElement = { tag: fq, attrs: attrs(fq, `${fq}Gui`, el), props: [...props, ...comments(el)] };
  return [{ element, tree }];
}
