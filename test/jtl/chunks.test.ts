// hostile input: any chunk boundaries give the same samples, one byte at a time too; fuzzed bytes never throw
// anything but a JtlError; JMeter-quoted text round-trips
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { JtlError } from "../../src/jtl/index.js";
import { CORPUS, feed, HEADER, plain, type Read } from "./helpers.js";

const FILES = [
  "Blazemeter__taurus__doublequoting.jtl",
  "jmeter-maven-plugin__jmeter-maven-plugin__csv3-1-pass.csv",
  "Blazemeter__jmeter-bzm-plugins__TabDelimiter.csv",
  "undera__jmeter-plugins__short.jtl",
  "Blazemeter__taurus__unicode.jtl",
  "ravimech476__BUZZTESTING__buzz_storm_results.jtl",
  "Kuprich__jtl-viewer__fakestore_v2.jtl",
  "jmeter-maven-plugin__jmeter-maven-plugin__jtl2-1-fail.jtl",
  "apache__jmeter__TEST_HTTP_HttpClient4.xml",
  "Blazemeter__taurus__standard-errors.jtl",
];

const bytes = new Map(FILES.map((f) => [f, readFileSync(CORPUS + f)]));

function same(a: Read, b: Read, what: string): void {
  assert.equal(plain(b.samples), plain(a.samples), what);
  assert.deepEqual(b.stats.problems, a.stats.problems, what);
}

for (const f of FILES) {
  test(`random chunk boundaries give identical samples: ${f}`, () => {
    const b = bytes.get(f)!;
    const whole = feed(b);
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: b.length - 1 }), { maxLength: 60 }), (cuts) => {
      same(whole, feed(b, {}, cuts.sort((x, y) => x - y)), `cuts ${cuts.slice(0, 8).join(",")}`);
    }), { numRuns: b.length > 200_000 ? 8 : 40 });
  });
}

for (const f of FILES.filter((f) => bytes.get(f)!.length < 400_000)) {
  test(`one byte at a time gives identical samples: ${f}`, () => {
    const b = bytes.get(f)!;
    same(feed(b), feed(b, {}, 1), f);
  });
}

test("one byte at a time: a file with every quirk at once (BOM, CRLF, quotes across lines, repeated header, cut-off end)", () => {
  const text = `\uFEFF${HEADER}\r\n1000,5,"a, ""quoted""\r\nlabel",200,OK,T 1-1,text,true,,1,1,1,1,null,1,0,0\r\ngarbage\r\n${HEADER}\r\n2000,5,b,200,OK,T 1-1,text,true,,1,1,1,1,null,1,0,0\r\n3000,5,c,20`;
  const whole = feed(text);
  assert.equal(whole.samples.length, 2);
  assert.equal(whole.samples[0]!.label, 'a, "quoted"\r\nlabel');
  assert.deepEqual(Object.keys(whole.stats.problems).sort(), ["field-count", "repeated-header", "truncated-record"]);
  same(whole, feed(text, {}, 1), "bytes");
});

/** JMeter's CSVSaveService.quoteDelimiters */
function quote(v: string, d: string): string {
  return /["\r\n]/.test(v) || v.includes(d) ? `"${v.replaceAll('"', '""')}"` : v;
}

test("text written as JMeter quotes it reads back unchanged, in any chunks", () => {
  const text = fc.string({ unit: fc.constantFrom("a", "é", "€", ",", ";", "\t", "|", '"', "\n", "\r", " ", "0", "-", "𝄞"), maxLength: 12 });
  fc.assert(fc.property(
    fc.constantFrom(",", ";", "\t", "|"),
    fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 8 }),
    fc.array(fc.nat(), { maxLength: 10 }),
    (d, rows, cutSeeds) => {
      const lines = [["timeStamp", "elapsed", "label", "responseMessage", "threadName", "success"].join(d)];
      rows.forEach(([label, msg, thread], i) => lines.push([String(1000 + i), "5", quote(label, d), quote(msg, d), quote(thread, d), "true"].join(d)));
      const body = Buffer.from(lines.join("\n") + "\n");
      const cuts = [...new Set(cutSeeds.map((c) => 1 + (c % Math.max(1, body.length - 1))))].sort((a, b) => a - b);
      const r = feed(body, {}, cuts);
      assert.equal(r.samples.length, rows.length);
      r.samples.forEach((s, i) => {
        assert.deepEqual([s.label, s.message, s.thread], rows[i]);
        assert.equal(s.start, 1000 + i);
      });
      assert.deepEqual(r.stats.problems, {});
    }), { numRuns: 300 });
});

