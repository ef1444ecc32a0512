import type { XmlEl } from "../../jmx/read.js";
import type { Rule } from "../rule.js";

/** SampleSaveConfiguration fields the analyser reads (threads, connect and idle time, latency, codes) */
export const NEEDED = ["timestamp", "time", "label", "code", "success", "threadName", "threadCounts", "latency", "connectTime", "idleTime"] as const;

export const resultsColumns: Rule = {
  id: "results-columns",
  severity: "warning",
  title: "a results writer missing the columns the analyser needs",
  check: (ctx) =>
    ctx.elements
      .filter((l) => l.node.tag === "ResultCollector")
      .filter((l) => (l.node.props.find((p) => p.attrs.name === "filename")?.text ?? "").trim() !== "")
      .flatMap((l) => {
        const value = l.node.props.find((p) => p.tag === "objProp")?.children.find((c) => c.tag === "value");
        const field = (name: string) => value?.children.find((c: XmlEl) => c.tag === name)?.text.trim() === "true";
        const missing = NEEDED.filter((f) => !field(f));
        if (!missing.length) return [];
        return [{ path: l.path, line: l.node.line, message: `the results file lacks ${missing.join(", ")}: jmxplan analyze cannot tell queueing from throttling without them`, fix: "use resultsWriter(...) (every column the analyser needs), or tick these fields in the writer's Configure dialog" }];
      }),
};
