import { leaves, type Rule } from "../rule.js";

const RANDOM = /\$\{__Random\(([^,()]*),([^,()]*)(?:,[^()]*)?\)\}/g;
const literal = (s: string) => /^\s*-?\d+\s*$/.test(s);
const isRef = (s: string) => /\$\{/.test(s);

export const randomBounds: Rule = {
  id: "random-bounds",
  severity: "error",
  title: "__Random bounds inverted or not numbers",
  check: (ctx) =>
    ctx.elements.flatMap((l) =>
      leaves(l.node).flatMap((leaf) =>
        [...leaf.value.matchAll(RANDOM)].flatMap((m) => {
          const [a, b] = [m[1]!.trim(), m[2]!.trim()];
          if (isRef(a) || isRef(b)) return [];
          if (!literal(a) || !literal(b))
            return [{ path: `${l.path} > ${leaf.name}`, line: leaf.line, message: `${m[0]} has a bound that is not a whole number; __Random fails and yields nothing at run time`, fix: "give __Random two whole numbers (or ${...} expressions that yield them)" }];
          if (Number(a) > Number(b))
            return [{ path: `${l.path} > ${leaf.name}`, line: leaf.line, message: `${m[0]}: the minimum ${a} is above the maximum ${b}`, fix: `swap them: \${__Random(${b},${a})}` }];
          return [];
        }),
      ),
    ),
};
