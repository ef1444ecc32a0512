// when two .jmx trees are the same plan: same elements, same tree, same property values
import { isEnabled, propName, type JmxNode, type XmlEl } from "../jmx/read.js";

/** a property in a form that compares equal exactly when JMeter reads the same value */
type Canon = string | Canon[] | { [k: string]: Canon };

function canonProp(p: XmlEl, inCollection: boolean): Canon {
  const name = inCollection ? "" : propName(p);
  if (p.tag === "doubleProp" || p.tag === "FloatProperty") return [p.tag, name, p.children.find((c) => c.tag === "value")?.text ?? ""];
  if (p.tag === "objProp") {
    const value = p.children.find((c) => c.tag === "value");
    const fields = (value?.children ?? []).map((c) => `${c.tag}=${c.text}`).sort();
    return [p.tag, name, value?.attrs.class ?? "", fields];
  }
  if (p.tag === "collectionProp") return [p.tag, name, p.children.map((c) => canonProp(c, true))];
  if (p.tag === "elementProp") {
    const { name: _n, ...attrs } = p.attrs;
    // a nested element without enabled= is enabled (JMeter 5.6 omits it)
    if (attrs.enabled !== undefined || attrs.guiclass !== undefined || attrs.testclass !== undefined) attrs.enabled = String(attrs.enabled !== "false");
    return [p.tag, name, canonAttrs(attrs), canonProps(p.children)];
  }
  if (p.children.length) return [p.tag, name, canonAttrs(p.attrs), p.children.map((c) => canonProp(c, false))];
  return [p.tag, name, p.text];
}

const canonAttrs = (a: Record<string, string>): Canon => Object.keys(a).sort().map((k) => `${k}=${a[k]}`);

/** named properties: order does not matter to JMeter, so they are sorted */
const canonProps = (props: XmlEl[]): Canon => props.map((p) => canonProp(p, false)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * Properties JMeter reads with a default when they are absent, and the default: an element that
 * leaves one out holds the same value as one that writes it (JMeter 5.6 and old versions omit them).
 */
export const ABSENT_MEANS: Record<string, [tag: string, text: string]> = {
  "TestPlan.comments": ["stringProp", ""],
  "TestPlan.user_define_classpath": ["stringProp", ""],
  "TestPlan.functional_mode": ["boolProp", "false"],
  "TestPlan.serialize_threadgroups": ["boolProp", "false"],
  "ThreadGroup.same_user_on_next_iteration": ["boolProp", "true"],
  "ThreadGroup.delayedStart": ["boolProp", "false"],
  "TransactionController.includeTimers": ["boolProp", "true"],
  "HTTPSampler.DO_MULTIPART_POST": ["boolProp", "false"],
  "HTTPSampler.embedded_url_re": ["stringProp", ""],
  "HTTPSampler.connect_timeout": ["stringProp", ""],
  "HTTPSampler.response_timeout": ["stringProp", ""],
  "HTTPSampler.contentEncoding": ["stringProp", ""],
  "HTTPSampler.domain": ["stringProp", ""],
  "HTTPSampler.port": ["stringProp", ""],
  "HTTPSampler.protocol": ["stringProp", ""],
  "HTTPSampler.path": ["stringProp", ""],
  "HTTPSampler.postBodyRaw": ["boolProp", "false"],
  "HTTPSampler.auto_redirects": ["boolProp", "false"],
  "CookieManager.controlledByThreadGroup": ["boolProp", "false"],
  "CacheManager.controlledByThread": ["boolProp", "false"],
  loadDataFromFile: ["boolProp", "false"],
};

const isDefaultWhenAbsent = (p: Canon) => Array.isArray(p) && typeof p[1] === "string" && ABSENT_MEANS[p[1]]?.[0] === p[0] && ABSENT_MEANS[p[1]]?.[1] === p[2];

/** one test element without its children */
export function canonElement(n: JmxNode): Canon {
  return { tag: n.tag, guiclass: n.attrs.guiclass ?? "", testclass: n.attrs.testclass ?? n.tag, testname: n.attrs.testname ?? "", enabled: String(isEnabled(n)), props: canonProps(n.props) };
}

/** the first difference between two elements (not their children), or undefined when they are equivalent */
export function elementDiff(a: JmxNode, b: JmxNode): string | undefined {
  const ca = canonElement(a) as Record<string, Canon>;
  const cb = canonElement(b) as Record<string, Canon>;
  for (const k of ["tag", "guiclass", "testclass", "testname", "enabled"]) if (ca[k] !== cb[k]) return `${k} ${JSON.stringify(ca[k])} != ${JSON.stringify(cb[k])}`;
  const pa = (ca.props as Canon[]).map((p) => JSON.stringify(p));
  const pb = (cb.props as Canon[]).map((p) => JSON.stringify(p));
  const names = (list: Canon[]) => new Set<Canon>(list.map((p) => (p as Canon[])[1]!));
  const [na, nb] = [names(ca.props as Canon[]), names(cb.props as Canon[])];
  // a property one side leaves out and the other writes with the value JMeter assumes
  const implied = (p: string, other: Set<Canon>) => {
    const c = JSON.parse(p) as Canon[];
    return !other.has(c[1]!) && isDefaultWhenAbsent(c);
  };
  const onlyA = pa.filter((p) => !pb.includes(p) && !implied(p, nb));
  const onlyB = pb.filter((p) => !pa.includes(p) && !implied(p, na));
  if (!onlyA.length && !onlyB.length) return undefined;
  return [...onlyA.map((p) => `only in the first: ${p}`), ...onlyB.map((p) => `only in the second: ${p}`)].join("; ");
}

/** the first difference between two trees, with the path of names to it; undefined when equivalent */
export function treeDiff(a: JmxNode[], b: JmxNode[], path = ""): string | undefined {
  if (a.length !== b.length) return `${path || "(root)"}: ${a.length} elements != ${b.length} (${a.map((n) => n.tag).join(",")} vs ${b.map((n) => n.tag).join(",")})`;
  for (let i = 0; i < a.length; i++) {
    const here = `${path ? `${path} > ` : ""}${a[i]!.attrs.testname ?? a[i]!.tag}`;
    const d = elementDiff(a[i]!, b[i]!);
    if (d) return `${here} (line ${a[i]!.line} vs ${b[i]!.line}): ${d}`;
    const c = treeDiff(a[i]!.children, b[i]!.children, here);
    if (c) return c;
  }
  return undefined;
}
