// the plain JMX tree between the emitters and the serializer
import type { XmlNode } from "../dsl/elements/raw.js";

export type Prop =
  | { t: "string"; name: string; value: string }
  | { t: "bool"; name: string; value: boolean }
  | { t: "int"; name: string; value: number }
  | { t: "long"; name: string; value: number }
  /** doubleProp / FloatProperty, written by reflection as name/value/savedValue */
  | { t: "double" | "float"; name: string; value: number }
  | { t: "element"; name: string; elementType: string; attrs?: ElementAttrs; props: Prop[] }
  | { t: "collection"; name: string; items: Prop[] }
  /** objProp written by reflection, e.g. saveConfig: `<value class="...">` with one tag per field */
  | { t: "obj"; name: string; valueClass: string; fields: [string, string][] }
  /** any XML written verbatim (raw elements' properties) */
  | { t: "raw"; xml: XmlNode };

export interface ElementAttrs {
  guiclass: string;
  testclass: string;
  testname: string;
  enabled: boolean;
}

/** a test element: the tag decides the class JMeter instantiates */
export interface JmxElement {
  tag: string;
  attrs: ElementAttrs;
  /** written instead of `attrs`, in this order, when set (raw elements) */
  rawAttrs?: Record<string, string>;
  props: Prop[];
}

/** an element and its hashTree */
export interface Entry {
  element: JmxElement;
  tree: Entry[];
}

// property constructors, so emitters read like the XML they produce
export const str = (name: string, value: string | number): Prop => ({ t: "string", name, value: String(value) });
export const bool = (name: string, value: boolean): Prop => ({ t: "bool", name, value });
export const intp = (name: string, value: number): Prop => ({ t: "int", name, value });
export const longp = (name: string, value: number): Prop => ({ t: "long", name, value });
export const dbl = (name: string, value: number): Prop => ({ t: "double", name, value });
export const flt = (name: string, value: number): Prop => ({ t: "float", name, value });
export const coll = (name: string, items: Prop[]): Prop => ({ t: "collection", name, items });
export const elem = (name: string, elementType: string, props: Prop[], attrs?: ElementAttrs): Prop =>
  attrs ? { t: "element", name, elementType, attrs, props } : { t: "element", name, elementType, props };

/** Java's String.hashCode, which JMeter's GUI uses to name collection items */
export function javaHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The name the GUI gives a jmeter-plugins table row: Java's List.hashCode of its cells as StringProperty
 * objects (each hashed as 17*37 + name, *37 + value), as a plan saved after loading has them. Only order matters.
 */
export const listHashCode = (values: string[]): number =>
  values.reduce((h, v) => {
    const cell = (Math.imul((Math.imul(17, 37) + javaHashCode(String(javaHashCode(v)))) | 0, 37) + javaHashCode(v)) | 0;
    return (Math.imul(31, h) + cell) | 0;
  }, 1);

/** a collection of string items named as the GUI names them */
export const strings = (name: string, values: string[]): Prop =>
  coll(name, values.map((v) => str(String(javaHashCode(v)), v)));

/** an element's tag attributes; `gui` and `test` default to the tag */
export function attrs(testclass: string, guiclass: string, el: { name: string; enabled: boolean }): ElementAttrs {
  return { guiclass, testclass, testname: el.name, enabled: el.enabled };
}

/** number or JMeter expression as property text; numbers never get a decimal point unless they have one */
export const text = (v: number | string): string => (typeof v === "number" ? String(v) : v);
