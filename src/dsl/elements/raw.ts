import { z } from "zod";
import { ANY_CHILD, element, node, type Category, type ElementDef, type Node } from "../node.js";

/** a plain XML element as JSON: what `raw` writes verbatim */
export interface XmlNode {
  tag: string;
  attrs?: Record<string, string>;
  children?: XmlNode[];
  text?: string;
}

const NAME = /^[A-Za-z_][\w.-]*$/;

export const XmlNodeSchema: z.ZodType<Required<Omit<XmlNode, "text">> & { text?: string }, XmlNode> = z.lazy(() =>
  z
    .strictObject({
      tag: z.string().regex(NAME, "an XML element name"),
      attrs: z.record(z.string().regex(NAME, "an XML attribute name"), z.string()).default({}),
      children: z.array(XmlNodeSchema).default([]),
      text: z.string().optional(),
    })
    .refine((x) => x.text === undefined || x.children.length === 0, "an XML node holds text or children, not both"),
);

const CATEGORIES = ["threadGroup", "controller", "sampler", "timer", "config", "preProcessor", "postProcessor", "assertion", "listener"] as const;

export const Raw = element("raw", "Raw element", {
  /** what the element is, for the containment rules */
  category: z.enum(CATEGORIES),
  /** the test element: tag, attributes (written as given) and its property XML as children */
  xml: XmlNodeSchema,
});

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
