// the five properties every JSR223 element has, and where its script text comes from
import { comments } from "./common.js";
import { renderGroovy } from "./groovy.js";
import { attrs, str, type Entry, type Prop } from "./tree.js";

export interface ScriptOut {
  name: string;
  enabled: boolean;
  comment: string;
  script?: string | undefined;
  template?: string | undefined;
  /** take the template from jmxplan only, never the project's (elements built on a template) */
  builtin?: boolean;
  data: Record<string, unknown>;
  file?: string | undefined;
  parameters: string;
  cache: boolean;
  language: string;
}

/** the script text: inline, or the template rendered with its data */
export const scriptText = (el: Pick<ScriptOut, "script" | "template" | "data" | "builtin">): string =>
  el.template !== undefined ? renderGroovy(el.template, el.data, el.builtin) : (el.script ?? "");

/** cacheKey, filename, parameters, script, scriptLanguage: the alphabetical order of GUI-saved files */
export const jsr223Props = (el: ScriptOut): Prop[] => [
  str("cacheKey", String(el.cache)),
  str("filename", el.file ?? ""),
  str("parameters", el.parameters),
  str("script", scriptText(el)),
  str("scriptLanguage", el.language),
  ...comments(el),
];

/** a JSR223 element (TestBeanGUI) with tag `tag` */
export const jsr223Entry = (tag: string, el: ScriptOut, tree: Entry[] = []): Entry => ({
  element: { tag, attrs: attrs(tag, "TestBeanGUI", el), props: jsr223Props(el) },
  tree,
});
