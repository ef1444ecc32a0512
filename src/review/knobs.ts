// the plan's __P properties: name, default, what they control, the -J flag that sets them
import type { JmxNode, XmlEl } from "../jmx/read.js";

export interface Knob {
  name: string;
  /** the default in the plan; "" when none is given */
  default: string;
  description: string;
  /** -Jname=default */
  flag: string;
  /** how many fields use it */
  uses: number;
  /** defaults differ between uses */
  conflicting?: string[];
}

const P = /\$\{__P\(\s*([A-Za-z_][\w.-]*)\s*(?:,((?:[^\\(),]|\\.|\([^()]*\))*))?\)\}/g;
const PROPERTY = /\$\{__property\(\s*([A-Za-z_][\w.-]*)\s*(?:,[^,()]*)?(?:,((?:[^\\(),]|\\.)*))?\)\}/g;

function texts(n: JmxNode): string[] {
  const out: string[] = [n.attrs.testname ?? ""];
  const visit = (p: XmlEl) => {
    out.push(p.text);
    for (const v of Object.values(p.attrs)) out.push(v);
    p.children.forEach(visit);
  };
  n.props.forEach(visit);
  return out.concat(n.children.flatMap(texts));
}

/** a value for a shell command line, quoted when it needs to be */
export const shellQuote = (s: string) => (/^[\w@%+=:,./-]*$/.test(s) && s !== "" ? s : `'${s.replace(/'/g, `'"'"'`)}'`);

/** Every __P (and __property) property the .jmx reads, with its default and the plan's description. */
export function knobsOf(tree: JmxNode[], descriptions: Record<string, string> = {}): Knob[] {
  const found = new Map<string, { defaults: string[]; uses: number }>();
  for (const t of tree.flatMap(texts)) {
    for (const re of [P, PROPERTY]) {
      for (const m of t.matchAll(re)) {
        const d = (m[2] ?? "").replace(/\\(.)/g, "$1").trim();
        const k = found.get(m[1]!) ?? { defaults: [], uses: 0 };
        if (!k.defaults.includes(d)) k.defaults.push(d);
        k.uses++;
        found.set(m[1]!, k);
      }
    }
  }
  for (const name of Object.keys(descriptions)) if (!found.has(name)) found.set(name, { defaults: [], uses: 0 });
  return [...found.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, k]) => ({
      name,
      default: k.defaults[0] ?? "",
      description: descriptions[name] ?? "",
      flag: k.uses && k.defaults[0] ? `-J${name}=${shellQuote(k.defaults[0])}` : `-J${name}=<value>`,
      uses: k.uses,
      ...(k.defaults.length > 1 ? { conflicting: k.defaults } : {}),
    }));
}
