// what a raw element is, from its class, for the DSL's containment rules
import type { JmxNode } from "../jmx/read.js";

type RawCategory = "threadGroup" | "controller" | "sampler" | "timer" | "config" | "preProcessor" | "postProcessor" | "assertion" | "listener";

const BY_NAME: [RegExp, RawCategory][] = [
  [/ThreadGroup$/, "threadGroup"],
  [/Timer$/, "timer"],
  [/(Controller|ControlPanel|^RunTime|^InterleaveControl|^RandomOrderController|^GenericController|^TestFragmentController|ParallelSampler)$/, "controller"],
  [/(PreProcessor|^UserParameters|^AnchorModifier|^URLRewritingModifier|^RegExUserParameters|Modifier|FifoPopPreProcessor)$/, "preProcessor"],
  [/(PostProcessor|Extractor|^ResultAction|FifoPutPostProcessor)$/, "postProcessor"],
  [/Assertion$/, "assertion"],
  [/(Collector|Listener|Visualizer|^Summariser|^BackendListener)$/, "listener"],
  [/(Sampler|SamplerProxy|^TestAction|^HTTPSampler2?|^JavaSampler|^JDBCSampler|^TCPSampler|^SMTPSampler|^LDAPSampler|^SystemSampler)$/, "sampler"],
  [/(Manager|^ConfigTestElement|^Arguments|^CSVDataSet|^CounterConfig|^RandomVariableConfig|^KeystoreConfig|^JDBCDataSource|^DNSCacheManager|^LoginConfig|Config|Filter|DataSet)$/, "config"],
];

/** The category of an element the DSL does not model; undefined when nothing fits. */
export function categoryOf(n: JmxNode): RawCategory | undefined {
  const short = n.tag.split(".").at(-1)!;
  for (const [re, c] of BY_NAME) if (re.test(short)) return c;
  const gui = (n.attrs.guiclass ?? "").split(".").at(-1)!;
  if (/Controller|Control/.test(gui)) return "controller";
  if (/Timer/.test(gui)) return "timer";
  if (/Sampler/.test(gui)) return "sampler";
  return undefined;
}
