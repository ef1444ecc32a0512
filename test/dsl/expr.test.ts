import { test } from "node:test";
import assert from "node:assert/strict";
import { duration, int, parseDuration, prop } from "../../src/dsl/expr.js";

test("durations convert units to the field's unit", () => {
  assert.equal(duration("s").parse("2m"), 120);
  assert.equal(duration("ms").parse("250ms"), 250);
  assert.equal(duration("ms").parse("1.5s"), 1500);
  assert.equal(duration("s").parse(30), 30);
  assert.equal(duration("s").parse("${__P(ramp,60)}"), "${__P(ramp,60)}");
  assert.equal(parseDuration("1h"), 3_600_000);
});

test("durations reject text that is neither a duration nor an expression", () => {
  const r = duration("s").safeParse("fast");
  assert.equal(r.success, false);
  assert.match(r.error!.issues[0]!.message, /expected a duration like "30s".*got "fast"/);
  assert.equal(duration("s").safeParse("1500ms").success, false, "not a whole number of seconds");
});

test("integers accept expressions and reject fractions", () => {
  assert.equal(int(1).parse("${threads}"), "${threads}");
  assert.equal(int(1).safeParse(2.5).success, false);
  assert.equal(int(1).safeParse(0).success, false);
});

test("prop() writes __P with escaped commas", () => {
  assert.equal(prop("agents", 200), "${__P(agents,200)}");
  assert.equal(prop("profile", "const(1,10s) line(1,2,5s)"), "${__P(profile,const(1\\,10s) line(1\\,2\\,5s))}");
  assert.throws(() => prop("bad name", 1));
});
