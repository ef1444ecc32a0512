import type { Emitter } from "../context.js";
import { attrs, bool, coll, elem, str, type Prop } from "../tree.js";

/** User Defined Variables as the Arguments GUI writes them */
export function argumentList(vars: Record<string, string>): Prop {
  return coll(
    "Arguments.arguments",
    Object.entries(vars).map(([k, v]) => elem(k, "Argument", [str("Argument.name", k), str("Argument.value", v), str("Argument.metadata", "=")])),
  );
}

export const emit: Emitter<"testPlan"> = (el, ctx) => [
  {
    element: {
      tag: "TestPlan",
      attrs: attrs("TestPlan", "TestPlanGui", el),
      props: [
        str("TestPlan.comments", el.comment),
        bool("TestPlan.functional_mode", el.functionalMode),
        ...(el.tearDownOnShutdown ? [bool("TestPlan.tearDown_on_shutdown", true)] : []),
        bool("TestPlan.serialize_threadgroups", el.serializeThreadGroups),
        elem("TestPlan.user_defined_variables", "Arguments", [argumentList(el.variables)], {
          guiclass: "ArgumentsPanel",
          testclass: "Arguments",
          testname: "User Defined Variables",
          enabled: true,
        }),
        str("TestPlan.user_define_classpath", ""),
      ],
    },
    tree: ctx.emit(el.children),
  },
];
