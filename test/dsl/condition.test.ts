import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { embedArg, groovy, jexl, parensBalance, scriptArg } from "../../src/dsl/expr.js";

/** JMeter's FunctionParser.parseParams + compileString for one argument without nested calls */
function jmeterArgument(arg: string): string {
  let out = "";
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i]!;
    if (c === "\\" && i + 1 < arg.length) {
      const n = arg[++i]!;
      out += n === "$" || n === "," || n === "\\" ? n : c + n;
    } else if (c === ",") throw new Error(`unescaped comma splits the argument: ${arg}`);
    else out += c;
  }
  return out;
}

test("scriptArg: JMeter's parser gives back the literal script", () => {
  fc.assert(
    fc.property(fc.string().filter((s) => !s.includes("${")), (s) => assert.equal(jmeterArgument(scriptArg(s)), s)),
    { numRuns: 500 },
  );
});

test("scriptArg and embedArg leave ${...} references alone", () => {
  assert.equal(scriptArg('vars.get("a,b") + "${__P(x,1)}" + "\\\\"'), 'vars.get("a\\,b") + "${__P(x,1)}" + "\\\\\\\\"');
  assert.equal(embedArg("${__P(a,1)},\\,x"), "${__P(a,1)}\\,\\,x");
});

test("groovy() and jexl() wrap as the function helper does", () => {
  assert.equal(groovy('vars.get("status") == "OK"'), '${__groovy(vars.get("status") == "OK",)}');
  assert.equal(jexl("a, b"), "${__jexl3(a\\, b,)}");
});

test("parentheses must balance outside ${...} for the call to end where it should", () => {
  assert.ok(parensBalance('(vars.get("x") ?: "0").toInteger() < ${__P(max,(5))}'));
  assert.ok(!parensBalance('vars.get("x") == ")"'));
  assert.ok(!parensBalance("(a"));
});
