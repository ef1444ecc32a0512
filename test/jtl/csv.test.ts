// the CSV core, one quirk of reference §1 (and of the issue) per test
import { test } from "node:test";
import assert from "node:assert/strict";
import { feed, HEADER, row } from "./helpers.js";
import { JtlError, parseProperties, saveConfigOf } from "../../src/jtl/index.js";

const rows = (n: number, t0 = 1_700_000_000_000) =>
  Array.from({ length: n }, (_, i) => row(t0 + i * 100, 50 + (i % 7), `L${i % 3}`, i % 5 ? "200" : "429", `T 1-${i % 4}`)).join("\n");

test("header line: JMeter 5.4.3's default columns", () => {
  const { samples, stats } = feed(`${HEADER}\n${row(1000, 20, "GET /a", "429", "T 1-1", { message: "Too Many Requests" })}\n`);
  assert.equal(samples.length, 1);
  const s = samples[0]!;
  assert.equal(s.start, 1000);
  assert.equal(s.elapsed, 20);
  assert.equal(s.code, "429");
  assert.equal(s.message, "Too Many Requests");
  assert.equal(s.success, false);
  assert.equal(s.bytes, 100);
  assert.equal(s.sentBytes, 50);
  assert.equal(s.latency, 19);
  assert.equal(s.line, 2);
  assert.equal(s.kind, "sample");
  assert.ok(Number.isNaN(s.retryAfter));
  assert.equal(stats.csv!.header, true);
});

test("any subset and order of columns", () => {
  const { samples } = feed("label,timeStamp,responseCode,elapsed\nGET /x,5000,503,12\n");
  assert.equal(samples[0]!.label, "GET /x");
  assert.equal(samples[0]!.start, 5000);
  assert.equal(samples[0]!.code, "503");
  assert.ok(Number.isNaN(samples[0]!.bytes), "absent numbers are NaN");
  assert.equal(samples[0]!.thread, "", "absent text is empty");
});

test("sample_variables columns: quoted header names, retryAfter read, others counted as unknown", () => {
  const { samples, stats } = feed(`timeStamp,elapsed,label,responseCode,"retryAfter","orderId"\n1000,5,a,429,30,7\n2000,5,a,200,null,8\n`);
  assert.equal(samples[0]!.retryAfter, 30);
  assert.ok(Number.isNaN(samples[1]!.retryAfter), "an unset variable is written null");
  assert.deepEqual(stats.csv!.unknownColumns, ["orderId"]);
  assert.deepEqual(stats.problems["unknown-column"], { count: 1, lines: [1] });
});

test("a Retry-After variable holding an HTTP date counts seconds from the sample's end", () => {
  const end = Date.UTC(2025, 0, 1, 12, 0, 0);
  const { samples } = feed(`timeStamp,elapsed,label,"Retry-After"\n${end - 1000},1000,a,"Wed, 01 Jan 2025 12:00:20 GMT"\n`);
  assert.equal(samples[0]!.retryAfter, 20);
});

for (const [name, d] of [["comma", ","], ["semicolon", ";"], ["tab", "\t"], ["pipe", "|"]] as const) {
  test(`delimiter detected: ${name}`, () => {
    const text = `${HEADER.replaceAll(",", d)}\n${row(1000, 20).replaceAll(",", d)}\n`;
    const { samples, stats } = feed(text);
    assert.equal(stats.csv!.delimiter, d);
    assert.equal(samples[0]!.thread, "T 1-1");
    assert.equal(samples[0]!.connect, 0);
  });
}

test("quoted fields with embedded delimiters, doubled quotes and newlines", () => {
  const msg = `"Line one, with a comma\nline ""two""\r\nline three"`;
  const { samples, stats } = feed(`timeStamp,elapsed,label,responseMessage,threadName\n1000,5,a,${msg},T 1-1\n2000,5,b,OK,T 1-1\n`);
  assert.equal(samples[0]!.message, 'Line one, with a comma\nline "two"\r\nline three');
  assert.equal(samples[0]!.thread, "T 1-1");
  assert.equal(samples[1]!.line, 5, "lines inside quotes are counted");
  assert.deepEqual(stats.problems, {});
});