const MUTATIONS = fc.array(fc.tuple(fc.nat(), fc.constantFrom("flip", "quote", "newline", "delete", "lt", "amp", "nul", "high", "cut")), { minLength: 1, maxLength: 12 });

function mutate(b: Buffer, ops: [number, string][]): Buffer {
  let out = Buffer.from(b);
  for (const [at, op] of ops) {
    if (out.length === 0) break;
    const i = at % out.length;
    const ins = (x: string | number[]) => { out = Buffer.concat([out.subarray(0, i), Buffer.from(x as string), out.subarray(i)]); };
    switch (op) {
      case "flip": out[i] = out[i]! ^ (1 << (at % 8)); break;
      case "quote": ins('"'); break;
      case "newline": ins("\n"); break;
      case "delete": out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1 + (at % 40))]); break;
      case "lt": ins("<"); break;
      case "amp": ins("&x"); break;
      case "nul": ins([0]); break;
      case "high": ins([0xff, 0xfe]); break;
      case "cut": out = out.subarray(0, i); break;
    }
  }
  return out;
}

for (const f of FILES) {
  test(`fuzzed bytes of ${f} never throw anything but a JtlError`, () => {
    const b = bytes.get(f)!.subarray(0, 6000);
    fc.assert(fc.property(MUTATIONS, fc.integer({ min: 1, max: 700 }), (ops, step) => {
      const m = mutate(b, ops);
      try {
        const r = feed(m, {}, step);
        for (const s of r.samples) assert.equal(typeof s.label, "string");
      } catch (e) {
        if (!(e instanceof JtlError)) throw e;
        assert.match(e.message, /^test\.jtl(:\d+)?: /);
      }
    }), { numRuns: 150 });
  });
}

test("random bytes never throw anything but a JtlError", () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 500 }), (b, step) => {
    try {
      feed(b, {}, step);
    } catch (e) {
      if (!(e instanceof JtlError)) throw e;
    }
  }), { numRuns: 500 });
});

test("the fast path reads every record as the general parser does, quirks mixed in, in any chunks", () => {
  // fields that keep a record on the fast path, and ones that must send it to the general parser
  const num = fc.oneof(fc.nat({ max: 99999 }).map(String), fc.constantFrom("", "-1", "1.5", "12a", " 7", "+3", "1e3"));
  const txt = fc.oneof(fc.constantFrom("GET /a", "OK", "T 1-1", "", "é€", "a\"b", "\"q\"", "\"a,b\"", "x\r", "null"), fc.string({ maxLength: 6 }));
  const bool = fc.constantFrom("true", "false", "TRUE", "False", "", "yes");
  const rowArb = fc.tuple(num, num, txt, num, txt, txt, txt, bool, txt, num, num, num, num, txt, num, num, num, fc.constantFrom("", ",extra", ""))
    .map((f) => f.slice(0, 17).join(",") + f[17]);
  const lineArb = fc.oneof({ weight: 8, arbitrary: rowArb }, fc.constantFrom("", "garbage", HEADER, "1000,5,cut"), fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b).toString("latin1")));
  fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (lines, eol, cutEnd, seeds) => {
    const body = Buffer.concat([Buffer.from(HEADER + eol), ...lines.map((l) => Buffer.from(l + eol, "latin1"))]);
    const b = cutEnd ? body.subarray(0, body.length - 1) : body;
    const cuts = [...new Set(seeds.map((c) => 1 + (c % Math.max(1, b.length - 1))))].sort((x, y) => x - y);
    let general: Read | Error;
    try { general = feed(b, { generalOnly: true }); } catch (e) { general = e as Error; }
    let fast: Read | Error;
    try { fast = feed(b, {}, cuts); } catch (e) { fast = e as Error; }
    if (general instanceof Error || fast instanceof Error) return assert.equal(String(fast), String(general));
    same(general, fast, JSON.stringify(lines.slice(0, 4)));
  }), { numRuns: 500 });
});
