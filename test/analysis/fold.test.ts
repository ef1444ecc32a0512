// the folds' memory grows with the test's duration and label count, never with the sample count
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Bins } from "../../src/analysis/bins.js";
import { foldAll } from "../../src/analysis/fold.js";
import { analyzeSamples, FOLDS } from "../../src/analysis/index.js";
import type { Sample } from "../../src/jtl/sample.js";

const T0 = 1764640800000;

/** n samples spread over `seconds`, on 3 labels and 100 threads (each thread's samples one after another, as in JMeter), some rejected with Retry-After */
function* samples(n: number, seconds: number): Generator<Sample> {
  for (let i = 0; i < n; i++) {
    const rejected = i % 7 === 0;
    yield {
      start: T0 + Math.floor((i * seconds * 1000) / n),
      elapsed: 1 + (i % 5),
      label: `label ${i % 3}`,
      code: rejected ? "429" : "200",
      message: rejected ? "Too Many Requests" : "OK",
      thread: `Thread Group 1-${i % 100}`,
      success: !rejected,
      failureMessage: "",
      dataType: "text",
      bytes: 100,
      sentBytes: 100,
      grpThreads: 10,
      allThreads: 10,
      url: "http://x/",
      latency: 10,
      idle: 0,
      connect: 0,
      retryAfter: rejected ? 0.1 : NaN,
      kind: "sample",
      engine: 0,
      line: i + 2,
    };
  }
}

function footprint(states: object): number {
  let n = 0;
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Bins) n += v.capacity;
    else if (ArrayBuffer.isView(v)) n += (v as Float64Array).length;
    else if (v instanceof Map) {
      n += v.size;
      for (const x of v.values()) walk(x);
    } else if (v instanceof Set) n += v.size;
    else for (const x of Object.values(v)) walk(x);
  };
  walk(states);
  return n;
}

describe("bounded folds", () => {
  it("ten times the samples over the same duration: the same state size", () => {
    const size = (n: number) => {
      const run = foldAll(FOLDS);
      for (const s of samples(n, 120)) run.step(s);
      return footprint(run.states);
    };
    assert.equal(size(200_000), size(20_000));
  });

  it("twice the duration: the state grows, with the duration", () => {
    const size = (secs: number) => {
      const run = foldAll(FOLDS);
      for (const s of samples(20_000, secs)) run.step(s);
      return footprint(run.states);
    };
    assert.ok(size(480) > size(120));
  });

  it("samples arriving out of start order (completion order) land in the right bins", () => {
    const b = new Bins(1000);
    b.add(T0 + 5000);
    b.add(T0 - 120_000);
    b.add(T0 + 5100);
    assert.deepEqual(Array.from(b.slice(T0 - 120_000, 1)), [1]);
    assert.deepEqual(Array.from(b.slice(T0 + 5000, 1)), [2]);
  });

  it("an async iterable is consumed once, lazily", async () => {
    let pulled = 0;
    async function* gen() {
      for (const s of samples(5000, 60)) {
        pulled++;
        yield s;
      }
    }
    const a = await analyzeSamples(gen());
    assert.equal(pulled, 5000);
    assert.equal(a.input.samples, 5000);
    assert.equal(a.summary.rejected, Math.ceil(5000 / 7));
  });
});
