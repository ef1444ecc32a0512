import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { validatePlan } from "../../src/dsl/validate.js";
import { importJmx, treeDiff } from "../../src/import/index.js";
import { buildJmx } from "../../src/jmx/build.js";
import { readJmx } from "../../src/jmx/read.js";
import type { Node } from "../../src/dsl/node.js";

// text with the characters escaping gets wrong: markup, quotes, ${...}, commas, newlines, unicode
const text = fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "&", "<", ">", '"', "'", "$", "{", "}", ",", "\\", "\n", "é", "😀", "(", ")"), maxLength: 12 });
const amount = fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }).map((n) => `\${__P(n${n},${n})}`));

const sampler = fc.record({ name: text, path: text.map((p) => `/${p}`), method: fc.constantFrom("GET", "POST"), body: fc.option(text, { nil: undefined }), timeout: fc.option(fc.integer({ min: 1, max: 60000 }), { nil: undefined }) }).map(
  (s): Node => ({ kind: "httpRequest", name: s.name, path: s.path, method: s.method, ...(s.body !== undefined ? { body: { type: "raw", value: s.body } } : {}), ...(s.timeout ? { connectTimeout: s.timeout, responseTimeout: s.timeout } : {}), children: [] }),
);
const timer = fc.oneof(
  fc.record({ kind: fc.constant("constantTimer"), delay: fc.integer({ min: 0, max: 5000 }), children: fc.constant([]) }),
  fc.record({ kind: fc.constant("uniformRandomTimer"), offset: fc.integer({ min: 0, max: 500 }), range: fc.integer({ min: 0, max: 500 }), children: fc.constant([]) }),
) as unknown as fc.Arbitrary<Node>;
const group = fc.oneof(
  fc.record({ kind: fc.constant("threadGroup"), name: text, threads: amount, rampUp: fc.integer({ min: 0, max: 600 }), loops: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant("forever")), duration: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ kind: fc.constant("concurrencyThreadGroup"), name: text, target: amount, rampUp: fc.integer({ min: 0, max: 600 }), steps: fc.integer({ min: 0, max: 5 }), hold: fc.integer({ min: 0, max: 900 }) }),
).chain((g) => fc.array(fc.oneof(sampler, timer), { maxLength: 4 }).map((children) => ({ ...g, children }) as Node));
const plan = fc.record({ name: text, variables: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), text, { maxKeys: 3 }), groups: fc.array(group, { minLength: 1, maxLength: 3 }) }).map(
  (p): Node => ({ kind: "testPlan", name: p.name, variables: p.variables, children: p.groups }),
);

test("build, import, build again: the same tree for random plans (property)", () => {
  fc.assert(
    fc.property(plan, (p) => {
      const v = validatePlan(p);
      fc.pre(v.ok);
      if (!v.ok) return;
      const xml = buildJmx(v.plan, "p.plan.ts");
      const imported = importJmx(xml, "p.jmx");
      const again = validatePlan(imported.plan);
      assert.ok(again.ok, JSON.stringify(!again.ok && again.issues));
      if (!again.ok) return;
      assert.equal(treeDiff(readJmx(xml).elements, readJmx(buildJmx(again.plan, "q.plan.ts")).elements), undefined);
      assert.equal(imported.stats.raw, 0, "every element here has a factory");
    }),
    { numRuns: 150 },
  );
});
