import { z } from "zod";
import { ANY_CHILD, element, node, type Category, type ElementDef, type Node } from "../node.js";

const NAME = /^[A-Za-z_][\w.-]*$/;

/** a plain XML element as JSON: what `raw` writes verbatim */
export const XmlNodeSchema = z.strictObject({
  tag: z.string().regex(NAME, "an XML element name"),
  attrs: z.record(z.string().regex(NAME, "an XML attribute name"), z.string()).default({}),
  get children() {
    return z.array(XmlNodeSchema).optional();
  },
  text: z.string().optional(),
});

export type XmlNode = z.input<typeof XmlNodeSchema>;

const CATEGORIES = ["threadGroup", "controller", "sampler", "timer", "config", "preProcessor", "postProcessor", "assertion", "listener"] as const;

type XmlOut = z.output<typeof XmlNodeSchema>;

/** a node holds text or children, not both (JMX has no mixed content) */
function mixed(x: XmlOut, path: (string | number)[], ctx: z.RefinementCtx): void {
  const kids = x.children ?? [];
  if (x.text !== undefined && kids.length) ctx.addIssue({ code: "custom", path, message: "an XML node holds text or children, not both" });
  kids.forEach((c, i) => mixed(c, [...path, "children", i], ctx));
}

export const Raw = element("raw", "Raw element", {
  /** what the element is, for the containment rules */
  category: z.enum(CATEGORIES),
  /** the test element: tag, attributes (written as given) and its property XML as children */
  xml: XmlNodeSchema,
}).superRefine((el, ctx) => mixed(el.xml, ["xml"], ctx));

export const def = {
  schema: Raw,
  category: "config",
  contains: ANY_CHILD,
  categoryOf: (el) => el.category as Category,
} satisfies ElementDef;

export type RawProps = Omit<z.input<typeof Raw>, "kind">;

/**
 * An element the DSL does not model, kept as plain XML data (what `jmxplan import` produces):
 * `xml` is written verbatim (`enabled: false` still disables it), `children` go into its hashTree.
 */
export function raw(props: RawProps, ...children: Node[]) {
  return node("raw", { name: props.xml.attrs?.testname ?? props.xml.tag, ...props }, children);
}
