import type { Out } from "../../dsl/elements/index.js";
import type { Emitter } from "../context.js";
import { comments } from "../common.js";
import { attrs, bool, str, type Prop } from "../tree.js";

/** the full SampleSaveConfiguration block: a tag left out is read as false */
export function saveConfig(el: Out<"resultsWriter">): Prop {
  const b = (v: boolean) => String(v);
  const xml = el.format === "xml";
  const fields: [string, string][] = [
    ["time", "true"], ["latency", "true"], ["timestamp", "true"], ["success", "true"], ["label", "true"], ["code", "true"],
    ["message", "true"], ["threadName", "true"], ["dataType", "true"], ["encoding", "false"], ["assertions", "true"],
    ["subresults", "true"], ["responseData", "false"], ["samplerData", "false"], ["xml", b(xml)], ["fieldNames", "true"],
    ["responseHeaders", b(el.responseHeaders)], ["requestHeaders", b(el.requestHeaders)], ["responseDataOnError", b(el.responseDataOnError)],
    ["saveAssertionResultsFailureMessage", "true"], ["assertionsResultsToSave", "0"],
    // written only when true, in this order
    ["bytes", "true"], ["sentBytes", "true"], ["url", "true"],
    ...(el.hostname ? [["hostname", "true"] as [string, string]] : []),
    ["threadCounts", "true"], ["idleTime", "true"], ["connectTime", "true"],
  ];
  return { t: "obj", name: "saveConfig", valueClass: "SampleSaveConfiguration", fields };
}

export const emit: Emitter<"resultsWriter"> = (el) => [
  {
    element: {
      tag: "ResultCollector",
      attrs: attrs("ResultCollector", "SimpleDataWriter", el),
      props: [
        bool("ResultCollector.error_logging", el.errorsOnly),
        ...(el.successesOnly ? [bool("ResultCollector.success_only_logging", true)] : []),
        saveConfig(el),
        str("filename", el.file),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
