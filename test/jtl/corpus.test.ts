// every real file in ../shared/corpus/jtl read as SOURCES.tsv describes it
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { readJtl, type ReadStats, type Sample } from "../../src/jtl/index.js";
import { CORPUS } from "./helpers.js";

async function read(file: string): Promise<{ r: ReadStats; samples: Sample[]; codes: Record<string, number>; kinds: Record<string, number> }> {
  const samples: Sample[] = [];
  const r = await readJtl(CORPUS + file, {}, (s) => samples.push(s));
  const codes: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  for (const s of samples) {
    codes[s.code] = (codes[s.code] ?? 0) + 1;
    kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
  }
  return { r, samples, codes, kinds };
}

const EXPECTED: Record<string, (x: Awaited<ReturnType<typeof read>>) => void> = {
  "6304359173__perf-eng-platform__results.jtl": ({ r, codes }) => {
    assert.deepEqual(codes, { "200": 300, "Non HTTP response code: javax.net.ssl.SSLException": 100 });
    assert.deepEqual(r.problems, {});
    assert.equal(r.inputs[0]!.timestamps.detected, "start");
  },
  "Blazemeter__jmeter-bzm-plugins__TabDelimiter.csv": ({ r, codes, samples }) => {
    assert.deepEqual(codes, { "200": 10 });
    assert.equal(r.inputs[0]!.csv!.delimiter, "\t");
    assert.equal(r.inputs[0]!.csv!.columns.length, 16);
    assert.equal(samples[0]!.label, "jp@gc - Dummy Sampler");
    assert.equal(samples[0]!.url, "", "no URL column");
  },
  "Blazemeter__taurus__doublequoting.jtl": ({ r, codes, samples }) => {
    assert.deepEqual(codes, { "200": 2 });
    assert.match(samples[0]!.message, /^Embedded resource download error:https:\/\/mosaic02/);
    assert.match(samples[0]!.message, /Was expecting one of: <S>, "\(", , $/);
    assert.equal(samples[0]!.thread, "scen1 1-1");
    assert.equal(samples[0]!.success, false);
    assert.deepEqual(r.problems, {});
  },
  "Blazemeter__taurus__kpi1.jtl": ({ codes, samples }) => {
    assert.deepEqual(codes, { "200": 12, "404": 9 });
    assert.equal(samples[1]!.connect, 1);
  },
  "Blazemeter__taurus__standard-errors.jtl": ({ r, codes, samples }) => {
    assert.equal(r.samples, 185);
    assert.deepEqual(codes, { "200": 92, "Non HTTP response code: java.net.SocketTimeoutException": 93 });
    assert.equal(r.problems["truncated-xml"]?.count, 1);
    assert.match(samples.find((s) => s.line === 3)!.failureMessage, /^The operation lasted too long: It took 11 milliseconds/);
    assert.equal(r.inputs[0]!.timestamps.used, "end", "JMeter 2.13 stamped sample ends; its samples of one thread overlap when read as starts");
  },
  "Blazemeter__taurus__tabs.jtl": ({ r, codes }) => {
    assert.deepEqual(codes, { "200": 4 });
    assert.equal(r.inputs[0]!.csv!.delimiter, "\t");
    assert.deepEqual(r.problems, {});
  },
  "Blazemeter__taurus__unicode.jtl": ({ codes, samples }) => {
    assert.deepEqual(codes, { "404": 13 });
    assert.equal(samples[0]!.label, "САП.АутентифицироватьРасш");
    assert.equal(samples[1]!.label, "Тест.Эхо");
  },
  "Kuprich__jtl-viewer__fakestore_v2.jtl": ({ r, codes, kinds, samples }) => {
    assert.equal(r.samples, 6439, "6440 rows, the last cut off mid-write");
    assert.deepEqual(codes, { "200": 4508, "201": 1823, "": 108 });
    assert.deepEqual(r.problems["truncated-record"], { count: 1, lines: [6441] });
    assert.equal(kinds.transaction, 1484);
    assert.equal(samples[3]!.label, "UC01__Create_User");
    assert.equal(samples[3]!.kind, "transaction");
    assert.equal(samples[0]!.thread, "jp@gc - Ultimate Thread Group 1-2");
  },
  "apache__jmeter__HTMLReportTestFile.csv": ({ codes, samples }) => {
    assert.deepEqual(codes, { "200": 252, "400": 3 });
    assert.equal(samples[0]!.url, "null");
    assert.equal(samples[0]!.start, 1551783627191);
  },
  "apache__jmeter__TEST_HTTP_HttpClient4.xml": ({ r, codes, kinds }) => {
    assert.equal(r.samples, 44);
    assert.deepEqual(codes, { "200": 18, "302": 23, "Non HTTP response code: java.io.IOException": 2, "Non HTTP response code: org.apache.http.client.ClientProtocolException": 1 });
    assert.deepEqual(kinds, { sample: 22, subresult: 22 });
    assert.equal(r.problems["no-timestamp"]?.count, 44, "the file saved no ts attribute");
  },
  "apache__jmeter__sample_log1.jtl": ({ r, codes, samples }) => {
    assert.deepEqual(codes, { "200": 10000 });
    assert.equal(r.inputs[0]!.timestamps.detected, "end");
    assert.equal(samples[0]!.start, 1132021485561 - 1733);
  },
  "fcrepo4-archive__ff-jmeter-testResults__jmeter-fedora-1024mean-102stddev-40threads.csv": ({ r, codes, samples }) => {
    assert.equal(r.samples, 49200);
    assert.deepEqual(codes, {
      "200": 44423, "201": 4395, "404": 253, "503": 4, "401": 2,
      "Non HTTP response code: org.apache.http.conn.HttpHostConnectException": 49,
      "Non HTTP response code: java.net.SocketException": 40,
      "Non HTTP response code: org.apache.http.NoHttpResponseException": 34,
    });
    assert.equal(r.inputs[0]!.csv!.columns.length, 10);
    assert.ok(Number.isNaN(samples[0]!.connect), "a JMeter 2.x file has no Connect column");
    assert.equal(r.inputs[0]!.timestamps.detected, "start");
  },
  "jmeter-maven-plugin__jmeter-maven-plugin__csv3-1-pass.csv": ({ r, samples }) => {
    assert.equal(r.inputs[0]!.csv!.delimiter, ";");
    assert.equal(samples.length, 2);
    assert.equal(samples[0]!.success, true, '"True" is true');
    assert.equal(samples[1]!.message, '<Foo Bar="false"></Foo>');
  },
  "jmeter-maven-plugin__jmeter-maven-plugin__jtl2-1-fail.jtl": ({ codes, samples }) => {
    assert.deepEqual(codes, { "302": 3, "304": 1 });
    assert.deepEqual(samples.map((s) => s.success), [true, false, true, false]);
  },
  "ravimech476__BUZZTESTING__buzz_storm_results.jtl": ({ r, codes, samples }) => {
    assert.deepEqual(codes, { "200": 1659, "No response": 287, "Sampler error: unexpected frame type (ping).": 128, "101": 120, "500": 25 });
    assert.equal(samples.filter((s) => s.message.includes("\n") || s.failureMessage.includes("\n")).length, 25);
    assert.deepEqual(r.problems, {});
  },
  "undera__jmeter-plugins__short.jtl": ({ r, codes, samples }) => {
    assert.deepEqual(codes, { "200": 150 });
    assert.equal(samples[149]!.latency, 1, "CRLF line ends are not part of the last field");
    assert.deepEqual(r.problems, {});
  },
};

test("the corpus holds exactly the files this test knows", () => {
  assert.deepEqual(readdirSync(CORPUS).sort(), Object.keys(EXPECTED).sort());
});

for (const [file, check] of Object.entries(EXPECTED)) {
  test(`corpus: ${file}`, async () => check(await read(file)));
}