test("CRLF line ends", () => {
  const { samples, stats } = feed(`${HEADER}\r\n${row(1000, 20)}\r\n${row(2000, 20)}\r\n`);
  assert.equal(samples.length, 2);
  assert.equal(samples[1]!.connect, 0);
  assert.equal(samples[1]!.line, 3);
  assert.deepEqual(stats.problems, {});
});

test("a UTF-8 byte order mark before the header", () => {
  const { samples, stats } = feed(`\uFEFF${HEADER}\n${row(1000, 20)}\n`);
  assert.equal(samples.length, 1);
  assert.equal(stats.csv!.header, true);
});

test("no header: JMeter 5.4.3's default columns", () => {
  const { samples, stats } = feed(`${row(1000, 20)}\n${row(2000, 30)}\n`);
  assert.equal(stats.csv!.header, false);
  assert.equal(samples.length, 2);
  assert.equal(samples[0]!.line, 1);
  assert.equal(samples[1]!.elapsed, 30);
});

test("no header: the columns a jmeter.properties / user.properties imply", () => {
  const props = parseProperties([
    "jmeter.save.saveservice.print_field_names=false",
    "jmeter.save.saveservice.default_delimiter=\\t",
    "jmeter.save.saveservice.thread_counts=false",
    "jmeter.save.saveservice.url=false",
    "jmeter.save.saveservice.hostname=true",
  ].join("\n"));
  const user = parseProperties("sample_variables=retryAfter,orderId\n");
  const cfg = saveConfigOf([props, user]);
  assert.deepEqual(cfg.columns, ["timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName", "dataType", "success",
    "failureMessage", "bytes", "sentBytes", "Latency", "Hostname", "IdleTime", "Connect", "retryAfter", "orderId"]);
  const line = ["1000", "20", "a", "429", "Too Many", "T 1-1", "text", "false", "", "10", "5", "19", "host-1", "0", "3", "12", "77"].join("\t");
  const { samples, stats } = feed(`${line}\n`, { saveConfig: cfg });
  assert.equal(stats.csv!.delimiter, "\t");
  assert.equal(samples[0]!.connect, 3);
  assert.equal(samples[0]!.retryAfter, 12);
});

test("without properties, a header-less file of other columns is refused naming what was expected", () => {
  assert.throws(() => feed("1000,20,a,200\n2000,20,a,200\n"), (e: unknown) => {
    assert.ok(e instanceof JtlError);
    assert.equal(e.code, "E_JTL_NO_SAMPLES");
    assert.match(e.message, /^test\.jtl: no usable sample; expected a header line .* 17 columns .*--jmeter-properties.*line 1 has 4 fields/);
    return true;
  });
});

test("timestamps written with a timestamp_format pattern", () => {
  const { samples, stats } = feed(`timeStamp,elapsed,label\n2024/03/01 10:00:00.250,5,a\n`, { timestampFormat: "yyyy/MM/dd HH:mm:ss.SSS" });
  assert.equal(samples[0]!.start, Date.UTC(2024, 2, 1, 10, 0, 0, 250));
  assert.equal(stats.csv!.timestampFormat, "yyyy/MM/dd HH:mm:ss.SSS");
  const z = feed(`timeStamp,elapsed,label\n2024-03-01T10:00:00.000+0100,5,a\n`, { timestampFormat: "yyyy-MM-dd'T'HH:mm:ss.SSSZ" });
  assert.equal(z.samples[0]!.start, Date.UTC(2024, 2, 1, 9, 0, 0, 0));
});

test("date-time timestamps are recognised without a pattern", () => {
  const { samples, stats } = feed(`timeStamp,elapsed,label\n2024-03-01 10:00:00.250,5,a\n`);
  assert.equal(samples[0]!.start, Date.UTC(2024, 2, 1, 10, 0, 0, 250));
  assert.equal(stats.csv!.timestampFormat, "date");
});

