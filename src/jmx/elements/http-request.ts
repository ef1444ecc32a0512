import type { Out } from "../../dsl/elements/index.js";
import type { Emitter } from "../context.js";
import { comments, optText } from "../common.js";
import { attrs, bool, coll, elem, str, text, type Entry, type Prop } from "../tree.js";
import { headerList } from "./header-manager.js";

const ARGS_ATTRS = { guiclass: "HTTPArgumentsPanel", testclass: "Arguments", testname: "User Defined Variables", enabled: true };

// keeps ${...} intact so JMeter still substitutes it
export function encodeQueryPart(s: string): string {
  return s
    .split(/(\$\{[^}]*\})/)
    .map((part, i) => (i % 2 ? part : encodeURIComponent(part)))
    .join("");
}

function pathWithQuery(path: string, query: Record<string, string>): string {
  const q = Object.entries(query).map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`);
  if (!q.length) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${q.join("&")}`;
}

function bodyArguments(body: Out<"httpRequest">["body"]): { raw: boolean; args: Prop } {
  if (!body || body.type === "form") {
    const fields = body?.fields ?? {};
    const items = Object.entries(fields).map(([k, v]) =>
      elem(k, "HTTPArgument", [
        bool("HTTPArgument.always_encode", true),
        str("Argument.value", v),
        str("Argument.metadata", "="),
        bool("HTTPArgument.use_equals", true),
        str("Argument.name", k),
      ]),
    );
    return { raw: false, args: elem("HTTPsampler.Arguments", "Arguments", [coll("Arguments.arguments", items)], ARGS_ATTRS) };
  }
  const value = body.type === "json" ? JSON.stringify(body.value) : body.value;
  const arg = elem("", "HTTPArgument", [bool("HTTPArgument.always_encode", false), str("Argument.value", value), str("Argument.metadata", "=")]);
  return { raw: true, args: elem("HTTPsampler.Arguments", "Arguments", [coll("Arguments.arguments", [arg])]) };
}

/** the Content-Type a body implies, unless the headers say otherwise */
function impliedHeaders(el: Out<"httpRequest">): Record<string, string> {
  const has = Object.keys(el.headers).some((h) => h.toLowerCase() === "content-type");
  if (has || !el.body) return el.headers;
  if (el.body.type === "json") return { ...el.headers, "Content-Type": "application/json" };
  if (el.body.type === "raw" && el.body.contentType) return { ...el.headers, "Content-Type": el.body.contentType };
  return el.headers;
}

/** an HTTP Header Manager entry, as HeaderPanel writes it */
export function headerManager(name: string, headers: Record<string, string>, enabled = true): Entry {
  return { element: { tag: "HeaderManager", attrs: { guiclass: "HeaderPanel", testclass: "HeaderManager", testname: name, enabled }, props: [headerList(headers)] }, tree: [] };
}

export const emit: Emitter<"httpRequest"> = (el, ctx) => {
  const { raw, args } = bodyArguments(el.body);
  const headers = impliedHeaders(el);
  const own: Entry[] = Object.keys(headers).length ? [headerManager("HTTP Header Manager", headers)] : [];
  return [
    {
      element: {
        tag: "HTTPSamplerProxy",
        attrs: attrs("HTTPSamplerProxy", "HttpTestSampleGui", el),
        props: [
          ...(raw ? [bool("HTTPSampler.postBodyRaw", true)] : []),
          args,
          str("HTTPSampler.domain", el.host),
          str("HTTPSampler.port", text(el.port)),
          str("HTTPSampler.protocol", el.protocol),
          str("HTTPSampler.contentEncoding", el.contentEncoding),
          str("HTTPSampler.path", pathWithQuery(el.path, el.query)),
          str("HTTPSampler.method", el.method),
          bool("HTTPSampler.follow_redirects", el.followRedirects),
          bool("HTTPSampler.auto_redirects", el.autoRedirects),
          bool("HTTPSampler.use_keepalive", el.keepAlive),
          bool("HTTPSampler.DO_MULTIPART_POST", false),
          str("HTTPSampler.embedded_url_re", ""),
          str("HTTPSampler.connect_timeout", optText(el.connectTimeout)),
          str("HTTPSampler.response_timeout", optText(el.responseTimeout)),
          ...comments(el),
        ],
      },
      tree: [...own, ...ctx.emit(el.children)],
    },
  ];
};
