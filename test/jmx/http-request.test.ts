import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { encodeQueryPart } from "../../src/jmx/elements/http-request.js";

const ref = fc.stringMatching(/^\$\{[A-Za-z_][\w.]*\}$/);
const part = fc.array(fc.oneof(fc.string({ unit: "grapheme" }).filter((s) => !s.includes("${")), ref), { maxLength: 5 });

test("query parts: text is percent-encoded, ${...} references are kept for JMeter to substitute", () => {
  fc.assert(
    fc.property(part, (pieces) => {
      const out = encodeQueryPart(pieces.join(""));
      for (const p of pieces) if (p.startsWith("${")) assert.ok(out.includes(p));
      assert.ok(!/[ &=#?]/.test(out.replace(/\$\{[^}]*\}/g, "")), out);
      assert.equal(decodeURIComponent(out), pieces.join(""));
    }),
  );
});