/** two threads, each running back-to-back samples, written in completion order */
function completionOrder(stamp: "start" | "end"): string {
  const out: { start: number; elapsed: number; thread: string }[] = [];
  for (const [thread, t0, el] of [["A", 0, 70], ["B", 10, 45]] as const) {
    let t = 1_000_000 + t0;
    for (let i = 0; i < 40; i++) {
      const e = el + ((i * 13) % 30);
      out.push({ start: t, elapsed: e, thread });
      t += e + 1;
    }
  }
  out.sort((a, b) => a.start + a.elapsed - (b.start + b.elapsed));
  return [HEADER, ...out.map((s) => row(stamp === "start" ? s.start : s.start + s.elapsed, s.elapsed, "a", "200", s.thread))].join("\n");
}

test("start timestamps are detected from the order of each thread's samples", () => {
  const { stats, samples } = feed(completionOrder("start"));
  assert.equal(stats.timestamps.detected, "start");
  assert.equal(stats.timestamps.used, "start");
  assert.equal(samples[0]!.start, 1_000_010);
});

test("files stamped at sample end are detected, said so, and corrected to starts", () => {
  const { stats, samples } = feed(completionOrder("end"));
  assert.equal(stats.timestamps.detected, "end");
  assert.equal(stats.timestamps.used, "end");
  assert.equal(stats.timestamps.source, "detected");
  assert.ok(stats.timestamps.evidence!.overlapsIfStart > 10);
  assert.equal(stats.timestamps.evidence!.overlapsIfEnd, 0);
  assert.deepEqual(samples.map((s) => s.start), feed(completionOrder("start")).samples.map((s) => s.start));
});

test("timestamps: the start|end override wins over detection", () => {
  const { stats, samples } = feed(completionOrder("start"), { timestamps: "end" });
  assert.equal(stats.timestamps.used, "end");
  assert.equal(stats.timestamps.source, "option");
  assert.equal(stats.timestamps.detected, "start", "what the file suggests is still reported");
  assert.equal(samples[0]!.start, 1_000_010 - samples[0]!.elapsed);
});

test("sampleresult.timestamp.start=false in the given properties means end timestamps", () => {
  const cfg = saveConfigOf([parseProperties("sampleresult.timestamp.start=false\n")]);
  const { stats } = feed(`${HEADER}\n${row(1000, 20)}\n`, { saveConfig: cfg });
  assert.equal(stats.timestamps.used, "end");
  assert.equal(stats.timestamps.source, "properties");
});

test("a last record cut off mid-write is counted and the rest read", () => {
  const { samples, stats } = feed(`${HEADER}\n${row(1000, 20)}\n${row(2000, 20)}\n1700000000000,12,GET /a,20`);
  assert.equal(samples.length, 2);
  assert.deepEqual(stats.problems["truncated-record"], { count: 1, lines: [4] });
});

test("a last record cut inside a quoted field is counted as truncated", () => {
  const { samples, stats } = feed(`${HEADER}\n${row(1000, 20)}\n2000,5,a,200,"Number of samples in`);
  assert.equal(samples.length, 1);
  assert.deepEqual(stats.problems["truncated-record"], { count: 1, lines: [3] });
});

test("garbage lines are counted with their line numbers; reading goes on", () => {
  const text = [HEADER, row(1000, 20), "Exception in thread main java.lang.OutOfMemoryError", row(2000, 20), "x,y,z,,,,,,,,,,,,,,", row(3000, 20)].join("\n");
  const { samples, stats } = feed(text);
  assert.equal(samples.length, 3);
  assert.deepEqual(stats.problems["field-count"], { count: 1, lines: [3] });
  assert.deepEqual(stats.problems["garbage-line"], { count: 1, lines: [5] });
});

test("a repeated header (concatenated files) is counted and its columns apply from there", () => {
  const text = [HEADER, row(1000, 20), "timeStamp,label,elapsed", "2000,b,7"].join("\n");
  const { samples, stats } = feed(text);
  assert.equal(samples.length, 2);
  assert.deepEqual(stats.problems["repeated-header"], { count: 1, lines: [3] });
  assert.equal(samples[1]!.label, "b");
  assert.equal(samples[1]!.elapsed, 7);
});

