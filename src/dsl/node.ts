import { z } from "zod";
import { base } from "./expr.js";

/** what an element is, for the containment rules and the review outline */
export type Category =
  | "testPlan"
  | "threadGroup"
  | "controller"
  | "sampler"
  | "timer"
  | "config"
  | "preProcessor"
  | "postProcessor"
  | "assertion"
  | "listener";

/** a plan element as the user wrote it: plain data with a `kind` discriminant */
export interface Node {
  kind: string;
  children?: Node[];
  [field: string]: unknown;
}

/** the JMeter plugin an element needs, for `review` and `run` */
export interface Plugin {
  /** Plugins Manager id */
  id: string;
  /** Maven coordinates of the jar */
  maven: string;
}

/** what the registry knows of an element kind; the schema is the only declaration of its fields */
export interface ElementDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  category: Category;
  /** categories it may contain; none means it takes no children */
  contains?: readonly Category[];
  plugin?: Plugin;
  /** the category of one element, for kinds that name their own (raw) */
  categoryOf?: (el: Record<string, unknown>) => Category;
  /** checks that need the whole plan (e.g. its engine count), run after the plan validated */
  inPlan?: (el: Record<string, unknown>, plan: PlanFacts) => PlanIssue[];
}

/** what an element's plan-wide check may know of the plan */
export interface PlanFacts {
  engines: number;
  /** the validated plan's elements, to find an element's ancestors */
  children: readonly object[];
}

/** a plan-wide problem; `path` is relative to the element */
export interface PlanIssue {
  path?: string;
  message: string;
}

export const PLUGINS = {
  casutg: { id: "jpgc-casutg", maven: "kg.apc:jmeter-plugins-casutg:2.10" },
  tst: { id: "jpgc-tst", maven: "kg.apc:jmeter-plugins-tst:2.5" },
  websocket: { id: "websocket-samplers", maven: "net.luminis.jmeter:jmeter-websocket-samplers:1.2.8" },
} as const satisfies Record<string, Plugin>;

/** what samplers and controllers may hold: everything that scopes to samplers */
export const SCOPED: readonly Category[] = ["controller", "sampler", "timer", "config", "preProcessor", "postProcessor", "assertion", "listener"];
/** what a sampler may hold */
export const SAMPLER_CHILDREN: readonly Category[] = ["timer", "config", "preProcessor", "postProcessor", "assertion", "listener"];
/** every category but the root */
export const ANY_CHILD: readonly Category[] = ["threadGroup", ...SCOPED];

/** build a node from a factory's props and children, leaving validation to the build */
export function node<K extends string, P extends object>(kind: K, props: P, children: Node[] = []): Node & { kind: K } & P {
  return { kind, ...props, children } as Node & { kind: K } & P;
}

/** an element schema: its `kind`, the fields every element has, and its own; unknown fields are errors */
export function element<K extends string, S extends z.ZodRawShape>(kind: K, defaultName: string, shape: S) {
  return z.strictObject({ kind: z.literal(kind), ...base(defaultName), ...shape });
}
