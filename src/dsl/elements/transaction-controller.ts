import { z } from "zod";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const TransactionController = element("transactionController", "Transaction Controller", {
  /** one parent sample holding the children as sub-results @default false */
  parent: z.boolean().default(false),
  /** count timers and pre/post-processors in the transaction's time @default false */
  includeTimers: z.boolean().default(false),
});

export const def = { schema: TransactionController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type TransactionControllerProps = Omit<z.input<typeof TransactionController>, "kind">;

/** A Transaction Controller: times its children as one transaction labelled with its name. */
export function transactionController(props: TransactionControllerProps, ...children: Node[]) {
  return node("transactionController", props, children);
}