test("wrong types: numbers and booleans that are not are counted, the sample kept", () => {
  const { samples, stats } = feed(`timeStamp,elapsed,label,success,bytes\n1000,fast,a,yes,12x\n2000,1.5,b,TRUE,3\n`);
  assert.equal(samples.length, 2);
  assert.ok(Number.isNaN(samples[0]!.elapsed));
  assert.ok(Number.isNaN(samples[0]!.bytes));
  assert.equal(samples[0]!.success, false);
  assert.equal(samples[1]!.elapsed, 1.5);
  assert.equal(samples[1]!.success, true);
  assert.deepEqual(stats.problems["bad-number"], { count: 1, lines: [2] });
  assert.deepEqual(stats.problems["bad-boolean"], { count: 1, lines: [2] });
});

test("non-UTF-8 bytes are counted and decoded as Latin-1", () => {
  const text = Buffer.concat([Buffer.from(`timeStamp,elapsed,label\n1000,5,caf`), Buffer.from([0xe9]), Buffer.from("\n2000,5,ok\n")]);
  const { samples, stats } = feed(text);
  assert.equal(samples[0]!.label, "café");
  assert.deepEqual(stats.problems["invalid-utf8"], { count: 1, lines: [2] });
});

test("an old 10-column JMeter 2.x CSV", () => {
  const { samples } = feed("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,bytes,Latency\n1360861450883,280,Delete Object,200,OK,Threadgroup 1-12,text,true,224,279\n");
  assert.equal(samples[0]!.latency, 279);
  assert.ok(Number.isNaN(samples[0]!.connect));
});

test("extra SampleCount/ErrorCount/Hostname columns are known, not unknown", () => {
  const { samples, stats } = feed("timeStamp,elapsed,label,SampleCount,ErrorCount,Hostname\n1000,5,a,1,0,host\n");
  assert.equal(samples.length, 1);
  assert.deepEqual(stats.csv!.unknownColumns, []);
  assert.equal(stats.problems["unknown-column"], undefined);
});

test("Transaction Controller parents: by their message, then by their label", () => {
  const text = [HEADER,
    row(1000, 10, "step 1", "200", "T 1-1"),
    row(1010, 10, "step 2", "200", "T 1-1"),
    `1000,20,Checkout,,"Number of samples in transaction : 2, number of failing samples : 1",T 1-1,,false,,200,100,1,1,null,20,0,0`,
    row(2000, 10, "step 1", "200", "T 1-1"),
    `2000,20,Checkout,200,OK,T 1-1,,true,,200,100,1,1,null,20,0,0`,
  ].join("\n");
  const { samples } = feed(text);
  assert.deepEqual(samples.map((s) => s.kind), ["sample", "sample", "transaction", "sample", "transaction"]);
});

test("retry sub-samples <label>-retryN carry retryOf, and rows following their parent are sub-results", () => {
  const text = [HEADER,
    row(1000, 60, "GET /a-retry", "200", "T 1-1"),
    row(1000, 10, "GET /a", "429", "T 1-1"),
    row(1020, 10, "GET /a-retry1", "429", "T 1-1"),
    row(1040, 10, "GET /a-retry2", "200", "T 1-1"),
    row(2000, 10, "GET /b", "302", "T 1-1"),
    row(2000, 5, "GET /b-0", "302", "T 1-1"),
    row(2005, 5, "GET /b-1", "200", "T 1-1"),
    row(3000, 10, "GET /c-retry3", "200", "T 1-2"),
  ].join("\n");
  const { samples } = feed(text);
  assert.deepEqual(samples.map((s) => [s.label, s.kind, s.retryOf]), [
    ["GET /a-retry", "transaction", undefined],
    ["GET /a", "subresult", undefined],
    ["GET /a-retry1", "subresult", "GET /a"],
    ["GET /a-retry2", "subresult", "GET /a"],
    ["GET /b", "sample", undefined],
    ["GET /b-0", "subresult", undefined],
    ["GET /b-1", "subresult", undefined],
    ["GET /c-retry3", "sample", "GET /c"],
  ]);
});

