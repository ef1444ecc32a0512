import { leaves, type Rule } from "../rule.js";

const NUMERIC = new Set(["intProp", "longProp", "doubleProp", "FloatProperty"]);

export const numericExpression: Rule = {
  id: "numeric-expression",
  severity: "error",
  title: "${...} in a field JMeter parses as a number when it loads the plan",
  check: (ctx) =>
    ctx.elements.flatMap((l) =>
      leaves(l.node)
        .filter((leaf) => NUMERIC.has(leaf.tag) && /\$\{/.test(leaf.value))
        .map((leaf) => ({
          path: `${l.path} > ${leaf.name}`,
          line: leaf.line,
          message: `<${leaf.tag} name="${leaf.name}"> holds ${leaf.value}: JMeter parses it as a number at load time and refuses the whole plan`,
          fix: `write it as <stringProp name="${leaf.name}"> (TestBeans convert string properties), or a literal number`,
        })),
    ),
};
