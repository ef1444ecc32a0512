import { isHttp, text, type Rule } from "../rule.js";
import { inScope } from "./retry.js";

const isDefaults = (n: { tag: string; attrs: Record<string, string> }) => n.tag === "ConfigTestElement" && n.attrs.guiclass === "HttpDefaultsGui";
const has = (v: string | undefined) => v !== undefined && v.trim() !== "";

export const httpTimeouts: Rule = {
  id: "http-timeouts",
  severity: "warning",
  title: "HTTP samplers without connect and response timeouts",
  check: (ctx) =>
    ctx.elements
      .filter((l) => isHttp(l.node))
      .filter((l) => {
        const defaults = inScope(l).filter(isDefaults);
        const connect = has(text(l.node, "HTTPSampler.connect_timeout")) || defaults.some((d) => has(text(d, "HTTPSampler.connect_timeout")));
        const response = has(text(l.node, "HTTPSampler.response_timeout")) || defaults.some((d) => has(text(d, "HTTPSampler.response_timeout")));
        return !(connect && response);
      })
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "no connect or response timeout (here or in HTTP Request Defaults): a server that stops answering holds the thread forever and the offered load silently drops",
        fix: 'set connectTimeout and responseTimeout (e.g. "5s" and "30s") on the request or in httpDefaults(...)',
      })),
};