test("blank lines (a trailing empty line) are no problem", () => {
  const { samples, stats } = feed(`${HEADER}\n${row(1000, 20)}\n\n\n`);
  assert.equal(samples.length, 1);
  assert.deepEqual(stats.problems, {});
});

test("an unterminated quote mid-file is read past at the next line once the record limit is passed", () => {
  const big = "x".repeat(1100 * 1024);
  const text = `${HEADER}\n${row(1000, 20)}\n2000,5,a,200,"never closed ${big}\n${rows(3, 5000)}\n`;
  for (const r of [feed(text, {}, 64 * 1024), feed(text)]) {
    assert.equal(r.samples.length, 4);
    assert.deepEqual(r.stats.problems["unterminated-quote"], { count: 1, lines: [3] });
    assert.equal(r.samples[1]!.line, 4);
  }
});

test("a file of garbage is refused with the file and what was expected", () => {
  assert.throws(() => feed("hello world\nthis is not a result file\n"), (e: unknown) =>
    e instanceof JtlError && e.code === "E_JTL_NO_SAMPLES" && /^test\.jtl: no usable sample; expected/.test(e.message));
  assert.throws(() => feed(""), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_EMPTY");
  assert.throws(() => feed("label,elapsed\na,5\n"), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_COLUMNS" && /no timeStamp column/.test(e.message));
});

test("a header with no rows is refused", () => {
  assert.throws(() => feed(`${HEADER}\n`), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_NO_SAMPLES");
});

test("many rows: counts, labels interned to equal strings", () => {
  const { samples, stats } = feed(`${HEADER}\n${rows(1000)}\n`);
  assert.equal(samples.length, 1000);
  assert.equal(samples.filter((s) => s.code === "429").length, 200);
  assert.deepEqual(stats.problems, {});
});

test("WebSocket rows (101, URL null, no dataType) are samples; Non HTTP response codes are kept as written", () => {
  const text = [HEADER,
    `1000,156,01 - Connect,101,Switching Protocols,Callers 1-1,,true,,129,158,2,11,null,0,0,156`,
    `1200,0,02 - Read,200,OK,Callers 1-1,text,true,,56,0,2,2,null,0,0,0`,
    `1300,10,03 - Upgrade,429,Got unexpected status 429 with statusLine:HTTP/1.1 429,Callers 1-2,,false,,0,0,2,2,null,0,0,3`,
    `1400,30001,GET /a,Non HTTP response code: java.net.SocketTimeoutException,Non HTTP response message: Read timed out,T 1-1,text,false,,0,0,1,1,http://x/a,0,0,0`,
  ].join("\n");
  const { samples } = feed(text);
  assert.deepEqual(samples.map((s) => s.kind), ["sample", "sample", "sample", "sample"]);
  assert.deepEqual(samples.map((s) => s.url), ["null", "null", "null", "http://x/a"]);
  assert.equal(samples[0]!.connect, 156);
  assert.equal(samples[3]!.code, "Non HTTP response code: java.net.SocketTimeoutException");
  assert.equal(samples[3]!.message, "Non HTTP response message: Read timed out");
  assert.equal(samples[3]!.success, false);
});

test("an empty number field is absent (NaN), not 0; an empty timestamp makes the row unusable", () => {
  for (const opts of [{}, { generalOnly: true }]) {
    const { samples, stats } = feed(`${HEADER}\n1000,,GET /a,200,OK,T 1-1,text,true,,,50,1,1,http://x/a,,0,\n,5,GET /a,200,OK,T 1-1,text,true,,100,50,1,1,http://x/a,4,0,0\n`, opts);
    assert.equal(samples.length, 1, JSON.stringify(opts));
    const s = samples[0]!;
    assert.deepEqual([s.elapsed, s.bytes, s.latency, s.connect, s.sentBytes], [NaN, NaN, NaN, NaN, 50]);
    assert.deepEqual(stats.problems, { "garbage-line": { count: 1, lines: [3] } });
  }
});
