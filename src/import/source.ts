// DSL nodes -> formatted TypeScript source using the factories and prop()
import { prop } from "../dsl/expr.js";
import type { Node } from "../dsl/node.js";

const IDENT = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 100;
const P_CALL = /^\$\{__P\(([A-Za-z_][\w.-]*),((?:[^\\(),]|\\.)*)\)\}$/;

/** a string as source: `prop("name", default)` when it is exactly that property call */
function str(s: string, used: Set<string>): string {
  const m = P_CALL.exec(s);
  if (m) {
    const raw = m[2]!.replace(/\\(.)/g, "$1");
    const dflt: string | number = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(raw) ? Number(raw) : raw;
    if (prop(m[1]!, dflt) === s) {
      used.add("prop");
      return `prop(${JSON.stringify(m[1])}, ${JSON.stringify(dflt)})`;
    }
  }
  return JSON.stringify(s);
}

const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));

/** a plain value, on one line when it fits, else one entry a line */
export function value(v: unknown, indent: string, used: Set<string>): string {
  if (typeof v === "string") return str(v, used);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return JSON.stringify(v);
  if (v === undefined) return "undefined";
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    const parts = v.map((x) => value(x, inner, used));
    const flat = `[${parts.join(", ")}]`;
    if (flat.length + indent.length <= WIDTH && !flat.includes("\n")) return flat;
    return `[\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (!entries.length) return "{}";
  const parts = entries.map(([k, x]) => `${key(k)}: ${value(x, inner, used)}`);
  const flat = `{ ${parts.join(", ")} }`;
  if (flat.length + indent.length <= WIDTH && !flat.includes("\n")) return flat;
  return `{\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}}`;
}

function call(n: Node, indent: string, used: Set<string>): string {
  const { kind, children = [], ...props } = n;
  used.add(kind);
  const inner = indent + "  ";
  const flatArgs = value(props, indent, used);
  // an element without children hugs its one object argument
  if (!children.length) return `${kind}(${flatArgs})`;
  // one argument a line, as prettier lays out a call that does not fit
  const args = [value(props, inner, used), ...children.map((c) => call(c, inner, used))];
  return `${kind}(\n${args.map((a) => `${inner}${a},`).join("\n")}\n${indent})`;
}

/** The source of a plan file whose default export is `plan`; `header` lines become comments. */
export function planSource(plan: Node, header: string[] = []): string {
  const used = new Set<string>();
  const body = call(plan, "", used);
  const names = [...used].sort();
  const comments = header.map((h) => `// ${h}\n`).join("");
  return `${comments}import { ${names.join(", ")} } from "jmxplan";\n\nexport default ${body};\n`;
}
