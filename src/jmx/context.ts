import type { Element, Kind, Out } from "../dsl/elements/index.js";
import type { Entry } from "./tree.js";

export interface Context {
  /** the validated plan being built */
  plan: Out<"testPlan">;
  /** build the entries of these elements (normally the element's children) */
  emit(children: Element[]): Entry[];
  /** divide a thread count or rate by the plan's engine count; expressions get a __jexl3 division */
  perEngine(v: number | string, integer?: boolean): number | string;
  /** a name unique in this plan, stable across builds, for variables an element needs */
  uid(base: string): string;
}

/** An emitter turns one validated element into JMX entries; most return one entry. */
export type Emitter<K extends Kind> = (el: Out<K>, ctx: Context) => Entry[];

export type EmitterTable = { [K in Kind]: Emitter<K> };
